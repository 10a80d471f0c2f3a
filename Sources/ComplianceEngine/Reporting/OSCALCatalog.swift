public import ComplianceRules

/// An OSCAL catalog of one rule pack (`rules catalog --format oscal`): groups by sector, then by
/// category; one control per rule (and per derived `…-DECLARED` check) with its statement, its
/// guidance (the remediation), properties for severity, category, sector, basis, effective date
/// and citation, and a link to the instrument's official text. The instruments are back-matter
/// resources.
public enum OSCALCatalog {
    /// The date a pack's catalog is stamped with: the date of its law text, else the latest
    /// effective date of its instruments (never the clock).
    public static func date(of pack: RulePack) -> CalendarDate? {
        pack.lawVersionDate ?? pack.instruments.map(\.effective).max()
    }

    /// The file name `rules catalog --output DIR` gives a pack's catalog, and the mapping
    /// collection links to.
    public static func fileName(of pack: RulePack) -> String { "\(pack.id).catalog.json" }

    /// The catalog's UUID, shared by the documents that refer to it.
    public static func uuid(of pack: RulePack) -> String { OSCAL.uuid("catalog", pack.id, pack.version) }

    /// The catalog as OSCAL JSON, ending with a newline.
    public static func render(_ pack: RulePack) -> String {
        var instruments: [String: Instrument] = [:]
        for instrument in pack.instruments { instruments[instrument.id] = instrument }

        var controls: [(sector: String, category: RuleCategory, control: [String: Any])] = []
        for rule in pack.rules {
            var props: [[String: Any]?] = [
                OSCAL.prop("label", rule.id, ns: false), OSCAL.prop("severity", rule.severity.rawValue),
                OSCAL.prop("category", rule.category.rawValue), OSCAL.prop("sector", rule.sector),
                OSCAL.prop("effective-date", rule.effective.description),
            ]
            if let until = rule.until { props.append(OSCAL.prop("until", until.description)) }
            if !rule.effectiveCases.isEmpty {
                props.append(OSCAL.prop("effective-date-depends-on-facts", "true"))
            }
            props.append(OSCAL.prop("waivable", rule.waivable ? "true" : "false"))
            for bearer in rule.bearers { props.append(OSCAL.prop("bearer", bearer)) }
            let control = control(
                id: rule.id, title: rule.title, statement: rule.description ?? rule.title, guidance: rule.remediation,
                props: props.compactMap { $0 }, citations: rule.citations, instruments: instruments)
            controls.append((rule.sector, rule.category, control))
        }
        for derivation in pack.derivations where derivation.declared != nil {
            let check = derivation.check
            var props: [[String: Any]?] = [
                OSCAL.prop("label", derivation.declaredRuleID, ns: false), OSCAL.prop("severity", check.severity.rawValue),
                OSCAL.prop("category", check.category.rawValue), OSCAL.prop("sector", "all"),
                OSCAL.prop("derived-fact", derivation.path),
            ]
            if let effective = check.effective { props.append(OSCAL.prop("effective-date", effective.description)) }
            let control = control(
                id: derivation.declaredRuleID, title: check.title, statement: check.description ?? check.title,
                guidance: check.remediation, props: props.compactMap { $0 }, citations: derivation.cases.map(\.citation),
                instruments: instruments)
            controls.append(("all", check.category, control))
        }

        var groups: [[String: Any]] = []
        for sector in Set(controls.map(\.sector)).sorted() {
            var inner: [[String: Any]] = []
            for category in RuleCategory.allCases {
                let members = controls.filter { $0.sector == sector && $0.category == category }.map(\.control)
                guard !members.isEmpty else { continue }
                inner.append([
                    "id": OSCAL.token("\(sector).\(category.rawValue)"),
                    "class": "category",
                    "title": HTMLReporter.words(category.rawValue).capitalizedFirst,
                    "controls": members,
                ])
            }
            groups.append([
                "id": OSCAL.token("sector-\(sector)"), "class": "sector",
                "title": sector == "all" ? "Every sector" : "Sector: \(HTMLReporter.words(sector))",
                "groups": inner,
            ])
        }

        var catalog: [String: Any] = [
            "uuid": uuid(of: pack),
            "metadata": OSCAL.metadata(
                title: pack.title, version: pack.version, asOf: date(of: pack),
                remarks:
                    "Rule pack \(pack.id) \(pack.version) for jurisdiction \(pack.jurisdiction), written by \(ToolInfo.name). "
                    + "Rules paraphrase the law; each cites its article and says how sure the citation is (basis). \(Disclaimer.text)"
            ),
        ]
        if !groups.isEmpty { catalog["groups"] = groups }
        let resources = pack.instruments.map { instrument -> [String: Any] in
            var resource: [String: Any] = [
                "uuid": OSCAL.uuid("instrument", pack.id, instrument.id),
                "title": OSCAL.line(instrument.title + (instrument.number.map { " No. \($0)" } ?? "")) ?? instrument.id,
                "props": [
                    OSCAL.prop("instrument", instrument.id), OSCAL.prop("effective-date", instrument.effective.description),
                ]
                .compactMap { $0 },
            ]
            if let url = instrument.url { resource["rlinks"] = [["href": url]] }
            return resource
        }
        if !resources.isEmpty { catalog["back-matter"] = ["resources": resources] }
        return OSCAL.render(["catalog": catalog])
    }

    private static func control(
        id: String, title: String, statement: String, guidance: String, props: [[String: Any]], citations: [Citation],
        instruments: [String: Instrument]
    ) -> [String: Any] {
        var props = props
        var links: [[String: Any]] = []
        var seen: Set<Citation> = []
        for citation in citations where seen.insert(citation).inserted {
            props += OSCAL.citationProps(citation).map { property in
                var property = property
                property["group"] = "citation-\(seen.count)"
                return property
            }
            if let link = OSCAL.citationLink(citation, instruments: instruments) { links.append(link) }
        }
        let token = OSCAL.token(id)
        var control: [String: Any] = [
            "id": token,
            "class": "rule",
            "title": OSCAL.line(title) ?? id,
            "props": props,
            "parts": [
                ["id": "\(token)_smt", "name": "statement", "prose": statement],
                ["id": "\(token)_gdn", "name": "guidance", "prose": guidance],
            ],
        ]
        if !links.isEmpty { control["links"] = links }
        return control
    }
}

extension String {
    /// The text with its first letter in upper case.
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
