public import ComplianceRules

/// How to evaluate: the as-of date, waivers, evidence root and gate settings. Nothing is read from
/// the clock or the environment: everything that varies is here, so runs are reproducible.
public struct EvaluationOptions: Sendable {
    /// The day the law is applied at (effective dates, `within_days`, evidence age and expiry).
    public var asOf: CalendarDate
    /// The lowest severity whose `fail` fails the gate.
    public var failOn: GateThreshold
    /// Whether unknown outcomes at or above `failOn` fail the gate.
    public var unknownPolicy: UnknownPolicy
    /// Waivers from outside the system files (`--waivers FILE`).
    public var waivers: [Waiver]
    /// Where file evidence is resolved; `nil`: the folder of each system file.
    public var evidenceRoot: String?
    /// Unknown keys in system files are errors.
    public var strict: Bool

    public init(
        asOf: CalendarDate, failOn: GateThreshold = .low, unknownPolicy: UnknownPolicy = .fail, waivers: [Waiver] = [],
        evidenceRoot: String? = nil, strict: Bool = false
    ) {
        self.asOf = asOf
        self.failOn = failOn
        self.unknownPolicy = unknownPolicy
        self.waivers = waivers
        self.evidenceRoot = evidenceRoot
        self.strict = strict
    }
}
