/// The type of a fact in the vocabulary.
public indirect enum FactType: Sendable, Hashable, CustomStringConvertible {
    case string
    case bool
    case int
    /// An int or a float.
    case number
    /// `YYYY-MM-DD`.
    case date
    /// One of the listed values.
    case enumeration([String])
    /// A list whose elements have the given type.
    case list(FactType)
    /// Nested facts, declared under this path.
    case object
    /// A file path or https URL, or `{file | url, sha256, date, expires, title}`.
    case evidence

    /// The name used in the vocabulary and in messages.
    public var description: String {
        switch self {
        case .string: "string"
        case .bool: "bool"
        case .int: "int"
        case .number: "number"
        case .date: "date"
        case .enumeration: "enum"
        case .list(let element): "list of \(element)"
        case .object: "object"
        case .evidence: "evidence"
        }
    }

    /// The allowed values of an enum or a list of enums.
    public var allowedValues: [String]? {
        switch self {
        case .enumeration(let values): values
        case .list(let element): element.allowedValues
        default: nil
        }
    }

    /// The element type of a list, or `nil`.
    public var elementType: FactType? {
        if case .list(let element) = self { return element }
        return nil
    }

    /// Whether values of this type are ordered (compared with gt/lt).
    public var isOrdered: Bool {
        switch self {
        case .int, .number, .date: true
        default: false
        }
    }
}
