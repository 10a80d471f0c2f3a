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
    /// Whether waivers written in the system files count (`false`: only `waivers`, which a CI can
    /// keep in a reviewed file, count; inline ones are reported as ignored).
    public var inlineWaivers: Bool = true
    /// The longest a waiver may run past the as-of date, in days; a longer one is an error.
    public var maxWaiverDays: Int?
    /// The most bytes of one evidence file that are hashed; a larger file's hash check is unknown.
    public var maxEvidenceBytes: Int = 256 << 20
    /// The most evidence bytes hashed for one system; past it, hash checks are unknown.
    public var maxEvidenceBytesPerSystem: Int = 1 << 30
    /// Hashes of evidence files already read in this run, shared by every system evaluated with
    /// these options (a file is hashed once however many systems list it).
    public var evidenceCache = EvidenceCache()
    /// How much of a `pass` or `not_applicable` finding the engine keeps (default: everything).
    public var passingDetail: PassingDetail = .full

    /// How much of a finding that passes or does not apply is kept.
    public enum PassingDetail: Sendable, Hashable {
        /// Every deciding fact, and the reason of a condition that does not hold.
        case full
        /// Only the facts that carry a note (an evidence remark such as an unverified URL) and no
        /// condition reason: what the text report shows of such findings (without `--verbose`).
        /// The command line uses it when that report is its only output; placing facts in the
        /// file is a good part of evaluating.
        case noted
    }

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
