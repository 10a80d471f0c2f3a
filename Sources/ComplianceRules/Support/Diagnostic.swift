/// A problem found while reading or checking an input, rendered like a compiler diagnostic:
/// `file:line:column: error: message`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case note
        case warning
        case error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// A secondary message attached to a diagnostic, such as "first defined here".
    public struct Note: Sendable, Hashable {
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    public var message: String
    /// Where the problem is; `nil` when it concerns a whole input that could not be opened.
    public var location: SourceLocation?
    public var notes: [Note]

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, notes: [Note] = []) {
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
    }

    /// An error diagnostic.
    public static func error(_ message: String, at location: SourceLocation?, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, message, at: location, notes: notes)
    }

    /// A warning diagnostic.
    public static func warning(_ message: String, at location: SourceLocation?, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, message, at: location, notes: notes)
    }

    /// The diagnostic and its notes, one per line, compiler style. Text from inputs (file names,
    /// keys, values) is escaped, so a diagnostic is always one line per entry and safe to print.
    public var description: String {
        var lines = [Self.render(severity.rawValue, message, location)]
        for note in notes {
            lines.append(Self.render("note", note.message, note.location))
        }
        return lines.joined(separator: "\n")
    }

    private static func render(_ label: String, _ message: String, _ location: SourceLocation?) -> String {
        let message = SafeText.escaped(message)
        if let location {
            return "\(SafeText.lineStart(location.file)):\(location.line):\(location.column): \(label): \(message)"
        }
        return "\(label): \(message)"
    }
}

/// Every problem found in one input; thrown when at least one is an error.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension [Diagnostic] {
    /// Whether any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
