internal import OrderedCollections

/// One step of a path into a value: a mapping key or a list index.
public enum PathStep: Sendable, Hashable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case .key(let key): key
        case .index(let index): "[\(index)]"
        }
    }
}

extension [PathStep] {
    /// `data.datasets[0].name`.
    public var dottedPath: String {
        var text = ""
        for step in self {
            switch step {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += key
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }
}

/// A parsed YAML document: its value, the file it came from, and the source marks of every key and
/// value.
public struct Document: Sendable, Equatable {
    /// The file name as given by the caller (used in every location).
    public var file: String
    /// The document's value.
    public var root: Value
    /// Source marks in the same shape as `root`; `nil` for values built in code.
    public var marks: MarkTree?

    public init(file: String, root: Value, marks: MarkTree? = nil) {
        self.file = file
        self.root = root
        self.marks = marks
    }

    /// Where the value at `path` is written; when it is absent, where its nearest present parent is
    /// declared (its key), or the start of the file.
    public func location(of path: [PathStep]) -> SourceLocation {
        resolve(path).mark.located(in: file)
    }

    /// Whether the value at `path` exists, and the mark `location(of:)` reports.
    func resolve(_ path: [PathStep]) -> (mark: SourceMark, found: Bool) {
        guard var tree = marks else { return (.start, path.isEmpty) }
        var value = root
        var declared = SourceMark.start
        for step in path {
            switch (step, value) {
            case (.key(let key), .map(let entries)):
                guard let index = entries.index(forKey: key), index < tree.children.count,
                    index < tree.keys.count
                else { return (declared, false) }
                declared = tree.keys[index]
                value = entries[index].value
                tree = tree.children[index]
            case (.index(let index), .list(let elements)):
                guard index >= 0, index < elements.count, index < tree.children.count else {
                    return (declared, false)
                }
                value = elements[index]
                tree = tree.children[index]
                declared = tree.mark
            default:
                return (declared, false)
            }
        }
        return (tree.mark, true)
    }
}
