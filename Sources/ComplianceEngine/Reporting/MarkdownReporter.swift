internal import ComplianceRules

/// A Markdown summary for `$GITHUB_STEP_SUMMARY` or a pull-request comment (`--format markdown`,
/// DESIGN §5.4): a table of every system, then the failing systems' findings and the facts still to
/// declare, then the inputs that could not be evaluated, and the disclaimer.
public enum MarkdownReporter {
    /// The Markdown document, ending with the disclaimer line and a newline.
    public static func render(_ report: Report) -> String {
        let say = report.strings
        var lines: [String] = ["# " + say("md.title"), ""]
        let packs = report.packs.map { pack in
            "\(text(pack.title)) (\(code(pack.id)) \(pack.version)"
                + (pack.lawVersionDate.map { say("md.law_text", ["date": $0.description]) } ?? "") + ")"
        }.joined(separator: ", ")
        lines.append(
            say("md.as_of", ["as_of": report.asOf.description, "gate": gateLabel(report.gate, say)])
                + (packs.isEmpty ? "" : " · \(packs)"))
        lines.append("")

        if !report.systems.isEmpty {
            let headings = ["system", "gate", "fail", "unknown", "waived", "upcoming", "pass", "na", "risk"]
            lines.append("| " + headings.map { say("md.column.\($0)") }.joined(separator: " | ") + " |")
            lines.append("|---|---|--:|--:|--:|--:|--:|--:|---|")
            for system in report.systems {
                let summary = system.summary
                let cells = [
                    "\(code(system.systemID, inTable: true)) \(text(system.systemName))",
                    gateLabel(system.gate, say),
                    String(summary.fail), String(summary.unknown), String(summary.waived), String(summary.upcoming),
                    String(summary.pass), String(summary.notApplicable),
                    riskLevel(system, say),
                ]
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
            lines.append("")
        }

        for system in report.systems where system.gate == .fail {
            lines += failing(system, report: report)
        }

        if !report.errors.isEmpty {
            lines.append("## " + say("md.unevaluated"))
            lines.append("")
            for diagnostic in report.errors {
                let place = diagnostic.location.map { code($0.description) + ": " } ?? ""
                lines.append("- \(place)\(diagnostic.severity.rawValue): \(text(diagnostic.message))")
            }
            lines.append("")
        }

        lines.append("---")
        lines.append("")
        lines.append(Disclaimer.text(say))
        if let notice = Disclaimer.translationNotice(say) {
            lines.append("")
            lines.append(notice)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The failing findings and the unknowns of one system that failed its gate.
    private static func failing(_ system: SystemReport, report: Report) -> [String] {
        let say = report.strings
        var lines = [
            "## \(code(system.systemID)) \(text(system.systemName))", "", say("md.file", ["file": code(system.file)]), "",
        ]
        let failures = system.findings.filter { $0.status == .fail }
        if !failures.isEmpty {
            let headings = ["rule", "severity", "title", "location", "citation", "fix"]
            lines.append("| " + headings.map { say("md.column.\($0)") }.joined(separator: " | ") + " |")
            lines.append("|---|---|---|---|---|---|")
            for finding in failures {
                let location = finding.location.map { "\($0.file):\($0.line)" } ?? system.file
                let cells = [
                    code(finding.rule, inTable: true),
                    TextReporter.severityWord(finding.severity, say),
                    text(finding.title),
                    code(location, inTable: true),
                    text(TextReporter.cite(finding.allCitations, report: report)),
                    text(finding.remediation),
                ]
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        let unknowns = system.findings.filter { $0.status == .unknown }
        if !unknowns.isEmpty {
            lines.append(say("md.unknown_heading"))
            lines.append("")
            for finding in unknowns {
                let facts = finding.missing.map { code($0) }.joined(separator: ", ")
                let declare = say("text.declare", ["facts": facts.isEmpty ? say("md.facts_it_reads") : facts])
                lines.append(
                    "- \(code(finding.rule)) (\(TextReporter.severityWord(finding.severity, say))) \(text(finding.title)): \(declare)"
                )
            }
            lines.append("")
        }
        return lines
    }

    /// Each derived risk level, e.g. `high (declared medium)`, or `-`.
    private static func riskLevel(_ system: SystemReport, _ say: ReportStrings) -> String {
        let levels = system.derived.filter { $0.name == "risk_level" }.map { fact -> String in
            var label = fact.value ?? say("value.unknown")
            if let declared = fact.declared, declared != fact.value { label += " " + say("text.declared", ["value": declared]) }
            return text(label)
        }
        return levels.isEmpty ? "-" : levels.joined(separator: ", ")
    }

    private static func gateLabel(_ gate: GateResult, _ say: ReportStrings) -> String {
        switch gate {
        case .pass: "✅ " + say("gate.pass")
        case .fail: "❌ " + say("gate.fail")
        case .error: "⚠️ " + say("gate.error")
        }
    }

    // MARK: Escaping

    /// Inline text with Markdown and HTML markup escaped (`|` too, so it is safe in table cells);
    /// line breaks become spaces, other control characters and bidi overrides are escaped, and
    /// `@name` and `#123` taken from inputs cannot mention anyone or link an issue (a zero-width
    /// space follows the `@` or `#`, as dependency bots do).
    static func text(_ value: String) -> String {
        var output = ""
        let characters = Array(value)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|":
                output += "\\" + String(character)
            case "#":
                output += next?.isNumber == true ? "\\#&#8203;" : "\\#"
            case "@":
                output += next.map { $0.isLetter || $0.isNumber } == true ? "@&#8203;" : "@"
            case "\n", "\r", "\r\n":
                output += " "
            default:
                output += SafeText.escaped(String(character))
            }
        }
        return output
    }

    /// A code span that holds any text: fenced with more backticks than it contains, `|` escaped
    /// inside table cells (GitHub reads `\|` there as a literal bar), line breaks as spaces.
    static func code(_ value: String, inTable: Bool = false) -> String {
        var content = SafeText.escaped(
            value.replacing("\r\n", with: " ").replacing("\n", with: " ").replacing("\r", with: " "))
        if inTable { content = content.replacing("|", with: "\\|") }
        var longest = 0
        var run = 0
        for character in content {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = content.hasPrefix("`") || content.hasSuffix("`") ? " \(content) " : content
        return fence + padded + fence
    }
}
