/// One legal requirement, as data (DESIGN §4).
public struct Rule: Sendable, Equatable {
    public var id: String
    public var title: String
    public var description: String?
    public var category: RuleCategory
    public var severity: Severity
    /// At least one; the first is the primary citation.
    public var citations: [Citation]
    /// The rule applies from this date (the cited instrument's, unless given).
    public var effective: CalendarDate
    /// The rule no longer applies on and after this date.
    public var until: CalendarDate?
    /// When the rule applies; `nil` means always.
    public var when: Condition?
    /// What the rule requires.
    public var require: Condition
    public var waivable: Bool
    public var message: String
    public var remediation: String
    public var examples: RuleExamples
    /// The sector of the file it comes from (`all` for cross-sector rules).
    public var sector: String
    /// The id of the pack it belongs to.
    public var pack: String
    /// Where the rule is written.
    public var location: SourceLocation

    /// The primary citation.
    public var citation: Citation { citations[0] }
}

/// The examples a rule carries, run as tests.
public struct RuleExamples: Sendable, Equatable {
    /// The as-of date to evaluate them at (default: the rule's effective date).
    public var asOf: CalendarDate?
    /// Partial descriptions that must pass.
    public var pass: [Document]
    /// Partial descriptions that must fail.
    public var fail: [Document]

    public init(asOf: CalendarDate? = nil, pass: [Document] = [], fail: [Document] = []) {
        self.asOf = asOf
        self.pass = pass
        self.fail = fail
    }
}

/// A fact derived by a pack from other facts, first matching case wins (DESIGN §4.4).
public struct Derivation: Sendable {
    public struct Case: Sendable {
        public var value: String
        public var when: Condition
        public var because: String
        public var citation: Citation
    }

    public var name: String
    public var namespace: String
    /// Ordered, lowest first.
    public var values: [String]
    /// The fact holding the owner's own classification, if any.
    public var declared: FactReference?
    public var cases: [Case]
    public var defaultValue: String
    public var location: SourceLocation

    /// `derived.<namespace>.<name>`.
    public var path: String { "derived.\(namespace).\(name)" }

    /// The id of the under-classification finding: `KZ-RISK-LEVEL-DECLARED`.
    public var declaredRuleID: String {
        "\(namespace)-\(name)-declared".uppercased().replacing("_", with: "-")
    }
}

/// A jurisdiction's rule pack: manifest, derivations and rules from every sector file.
public struct RulePack: Sendable {
    public var id: String
    public var namespace: String
    public var title: String
    /// The pack applies to systems whose `system.jurisdictions` include this.
    public var jurisdiction: String
    public var version: String
    public var instruments: [Instrument]
    public var derivations: [Derivation]
    public var rules: [Rule]
    /// Where the manifest is.
    public var location: SourceLocation

    /// The instrument with `id`.
    public func instrument(_ id: String) -> Instrument? { instruments.first { $0.id == id } }
}
