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

    static func combine(all parts: [Verdict]) -> Verdict {
        // One part is its own result (a decided part carries no missing facts).
        if parts.count == 1, parts[0].truth == .unknown || parts[0].missing.isEmpty { return parts[0] }
        if parts.contains(where: { $0.truth == .false }) {
            return Verdict(truth: .false, observations: parts.filter { $0.truth == .false }.flatMap(\.observations))
        }
        if parts.contains(where: { $0.truth == .unknown }) {
            let unknown = parts.filter { $0.truth == .unknown }
            return Verdict(truth: .unknown, observations: unknown.flatMap(\.observations), missing: unknown.flatMap(\.missing))
        }
        return Verdict(truth: .true, observations: parts.flatMap(\.observations))
    }

    static func combine(any parts: [Verdict]) -> Verdict {
        if parts.count == 1, parts[0].truth == .unknown || parts[0].missing.isEmpty { return parts[0] }
        if parts.contains(where: { $0.truth == .true }) {
            return Verdict(truth: .true, observations: parts.filter { $0.truth == .true }.flatMap(\.observations))
        }
        if parts.contains(where: { $0.truth == .unknown }) {
            let unknown = parts.filter { $0.truth == .unknown }
            return Verdict(truth: .unknown, observations: parts.flatMap(\.observations), missing: unknown.flatMap(\.missing))
        }
        return Verdict(truth: .false, observations: parts.flatMap(\.observations))
    }
}
