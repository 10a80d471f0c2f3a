public import ComplianceRules

/// The HTML report (`--format html`): one self-contained file for the people who sign off.
///
/// Written incrementally: `begin` returns the document head, `add` one system's section (or the
/// problems of an input that could not be evaluated) as each arrives, `end` the summary and the
/// closing tags. Only counters and one compact row per system (at most `HTMLTally.rowLimit`) are
/// kept, so memory stays flat however many systems a batch has. The summary is written last and
/// shown first (CSS `order`), with a link to it at the top for readers who follow the source order.
///
/// Everything taken from an input is escaped (`HTML.text`); a Content-Security-Policy allows only
/// the report's own stylesheet and filter script, so nothing is ever fetched.
public struct HTMLReporter: Sendable, ReportStream {
    private let asOf: CalendarDate
    private let toolName: String
    private let toolVersion: String
    private let packs: [PackInfo]
    private let instruments: [String: Instrument]
    private let effective: [String: CalendarDate]
    private let failOn: GateThreshold
    private let unknownPolicy: UnknownPolicy
    private var tally = HTMLTally()
    private var sections = 0

    /// A reporter for a run described by `header` (a report whose systems are ignored: its as-of
    /// date, packs, rules and instruments), gated with `failOn` and `unknownPolicy`.
    public init(header: Report, failOn: GateThreshold = .low, unknownPolicy: UnknownPolicy = .fail) {
        asOf = header.asOf
        toolName = header.toolName
        toolVersion = header.toolVersion
        packs = header.packs
        instruments = header.instruments
        var effective: [String: CalendarDate] = [:]
        for rule in header.rules { effective[rule.id] = rule.effective }
        self.effective = effective
        self.failOn = failOn
        self.unknownPolicy = unknownPolicy
    }

    /// The whole report at once (for callers holding a finished `Report`).
    public static func render(_ report: Report, failOn: GateThreshold = .low, unknownPolicy: UnknownPolicy = .fail) -> String {
        var reporter = HTMLReporter(header: report, failOn: failOn, unknownPolicy: unknownPolicy)
        var output = reporter.begin()
        for system in report.systems { output += reporter.add(system) }
        if !report.errors.isEmpty { output += reporter.add(unevaluated: report.errors) }
        return output + reporter.end()
    }

    // MARK: Begin

    /// The document head and the masthead.
    public func begin() -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(HTMLAssets.contentSecurityPolicy)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="\(HTML.text(toolName)) \(HTML.text(toolVersion))">
            <title>Compliance report as of \(asOf)</title>
            <style>\(HTMLAssets.style)</style>
            </head>
            <body>
            <a class="skip" href="#summary">Skip to the summary</a>
            <header>
            <h1>Compliance report</h1>

            """
        var facts = ["As of <time datetime=\"\(asOf)\">\(asOf)</time>"]
        for pack in packs {
            var words = "\(HTML.text(pack.title)) (\(HTML.code(pack.id)) \(HTML.text(pack.version))"
            if let date = pack.lawVersionDate { words += ", law text of \(date)" }
            facts.append(words + ")")
        }
        facts.append(
            "gate: fails on \(HTML.code(failOn.rawValue)) and above, unknown outcomes \(unknownPolicy == .fail ? "fail" : "warn")"
        )
        html += "<p class=\"meta\">" + facts.joined(separator: " · ") + "</p>\n"
        html += "<p class=\"meta\"><a href=\"#summary\">Summary</a> first, then one section per system.</p>\n"
        html += """
            <div class="filters" id="filters" hidden>
            <label>Filter systems <input type="search" id="filter-text" autocomplete="off"></label>
            <label><input type="checkbox" id="filter-failing"> only systems that did not pass</label>
            </div>
            </header>
            <main class="report">

            """
        return html
    }

    // MARK: Systems

    /// One system's section.
    public mutating func add(_ system: SystemReport) -> String {
        sections += 1
        let anchor = "system-\(sections)"
        tally.add(system, anchor: anchor)
        var html = "<section class=\"system\" id=\"\(anchor)\" aria-labelledby=\"\(anchor)-title\""
        html +=
            " data-system=\"\(HTML.text(system.systemID + " " + system.systemName))\" data-gate=\"\(system.gate.rawValue)\">\n"
        html += "<h2 id=\"\(anchor)-title\">\(Self.gateBadge(system.gate)) \(HTML.text(system.systemName)) "
        html += "<small>\(HTML.code(system.systemID))</small></h2>\n"
        html += "<p class=\"meta\">File \(HTML.code(system.file)) · system \(sections) · "
        html += Status.allCases.map { "\(system.summary[$0]) \(Self.label($0))" }.joined(separator: ", ") + "</p>\n"

        if !system.derived.isEmpty { html += derived(system, anchor: anchor) }

        let action = system.findings.filter { $0.status == .fail || $0.status == .unknown }
        html += "<h3 id=\"\(anchor)-action\">Findings that need action (\(action.count))</h3>\n"
        if action.isEmpty {
            html += "<p>None: no rule fails and none is undecided.</p>\n"
        }
        for finding in action { html += detail(finding, anchor: anchor) }

        let evidence = EvidenceRow.rows(of: system.findings)
        if !evidence.isEmpty { html += evidenceTable(evidence, anchor: anchor) }

        let waived = system.findings.filter { $0.status == .waived }
        if !waived.isEmpty { html += waivers(waived, anchor: anchor) }

        let upcoming = system.findings.filter { $0.status == .upcoming }
        if !upcoming.isEmpty { html += timeline(upcoming, anchor: anchor) }

        let settled = system.findings.filter { $0.status == .pass || $0.status == .notApplicable }
        if !settled.isEmpty { html += settledTable(settled, anchor: anchor) }

        if !system.warnings.isEmpty {
            html += "<h3>Warnings</h3>\n<ul>\n"
            for warning in system.warnings { html += "<li>\(HTML.text(warning.description))</li>\n" }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }

    /// The problems of inputs that could not be evaluated.
    public mutating func add(unevaluated problems: [Diagnostic]) -> String {
        let errors = problems.filter { $0.severity == .error }
        guard !errors.isEmpty else { return "" }
        tally.hasErrors = true
        tally.unevaluatedInputs += Set(errors.map { $0.location?.file ?? "" }).count
        sections += 1
        var html =
            "<section class=\"unevaluated\" id=\"unevaluated-\(sections)\" aria-labelledby=\"unevaluated-\(sections)-title\">\n"
        html +=
            "<h2 id=\"unevaluated-\(sections)-title\">\(Self.gateBadge(.error)) Inputs that could not be evaluated</h2>\n<ul>\n"
        for problem in problems {
            let place = problem.location.map { HTML.code("\($0.file):\($0.line):\($0.column)") + ": " } ?? ""
            html += "<li>\(place)\(HTML.text(problem.severity.rawValue)): \(HTML.text(problem.message))</li>\n"
        }
        return html + "</ul>\n</section>\n"
    }

    private func derived(_ system: SystemReport, anchor: String) -> String {
        var html = "<h3 id=\"\(anchor)-derived\">Classifications derived from the declared facts</h3>\n"
        html += "<table>\n<thead><tr><th scope=\"col\">Classification</th><th scope=\"col\">Derived</th>"
        html +=
            "<th scope=\"col\">Declared</th><th scope=\"col\">Because</th><th scope=\"col\">Citation</th></tr></thead>\n<tbody>\n"
        for fact in system.derived {
            let name = "\(fact.namespace) \(fact.name.replacing("_", with: " "))"
            var because = fact.because.map(HTML.text) ?? ""
            if fact.value == nil, !fact.missing.isEmpty {
                because += " Declare " + fact.missing.map(HTML.code).joined(separator: ", ") + " to decide it."
            }
            let under = fact.declared != nil && fact.value != nil && fact.declared != fact.value
            html += "<tr><th scope=\"row\">\(HTML.text(name))</th>"
            html += "<td>\(HTML.text(fact.value ?? "unknown"))\(under ? " <strong>(differs from declared)</strong>" : "")</td>"
            html += "<td>\(HTML.text(fact.declared ?? "not declared"))</td><td>\(because)</td>"
            html += "<td>\(fact.citation.map(cite) ?? "")</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// A failing or unknown finding, in full.
    private func detail(_ finding: Finding, anchor: String) -> String {
        var html = "<article class=\"finding s-\(finding.status.rawValue)\" id=\"\(anchor)-\(HTML.identifier(finding.rule))\">\n"
        html += "<h4>\(Self.badge(finding.status)) \(HTML.code(finding.rule)) \(HTML.text(finding.title))</h4>\n"
        html +=
            "<p class=\"meta\">Severity <strong>\(finding.severity.rawValue)</strong> · \(Self.words(finding.category.rawValue))"
        html += " · sector \(HTML.text(finding.sector)) · pack \(HTML.code(finding.pack))</p>\n"
        html += "<p>\(HTML.text(finding.message))</p>\n"
        html += "<p>Cites: " + finding.allCitations.map(cite).joined(separator: "; ") + "</p>\n"
        if !finding.facts.isEmpty { html += factTable(finding.facts) }
        if finding.status == .unknown, !finding.missing.isEmpty {
            html += "<p>To decide it, declare: " + finding.missing.map(HTML.code).joined(separator: ", ") + "</p>\n"
        }
        html += "<p><strong>Remediation:</strong> \(HTML.text(finding.remediation))</p>\n"
        return html + "</article>\n"
    }

    private func factTable(_ facts: [Finding.Fact]) -> String {
        var html = "<table>\n<caption>Facts that decided it</caption>\n<thead><tr><th scope=\"col\">Fact</th>"
        html +=
            "<th scope=\"col\">Declared</th><th scope=\"col\">Expected</th><th scope=\"col\">Where</th></tr></thead>\n<tbody>\n"
        for fact in facts {
            let role: String
            switch fact.role {
            case .required: role = ""
            case .alternative: role = " <em>(or)</em>"
            case .given: role = " <em>(given)</em>"
            }
            var actual = fact.actual.map { HTML.code($0.description) } ?? "<em>absent</em>"
            if let note = fact.note { actual += " (\(HTML.text(note)))" }
            let expected = fact.role == .given ? "" : HTML.text(fact.expected)
            html += "<tr><td>\(HTML.code(fact.path))\(role)</td><td>\(actual)</td><td>\(expected)</td>"
            html += "<td>\(HTML.code("\(fact.location.file):\(fact.location.line)"))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private func evidenceTable(_ rows: [EvidenceRow], anchor: String) -> String {
        var html = "<h3 id=\"\(anchor)-evidence\">Evidence</h3>\n<table>\n<thead><tr><th scope=\"col\">Fact</th>"
        html += "<th scope=\"col\">Evidence</th><th scope=\"col\">State</th><th scope=\"col\">Dated</th>"
        html += "<th scope=\"col\">SHA-256</th><th scope=\"col\">Where</th></tr></thead>\n<tbody>\n"
        for row in rows {
            let target: String
            if let url = row.url {
                target = HTML.isWebLink(url) ? "<a href=\"\(HTML.text(url))\">\(HTML.text(url))</a>" : HTML.code(url)
            } else {
                target = row.file.map(HTML.code) ?? "<em>none</em>"
            }
            let status: Status = row.state.holds ? (row.state == .urlNotVerified ? .unknown : .pass) : .fail
            var state = "<span class=\"badge s-\(status.rawValue)\">\(Self.icon(status))\(HTML.text(row.state.label))</span>"
            if let note = row.note, !row.state.holds || row.state == .urlNotVerified { state += " \(HTML.text(note))" }
            var dated = row.date.map(HTML.text) ?? ""
            if let expires = row.expires { dated += (dated.isEmpty ? "" : ", ") + "expires \(HTML.text(expires))" }
            let hash = row.sha256.map { HTML.code(String($0.prefix(12)) + ($0.count > 12 ? "…" : "")) } ?? ""
            html += "<tr><td>\(HTML.code(row.path))</td><td>\(target)</td><td>\(state)</td><td>\(dated)</td>"
            html += "<td>\(hash)</td><td>\(HTML.code("\(row.location.file):\(row.location.line)"))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private func waivers(_ findings: [Finding], anchor: String) -> String {
        var html = "<h3 id=\"\(anchor)-waivers\">Waivers</h3>\n<table>\n<thead><tr><th scope=\"col\">Rule</th>"
        html += "<th scope=\"col\">Would be</th><th scope=\"col\">Reason</th><th scope=\"col\">Approved by</th>"
        html += "<th scope=\"col\">Ticket</th><th scope=\"col\">Expires</th></tr></thead>\n<tbody>\n"
        for finding in findings {
            let original = finding.originalStatus.map(Self.badge) ?? ""
            html += "<tr><td>\(HTML.code(finding.rule)) \(HTML.text(finding.title))</td><td>\(original)</td>"
            if let waiver = finding.waiver {
                html += "<td>\(HTML.text(waiver.reason))</td><td>\(HTML.text(waiver.approvedBy))</td>"
                html += "<td>\(waiver.ticket.map(HTML.text) ?? "")</td><td>\(waiver.expires)</td></tr>\n"
            } else {
                html += "<td colspan=\"4\">\(HTML.text(finding.reason ?? ""))</td></tr>\n"
            }
        }
        return html + "</tbody>\n</table>\n"
    }

    /// Obligations still to come, by date.
    private func timeline(_ findings: [Finding], anchor: String) -> String {
        let dated = findings.map { finding in (date: date(of: finding), finding: finding) }
            .sorted { ($0.date?.description ?? "9999") < ($1.date?.description ?? "9999") }
        var html = "<h3 id=\"\(anchor)-upcoming\">Obligations still to come</h3>\n<ol class=\"timeline\">\n"
        for (date, finding) in dated {
            let when = date.map { "<time datetime=\"\($0)\">\($0)</time>" } ?? "<time>date not known</time>"
            html += "<li>\(when) \(HTML.code(finding.rule)) \(HTML.text(finding.title)) · severity \(finding.severity.rawValue)"
            if let original = finding.originalStatus { html += " · would be \(Self.badge(original))" }
            html += "</li>\n"
        }
        return html + "</ol>\n"
    }

    /// When an upcoming finding applies: its own date, the rule's, or the date its reason names.
    private func date(of finding: Finding) -> CalendarDate? {
        if let date = finding.effective ?? effective[finding.rule], date > asOf { return date }
        let words = (finding.reason ?? "").split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == ")" })
        return words.lazy.compactMap { CalendarDate(String($0)) }.first
    }

    private func settledTable(_ findings: [Finding], anchor: String) -> String {
        var html = "<h3 id=\"\(anchor)-settled\">Rules met or not applicable (\(findings.count))</h3>\n<table>\n"
        html += "<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Status</th><th scope=\"col\">Severity</th>"
        html += "<th scope=\"col\">Note</th></tr></thead>\n<tbody>\n"
        for finding in findings {
            html += "<tr><td>\(HTML.code(finding.rule)) \(HTML.text(finding.title))</td><td>\(Self.badge(finding.status))</td>"
            html += "<td>\(finding.severity.rawValue)</td><td>\(HTML.text(finding.reason ?? ""))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// `Law … No. 230-VIII, Art. 17(1)`, linked to the instrument, with its basis.
    private func cite(_ citation: Citation) -> String {
        let instrument = instruments[citation.instrument]
        let name = instrument.map { $0.title + ($0.number.map { " No. \($0)" } ?? "") } ?? citation.instrument
        let words = HTML.text("\(name), \(citation.articleReference)")
        let linked: String
        if let url = instrument?.url, HTML.isWebLink(url) {
            linked = "<a href=\"\(HTML.text(url))\">\(words)</a>"
        } else {
            linked = words
        }
        return linked + " (basis: \(citation.basis.rawValue))"
    }

    // MARK: End

    /// The summary and the closing tags.
    public func end() -> String {
        var html = "<section class=\"summary\" id=\"summary\" aria-labelledby=\"summary-title\">\n"
        html += "<h2 id=\"summary-title\">Summary</h2>\n"
        html += "<p id=\"overall\">\(Self.gateBadge(tally.gate)) Overall gate: <strong>\(Self.gateWord(tally.gate))</strong>. "
        html += "<span data-count=\"systems\">\(tally.systems)</span> system(s) checked, "
        html += "<span data-count=\"failed\">\(tally.failedSystems)</span> failed the gate"
        if tally.unevaluatedInputs > 0 {
            html += ", <span data-count=\"unevaluated\">\(tally.unevaluatedInputs)</span> input(s) could not be evaluated"
        }
        html += ".</p>\n"
        html += statusChart()
        html += breakdown(
            title: "By severity", id: "by-severity", header: "Severity",
            rows: Severity.allCases.compactMap { severity in
                tally.bySeverity[severity].map { (severity.rawValue, $0) }
            })
        html += breakdown(
            title: "By category", id: "by-category", header: "Category",
            rows: RuleCategory.allCases.compactMap { category in
                tally.byCategory[category].map { (Self.words(category.rawValue), $0) }
            })
        html += breakdown(
            title: "By sector", id: "by-sector", header: "Sector",
            rows: tally.bySector.keys.sorted().compactMap { sector in tally.bySector[sector].map { (sector, $0) } })
        html += systemsTable()
        html += grid()
        html += "</section>\n</main>\n"
        html += "<footer><p class=\"disclaimer\">\(HTML.text(Disclaimer.text))</p>"
        html += "<p class=\"meta\">Written by \(HTML.text(toolName)) \(HTML.text(toolVersion)) as of \(asOf).</p></footer>\n"
        html += "<script>\(HTMLAssets.script)</script>\n</body>\n</html>\n"
        return html
    }

    /// The counts by status: a stacked bar and the numbers beside it.
    private func statusChart() -> String {
        var html = "<h3 id=\"by-status\">Findings by status</h3>\n<div class=\"chart\">\n"
        html +=
            "<table id=\"totals\">\n<thead><tr><th scope=\"col\">Status</th><th scope=\"col\" class=\"n\">Findings</th></tr></thead>\n<tbody>\n"
        for status in Status.allCases {
            html += "<tr><th scope=\"row\">\(Self.badge(status))</th>"
            html += "<td class=\"n\" data-count=\"\(status.rawValue)\">\(tally.total[status])</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        html += "<svg viewBox=\"0 0 400 \(24 * Status.allCases.count)\" role=\"img\" aria-labelledby=\"by-status\">\n"
        let widest = max(1, Status.allCases.map { tally.total[$0] }.max() ?? 1)
        for (index, status) in Status.allCases.enumerated() {
            let count = tally.total[status]
            let y = index * 24
            html +=
                "<g class=\"s-\(status.rawValue)\"><rect x=\"0\" y=\"\(y + 4)\" height=\"16\" width=\"\(Self.scaled(count, of: widest, to: 300))\" fill=\"currentColor\"/>"
            html +=
                "<text x=\"\(Self.scaled(count, of: widest, to: 300))\" y=\"\(y + 17)\" dx=\"6\" fill=\"currentColor\" font-size=\"13\">"
            html += "\(count) \(Self.label(status))</text></g>\n"
        }
        return html + "</svg>\n</div>\n"
    }

    /// A table of counts by status for one dimension, each row with a stacked bar.
    private func breakdown(title: String, id: String, header: String, rows: [(String, [Status: Int])]) -> String {
        guard !rows.isEmpty else { return "" }
        let widest = max(1, rows.map { $0.1.values.reduce(0, +) }.max() ?? 1)
        var html = "<h3 id=\"\(id)\">\(title)</h3>\n<table>\n<thead><tr><th scope=\"col\">\(header)</th>"
        for status in Status.allCases { html += "<th scope=\"col\" class=\"n\">\(Self.label(status))</th>" }
        html += "<th scope=\"col\">Chart</th></tr></thead>\n<tbody>\n"
        for (name, counts) in rows {
            html += "<tr><th scope=\"row\">\(HTML.text(name))</th>"
            for status in Status.allCases { html += "<td class=\"n\">\(counts[status] ?? 0)</td>" }
            html += "<td>\(Self.stackedBar(counts, widest: widest))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private func systemsTable() -> String {
        guard !tally.rows.isEmpty else { return "" }
        var html = "<h3 id=\"systems\">Systems</h3>\n<table>\n<thead><tr><th scope=\"col\">System</th><th scope=\"col\">Gate</th>"
        for status in Status.allCases { html += "<th scope=\"col\" class=\"n\">\(Self.label(status))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in tally.rows {
            html +=
                "<tr data-system=\"\(HTML.text(row.id + " " + row.name))\" data-gate=\"\(row.gate.rawValue)\" data-id=\"\(HTML.text(row.id))\">"
            html += "<th scope=\"row\"><a href=\"#\(row.anchor)\">\(HTML.text(row.name))</a> \(HTML.code(row.id))</th>"
            html += "<td>\(Self.gateBadge(row.gate))</td>"
            for status in Status.allCases {
                html += "<td class=\"n\" data-count=\"\(status.rawValue)\">\(row.summary[status])</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        if tally.unlisted > 0 {
            html += "<p>\(tally.unlisted) more system(s) are counted above but not listed here; each has its section.</p>\n"
        }
        return html
    }

    /// Systems × category: what needs action in each area of the law.
    private func grid() -> String {
        guard !tally.rows.isEmpty else { return "" }
        var html = "<h3 id=\"grid\">Systems by category</h3>\n<table class=\"grid\">\n"
        html += "<caption>Failing and undecided rules per system and category</caption>\n<thead><tr><th scope=\"col\">System</th>"
        for category in RuleCategory.allCases { html += "<th scope=\"col\">\(Self.words(category.rawValue))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in tally.rows {
            html += "<tr data-system=\"\(HTML.text(row.id + " " + row.name))\" data-gate=\"\(row.gate.rawValue)\">"
            html += "<th scope=\"row\">\(HTML.code(row.id))</th>"
            for category in RuleCategory.allCases {
                let failing = row.failing[category] ?? 0
                let unknown = row.unknown[category] ?? 0
                if failing > 0 {
                    html += "<td class=\"cell s-fail\">\(Self.icon(.fail))\(failing) fail"
                    html += (unknown > 0 ? ", \(unknown) unknown" : "") + "</td>"
                } else if unknown > 0 {
                    html += "<td class=\"cell s-unknown\">\(Self.icon(.unknown))\(unknown) unknown</td>"
                } else if row.applicable.contains(category) {
                    html += "<td class=\"cell s-pass\">\(Self.icon(.pass))met</td>"
                } else {
                    html += "<td class=\"cell s-not_applicable\">\(Self.icon(.notApplicable))n/a</td>"
                }
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    // MARK: Pieces

    /// `count / widest` of `length`, with one decimal.
    private static func scaled(_ count: Int, of widest: Int, to length: Int) -> String {
        let tenths = count * length * 10 / max(1, widest)
        return "\(tenths / 10).\(tenths % 10)"
    }

    private static func stackedBar(_ counts: [Status: Int], widest: Int) -> String {
        var html = "<svg viewBox=\"0 0 200 12\" width=\"200\" height=\"12\" aria-hidden=\"true\" focusable=\"false\">"
        var x = 0
        for status in Status.allCases {
            let count = counts[status] ?? 0
            guard count > 0 else { continue }
            let width = count * 2000 / max(1, widest)
            html += "<rect class=\"s-\(status.rawValue)\" fill=\"currentColor\" x=\"\(x / 10).\(x % 10)\" y=\"0\" height=\"12\""
            html += " width=\"\(width / 10).\(width % 10)\"/>"
            x += width
        }
        return html + "</svg>"
    }

    /// `risk_management` → `risk management`.
    static func words(_ raw: String) -> String { raw.replacing("_", with: " ") }

    static func label(_ status: Status) -> String { status == .notApplicable ? "not applicable" : status.rawValue }

    static func badge(_ status: Status) -> String {
        "<span class=\"badge s-\(status.rawValue)\">\(icon(status))\(label(status))</span>"
    }

    static func gateWord(_ gate: GateResult) -> String {
        switch gate {
        case .pass: "pass"
        case .fail: "fail"
        case .error: "error"
        }
    }

    static func gateBadge(_ gate: GateResult) -> String {
        let shape: Status = gate == .pass ? .pass : .fail
        return "<span class=\"badge s-\(gate.rawValue)\">\(icon(shape))gate \(gateWord(gate))</span>"
    }

    /// A shape per status, so status never rests on colour alone: a crossed square (fail), a
    /// diamond (unknown), a triangle (waived), a clock (upcoming), a ticked disc (pass) and a
    /// dashed square (not applicable).
    static func icon(_ status: Status) -> String {
        let shape: String
        switch status {
        case .fail:
            shape =
                "<rect x=\"1\" y=\"1\" width=\"10\" height=\"10\"/><path d=\"M3.5 3.5l5 5M8.5 3.5l-5 5\" stroke=\"#fff\" stroke-width=\"1.6\"/>"
        case .unknown:
            shape = "<path d=\"M6 .5L11.5 6 6 11.5 .5 6z\"/>"
        case .waived:
            shape = "<path d=\"M6 1l5 10H1z\"/>"
        case .upcoming:
            shape =
                "<circle cx=\"6\" cy=\"6\" r=\"4.8\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.6\"/><path d=\"M6 3v3.2l2 1.3\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.4\"/>"
        case .pass:
            shape =
                "<circle cx=\"6\" cy=\"6\" r=\"5.5\"/><path d=\"M3.3 6.2l1.9 1.9 3.6-3.8\" fill=\"none\" stroke=\"#fff\" stroke-width=\"1.6\"/>"
        case .notApplicable:
            shape =
                "<rect x=\"1.5\" y=\"1.5\" width=\"9\" height=\"9\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.4\"/><path d=\"M3.5 6h5\" stroke=\"currentColor\" stroke-width=\"1.4\"/>"
        }
        return
            "<svg viewBox=\"0 0 12 12\" width=\"12\" height=\"12\" fill=\"currentColor\" aria-hidden=\"true\" focusable=\"false\">\(shape)</svg>"
    }
}
