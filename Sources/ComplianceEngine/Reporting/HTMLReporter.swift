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
/// the report's own stylesheet and filter script, so nothing is ever fetched. Every word of the
/// report's own is taken from the report's strings (`html.*` and the shared keys), so the page
/// follows `--lang`, and `<html lang>` names the language.
public struct HTMLReporter: Sendable, ReportStream {
    private let asOf: CalendarDate
    private let toolName: String
    private let toolVersion: String
    private let packs: [PackInfo]
    private let instruments: [String: Instrument]
    private let effective: [String: CalendarDate]
    private let failOn: GateThreshold
    private let unknownPolicy: UnknownPolicy
    private let say: ReportStrings
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
        say = header.strings
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
            <html lang="\(say.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(HTMLAssets.contentSecurityPolicy)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="\(HTML.text(toolName)) \(HTML.text(toolVersion))">
            <title>\(phrase("html.title", ["as_of": asOf.description]))</title>
            <style>\(HTMLAssets.style)</style>
            </head>
            <body>
            <a class="skip" href="#summary">\(phrase("html.skip"))</a>
            <header>
            <h1>\(phrase("html.heading"))</h1>

            """
        var facts = [phrase("html.as_of", ["date": "<time datetime=\"\(asOf)\">\(asOf)</time>"])]
        for pack in packs {
            var words = "\(HTML.text(pack.title)) (\(HTML.code(pack.id)) \(HTML.text(pack.version))"
            if let date = pack.lawVersionDate { words += phrase("html.law_text", ["date": date.description]) }
            facts.append(words + ")")
        }
        facts.append(
            phrase(
                "html.gate_policy",
                [
                    "fail_on": HTML.code(failOn.rawValue),
                    "unknown": phrase(unknownPolicy == .fail ? "html.policy.fail" : "html.policy.warn"),
                ]))
        html += "<p class=\"meta\">" + facts.joined(separator: " · ") + "</p>\n"
        let summary = "<a href=\"#summary\">\(phrase("html.summary"))</a>"
        html += "<p class=\"meta\">" + phrase("html.order", ["summary": summary]) + "</p>\n"
        html += """
            <div class="filters" id="filters" hidden>
            <label>\(phrase("html.filter.text")) <input type="search" id="filter-text" autocomplete="off"></label>
            <label><input type="checkbox" id="filter-failing"> \(phrase("html.filter.failing"))</label>
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
        html += "<h2 id=\"\(anchor)-title\">\(gateBadge(system.gate)) \(HTML.text(system.systemName)) "
        html += "<small>\(HTML.code(system.systemID))</small></h2>\n"
        let counts = Status.allCases.map { count(system.summary[$0], $0) }.joined(separator: ", ")
        html +=
            "<p class=\"meta\">"
            + phrase("html.system_meta", ["file": HTML.code(system.file), "number": String(sections), "counts": counts])
            + "</p>\n"

        if !system.derived.isEmpty { html += derived(system, anchor: anchor) }

        let action = system.findings.filter { $0.status == .fail || $0.status == .unknown }
        html += "<h3 id=\"\(anchor)-action\">\(phrase("html.action", ["count": String(action.count)]))</h3>\n"
        if action.isEmpty {
            html += "<p>\(phrase("html.action_none"))</p>\n"
        }
        for finding in action { html += detail(finding, anchor: anchor) }

        let evidence = EvidenceRow.rows(of: system.findings, strings: say)
        if !evidence.isEmpty { html += evidenceTable(evidence, anchor: anchor) }

        let waived = system.findings.filter { $0.status == .waived }
        if !waived.isEmpty { html += waivers(waived, anchor: anchor) }

        let upcoming = system.findings.filter { $0.status == .upcoming }
        if !upcoming.isEmpty { html += timeline(upcoming, anchor: anchor) }

        let settled = system.findings.filter { $0.status == .pass || $0.status == .notApplicable }
        if !settled.isEmpty { html += settledTable(settled, anchor: anchor) }

        if !system.warnings.isEmpty {
            html += "<h3>\(phrase("html.warnings"))</h3>\n<ul>\n"
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
            "<h2 id=\"unevaluated-\(sections)-title\">\(gateBadge(.error)) \(phrase("html.unevaluated"))</h2>\n<ul>\n"
        for problem in problems {
            let place = problem.location.map { HTML.code("\($0.file):\($0.line):\($0.column)") + ": " } ?? ""
            html += "<li>\(place)\(HTML.text(problem.severity.rawValue)): \(HTML.text(problem.message))</li>\n"
        }
        return html + "</ul>\n</section>\n"
    }

    private func derived(_ system: SystemReport, anchor: String) -> String {
        var html = "<h3 id=\"\(anchor)-derived\">\(phrase("html.derived"))</h3>\n"
        html += "<table>\n<thead><tr>" + columns(["classification", "derived", "declared", "because", "citation"])
        html += "</tr></thead>\n<tbody>\n"
        for fact in system.derived {
            // English reads the derived fact's name as words; other languages name its path.
            let name =
                say.language == .en
                ? HTML.text("\(fact.namespace) \(fact.name.replacing("_", with: " "))")
                : HTML.code("derived.\(fact.namespace).\(fact.name)")
            var because = fact.because.map(HTML.text) ?? ""
            if fact.value == nil, !fact.missing.isEmpty {
                because += " " + phrase("html.derived.declare", ["facts": fact.missing.map(HTML.code).joined(separator: ", ")])
            }
            let under = fact.declared != nil && fact.value != nil && fact.declared != fact.value
            let differs = under ? " <strong>\(phrase("html.derived.differs"))</strong>" : ""
            html += "<tr><th scope=\"row\">\(name)</th>"
            html += "<td>\(fact.value.map(HTML.text) ?? phrase("value.unknown"))\(differs)</td>"
            html += "<td>\(fact.declared.map(HTML.text) ?? phrase("html.not_declared"))</td><td>\(because)</td>"
            html += "<td>\(fact.citation.map(cite) ?? "")</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// A failing or unknown finding, in full.
    private func detail(_ finding: Finding, anchor: String) -> String {
        var html = "<article class=\"finding s-\(finding.status.rawValue)\" id=\"\(anchor)-\(HTML.identifier(finding.rule))\">\n"
        html += "<h4>\(badge(finding.status)) \(HTML.code(finding.rule)) \(HTML.text(finding.title))</h4>\n"
        let meta = phrase(
            "html.finding_meta",
            [
                "severity": "<strong>\(phrase("severity.\(finding.severity.rawValue)"))</strong>",
                "category": category(finding.category), "sector": HTML.text(finding.sector), "pack": HTML.code(finding.pack),
            ])
        html += "<p class=\"meta\">\(meta)</p>\n"
        html += "<p>\(HTML.text(finding.message))</p>\n"
        html += "<p>" + phrase("html.cites", ["citations": finding.allCitations.map(cite).joined(separator: "; ")]) + "</p>\n"
        if !finding.facts.isEmpty { html += factTable(finding.facts) }
        if finding.status == .unknown, !finding.missing.isEmpty {
            html += "<p>" + phrase("html.to_decide", ["facts": finding.missing.map(HTML.code).joined(separator: ", ")]) + "</p>\n"
        }
        html += "<p><strong>\(phrase("html.remediation"))</strong> \(HTML.text(finding.remediation))</p>\n"
        return html + "</article>\n"
    }

    private func factTable(_ facts: [Finding.Fact]) -> String {
        var html = "<table>\n<caption>\(phrase("html.facts_caption"))</caption>\n<thead><tr>"
        html += columns(["fact", "declared", "expected", "where"]) + "</tr></thead>\n<tbody>\n"
        for fact in facts {
            let role: String
            switch fact.role {
            case .required: role = ""
            case .alternative: role = " <em>\(phrase("html.fact.or"))</em>"
            case .given: role = " <em>\(phrase("html.fact.given"))</em>"
            }
            var actual = fact.actual.map { HTML.code($0.description) } ?? "<em>\(phrase("fact.absent"))</em>"
            if let note = fact.note { actual += " (\(HTML.text(note)))" }
            let expected = fact.role == .given ? "" : HTML.text(fact.expected)
            html += "<tr><td>\(HTML.code(fact.path))\(role)</td><td>\(actual)</td><td>\(expected)</td>"
            html += "<td>\(HTML.code("\(fact.location.file):\(fact.location.line)"))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private func evidenceTable(_ rows: [EvidenceRow], anchor: String) -> String {
        var html = "<h3 id=\"\(anchor)-evidence\">\(phrase("html.evidence"))</h3>\n<table>\n<thead><tr>"
        html += columns(["fact", "evidence", "state", "dated"]) + "<th scope=\"col\">SHA-256</th>" + columns(["where"])
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            let target: String
            if let url = row.url {
                target = HTML.isWebLink(url) ? "<a href=\"\(HTML.text(url))\">\(HTML.text(url))</a>" : HTML.code(url)
            } else {
                target = row.file.map(HTML.code) ?? "<em>\(phrase("html.evidence_none"))</em>"
            }
            let status: Status = row.state.holds ? (row.state == .urlNotVerified ? .unknown : .pass) : .fail
            var state =
                "<span class=\"badge s-\(status.rawValue)\">\(Self.icon(status))\(phrase("html.evidence_state.\(row.state.rawValue)"))</span>"
            if let note = row.note, !row.state.holds || row.state == .urlNotVerified { state += " \(HTML.text(note))" }
            var dated = row.date.map(HTML.text) ?? ""
            if let expires = row.expires {
                dated += (dated.isEmpty ? "" : ", ") + phrase("html.evidence_expires", ["date": HTML.text(expires)])
            }
            let hash = row.sha256.map { HTML.code(String($0.prefix(12)) + ($0.count > 12 ? "…" : "")) } ?? ""
            html += "<tr><td>\(HTML.code(row.path))</td><td>\(target)</td><td>\(state)</td><td>\(dated)</td>"
            html += "<td>\(hash)</td><td>\(HTML.code("\(row.location.file):\(row.location.line)"))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private func waivers(_ findings: [Finding], anchor: String) -> String {
        var html = "<h3 id=\"\(anchor)-waivers\">\(phrase("html.waivers"))</h3>\n<table>\n<thead><tr>"
        html += columns(["rule", "would_be", "reason", "approved_by", "ticket", "expires"]) + "</tr></thead>\n<tbody>\n"
        for finding in findings {
            let original = finding.originalStatus.map(badge) ?? ""
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
        var html = "<h3 id=\"\(anchor)-upcoming\">\(phrase("html.upcoming"))</h3>\n<ol class=\"timeline\">\n"
        for (date, finding) in dated {
            let when = date.map { "<time datetime=\"\($0)\">\($0)</time>" } ?? "<time>\(phrase("html.date_unknown"))</time>"
            let severity = phrase("html.timeline_severity", ["severity": phrase("severity.\(finding.severity.rawValue)")])
            html += "<li>\(when) \(HTML.code(finding.rule)) \(HTML.text(finding.title)) · \(severity)"
            if let original = finding.originalStatus { html += " · " + phrase("html.would_be", ["status": badge(original)]) }
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
        var html = "<h3 id=\"\(anchor)-settled\">\(phrase("html.settled", ["count": String(findings.count)]))</h3>\n<table>\n"
        html += "<thead><tr>" + columns(["rule", "status", "severity", "note"]) + "</tr></thead>\n<tbody>\n"
        for finding in findings {
            html += "<tr><td>\(HTML.code(finding.rule)) \(HTML.text(finding.title))</td><td>\(badge(finding.status))</td>"
            html +=
                "<td>\(phrase("severity.\(finding.severity.rawValue)"))</td><td>\(HTML.text(finding.reason ?? ""))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// `Law … No. 230-VIII, Art. 17(1)`, linked to the instrument, with its basis.
    private func cite(_ citation: Citation) -> String {
        let instrument = instruments[citation.instrument]
        let name =
            instrument.map { $0.title + ($0.number.map { " " + say("cite.number", ["number": $0]) } ?? "") }
            ?? citation.instrument
        let words = HTML.text("\(name), \(citation.articleReference(say))")
        let linked: String
        if let url = instrument?.url, HTML.isWebLink(url) {
            linked = "<a href=\"\(HTML.text(url))\">\(words)</a>"
        } else {
            linked = words
        }
        return linked + " " + phrase("html.basis", ["basis": citation.basis.rawValue])
    }

    // MARK: End

    /// The summary and the closing tags.
    public func end() -> String {
        var html = "<section class=\"summary\" id=\"summary\" aria-labelledby=\"summary-title\">\n"
        html += "<h2 id=\"summary-title\">\(phrase("html.summary"))</h2>\n"
        html += "<p id=\"overall\">\(gateBadge(tally.gate)) "
        html += phrase("html.overall", ["gate": "<strong>\(gateWord(tally.gate))</strong>"]) + " "
        html += phrase(
            "html.counts",
            [
                "systems": "<span data-count=\"systems\">\(tally.systems)</span>",
                "failed": "<span data-count=\"failed\">\(tally.failedSystems)</span>",
            ])
        if tally.unevaluatedInputs > 0 {
            html += phrase(
                "html.counts_unevaluated", ["count": "<span data-count=\"unevaluated\">\(tally.unevaluatedInputs)</span>"])
        }
        html += ".</p>\n"
        html += statusChart()
        html += breakdown(
            title: "by_severity", id: "by-severity", header: "severity",
            rows: Severity.allCases.compactMap { severity in
                tally.bySeverity[severity].map { (phrase("severity.\(severity.rawValue)"), $0) }
            })
        html += breakdown(
            title: "by_category", id: "by-category", header: "category",
            rows: RuleCategory.allCases.compactMap { category in
                tally.byCategory[category].map { (self.category(category), $0) }
            })
        html += breakdown(
            title: "by_sector", id: "by-sector", header: "sector",
            rows: tally.bySector.keys.sorted().compactMap { sector in
                tally.bySector[sector].map { (HTML.text(sector), $0) }
            })
        html += systemsTable()
        html += grid()
        html += "</section>\n</main>\n"
        html += "<footer><p class=\"disclaimer\">\(HTML.text(Disclaimer.text(say)))</p>"
        if let notice = Disclaimer.translationNotice(say) { html += "<p class=\"disclaimer\">\(HTML.text(notice))</p>" }
        let written = phrase(
            "html.written", ["tool": HTML.text(toolName), "version": HTML.text(toolVersion), "as_of": asOf.description])
        html += "<p class=\"meta\">\(written)</p></footer>\n"
        html += "<script>\(HTMLAssets.script)</script>\n</body>\n</html>\n"
        return html
    }

    /// The counts by status: a stacked bar and the numbers beside it.
    private func statusChart() -> String {
        var html = "<h3 id=\"by-status\">\(phrase("html.by_status"))</h3>\n<div class=\"chart\">\n"
        html += "<table id=\"totals\">\n<thead><tr>" + columns(["status"])
        html += "<th scope=\"col\" class=\"n\">\(phrase("html.column.findings"))</th></tr></thead>\n<tbody>\n"
        for status in Status.allCases {
            html += "<tr><th scope=\"row\">\(badge(status))</th>"
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
            html += "\(self.count(count, status))</text></g>\n"
        }
        return html + "</svg>\n</div>\n"
    }

    /// A table of counts by status for one dimension, each row with a stacked bar: `title` names
    /// the heading's key (`html.<title>`), `header` the first column's, each row its escaped name.
    private func breakdown(title: String, id: String, header: String, rows: [(String, [Status: Int])]) -> String {
        guard !rows.isEmpty else { return "" }
        let widest = max(1, rows.map { $0.1.values.reduce(0, +) }.max() ?? 1)
        var html = "<h3 id=\"\(id)\">\(phrase("html.\(title)"))</h3>\n<table>\n<thead><tr>" + columns([header])
        for status in Status.allCases { html += "<th scope=\"col\" class=\"n\">\(label(status))</th>" }
        html += columns(["chart"]) + "</tr></thead>\n<tbody>\n"
        for (name, counts) in rows {
            html += "<tr><th scope=\"row\">\(name)</th>"
            for status in Status.allCases { html += "<td class=\"n\">\(counts[status] ?? 0)</td>" }
            html += "<td>\(Self.stackedBar(counts, widest: widest))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private func systemsTable() -> String {
        guard !tally.rows.isEmpty else { return "" }
        var html = "<h3 id=\"systems\">\(phrase("html.systems"))</h3>\n<table>\n<thead><tr>" + columns(["system", "gate"])
        for status in Status.allCases { html += "<th scope=\"col\" class=\"n\">\(label(status))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in tally.rows {
            html +=
                "<tr data-system=\"\(HTML.text(row.id + " " + row.name))\" data-gate=\"\(row.gate.rawValue)\" data-id=\"\(HTML.text(row.id))\">"
            html += "<th scope=\"row\"><a href=\"#\(row.anchor)\">\(HTML.text(row.name))</a> \(HTML.code(row.id))</th>"
            html += "<td>\(gateBadge(row.gate))</td>"
            for status in Status.allCases {
                html += "<td class=\"n\" data-count=\"\(status.rawValue)\">\(row.summary[status])</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        if tally.unlisted > 0 {
            html += "<p>\(phrase("html.unlisted", ["count": String(tally.unlisted)]))</p>\n"
        }
        return html
    }

    /// Systems × category: what needs action in each area of the law.
    private func grid() -> String {
        guard !tally.rows.isEmpty else { return "" }
        var html = "<h3 id=\"grid\">\(phrase("html.grid"))</h3>\n<table class=\"grid\">\n"
        html += "<caption>\(phrase("html.grid_caption"))</caption>\n<thead><tr>" + columns(["system"])
        for category in RuleCategory.allCases { html += "<th scope=\"col\">\(self.category(category))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in tally.rows {
            html += "<tr data-system=\"\(HTML.text(row.id + " " + row.name))\" data-gate=\"\(row.gate.rawValue)\">"
            html += "<th scope=\"row\">\(HTML.code(row.id))</th>"
            for category in RuleCategory.allCases {
                let failing = row.failing[category] ?? 0
                let unknown = row.unknown[category] ?? 0
                if failing > 0 {
                    html += "<td class=\"cell s-fail\">\(Self.icon(.fail))\(phrase("html.grid_fail", ["count": String(failing)]))"
                    html += (unknown > 0 ? ", " + phrase("html.grid_unknown", ["count": String(unknown)]) : "") + "</td>"
                } else if unknown > 0 {
                    html +=
                        "<td class=\"cell s-unknown\">\(Self.icon(.unknown))\(phrase("html.grid_unknown", ["count": String(unknown)]))</td>"
                } else if row.applicable.contains(category) {
                    html += "<td class=\"cell s-pass\">\(Self.icon(.pass))\(phrase("html.grid_met"))</td>"
                } else {
                    html += "<td class=\"cell s-not_applicable\">\(Self.icon(.notApplicable))\(phrase("html.grid_na"))</td>"
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

    /// The catalogue text of `key` in the report's language, escaped, with each `{name}` replaced
    /// by the markup `values[name]` (which the caller has escaped) in one pass.
    private func phrase(_ key: String, _ values: KeyValuePairs<String, String> = [:]) -> String {
        ReportStrings.fill(HTML.text(say(key)), values)
    }

    /// Column headers `<th scope="col">` of `html.column.<name>`.
    private func columns(_ names: [String]) -> String {
        names.map { "<th scope=\"col\">\(phrase("html.column.\($0)"))</th>" }.joined()
    }

    /// `risk_management` → `risk management` (the OSCAL documents' words, always English).
    static func words(_ raw: String) -> String { raw.replacing("_", with: " ") }

    /// `risk_management` → `risk management`, in the report's language.
    private func category(_ category: RuleCategory) -> String { phrase("html.category.\(category.rawValue)") }

    private func label(_ status: Status) -> String {
        phrase(status == .notApplicable ? "html.not_applicable" : "status.\(status.rawValue)")
    }

    /// `3 fail`: a count of findings with a status.
    private func count(_ count: Int, _ status: Status) -> String {
        phrase("html.count", ["count": String(count), "status": label(status)])
    }

    private func badge(_ status: Status) -> String {
        "<span class=\"badge s-\(status.rawValue)\">\(Self.icon(status))\(label(status))</span>"
    }

    private func gateWord(_ gate: GateResult) -> String { phrase("gate.\(gate.rawValue)") }

    private func gateBadge(_ gate: GateResult) -> String {
        let shape: Status = gate == .pass ? .pass : .fail
        let words = phrase("html.gate_badge", ["gate": gateWord(gate)])
        return "<span class=\"badge s-\(gate.rawValue)\">\(Self.icon(shape))\(words)</span>"
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
