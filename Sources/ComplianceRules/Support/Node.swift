internal import OrderedCollections

/// A value of a parsed document together with its source marks: what loaders walk, so that every
/// problem they report has a position.
public struct Node: Sendable {
    public let value: Value
    public let marks: MarkTree?
    public let file: String

    public init(value: Value, marks: MarkTree?, file: String) {
        self.value = value
        self.marks = marks
        self.file = file
    }

    /// The root of a document.
    public init(_ document: Document) {
        self.init(value: document.root, marks: document.marks, file: document.file)
    }

    /// Where this value starts.
    public var location: SourceLocation {
        (marks?.mark ?? .start).located(in: file)
    }

    /// The entries of a mapping with their key locations, in order; empty for other values.
    public var entries: [(key: String, keyLocation: SourceLocation, node: Node)] {
        guard case .map(let map) = value else { return [] }
        var result: [(key: String, keyLocation: SourceLocation, node: Node)] = []
        result.reserveCapacity(map.count)
        for (index, element) in map.enumerated() {
            let keyMark = marks.flatMap { index < $0.keys.count ? $0.keys[index] : nil } ?? marks?.mark ?? .start
            let childMarks = marks.flatMap { index < $0.children.count ? $0.children[index] : nil }
            result.append((element.key, keyMark.located(in: file), Node(value: element.value, marks: childMarks, file: file)))
        }
        return result
    }

    /// The elements of a list; empty for other values.
    public var elements: [Node] {
        guard case .list(let list) = value else { return [] }
        return list.enumerated().map { index, element in
            let childMarks = marks.flatMap { index < $0.children.count ? $0.children[index] : nil }
            return Node(value: element, marks: childMarks, file: file)
        }
    }

    /// Entry `index` of a mapping (which must be one, with that many entries).
    func child(at index: Int) -> Node {
        guard case .map(let map) = value else { return Node(value: .null, marks: nil, file: file) }
        let childMarks = marks.flatMap { index < $0.children.count ? $0.children[index] : nil }
        return Node(value: map[index].value, marks: childMarks, file: file)
    }

    /// Where the key of entry `index` of a mapping is written, or this value's location.
    func keyLocation(at index: Int) -> SourceLocation {
        guard let marks, index < marks.keys.count else { return location }
        return marks.keys[index].located(in: file)
    }

    /// Element `index` of a list (which must be one, with that many elements).
    func element(at index: Int) -> Node {
        guard case .list(let list) = value else { return Node(value: .null, marks: nil, file: file) }
        let childMarks = marks.flatMap { index < $0.children.count ? $0.children[index] : nil }
        return Node(value: list[index], marks: childMarks, file: file)
    }

    /// The value at `key` of a mapping.
    public subscript(key: String) -> Node? {
        guard case .map(let map) = value, let index = map.index(forKey: key) else { return nil }
        let childMarks = marks.flatMap { index < $0.children.count ? $0.children[index] : nil }
        return Node(value: map[index].value, marks: childMarks, file: file)
    }

    /// Where `key` is written in this mapping, or this value's location.
    public func keyLocation(_ key: String) -> SourceLocation {
        guard case .map(let map) = value, let index = map.index(forKey: key),
            let marks, index < marks.keys.count
        else { return location }
        return marks.keys[index].located(in: file)
    }
}
