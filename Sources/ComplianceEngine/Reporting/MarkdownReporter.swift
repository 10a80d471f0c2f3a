internal import ComplianceRules

/// A Markdown summary for `$GITHUB_STEP_SUMMARY` or a pull-request comment (`--format markdown`,
/// DESIGN §5.4): a table of every system, then the failing systems' findings and the facts still to
/// declare, then the inputs that could not be evaluated, and the disclaimer.
public enum MarkdownReporter {
    /// The Markdown document, ending with the disclaimer line and a newline.
    public static func render(_ report: Report) -> String {
        var lines: [String] = ["# Compliance check", ""]
        let packs = report.packs.map { pack in
            "\(text(pack.title)) (\(code(pack.id)) \(pack.version)"
                + (pack.lawVersionDate.map { ", law text of \($0)" } ?? "") + ")"
        }.joined(separator: ", ")
        lines.append("As of **\(report.asOf)** · gate: **\(gateLabel(report.gate))**" + (packs.isEmpty ? "" : " · \(packs)"))
        lines.append("")

        if !report.systems.isEmpty {
            lines.append("| System | Gate | Fail | Unknown | Waived | Upcoming | Pass | N/A | Risk level |")
            lines.append("|---|---|--:|--:|--:|--:|--:|--:|---|")
            for system in report.systems {
                let summary = system.summary
                let cells = [
                    "\(code(system.systemID, inTable: true)) \(text(system.systemName))",
                    gateLabel(system.gate),
                    String(summary.fail), String(summary.unknown), String(summary.waived), String(summary.upcoming),
                    String(summary.pass), String(summary.notApplicable),
                    riskLevel(system),
                ]
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
            lines.append("")
        }

        for system in report.systems where system.gate == .fail {
            lines += failing(system, report: report)
        }

        if !report.errors.isEmpty {
            lines.append("## Inputs that could not be evaluated")
            lines.append("")
            for diagnostic in report.errors {
                let place = diagnostic.location.map { code($0.description) + ": " } ?? ""
                lines.append("- \(place)\(diagnostic.severity.rawValue): \(text(diagnostic.message))")
            }
            lines.append("")
        }

        lines.append("---")
        lines.append("")
        lines.append(Disclaimer.text)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The failing findings and the unknowns of one system that failed its gate.
    private static func failing(_ system: SystemReport, report: Report) -> [String] {
        var lines = ["## \(code(system.systemID)) \(text(system.systemName))", "", "File: \(code(system.file))", ""]
        // With more than one pack, each pack's failures get their own heading and table.
        let grouping = PackGrouping(system, report: report)
        let tables =
            grouping.sections.isEmpty
            ? [(heading: String?.none, findings: system.findings)]
            : grouping.sections.map { (heading: "### \(text($0.pack.title)) (\(code($0.pack.id)))", findings: $0.findings) }
        for table in tables {
            let failures = table.findings.filter { $0.status == .fail }
            if failures.isEmpty { continue }
            if let heading = table.heading { lines += [heading, ""] }
            lines.append("| Rule | Severity | Title | Location | Citation | Fix |")
            lines.append("|---|---|---|---|---|---|")
            for finding in failures {
                let location = finding.location.map { "\($0.file):\($0.line)" } ?? system.file
                let cells = [
                    code(finding.rule, inTable: true),
                    finding.severity.rawValue,
                    text(finding.title),
                    code(location, inTable: true),
                    text(TextReporter.cite(finding.allCitations, report: report)),
                    text(finding.remediation),
                ]
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        if !grouping.sharedFixes.isEmpty {
            for fix in grouping.sharedFixes {
                lines.append(
                    "- One fix closes \(fix.rules.count) findings: "
                        + fix.links.map { "\(code($0.from)) \($0.relation) \(code($0.to))" }.joined(separator: "; "))
            }
            lines.append("")
        }
        let unknowns = system.findings.filter { $0.status == .unknown }
        if !unknowns.isEmpty {
            lines.append("Cannot be decided until these facts are declared:")
            lines.append("")
            for finding in unknowns {
                let facts = finding.missing.map { code($0) }.joined(separator: ", ")
                lines.append(
                    "- \(code(finding.rule)) (\(finding.severity.rawValue)) \(text(finding.title)): declare \(facts.isEmpty ? "the facts it reads" : facts)"
                )
            }
            lines.append("")
        }
        return lines
    }

    /// Each derived risk level, e.g. `high (declared medium)`, or `-`.
    private static func riskLevel(_ system: SystemReport) -> String {
        let levels = system.derived.filter { $0.name == "risk_level" }.map { fact -> String in
            var label = fact.value ?? "unknown"
            if let declared = fact.declared, declared != fact.value { label += " (declared \(declared))" }
            return text(label)
        }
        return levels.isEmpty ? "-" : levels.joined(separator: ", ")
    }

    private static func gateLabel(_ gate: GateResult) -> String {
        switch gate {
        case .pass: "✅ pass"
        case .fail: "❌ fail"
        case .error: "⚠️ error"
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
