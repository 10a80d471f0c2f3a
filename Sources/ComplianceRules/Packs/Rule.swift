/// One legal requirement, as data (DESIGN §4).
public struct Rule: Sendable, Equatable {
    public var id: String
    public var title: String
    public var description: String?
    public var category: RuleCategory
    public var severity: Severity
    /// At least one; the first is the primary citation.
    public var citations: [Citation]
    /// The rule applies from this date (the cited instrument's, unless given); when
    /// `effectiveCases` is not empty, this is the default date, used when no case holds.
    public var effective: CalendarDate
    /// Dates that depend on the system's facts: the first case whose condition holds gives the date.
    public var effectiveCases: [EffectiveDate] = []
    /// The rule no longer applies on and after this date.
    public var until: CalendarDate?
    /// When the rule applies; `nil` means always.
    public var when: Condition?
    /// What the rule requires.
    public var require: Condition
    public var waivable: Bool
    /// The roles that bear the duty (`bearer:`); empty means any operator. The rule applies only
    /// when the system's roles (its pack's `roles:`) include one of them.
    public var bearers: [String] = []
    /// Rules of this or another pack that ask for the same thing.
    public var related: [RelatedRule] = []
    public var message: String
    public var remediation: String
    public var examples: RuleExamples
    /// The lifecycle stages (`system.lifecycle` values) in which the rule applies; `nil` means every
    /// stage. A system that does not declare its stage is treated as in production.
    public var stages: [String]?
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
public struct Derivation: Sendable, Equatable {
    public struct Case: Sendable, Equatable {
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
    /// The `<NAMESPACE>-<NAME>-DECLARED` finding's own fields, from the manifest.
    public var check: DeclaredCheck
    public var location: SourceLocation
    /// Which of `title`, `description`, `remediation` the manifest writes (the others are the
    /// defaults): the texts a translation catalogue must carry.
    package var writtenTexts: [String] = []

    /// `derived.<namespace>.<name>`.
    public var path: String { "derived.\(namespace).\(name)" }

    /// The id of the under-classification finding: `KZ-RISK-LEVEL-DECLARED`.
    public var declaredRuleID: String {
        "\(namespace)-\(name)-declared".uppercased().replacing("_", with: "-")
    }
}

/// How a derivation's under-classification finding (`<NAMESPACE>-<NAME>-DECLARED`) reads and
/// weighs: written in the manifest beside the derivation, with the defaults of DESIGN §4.4.
public struct DeclaredCheck: Sendable, Equatable {
    public var title: String
    public var description: String?
    public var severity: Severity
    public var category: RuleCategory
    public var remediation: String
    /// The finding is `upcoming` before this date (default: the effective date of the instrument
    /// the derivation's first case cites).
    public var effective: CalendarDate?

    public init(
        title: String, description: String? = nil, severity: Severity = .high, category: RuleCategory = .riskManagement,
        remediation: String, effective: CalendarDate? = nil
    ) {
        self.title = title
        self.description = description
        self.severity = severity
        self.category = category
        self.remediation = remediation
        self.effective = effective
    }

    /// The defaults for a derivation named `name` whose declared fact is `declaredPath`.
    public static func defaults(name: String, declaredPath: String) -> DeclaredCheck {
        let words = name.replacing("_", with: " ")
        return DeclaredCheck(
            title: "The declared \(words) is not lower than the one the law indicates",
            remediation:
                "Classify the system at least at the \(words) the law indicates and set \(declaredPath) accordingly, or correct the facts it is derived from."
        )
    }
}

/// A jurisdiction's rule pack: manifest, derivations and rules from every sector file.
public struct RulePack: Sendable, Equatable {
    public var id: String
    public var namespace: String
    public var title: String
    /// The pack applies to systems whose `system.jurisdictions` include this.
    public var jurisdiction: String
    public var version: String
    /// The date of the legal text the pack encodes (its consolidated version), if stated.
    public var lawVersionDate: CalendarDate?
    public var instruments: [Instrument]
    public var derivations: [Derivation]
    /// Where the roles that rules name as bearers are read, if the pack has any.
    public var roles: RoleDeclaration?
    public var rules: [Rule]
    /// The languages the pack is translated into (`languages:` in pack.yaml), English first.
    public var languages: [Language] = [.en]
    /// Where the manifest is.
    public var location: SourceLocation

    /// The instrument with `id`.
    public func instrument(_ id: String) -> Instrument? { instruments.first { $0.id == id } }
}
