public import ComplianceRules

/// Three-valued logic (DESIGN §4.2): a predicate on an absent fact is unknown.
public enum Truth: String, Sendable, Hashable {
    case `true`
    case `false`
    case unknown

    init(_ flag: Bool) { self = flag ? .true : .false }

    /// Kleene negation: swaps true and false, keeps unknown.
    var negated: Truth {
        switch self {
        case .true: .false
        case .false: .true
        case .unknown: .unknown
        }
    }
}

/// What part a fact plays in a failed condition, so that an explanation says what must change.
public enum FactRole: String, Sendable, Hashable, Codable {
    /// The fact must take the expected value.
    case required
    /// One more way to meet the condition: the fact may take the expected value instead of the
    /// facts listed before it (a failed `any`).
    case alternative
    /// A premise, not something to change: the fact's value is why the rest is required (the
    /// negated or derived part of an `any` written as "not A, or B"), or a derived value that
    /// follows from other facts.
    case given
}

/// What one fact looked like when a condition read it.
public struct FactObservation: Sendable, Hashable {
    /// The fact's path in the document (`data.datasets[0].name`, or `derived.kz.risk_level`).
    public var path: [PathStep]
    /// The value found, or `nil` when absent.
    public var actual: Value?
    /// What the condition expected, in words.
    public var expected: String
    /// An extra explanation (e.g. why an evidence check failed).
    public var note: String?
    /// What the fact has to do with the outcome (meaningful when the condition failed).
    public var role: FactRole = .required
    /// `path` with dots, when the condition had it made already (facts read at the top level).
    var dotted: String?

    /// `data.datasets[0].name`.
    var dottedPath: String { dotted ?? path.dottedPath }

    // `dotted` is `path` written out (when made already), so it takes no part in equality.
    public static func == (lhs: FactObservation, rhs: FactObservation) -> Bool {
        lhs.path == rhs.path && lhs.actual == rhs.actual && lhs.expected == rhs.expected && lhs.note == rhs.note
            && lhs.role == rhs.role
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(actual)
        hasher.combine(expected)
        hasher.combine(note)
        hasher.combine(role)
    }
}

/// The result of evaluating a condition: its truth, the facts that decided it, and for unknowns the
/// facts that would decide it.
struct Verdict: Sendable {
    var truth: Truth
    var observations: [FactObservation] = []
    /// Paths of absent facts that made the result unknown.
    var missing: [String] = []

    /// One part combined with nothing: its own result, except that a decided part carries no
    /// missing facts. (`combine(all:)` and `combine(any:)` of one part; callers with one part in
    /// hand use it to skip making a list.)
    static func alone(_ part: Verdict) -> Verdict {
        var verdict = part
        if verdict.truth != .unknown { verdict.missing = [] }
        return verdict
    }

    static func combine(all parts: [Verdict]) -> Verdict {
        if parts.count == 1 { return alone(parts[0]) }
        if parts.contains(where: { $0.truth == .false }) {
            return gathered(parts, truth: .false) { $0.truth == .false }
        }
        if parts.contains(where: { $0.truth == .unknown }) {
            return gathered(parts, truth: .unknown, missingFrom: { $0.truth == .unknown }, observed: { $0.truth == .unknown })
        }
        return gathered(parts, truth: .true) { _ in true }
    }

    static func combine(any parts: [Verdict]) -> Verdict {
        if parts.count == 1 { return alone(parts[0]) }
        if parts.contains(where: { $0.truth == .true }) {
            return gathered(parts, truth: .true) { $0.truth == .true }
        }
        if parts.contains(where: { $0.truth == .unknown }) {
            return gathered(parts, truth: .unknown, missingFrom: { $0.truth == .unknown }, observed: { _ in true })
        }
        return gathered(parts, truth: .false) { _ in true }
    }

    /// A verdict of `truth` with the observations of the parts `observed` picks and the missing
    /// facts of those `missingFrom` picks, in order; sized once, and one part's lists taken as
    /// they are.
    private static func gathered(
        _ parts: [Verdict], truth: Truth, missingFrom: (Verdict) -> Bool = { _ in false },
        observed: (Verdict) -> Bool
    ) -> Verdict {
        var observations: [FactObservation] = []
        var missing: [String] = []
        var observationCount = 0
        var observingParts = 0
        var missingParts = 0
        for part in parts {
            if observed(part), !part.observations.isEmpty {
                observationCount += part.observations.count
                observingParts += 1
            }
            if missingFrom(part), !part.missing.isEmpty { missingParts += 1 }
        }
        if observingParts > 1 { observations.reserveCapacity(observationCount) }
        for part in parts {
            if observed(part), !part.observations.isEmpty {
                if observingParts == 1 { observations = part.observations } else { observations += part.observations }
            }
            if missingFrom(part), !part.missing.isEmpty {
                if missingParts == 1 { missing = part.missing } else { missing += part.missing }
            }
        }
        return Verdict(truth: truth, observations: observations, missing: missing)
    }
}
