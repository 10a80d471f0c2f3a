public import ComplianceRules

/// The default, compiler-like text output (DESIGN §5.4): one line per finding with status,
/// severity, rule id, title and `file:line:col`, then the citation and the fix; unknowns grouped
/// with the facts to declare; a summary line; the gate.
public enum TextReporter {
    /// Options of the text output.
    public struct Style: Sendable {
        /// ANSI colours (only on a terminal).
        public var color: Bool
        /// Also list passing and not-applicable rules.
        public var verbose: Bool

        public init(color: Bool = false, verbose: Bool = false) {
            self.color = color
            self.verbose = verbose
        }
    }

    public static func render(_ report: Report, style: Style = Style()) -> String {
        var stream = Stream(header: report, style: style)
        return stream.render(systems: report.systems, errors: report.errors)
    }

    /// The text output written system by system; the closing lines count what was seen. With
    /// `quiet`, passing systems are counted but not shown.
    public struct Stream: ReportStream {
        private let header: Report
        private let style: Style
        private let quiet: Bool
        private var tally = StreamTally()

        public init(header: Report, style: Style = Style(), quiet: Bool = false) {
            self.header = header
            self.style = style
            self.quiet = quiet
        }

        public mutating func begin() -> String { "" }

        public mutating func add(_ system: SystemReport) -> String {
            tally.add(system)
            if quiet, system.gate == .pass { return "" }
            return TextReporter.render(system, report: header, style: style) + "\n"
        }

        public mutating func add(unevaluated problems: [Diagnostic]) -> String {
            tally.add(unevaluated: problems)
            return ""
        }

        public mutating func end() -> String {
            footer(
                checked: tally.systems, failed: tally.failed, unevaluated: tally.unevaluated, report: header, style: style)
        }
    }

    /// The closing lines: counts, the gate and how `report` was set up (as-of date and settings),
    /// and the disclaimer. Shared by the whole-report rendering and the command line's streaming
    /// output (which passes a report with no systems yet), so both end alike.
    public static func footer(checked: Int, failed: Int, unevaluated: Int, report: Report, style: Style) -> String {
        let paint = Painter(enabled: style.color)
        var counts = "\(checked) system(s) checked, \(failed) failed the gate"
        if unevaluated > 0 { counts += ", \(unevaluated) could not be evaluated" }
        let gate = unevaluated > 0 ? paint.red("ERROR") : failed > 0 ? paint.red("FAIL") : paint.green("PASS")
        return counts + ".\n"
            + "Gate: \(gate) (as of \(report.asOf), fail-on \(report.settings.failOn.rawValue), unknown \(report.settings.unknownPolicy.rawValue)). "
            + "Compliance aid, not legal advice.\n"
    }

    public static func render(_ system: SystemReport, report: Report, style: Style) -> String {
        let paint = Painter(enabled: style.color)
        var lines: [String] = []
        lines.append(paint.bold("\(SafeText.lineStart(system.file)): \(safe(system.systemID)) (\(safe(system.systemName)))"))
        for fact in system.derived {
            let words = fact.name.replacing("_", with: " ")
            var line = "  \(words): \(safe(fact.value ?? "unknown"))"
            if let declared = fact.declared { line += " (declared \(safe(declared)))" }
            if let because = fact.because { line += " - \(safe(because))" }
            if fact.value == nil, !fact.missing.isEmpty { line += " - declare \(fact.missing.joined(separator: ", "))" }
            lines.append(line)
        }
        // Warnings go to stderr once (the command line prints them); the report does not repeat them.
        let grouping = PackGrouping(system, report: report)
        for (index, finding) in grouping.findings.enumerated() {
            if let section = grouping.sectionStarts[index] {
                let counts = Summary(section.findings)
                lines.append(
                    paint.bold("  pack \(safe(section.pack.title)) (\(safe(section.pack.id))):")
                        + " \(counts.fail) fail, \(counts.unknown) unknown, \(counts.waived) waived, \(counts.upcoming) upcoming, \(counts.pass) pass, \(counts.notApplicable) not applicable"
                )
            }
            switch finding.status {
            case .fail, .waived, .upcoming:
                lines.append(findingLine(finding, system: system, paint: paint))
                lines.append("    cite: \(cite(finding.allCitations, report: report))")
                if let effective = finding.effective {
                    lines.append("    date: applies from \(effective) (the date depends on the system's facts)")
                }
                if finding.status == .fail {
                    lines += factLines(finding.facts)
                    lines.append("    fix:  \(safe(finding.remediation))")
                } else if let reason = finding.reason {
                    lines.append(
                        "    note: \(safe(reason))" + (finding.originalStatus.map { " (would be \($0.rawValue))" } ?? ""))
                }
            case .pass, .notApplicable:
                if style.verbose {
                    lines.append(findingLine(finding, system: system, paint: paint))
                    if let reason = finding.reason { lines.append("    note: \(safe(reason))") }
                }
            case .unknown:
                break
            }
        }
        for fix in grouping.sharedFixes {
            lines.append(
                "  one fix closes \(fix.rules.count) findings: "
                    + fix.links.map { safe("\($0.from) \($0.relation) \($0.to)") }.joined(separator: "; "))
        }
        // Evidence given as a URL passes as declared, but nothing fetched it: say so.
        var unverified: [String] = []
        for finding in system.findings where finding.status == .pass {
            for fact in finding.facts where fact.note?.hasSuffix("declared, not verified") == true {
                let entry = "\(safe(fact.path)) (\(finding.rule))"
                if !unverified.contains(entry) { unverified.append(entry) }
            }
        }
        if !unverified.isEmpty {
            lines.append("  note: evidence URL(s) declared, not verified: \(unverified.joined(separator: ", "))")
        }
        let unknowns = system.findings.filter { $0.status == .unknown }
        if !unknowns.isEmpty {
            lines.append(paint.yellow("  \(unknowns.count) rule(s) cannot be decided; declare these facts:"))
            var byFact: [String: [String]] = [:]
            for finding in unknowns {
                for path in finding.missing { byFact[path, default: []].append(finding.rule) }
            }
            for path in byFact.keys.sorted() {
                let rules = byFact[path] ?? []
                lines.append("    \(safe(path))  (decides \(rules.joined(separator: ", ")))")
            }
        }
        let summary = system.summary
        lines.append(
            "  summary: \(summary.fail) fail, \(summary.unknown) unknown, \(summary.waived) waived, \(summary.upcoming) upcoming, \(summary.pass) pass, \(summary.notApplicable) not applicable"
        )
        lines.append("  gate: " + (system.gate == .fail ? paint.red("FAIL") : paint.green("PASS")))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func findingLine(_ finding: Finding, system: SystemReport, paint: Painter) -> String {
        let location = finding.location.map(located) ?? SafeText.lineStart(system.file)
        let status: String
        switch finding.status {
        case .fail: status = paint.red("fail")
        case .unknown: status = paint.yellow("unknown")
        case .waived: status = paint.cyan("waived")
        case .upcoming: status = paint.cyan("upcoming")
        case .pass: status = paint.green("pass")
        case .notApplicable: status = "not_applicable"
        }
        return "\(location): \(status): \(finding.severity.rawValue) \(safe(finding.rule)) \(safe(finding.title))"
    }

    /// The deciding facts of a failed finding, read as what must change: `fact:` a fact that must
    /// take the expected value, `or:` another way to meet the rule, `given:` a premise that made the
    /// rest required (never followed by an expectation, so it does not read as one).
    static func factLines(_ facts: [Finding.Fact]) -> [String] {
        facts.map { fact in
            switch fact.role {
            case .required: "    fact: " + factWords(fact)
            case .alternative: "      or: " + factWords(fact)
            case .given: "    given: " + factWords(fact)
            }
        }
    }

    /// `path is actual, expected …` (a premise: `path is actual`), with the note in brackets.
    static func factWords(_ fact: Finding.Fact) -> String {
        // A failed evidence check says what is wrong with the evidence, not what was expected of it.
        if fact.role == .required, fact.expected.hasPrefix("evidence"), let note = fact.note, fact.actual != nil {
            return "\(safe(fact.path)): \(safe(note))"
        }
        var words = "\(safe(fact.path)) is \(safe(fact.actual?.description ?? "absent"))"
        if fact.role != .given { words += ", expected \(safe(fact.expected))" }
        if let note = fact.note { words += " (\(safe(note)))" }
        return words
    }

    /// Every citation, the primary one first, joined by `; `.
    static func cite(_ citations: [Citation], report: Report) -> String {
        // The instrument is named once for a run of citations of the same instrument.
        var parts: [String] = []
        for (index, citation) in citations.enumerated() {
            if index > 0, citations[index - 1].instrument == citation.instrument {
                parts.append(safe("\(citation.articleReference) [\(citation.basis.rawValue)]"))
            } else {
                parts.append(cite(citation, report: report))
            }
        }
        return parts.joined(separator: "; ")
    }

    /// `kz-ai-law Art. 17(1), statute`.
    static func cite(_ citation: Citation, report: Report) -> String {
        let instrument = report.instruments[citation.instrument]
        let name = instrument.map { "\($0.title)" + ($0.number.map { " No. \($0)" } ?? "") } ?? citation.instrument
        return safe("\(name), \(citation.articleReference) [\(citation.basis.rawValue)]")
    }
}

/// Input text made safe for a terminal or CI log (control characters and bidi overrides escaped).
private func safe(_ text: String) -> String { SafeText.escaped(text) }

/// `file:line:column` of an input, safe to begin a line with.
private func located(_ location: SourceLocation) -> String {
    "\(SafeText.lineStart(location.file)):\(location.line):\(location.column)"
}

/// ANSI colours, or plain text when disabled.
struct Painter {
    let enabled: Bool

    private func wrap(_ code: String, _ text: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func red(_ text: String) -> String { wrap("31", text) }
    func green(_ text: String) -> String { wrap("32", text) }
    func yellow(_ text: String) -> String { wrap("33", text) }
    func cyan(_ text: String) -> String { wrap("36", text) }
    func bold(_ text: String) -> String { wrap("1", text) }
}
