/// One declared fact of the system description.
public struct Fact: Sendable, Hashable {
    /// Dotted path from the document root (for facts inside list elements: the list's path, a dot,
    /// then the field).
    public let path: String
    public let type: FactType
    /// Required whenever its parent is present.
    public let required: Bool
    /// A regular expression that string values must match.
    public let pattern: String?
    /// Fewest items of a list.
    public let minItems: Int?
    /// One line: what the fact means.
    public let meaning: String
    /// The law that makes it matter, as free text (e.g. "kz-ai-law Art. 21(1)").
    public let law: String?
    /// A value shown in the template.
    public let example: Value?
    /// Where it is declared.
    public let location: SourceLocation
    /// The last component of the path (kept, since validation compares it for every key read).
    public let name: String

    public init(
        path: String, type: FactType, required: Bool = false, pattern: String? = nil, minItems: Int? = nil,
        meaning: String, law: String? = nil, example: Value? = nil, location: SourceLocation
    ) {
        self.path = path
        self.type = type
        self.required = required
        self.pattern = pattern
        self.minItems = minItems
        self.meaning = meaning
        self.law = law
        self.example = example
        self.location = location
        self.name = path.split(separator: ".").last.map(String.init) ?? path
    }

    /// The path of the parent fact, or `nil` at the top level.
    public var parentPath: String? {
        guard let dot = path.lastIndex(of: ".") else { return nil }
        return String(path[..<dot])
    }

    /// Whether facts may be declared below this one (an object, or a list of objects).
    public var hasFields: Bool {
        type == .object || type == .list(.object)
    }
}
