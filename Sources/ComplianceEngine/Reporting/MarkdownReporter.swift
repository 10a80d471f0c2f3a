public import ComplianceRules

/// A Markdown summary for `$GITHUB_STEP_SUMMARY` or a pull-request comment (`--format markdown`,
/// DESIGN §5.4): a table of every system, then the failing systems' findings and the facts still to
/// declare, then the inputs that could not be evaluated, and the disclaimer.
///
/// GitHub drops a job summary over 1 MiB, so the document is capped (`limit`, 1,000,000 bytes by
/// default): the table comes first, then whole system sections in report order while they fit,
/// then a line saying how many were left out.
public enum MarkdownReporter {
    /// The default cap, under GitHub's 1 MiB limit for a job summary.
    public static let defaultLimit = 1_000_000

    /// The Markdown document, at most `limit` bytes (UTF-8) unless even the header and the
    /// disclaimer do not fit, ending with the disclaimer line and a newline.
    public static func render(_ report: Report, limit: Int = defaultLimit) -> String {
        var stream = Stream(header: report, limit: limit)
        return stream.render(systems: report.systems, errors: report.errors)
    }

    /// The Markdown summary fed system by system. The document opens with the gate, known only at
    /// the end, so it is written by `end`; until then it keeps at most `limit` bytes of table rows
    /// and `limit` bytes of failing-system sections (what does not fit could not be written
    /// anyway), so memory stays bounded by the cap, not by the number of systems.
    public struct Stream: ReportStream {
        private let header: Report
        private let limit: Int
        private var tally = StreamTally()
        private var rows: [Block] = []
        private var rowBytes = 0
        private var sections: [Block] = []
        private var sectionBytes = 0
        private var leftOut: [Block.Kind: Int] = [:]

        public init(header: Report, limit: Int = MarkdownReporter.defaultLimit) {
            self.header = header
            self.limit = limit
        }

        public mutating func begin() -> String { "" }

        public mutating func add(_ system: SystemReport) -> String {
            tally.add(system)
            let summary = system.summary
            let say = header.strings
            let cells = [
                "\(code(system.systemID, inTable: true)) \(text(system.systemName))",
                gateLabel(system.gate, say),
                String(summary.fail), String(summary.unknown), String(summary.waived), String(summary.upcoming),
                String(summary.pass), String(summary.notApplicable),
                riskLevel(system, say),
            ]
            Self.keep(
                Block(kind: .row, lines: ["| " + cells.joined(separator: " | ") + " |"]), in: &rows, bytes: &rowBytes,
                leftOut: &leftOut, limit: limit)
            if system.gate == .fail {
                Self.keep(
                    Block(kind: .system, lines: failing(system, report: header)), in: &sections, bytes: &sectionBytes,
                    leftOut: &leftOut, limit: limit)
            }
            return ""
        }

        public mutating func add(unevaluated problems: [Diagnostic]) -> String {
            tally.add(unevaluated: problems)
            return ""
        }

        private static func keep(
            _ block: Block, in blocks: inout [Block], bytes: inout Int, leftOut: inout [Block.Kind: Int], limit: Int
        ) {
            let cost = size(block.lines)
            if bytes + cost <= limit {
                blocks.append(block)
                bytes += cost
            } else {
                leftOut[block.kind, default: 0] += 1
            }
        }

        public mutating func end() -> String {
            let say = header.strings
            var head: [String] = ["# " + say("md.title"), ""]
            let packs = header.packs.map { pack in
                "\(text(pack.title)) (\(code(pack.id)) \(pack.version)"
                    + (pack.lawVersionDate.map { say("md.law_text", ["date": $0.description]) } ?? "") + ")"
            }.joined(separator: ", ")
            head.append(
                say("md.as_of", ["as_of": header.asOf.description, "gate": gateLabel(tally.gate, say)])
                    + (packs.isEmpty ? "" : " · \(packs)"))
            head.append("")
            var tail = ["---", "", Disclaimer.text(say)]
            if let notice = Disclaimer.translationNotice(say) { tail += ["", notice] }

            // Blocks after the header, in order; each is kept whole or left out.
            var blocks: [Block] = []
            if tally.systems > 0 {
                blocks.append(
                    Block(
                        kind: .tableHead,
                        lines: [
                            "| "
                                + ["system", "gate", "fail", "unknown", "waived", "upcoming", "pass", "na", "risk"].map {
                                    say("md.column.\($0)")
                                }.joined(separator: " | ") + " |",
                            "|---|---|--:|--:|--:|--:|--:|--:|---|",
                        ]))
                blocks += rows
                blocks.append(Block(kind: .tableEnd, lines: [""]))
            }
            blocks += sections
            if !tally.errors.isEmpty {
                blocks.append(Block(kind: .errorsHead, lines: ["## " + say("md.unevaluated"), ""]))
                for diagnostic in tally.errors {
                    let place = diagnostic.location.map { code($0.description) + ": " } ?? ""
                    blocks.append(
                        Block(kind: .error, lines: ["- \(place)\(diagnostic.severity.rawValue): \(text(diagnostic.message))"]))
                }
                blocks.append(Block(kind: .errorsEnd, lines: [""]))
            }

            // Room for the closing note (at most one line of this length) and the disclaimer.
            let reserve = size(tail) + 200
            var budget = limit - size(head) - reserve
            // Chosen by priority (the table, then the inputs that could not be evaluated, then the
            // systems in report order), written in document order.
            var kept = [Bool](repeating: false, count: blocks.count)
            var leftOut = self.leftOut
            let priority: [Block.Kind: Int] = [.tableHead: 0, .tableEnd: 0, .errorsHead: 0, .errorsEnd: 0, .row: 1, .error: 2]
            for index in blocks.indices.sorted(by: {
                (priority[blocks[$0].kind] ?? 3, $0) < (priority[blocks[$1].kind] ?? 3, $1)
            }) {
                let cost = size(blocks[index].lines)
                if priority[blocks[index].kind] == 0 || cost <= budget {
                    kept[index] = true
                    budget -= cost
                } else {
                    leftOut[blocks[index].kind, default: 0] += 1
                }
            }
            let body = blocks.indices.filter { kept[$0] }.flatMap { blocks[$0].lines }
            var lines = head + body
            if !leftOut.isEmpty {
                var parts: [String] = []
                if let rows = leftOut[.row] { parts.append(say("md.left_out.rows", ["count": String(rows)])) }
                if let systems = leftOut[.system] { parts.append(say("md.left_out.systems", ["count": String(systems)])) }
                if let errors = leftOut[.error] { parts.append(say("md.left_out.errors", ["count": String(errors)])) }
                lines.append(say("md.left_out", ["limit": String(limit), "parts": parts.joined(separator: ", ")]))
                lines.append("")
            }
            lines += tail
            return lines.joined(separator: "\n") + "\n"
        }
    }

    private static func size(_ lines: [String]) -> Int { lines.reduce(0) { $0 + $1.utf8.count + 1 } }

    /// A part of the document that is kept whole or left out.
    private struct Block {
        enum Kind: Hashable {
            case tableHead, row, tableEnd, system, errorsHead, error, errorsEnd
        }

        var kind: Kind
        var lines: [String]
    }

    /// The failing findings and the unknowns of one system that failed its gate.
    private static func failing(_ system: SystemReport, report: Report) -> [String] {
        let say = report.strings
        var lines = [
            "## \(code(system.systemID)) \(text(system.systemName))", "", say("md.file", ["file": code(system.file)]), "",
        ]
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
        if !grouping.sharedFixes.isEmpty {
            for fix in grouping.sharedFixes {
                let links = fix.links.map { "\(code($0.from)) \($0.relation) \(code($0.to))" }.joined(separator: "; ")
                lines.append("- " + say("md.one_fix", ["count": String(fix.rules.count), "links": links]))
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
