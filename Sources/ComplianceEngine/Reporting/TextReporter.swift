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
        /// The report's own words (headings, labels, the gate line), in the run's language.
        public var strings: ReportStrings

        public init(color: Bool = false, verbose: Bool = false, strings: ReportStrings = .english) {
            self.color = color
            self.verbose = verbose
            self.strings = strings
        }
    }

    public static func render(_ report: Report, style: Style = Style()) -> String {
        var style = style
        style.strings = report.strings
        var stream = Stream(header: report, style: style)
        return stream.render(systems: report.systems, errors: report.errors)
    }

    /// The text output written system by system; the closing lines count what was seen. With
    /// `quiet`, passing systems are counted but not shown.
    public struct Stream: ReportStream {
        private let header: Report
        private let style: Style
        private var tally = StreamTally()
        private var renderer: Renderer

        public init(header: Report, style: Style = Style(), quiet: Bool = false) {
            self.header = header
            var style = style
            style.strings = header.strings
            self.style = style
            renderer = Renderer(header: header, style: style, quiet: quiet)
        }

        public mutating func begin() -> String { "" }

        public mutating func add(_ system: SystemReport) -> String {
            add(system, rendered: renderer.render(system))
        }

        public func makeRenderer() -> (any SystemRenderer)? { renderer }

        public mutating func add(_ system: SystemReport, rendered: String) -> String {
            tally.add(system)
            return rendered
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
        let say = report.strings
        var counts = say("footer.counts", ["checked": String(checked), "failed": String(failed)])
        if unevaluated > 0 { counts += say("footer.unevaluated", ["count": String(unevaluated)]) }
        let gate =
            unevaluated > 0
            ? paint.red(say("gate.ERROR")) : failed > 0 ? paint.red(say("gate.FAIL")) : paint.green(say("gate.PASS"))
        var text = counts + ".\n"
        text +=
            say(
                "footer.gate",
                [
                    "gate": gate, "as_of": report.asOf.description, "fail_on": report.settings.failOn.rawValue,
                    "unknown": report.settings.unknownPolicy.rawValue,
                ]) + " " + say("disclaimer.short") + "\n"
        if let notice = Disclaimer.translationNotice(say) { text += notice + "\n" }
        return text
    }

    public static func render(_ system: SystemReport, report: Report, style: Style) -> String {
        var memo = Memo()
        return render(system, report: report, style: style, memo: &memo)
    }

    /// Text that is the same for every system of a run, rendered once: the detail labels and
    /// each list of citations (rules cite the same articles in every system).
    /// A system's lines, made on a worker thread (with the worker's own memo); with `quiet`, a
    /// passing system has none.
    struct Renderer: SystemRenderer {
        let header: Report
        let style: Style
        let quiet: Bool
        private var memo = Memo()

        init(header: Report, style: Style, quiet: Bool) {
            self.header = header
            self.style = style
            self.quiet = quiet
        }

        mutating func render(_ system: SystemReport) -> String {
            if quiet, system.gate == .pass { return "" }
            return TextReporter.render(system, report: header, style: style, memo: &memo) + "\n"
        }
    }

    struct Memo {
        var labels: Labels?
        /// Each rule's lines as a failed finding shows them, by rule id, with the rule text they
        /// were made from (a finding with other text for the same id is rendered afresh).
        var rules: [String: RuleLines] = [:]

        struct RuleLines {
            let text: Finding.RuleText
            /// `severity RULE title`, after the status.
            let head: String
            /// The `cite:` line.
            let cite: String
            /// The `fix:` line.
            let fix: String
        }

        /// The report's `related:` links, by rule id.
        var links: PackGrouping.Links?

        mutating func links(_ report: Report) -> PackGrouping.Links {
            if let links { return links }
            let made = PackGrouping.links(of: report.rules)
            links = made
            return made
        }

        mutating func label(_ strings: ReportStrings) -> Labels {
            if let labels { return labels }
            let made = Labels(strings)
            labels = made
            return made
        }

        mutating func lines(of finding: Finding, report: Report, label: Labels) -> RuleLines {
            if let lines = rules[finding.rule], lines.text === finding.text { return lines }
            let lines = RuleLines(
                text: finding.text,
                head: "\(severityWord(finding.severity, report.strings)) \(safe(finding.rule)) \(safe(finding.title))",
                cite: label.cite + TextReporter.cite(finding.allCitations, report: report),
                fix: label.fix + safe(finding.remediation))
            rules[finding.rule] = lines
            return lines
        }
    }

    static func render(_ system: SystemReport, report: Report, style: Style, memo: inout Memo) -> String {
        let paint = Painter(enabled: style.color)
        let say = report.strings
        let label = memo.label(say)
        var lines = Lines()
        lines.append(paint.bold("\(SafeText.lineStart(system.file)): \(safe(system.systemID)) (\(safe(system.systemName)))"))
        for fact in system.derived {
            // English reads the derived fact's name as words; other languages name its path.
            let words =
                say.language == .en ? fact.name.replacing("_", with: " ") : "derived.\(fact.namespace).\(fact.name)"
            var line = "  \(words): \(safe(fact.value ?? say("value.unknown")))"
            if let declared = fact.declared { line += " " + say("text.declared", ["value": safe(declared)]) }
            if let because = fact.because { line += " - \(safe(because))" }
            if fact.value == nil, !fact.missing.isEmpty {
                line += " - " + say("text.declare", ["facts": fact.missing.joined(separator: ", ")])
            }
            lines.append(line)
        }
        // Warnings go to stderr once (the command line prints them); the report does not repeat them.
        let grouping = PackGrouping(system, report: report, links: memo.links(report))
        for index in grouping.findings.indices {
            if let section = grouping.sectionStarts[index] {
                let counts = Summary(section.findings)
                lines.append(
                    "  "
                        + say(
                            "text.pack",
                            [
                                "title": safe(section.pack.title), "id": safe(section.pack.id), "fail": String(counts.fail),
                                "unknown": String(counts.unknown), "waived": String(counts.waived),
                                "upcoming": String(counts.upcoming), "pass": String(counts.pass),
                                "not_applicable": String(counts.notApplicable),
                            ]))
            }
            // Copied out only when shown: most findings of a system pass or do not apply.
            switch grouping.findings[index].status {
            case .fail, .waived, .upcoming:
                // Borrowed from the list: most of a finding's fields are never read here.
                shown(grouping.findings[index], system: system, report: report, into: &lines, memo: &memo, paint: paint)
            case .pass, .notApplicable:
                if style.verbose {
                    let finding = grouping.findings[index]
                    let rule = memo.lines(of: finding, report: report, label: label)
                    lines.append(findingLine(finding, head: rule.head, system: system, paint: paint, label: label))
                    if let reason = finding.reason { lines.append(label.note + safe(reason)) }
                }
            case .unknown:
                break
            }
        }
        for fix in grouping.sharedFixes {
            let links = fix.links.map { safe("\($0.from) \($0.relation) \($0.to)") }.joined(separator: "; ")
            lines.append("  " + say("text.one_fix", ["count": String(fix.rules.count), "links": links]))
        }
        // Evidence given as a URL passes as declared, but nothing fetched it: say so.
        var unverified: [String] = []
        // On a passing finding, the only note an evidence fact can carry is that its URL was not fetched.
        let evidenceWords = label.evidence
        for index in system.findings.indices where system.findings[index].status == .pass {
            for fact in system.findings[index].facts where fact.note != nil && fact.expected.hasPrefix(evidenceWords) {
                let entry = "\(safe(fact.path)) (\(system.findings[index].rule))"
                if !unverified.contains(entry) { unverified.append(entry) }
            }
        }
        if !unverified.isEmpty {
            lines.append("  " + say("text.unverified", ["list": unverified.joined(separator: ", ")]))
        }
        let unknowns = system.findings.filter { $0.status == .unknown }
        if !unknowns.isEmpty {
            lines.append(paint.yellow("  " + say("text.unknown_heading", ["count": String(unknowns.count)])))
            var byFact: [String: [String]] = [:]
            for finding in unknowns {
                for path in finding.missing { byFact[path, default: []].append(finding.rule) }
            }
            for path in byFact.keys.sorted() {
                let rules = byFact[path] ?? []
                lines.append("    \(safe(path))  " + say("text.decides", ["rules": rules.joined(separator: ", ")]))
            }
        }
        let summary = system.summary
        lines.append(
            "  "
                + say(
                    "text.summary",
                    [
                        "fail": String(summary.fail), "unknown": String(summary.unknown), "waived": String(summary.waived),
                        "upcoming": String(summary.upcoming), "pass": String(summary.pass),
                        "not_applicable": String(summary.notApplicable),
                    ]))
        lines.append(
            "  " + say("text.gate", ["gate": system.gate == .fail ? paint.red(say("gate.FAIL")) : paint.green(say("gate.PASS"))]))
        return lines.text
    }

    /// A system's lines as one text, each ending with a newline, built in place.
    private struct Lines {
        var text = ""

        init() { text.reserveCapacity(4096) }

        mutating func append(_ line: String) {
            text += line
            text += "\n"
        }

        static func += (lines: inout Lines, more: [String]) {
            for line in more { lines.append(line) }
        }
    }

    /// The lines of a failed, waived or upcoming finding: what it is, its citations and date, then
    /// the facts and the fix of a failure, or the note of the others.
    private static func shown(
        _ finding: borrowing Finding, system: SystemReport, report: Report, into lines: inout Lines, memo: inout Memo,
        paint: Painter
    ) {
        let say = report.strings
        let label = memo.label(say)
        let rule = memo.lines(of: finding, report: report, label: label)
        lines.append(findingLine(finding, head: rule.head, system: system, paint: paint, label: label))
        lines.append(rule.cite)
        if let effective = finding.effective {
            lines.append(label.date + say("text.date_depends", ["date": effective.description]))
        }
        if finding.status == .fail {
            lines += factLines(finding.facts, strings: say, label: label)
            lines.append(rule.fix)
        } else if let reason = finding.reason {
            lines.append(
                label.note + safe(reason)
                    + (finding.originalStatus.map { " " + say("text.would_be", ["status": statusWord($0, say)]) } ?? ""))
        }
    }

    /// A status as a reader's word (`fail`, `не выполнено`); the JSON keeps the value.
    static func statusWord(_ status: Status, _ strings: ReportStrings) -> String {
        strings("status.\(status.rawValue)")
    }

    /// A severity as a reader's word; the JSON, SARIF and JUnit attributes keep the value.
    static func severityWord(_ severity: Severity, _ strings: ReportStrings) -> String {
        strings("severity.\(severity.rawValue)")
    }

    /// `file:line:column: status: head`, the status painted.
    private static func findingLine(_ finding: Finding, head: String, system: SystemReport, paint: Painter, label: Labels)
        -> String
    {
        let location = finding.location.map(located) ?? SafeText.lineStart(system.file)
        let word = label.statusWords[finding.status] ?? finding.status.rawValue
        let status: String
        switch finding.status {
        case .fail: status = paint.red(word)
        case .unknown: status = paint.yellow(word)
        case .waived: status = paint.cyan(word)
        case .upcoming: status = paint.cyan(word)
        case .pass: status = paint.green(word)
        case .notApplicable: status = word
        }
        return "\(location): \(status): \(head)"
    }

    /// The deciding facts of a failed finding, read as what must change: `fact:` a fact that must
    /// take the expected value, `or:` another way to meet the rule, `given:` a premise that made the
    /// rest required (never followed by an expectation, so it does not read as one).
    static func factLines(_ facts: [Finding.Fact], strings: ReportStrings = .english, label: Labels? = nil) -> [String] {
        let label = label ?? Labels(strings)
        return facts.map { fact in
            switch fact.role {
            case .required: label.fact + factWords(fact, strings: strings, label: label)
            case .alternative: label.or + factWords(fact, strings: strings, label: label)
            case .given: label.given + factWords(fact, strings: strings, label: label)
            }
        }
    }

    /// `path is actual, expected …` (a premise: `path is actual`), with the note in brackets.
    static func factWords(_ fact: Finding.Fact, strings: ReportStrings = .english, label: Labels? = nil) -> String {
        let label = label ?? Labels(strings)
        // A failed evidence check says what is wrong with the evidence, not what was expected of it.
        if fact.role == .required, fact.expected.hasPrefix(label.evidence) || fact.expected.hasPrefix("evidence"),
            let note = fact.note, fact.actual != nil
        {
            return "\(safe(fact.path)): \(safe(note))"
        }
        let actual = safe(fact.actual?.description ?? label.absent)
        var words = strings("fact.is", ["path": safe(fact.path), "actual": actual])
        if fact.role != .given { words += strings("fact.expected", ["expected": safe(fact.expected)]) }
        if let note = fact.note { words += " (\(safe(note)))" }
        return words
    }

    /// The labels that start a finding's detail lines, padded so that the text after them starts in
    /// one column: the width counts characters, not bytes, so Cyrillic and Kazakh labels line up.
    struct Labels {
        let cite: String
        let date: String
        let fact: String
        let fix: String
        let note: String
        let or: String
        let given: String
        /// The words of an evidence expectation, which a failed evidence fact starts with.
        let evidence: String
        /// The words for a fact not declared.
        let absent: String
        /// Each status as a reader's word.
        let statusWords: [Status: String]

        init(_ strings: ReportStrings) {
            evidence = strings("expected.evidence")
            absent = strings("fact.absent")
            var statusWords: [Status: String] = [:]
            for status in Status.allCases { statusWords[status] = statusWord(status, strings) }
            self.statusWords = statusWords
            let words = ["cite", "date", "fact", "fix", "note"].map { strings("label.\($0)") }
            let width = words.map(\.count).max() ?? 0
            let padded = words.map { "    " + $0 + String(repeating: " ", count: width - $0.count + 1) }
            (cite, date, fact, fix, note) = (padded[0], padded[1], padded[2], padded[3], padded[4])
            let alternative = strings("label.or")
            or = "    " + String(repeating: " ", count: max(0, width - alternative.count)) + alternative + " "
            given = "    " + strings("label.given") + " "
        }
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
        let say = report.strings
        let instrument = report.instruments[citation.instrument]
        let name =
            instrument.map { "\($0.title)" + ($0.number.map { " " + say("cite.number", ["number": $0]) } ?? "") }
            ?? citation.instrument
        return safe("\(name), \(citation.articleReference(say)) [\(citation.basis.rawValue)]")
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
