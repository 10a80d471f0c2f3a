/// A position in a source file: 1-based line and column (columns count Unicode scalars, as libyaml
/// does).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// The file as the user named it (relative paths stay relative).
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// A position inside one document, without the file name.
public struct SourceMark: Sendable, Hashable, Comparable {
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The start of a file.
    public static let start = SourceMark(line: 1, column: 1)

    public static func < (lhs: SourceMark, rhs: SourceMark) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// This mark in `file`.
    public func located(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }
}
