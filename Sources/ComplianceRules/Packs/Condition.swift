/// A checked condition of a rule or derivation (DESIGN §4.1): combinators and fact predicates.
public indirect enum Condition: Sendable, Equatable {
    /// Every part must hold.
    case all([Condition])
    /// At least one part must hold.
    case any([Condition])
    /// The part must not hold.
    case not(Condition)
    /// Every operator must hold for the fact.
    case predicate(Predicate)

    /// The facts this condition reads (paths as written, relative ones inside `every`/`some`/`none`
    /// prefixed with their list).
    public var factPaths: [String] {
        switch self {
        case .all(let parts), .any(let parts): parts.flatMap(\.factPaths)
        case .not(let part): part.factPaths
        case .predicate(let predicate): predicate.factPaths
        }
    }
}

/// Where a condition reads a value from.
public struct FactReference: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// A fact of the system description (or of a list element, inside `every`/`some`/`none`).
        case fact
        /// `derived.<namespace>.<name>`.
        case derived(namespace: String, name: String)
    }

    /// The path as written.
    public let text: String
    /// Mapping keys from the scope (the document, or the list element).
    public let keys: [String]
    public let kind: Kind
    /// The declared type (derived facts are enums of their values).
    public let type: FactType
    /// The vocabulary path (for list element fields: the list's path + field).
    public let vocabularyPath: String

    /// `keys` as path steps, made once: the engine reads the fact with them for every system.
    package let steps: [PathStep]
    /// `keys` joined by dots (`risk.level`), how a fact read at the top of a document is named.
    package let dottedKeys: String
    /// `namespace.name`, for a derived fact.
    package let derivedKey: String?

    public init(text: String, keys: [String], kind: Kind, type: FactType, vocabularyPath: String) {
        self.text = text
        self.keys = keys
        self.kind = kind
        self.type = type
        self.vocabularyPath = vocabularyPath
        steps = keys.map(PathStep.key)
        dottedKeys = steps.dottedPath
        if case .derived(let namespace, let name) = kind { derivedKey = "\(namespace).\(name)" } else { derivedKey = nil }
    }

    public var description: String { text }
}

/// A fact path with the operators that must all hold.
///
/// A class, not a struct: the engine reads every predicate for every system, and handing one on
/// is then one reference instead of a copy of every string of its fact reference. It is
/// immutable, so it shares like a value.
public final class Predicate: Sendable, Equatable {
    public let fact: FactReference
    public let operators: [Operator]
    public let location: SourceLocation

    public init(fact: FactReference, operators: [Operator], location: SourceLocation) {
        self.fact = fact
        self.operators = operators
        self.location = location
    }

    public static func == (lhs: Predicate, rhs: Predicate) -> Bool {
        lhs === rhs || (lhs.fact == rhs.fact && lhs.operators == rhs.operators && lhs.location == rhs.location)
    }

    var factPaths: [String] {
        var paths = [fact.vocabularyPath]
        for operation in operators {
            switch operation {
            case .every(let condition), .some(let condition), .none(let condition):
                paths += condition.factPaths
            default: break
            }
        }
        return paths
    }
}

/// Options of the `evidence` operator.
public struct EvidenceOptions: Sendable, Hashable {
    /// The evidence `date` must be at most this many days before the as-of date.
    public var maxAgeDays: Int?
    /// The evidence must carry a `date`.
    public var requireDate: Bool

    public init(maxAgeDays: Int? = nil, requireDate: Bool = false) {
        self.maxAgeDays = maxAgeDays
        self.requireDate = requireDate
    }
}

/// One operator of a predicate, with its checked operand.
public enum Operator: Sendable, Equatable {
    case equals(Value)
    case notEquals(Value)
    case isIn([Value])
    case notIn([Value])
    case exists(Bool)
    case contains(Value)
    case containsAny([Value])
    case containsAll([Value])
    case containsNone([Value])
    case greaterThan(Value)
    case greaterThanOrEqual(Value)
    case lessThan(Value)
    case lessThanOrEqual(Value)
    case minItems(Int)
    case maxItems(Int)
    case matches(Pattern)
    case withinDays(Int)
    case every(Condition)
    case some(Condition)
    case none(Condition)
    case evidence(EvidenceOptions)

    /// The operator's name in YAML.
    public var name: String {
        switch self {
        case .equals: "equals"
        case .notEquals: "not_equals"
        case .isIn: "in"
        case .notIn: "not_in"
        case .exists: "exists"
        case .contains: "contains"
        case .containsAny: "contains_any"
        case .containsAll: "contains_all"
        case .containsNone: "contains_none"
        case .greaterThan: "gt"
        case .greaterThanOrEqual: "gte"
        case .lessThan: "lt"
        case .lessThanOrEqual: "lte"
        case .minItems: "min_items"
        case .maxItems: "max_items"
        case .matches: "matches"
        case .withinDays: "within_days"
        case .every: "every"
        case .some: "some"
        case .none: "none"
        case .evidence: "evidence"
        }
    }
}
