/// A diagnostic as reports write it: `{file, line, column, severity, message}` (`null` position
/// for a whole input), plus `notes` when there are any.
extension Diagnostic: Codable {
    fileprivate enum CodingKeys: String, CodingKey {
        case file, line, column, severity, message, notes
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try Self.encode(location, into: &container)
        try container.encode(severity, forKey: .severity)
        try container.encode(message, forKey: .message)
        if !notes.isEmpty { try container.encode(notes, forKey: .notes) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(Severity.self, forKey: .severity), try container.decode(String.self, forKey: .message),
            at: try Self.decodeLocation(container),
            notes: try container.decodeIfPresent([Note].self, forKey: .notes) ?? [])
    }

    fileprivate static func encode(_ location: SourceLocation?, into container: inout KeyedEncodingContainer<CodingKeys>)
        throws
    {
        if let location {
            try container.encode(location.file, forKey: .file)
            try container.encode(location.line, forKey: .line)
            try container.encode(location.column, forKey: .column)
        } else {
            try container.encodeNil(forKey: .file)
            try container.encodeNil(forKey: .line)
            try container.encodeNil(forKey: .column)
        }
    }

    fileprivate static func decodeLocation(_ container: KeyedDecodingContainer<CodingKeys>) throws -> SourceLocation? {
        guard let file = try container.decodeIfPresent(String.self, forKey: .file) else { return nil }
        return SourceLocation(
            file: file, line: try container.decode(Int.self, forKey: .line),
            column: try container.decode(Int.self, forKey: .column))
    }
}

extension Diagnostic.Severity: Codable {}

extension Diagnostic.Note: Codable {
    private typealias CodingKeys = Diagnostic.CodingKeys

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try Diagnostic.encode(location, into: &container)
        try container.encode(message, forKey: .message)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode(String.self, forKey: .message), at: try Diagnostic.decodeLocation(container))
    }
}

/// `YYYY-MM-DD`.
extension CalendarDate: Codable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a date YYYY-MM-DD")
        }
        self = date
    }
}
