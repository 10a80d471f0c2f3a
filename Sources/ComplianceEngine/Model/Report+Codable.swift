internal import ComplianceRules

// The JSON report (`compliance-check/report/v2`, DESIGN §5.1) is the report model encoded with these
// conformances; keys are written in the order below, and optional keys only when they say
// something. A report's `pass` and `not_applicable` findings are written compact unless its
// `settings.detail` is `full`; a finding or system encoded on its own is written in full.

extension Report: Codable {
    private enum CodingKeys: String, CodingKey {
        case schema, tool
        case asOf = "as_of"
        case lang, settings, packs, systems, errors, gate, disclaimer
        case translationNotice = "translation_notice"
    }

    private enum ToolKeys: String, CodingKey {
        case name, version
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Report.schema, forKey: .schema)
        var tool = container.nestedContainer(keyedBy: ToolKeys.self, forKey: .tool)
        try tool.encode(toolName, forKey: .name)
        try tool.encode(toolVersion, forKey: .version)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(language.rawValue, forKey: .lang)
        try container.encode(settings, forKey: .settings)
        try container.encode(packs, forKey: .packs)
        // `gate` and `errors` follow `systems`: a report streamed system by system knows them last.
        try container.encode(systems.map { DetailedSystem(system: $0, detail: settings.detail) }, forKey: .systems)
        if !errors.isEmpty { try container.encode(errors, forKey: .errors) }
        try container.encode(gate, forKey: .gate)
        try container.encode(Disclaimer.text(strings), forKey: .disclaimer)
        if let notice = Disclaimer.translationNotice(strings) { try container.encode(notice, forKey: .translationNotice) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let schema = try container.decode(String.self, forKey: .schema)
        guard schema == Report.schema || schema == Report.schemaV1 else {
            throw DecodingError.dataCorruptedError(
                forKey: .schema, in: container,
                debugDescription: "expected schema '\(Report.schema)' or '\(Report.schemaV1)', found '\(schema)'")
        }
        let tool = try container.nestedContainer(keyedBy: ToolKeys.self, forKey: .tool)
        self.init(
            toolName: try tool.decode(String.self, forKey: .name), toolVersion: try tool.decode(String.self, forKey: .version),
            asOf: try container.decode(CalendarDate.self, forKey: .asOf),
            settings: try container.decode(Settings.self, forKey: .settings),
            packs: try container.decode([PackInfo].self, forKey: .packs),
            systems: try container.decode([SystemReport].self, forKey: .systems),
            errors: try container.decodeIfPresent([Diagnostic].self, forKey: .errors) ?? [])
        if let lang = try container.decodeIfPresent(String.self, forKey: .lang), let language = Language(rawValue: lang) {
            self.language = language
        }
    }

    /// The report as JSON text: pretty-printed, keys in a fixed order, ending with a newline.
    public func json() throws -> String {
        try JSONTextEncoder.encode(self) + "\n"
    }

    /// A report read back from its JSON text, `v2` or `v1` (the rule catalogue, `rules` and
    /// `instruments`, stays empty: it is not part of the JSON). A compact finding comes back with
    /// its rule's text empty (title, pack, sector, message, remediation, citation article `""`) and
    /// severity `info`, category `transparency`: look the rule up by id (`rules explain`, SARIF `tool.driver.rules`), or
    /// write the report with `--detail full`.
    public init(json text: String) throws {
        self = try JSONTreeDecoder.decode(Report.self, from: try JSONParser.parse(text))
    }
}

extension SystemReport: Codable, JSONWritable {
    private enum CodingKeys: String, CodingKey {
        case file, system, gate, derived, summary, findings, warnings
    }

    private enum SystemKeys: String, CodingKey {
        case id, name
    }

    public func encode(to encoder: any Encoder) throws {
        try encodeWritten(to: encoder)
    }

    func write(_ object: inout JSONObjectWriter) throws {
        try write(&object, detail: .full)
    }

    /// The system with its findings at `detail`.
    func write(_ object: inout JSONObjectWriter, detail: Report.Detail) throws {
        object.field("file", file)
        object.object("system") { (system: inout JSONObjectWriter) in
            system.field("id", systemID)
            system.field("name", systemName)
        }
        object.field("gate", gate)
        // Derived facts by namespace (sorted), then by name in derivation order.
        try object.object("derived") { (derived: inout JSONObjectWriter) throws in
            for namespace in Set(self.derived.map(\.namespace)).sorted() {
                try derived.object(named: namespace) { (facts: inout JSONObjectWriter) throws in
                    for fact in self.derived where fact.namespace == namespace {
                        try facts.field(named: fact.name, encoding: fact)
                    }
                }
            }
        }
        try object.field("summary", encoding: summary)
        try object.field("findings", findings) { (finding: Finding, object: inout JSONObjectWriter) throws in
            try finding.write(&object, detail: detail)
        }
        try object.field("warnings", encoding: warnings)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let system = try container.nestedContainer(keyedBy: SystemKeys.self, forKey: .system)
        var derived: [DerivedFact] = []
        let namespaces = try container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .derived)
        for namespace in namespaces.allKeys {
            let facts = try namespaces.nestedContainer(keyedBy: AnyCodingKey.self, forKey: namespace)
            for name in facts.allKeys {
                var fact = try facts.decode(DerivedFact.self, forKey: name)
                fact.namespace = namespace.stringValue
                fact.name = name.stringValue
                derived.append(fact)
            }
        }
        self.init(
            file: try container.decode(String.self, forKey: .file), systemID: try system.decode(String.self, forKey: .id),
            systemName: try system.decode(String.self, forKey: .name), gate: try container.decode(GateResult.self, forKey: .gate),
            derived: derived, summary: try container.decode(Summary.self, forKey: .summary),
            findings: try container.decode([Finding].self, forKey: .findings),
            warnings: try container.decode([Diagnostic].self, forKey: .warnings))
    }
}

/// Inside `derived.<namespace>.<name>`: the namespace and name are the keys around it.
extension DerivedFact: Codable {
    private enum CodingKeys: String, CodingKey {
        case value, declared, because, citation, missing
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encode(declared, forKey: .declared)
        try container.encode(because, forKey: .because)
        try container.encode(citation, forKey: .citation)
        if !missing.isEmpty { try container.encode(missing, forKey: .missing) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            namespace: "", name: "", value: try container.decodeIfPresent(String.self, forKey: .value),
            declared: try container.decodeIfPresent(String.self, forKey: .declared),
            because: try container.decodeIfPresent(String.self, forKey: .because),
            citation: try container.decodeIfPresent(Citation.self, forKey: .citation),
            missing: try container.decodeIfPresent([String].self, forKey: .missing) ?? [])
    }
}

extension Finding: Codable, JSONWritable {
    private enum CodingKeys: String, CodingKey {
        case rule, title, status, severity, category, pack, sector, citation, citations, message, remediation, facts, missing
        case reason
        case originalStatus = "original_status"
        case effective, waiver
    }

    /// A waiver as a finding carries it (the rule is the finding's).
    private enum WaiverKeys: String, CodingKey {
        case reason
        case approvedBy = "approved_by"
        case ticket, expires, system, location
    }

    /// Whether the finding is written compact at `detail`: a `pass` or `not_applicable` outcome
    /// says only which rule, the status and why (the reason or the deciding facts).
    func isCompact(at detail: Report.Detail) -> Bool {
        detail == .compact && (status == .pass || status == .notApplicable)
    }

    public func encode(to encoder: any Encoder) throws {
        try encodeWritten(to: encoder)
    }

    func write(_ object: inout JSONObjectWriter) throws {
        try write(&object, detail: .full)
    }

    /// The finding's JSON object, compact at `detail` when it passed or does not apply.
    func write(_ object: inout JSONObjectWriter, detail: Report.Detail) throws {
        object.field("rule", rule)
        if isCompact(at: detail) {
            object.field("status", status)
            object.fieldIfPresent("reason", reason)
            if !facts.isEmpty {
                try object.field("facts", facts) { (fact: Fact, object: inout JSONObjectWriter) throws in
                    try CompactFact.write(fact, &object)
                }
            }
            if !missing.isEmpty { object.field("missing", missing) }
            try object.fieldIfPresent("effective", encoding: effective)
            return
        }
        // The rule's own members are the same in every system: written once per renderer.
        object.fragment(of: text, slot: 0, members: 1) { object in object.field("title", title) }
        object.field("status", status)
        try object.fragment(of: text, slot: 1, members: 6) { object in
            object.field("severity", severity)
            object.field("category", category)
            object.field("pack", pack)
            object.field("sector", sector)
            try object.field("citation", encoding: citation)
            try object.field("citations", encoding: allCitations)
        }
        object.field("message", message)
        object.fragment(of: text, slot: 2, members: 1) { object in object.field("remediation", remediation) }
        try object.field("facts", facts)
        object.field("missing", missing)
        object.fieldIfPresent("reason", reason)
        if let originalStatus { object.field("original_status", originalStatus) }
        try object.fieldIfPresent("effective", encoding: effective)
        if let waiver { try object.field("waiver", encoding: WaiverFields(waiver: waiver)) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rule = try container.decode(String.self, forKey: .rule)
        var waiver: Waiver?
        if container.contains(.waiver), !(try container.decodeNil(forKey: .waiver)) {
            let fields = try container.nestedContainer(keyedBy: WaiverKeys.self, forKey: .waiver)
            waiver = Waiver(
                rule: rule, reason: try fields.decode(String.self, forKey: .reason),
                approvedBy: try fields.decode(String.self, forKey: .approvedBy),
                ticket: try fields.decodeIfPresent(String.self, forKey: .ticket),
                expires: try fields.decode(CalendarDate.self, forKey: .expires),
                system: try fields.decodeIfPresent(String.self, forKey: .system),
                location: try fields.decodeIfPresent(SourceLocation.self, forKey: .location))
        }
        let status = try container.decode(Status.self, forKey: .status)
        // A compact finding (`pass` or `not_applicable` in a v2 report) has no title and none of
        // its rule's text; anything else must carry it all.
        let compact = (status == .pass || status == .notApplicable) && !container.contains(.title)
        func text(_ key: CodingKeys) throws -> String {
            compact ? "" : try container.decode(String.self, forKey: key)
        }
        self.init(
            rule: rule, title: try text(.title), status: status,
            severity: compact ? .info : try container.decode(Severity.self, forKey: .severity),
            category: compact ? .transparency : try container.decode(RuleCategory.self, forKey: .category),
            pack: try text(.pack), sector: try text(.sector),
            citation: compact
                ? Citation(instrument: "", article: "", basis: .interpretation)
                : try container.decode(Citation.self, forKey: .citation),
            message: try text(.message), remediation: try text(.remediation),
            facts: compact
                ? (try container.decodeIfPresent([Fact].self, forKey: .facts) ?? [])
                : try container.decode([Fact].self, forKey: .facts),
            missing: compact
                ? (try container.decodeIfPresent([String].self, forKey: .missing) ?? [])
                : try container.decode([String].self, forKey: .missing),
            reason: try container.decodeIfPresent(String.self, forKey: .reason),
            originalStatus: try container.decodeIfPresent(Status.self, forKey: .originalStatus), waiver: waiver)
        citations = try container.decodeIfPresent([Citation].self, forKey: .citations) ?? (compact ? [] : [citation])
        effective = try container.decodeIfPresent(CalendarDate.self, forKey: .effective)
    }
}

extension Finding.Fact: Codable, JSONWritable {
    private enum CodingKeys: String, CodingKey {
        case path, actual, expected, location, note, role
    }

    public func encode(to encoder: any Encoder) throws {
        try encodeWritten(to: encoder)
    }

    func write(_ object: inout JSONObjectWriter) throws {
        object.field("path", path)
        try object.field("actual", value: actual ?? .null)
        object.field("expected", expected)
        object.field("location", location)
        object.fieldIfPresent("note", note)
        if role != .required { object.field("role", role) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // `null` is an absent fact (`Value` is nil-literal convertible, so spell the optional out).
        let value = try container.decode(Value.self, forKey: .actual)
        let actual: Value? = value == .null ? Optional.none : value
        // A compact finding's facts say only where and what (no `expected`).
        self.init(
            path: try container.decode(String.self, forKey: .path), actual: actual,
            expected: try container.decodeIfPresent(String.self, forKey: .expected) ?? "",
            location: try container.decode(SourceLocation.self, forKey: .location),
            note: try container.decodeIfPresent(String.self, forKey: .note))
        role = try container.decodeIfPresent(FactRole.self, forKey: .role) ?? .required
    }
}

/// A system as a report writes it, its findings at the report's detail.
struct DetailedSystem: JSONWritable {
    var system: SystemReport
    var detail: Report.Detail

    func encode(to encoder: any Encoder) throws { try encodeWritten(to: encoder) }
    func write(_ object: inout JSONObjectWriter) throws { try system.write(&object, detail: detail) }
}

/// A deciding fact of a compact finding: where it is and what it was.
private enum CompactFact {
    static func write(_ fact: Finding.Fact, _ object: inout JSONObjectWriter) throws {
        object.field("path", fact.path)
        try object.field("actual", value: fact.actual ?? .null)
        object.field("location", fact.location)
    }
}

/// A waiver as a finding carries it (the rule is the finding's).
private struct WaiverFields: JSONWritable {
    var waiver: Waiver

    func encode(to encoder: any Encoder) throws { try encodeWritten(to: encoder) }

    func write(_ object: inout JSONObjectWriter) throws {
        object.field("reason", waiver.reason)
        object.field("approved_by", waiver.approvedBy)
        if let ticket = waiver.ticket { object.field("ticket", ticket) } else { try object.field("ticket", encoding: JSON.null) }
        try object.field("expires", encoding: waiver.expires)
        object.fieldIfPresent("system", waiver.system)
        if let location = waiver.location { object.field("location", location) }
    }
}
