public import ComplianceRules

/// The outcome of one rule for one system, with the reasons (DESIGN §5.1).
public struct Finding: Sendable, Equatable {
    /// A fact that decided the outcome: where it is, what it was and what was expected.
    public struct Fact: Sendable, Hashable {
        public var path: String
        public var actual: Value?
        public var expected: String
        /// Where the fact is written, or its nearest declared parent when it is missing.
        public var location: SourceLocation
        public var note: String?
        /// What the fact has to do with a failed outcome: to change, an alternative, or a premise.
        public var role: FactRole = .required
    }

    /// The rule's id, words and classification: one shared box per rule, so that a finding is
    /// made and copied without copying each of its rule's texts.
    var text: RuleText

    public var rule: String {
        get { text.fields.rule }
        set { text = text.with(\.rule, newValue) }
    }
    public var title: String {
        get { text.fields.title }
        set { text = text.with(\.title, newValue) }
    }
    public var status: Status
    public var severity: Severity {
        get { text.fields.severity }
        set { text = text.with(\.severity, newValue) }
    }
    public var category: RuleCategory {
        get { text.fields.category }
        set { text = text.with(\.category, newValue) }
    }
    public var pack: String {
        get { text.fields.pack }
        set { text = text.with(\.pack, newValue) }
    }
    public var sector: String {
        get { text.fields.sector }
        set { text = text.with(\.sector, newValue) }
    }
    /// The primary citation.
    public var citation: Citation {
        get { text.fields.citation }
        set { text = text.with(\.citation, newValue) }
    }
    /// Every citation of the rule, the primary one first (empty: only `citation`); read
    /// `allCitations`.
    public var citations: [Citation] {
        get { text.fields.citations }
        set { text = text.with(\.citations, newValue) }
    }
    public var message: String
    public var remediation: String {
        get { text.fields.remediation }
        set { text = text.with(\.remediation, newValue) }
    }
    public var facts: [Fact]
    /// For unknown outcomes: the facts to declare.
    public var missing: [String]
    /// Why a rule is not applicable or upcoming.
    public var reason: String? {
        get {
            switch because {
            case .none: nil
            case .text(let text): text
            case .conditionFailed(let language): Self.conditionReason(facts, strings: .builtIn(language))
            }
        }
        set { because = newValue.map(Because.text) ?? .none }
    }
    /// What `reason` says, kept as what it is made from when that is cheaper: most findings of a
    /// system do not apply, and most formats never show why.
    var because: Because = .none
    /// For waived and upcoming findings: what the outcome would otherwise be.
    public var originalStatus: Status?
    /// The waiver applied, for waived findings.
    public var waiver: Waiver?
    /// The date the rule applies from, when it depends on the system's facts (e.g. on the derived
    /// high-risk route); `nil` for rules with one fixed date.
    public var effective: CalendarDate?

    /// A finding of the rule `text` (shared, not copied).
    init(
        text: RuleText, status: Status, message: String, facts: [Fact] = [], missing: [String] = [],
        reason: String? = nil
    ) {
        self.text = text
        self.status = status
        self.message = message
        self.facts = facts
        self.missing = missing
        self.because = reason.map(Because.text) ?? .none
    }

    init(
        rule: String, title: String, status: Status, severity: Severity, category: RuleCategory, pack: String,
        sector: String, citation: Citation, citations: [Citation] = [], message: String, remediation: String,
        facts: [Fact], missing: [String], reason: String?, originalStatus: Status?, waiver: Waiver?,
        effective: CalendarDate? = nil
    ) {
        self.init(
            text: RuleText(
                RuleText.Fields(
                    rule: rule, title: title, severity: severity, category: category, pack: pack, sector: sector,
                    citation: citation, citations: citations, remediation: remediation)),
            status: status, message: message, facts: facts, missing: missing, reason: reason)
        self.originalStatus = originalStatus
        self.waiver = waiver
        self.effective = effective
    }

    /// Every citation, the primary one first.
    public var allCitations: [Citation] { citations.isEmpty ? [citation] : citations }

    /// Where a reader should look: the first deciding fact, else the nearest declared parent.
    public var location: SourceLocation? { facts.first?.location }
}

/// The value and reasons of a derived fact for one system.
public struct DerivedFact: Sendable, Equatable {
    public var namespace: String
    public var name: String
    /// `nil` when unknown.
    public var value: String?
    public var declared: String?
    public var because: String?
    public var citation: Citation?
    public var missing: [String]
}

/// Counts of findings by status.
public struct Summary: Sendable, Hashable, Codable {
    public var pass = 0
    public var fail = 0
    public var unknown = 0
    public var notApplicable = 0
    public var waived = 0
    public var upcoming = 0

    enum CodingKeys: String, CodingKey {
        case pass, fail, unknown
        case notApplicable = "not_applicable"
        case waived, upcoming
    }

    public init(_ findings: [Finding] = []) {
        for finding in findings {
            switch finding.status {
            case .pass: pass += 1
            case .fail: fail += 1
            case .unknown: unknown += 1
            case .notApplicable: notApplicable += 1
            case .waived: waived += 1
            case .upcoming: upcoming += 1
            }
        }
    }
}

/// Everything the engine decided about one system.
public struct SystemReport: Sendable, Equatable {
    public var file: String
    public var systemID: String
    public var systemName: String
    public var gate: GateResult
    public var derived: [DerivedFact]
    public var summary: Summary
    /// Sorted: status, then severity (highest first), then rule id.
    public var findings: [Finding]
    /// Problems that did not stop the evaluation (unknown keys, expired waivers…), with positions.
    public var warnings: [Diagnostic]
}

/// A whole run: every system, or the problems of inputs that could not be evaluated.
///
/// `Codable`: the JSON report (`compliance-check/report/v2`) is this model encoded, and reads back
/// with `Report(json:)` (or any `Decoder`), as does a `v1` report. The rule catalogue (`rules`,
/// `instruments`) is context for reporters and is not part of the JSON.
public struct Report: Sendable, Equatable {
    /// The JSON report's schema: `v2` writes `pass` and `not_applicable` findings compact unless
    /// `settings.detail` is `full`.
    public static let schema = "compliance-check/report/v2"
    /// The previous schema, which `Report(json:)` still reads: every finding in full.
    public static let schemaV1 = "compliance-check/report/v1"

    /// How much of each finding the JSON report writes.
    public enum Detail: String, Sendable, Hashable, CaseIterable, Codable {
        /// `pass` and `not_applicable` findings carry the rule id, the status and the reason or the
        /// deciding facts; the others carry the rule's text too.
        case compact
        /// Every finding carries its rule's text (title, citation, message, remediation…).
        case full
    }

    /// How the run was set up, so that every reporter states the gate as it was evaluated.
    public struct Settings: Sendable, Hashable, Codable {
        /// The lowest severity whose `fail` fails the gate.
        public var failOn: GateThreshold
        /// Whether unknown outcomes at or above `failOn` fail the gate.
        public var unknownPolicy: UnknownPolicy
        /// Unknown keys in system files were errors.
        public var strict: Bool
        /// How much of each finding the JSON report writes (`--detail`).
        public var detail: Detail

        public init(
            failOn: GateThreshold = .low, unknownPolicy: UnknownPolicy = .fail, strict: Bool = false,
            detail: Detail = .compact
        ) {
            self.failOn = failOn
            self.unknownPolicy = unknownPolicy
            self.strict = strict
            self.detail = detail
        }

        /// The settings of `options`.
        public init(_ options: EvaluationOptions) {
            self.init(failOn: options.failOn, unknownPolicy: options.unknownPolicy, strict: options.strict)
        }

        enum CodingKeys: String, CodingKey {
            case failOn = "fail_on"
            case unknownPolicy = "unknown"
            case strict, detail
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(failOn, forKey: .failOn)
            try container.encode(unknownPolicy, forKey: .unknownPolicy)
            try container.encode(strict, forKey: .strict)
            try container.encode(detail, forKey: .detail)
        }

        /// A `v1` report has no `detail`: its findings are all in full.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                failOn: try container.decode(GateThreshold.self, forKey: .failOn),
                unknownPolicy: try container.decode(UnknownPolicy.self, forKey: .unknownPolicy),
                strict: try container.decode(Bool.self, forKey: .strict),
                detail: try container.decodeIfPresent(Detail.self, forKey: .detail) ?? .full)
        }
    }

    public var toolName: String
    public var toolVersion: String
    public var asOf: CalendarDate
    public var settings: Settings
    public var packs: [PackInfo]
    public var systems: [SystemReport]
    /// Inputs that could not be evaluated (bad YAML, schema violations…).
    public var errors: [Diagnostic]
    /// Every rule of the loaded packs, for reporters that list rules (SARIF).
    public var rules: [Rule]
    /// Instruments by id, for citations and links.
    public var instruments: [String: Instrument]
    /// The derived `<NS>-<NAME>-DECLARED` checks of the loaded packs, for reporters that list rules
    /// before they see any finding (SARIF). Like `rules`, not part of the JSON.
    public var declaredRules: [DeclaredRule]
    /// The language of the human-readable text (JSON records it as `lang`).
    public var language: Language = .en {
        didSet { strings = ReportStrings.builtIn(language) }
    }
    /// The report's own words in `language`, for reporters.
    public private(set) var strings: ReportStrings = .english
    /// The English title of each rule by id (machine names are made from it).
    package var sourceTitles: [String: String] = [:]

    public init(
        toolName: String = ToolInfo.name, toolVersion: String = ToolInfo.version, asOf: CalendarDate,
        settings: Settings = Settings(), packs: [PackInfo], systems: [SystemReport], errors: [Diagnostic] = [],
        rules: [Rule] = [], instruments: [String: Instrument] = [:], declaredRules: [DeclaredRule] = []
    ) {
        self.declaredRules = declaredRules
        self.toolName = toolName
        self.toolVersion = toolVersion
        self.asOf = asOf
        self.settings = settings
        self.packs = packs
        self.systems = systems
        self.errors = errors
        self.rules = rules
        self.instruments = instruments
    }

    /// `error` when an input could not be evaluated, else `fail` when any system failed.
    public var gate: GateResult {
        if !errors.filter({ $0.severity == .error }).isEmpty { return .error }
        return systems.contains { $0.gate == .fail } ? .fail : .pass
    }
}

/// A loaded pack, as reports name it.
public struct PackInfo: Sendable, Hashable, Codable {
    public var id: String
    public var version: String
    public var title: String
    public var jurisdiction: String
    /// The date of the legal text the pack encodes, when the pack states it.
    public var lawVersionDate: CalendarDate?

    private enum CodingKeys: String, CodingKey {
        case id, version, title, jurisdiction
        case lawVersionDate = "law_version_date"
    }

    public init(id: String, version: String, title: String, jurisdiction: String, lawVersionDate: CalendarDate? = nil) {
        self.id = id
        self.version = version
        self.title = title
        self.jurisdiction = jurisdiction
        self.lawVersionDate = lawVersionDate
    }
}

/// The tool's name and version, as reports print them.
public enum ToolInfo {
    public static let name = "compliance-check"
    public static let version = "0.1.0"
}
