/// A value of a system description or rule: what YAML's core schema can say, plus calendar dates.
///
/// Library users can build values in code with literals:
/// ```swift
/// let system: Value = ["system": ["id": "demo", "sectors": ["education"]]]
/// ```
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case date(CalendarDate)
    case list([Value])
    case map(ValueMap)

    /// The entry at `key` of a mapping, or `nil`.
    public subscript(key: String) -> Value? {
        if case .map(let entries) = self { return entries[key] }
        return nil
    }

    /// The value at a dotted path of mapping keys, or `nil` when any step is missing.
    public func value(at path: some Sequence<String>) -> Value? {
        var current = self
        for key in path {
            guard case .map(let entries) = current, let next = entries[key] else { return nil }
            current = next
        }
        return current
    }

    /// The value at a path of mapping keys, or `nil` when any step is missing. (The engine reads
    /// facts through this for every predicate; an array needs no generic iteration.)
    public func value(at path: [String]) -> Value? {
        var current = self
        for key in path {
            guard case .map(let entries) = current, let next = entries[key] else { return nil }
            current = next
        }
        return current
    }

    /// The type as a user reads it in an error message.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .int: "int"
        case .double: "number"
        case .string: "string"
        case .date: "date"
        case .list: "list"
        case .map: "mapping"
        }
    }

    /// The string of a `.string`, or `nil`.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The entries of a `.map`, or `nil`.
    public var mapValue: ValueMap? {
        if case .map(let entries) = self { return entries }
        return nil
    }

    /// The elements of a `.list`, or `nil`.
    public var listValue: [Value]? {
        if case .list(let elements) = self { return elements }
        return nil
    }
}
