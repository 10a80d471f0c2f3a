internal import OrderedCollections

/// Reads one YAML document into a `Document` (values plus source marks), over libyaml's event API.
///
/// It applies the YAML 1.2 core schema, rejects duplicate keys (at the second key, with a note at the
/// first), multi-document streams, unsupported tags and non-scalar keys, and bounds the input: file
/// size, nesting depth, alias expansion, scalar length and collection length. Every failure is a
/// `Diagnostic` with file, line and column.
public struct YAMLReader: Sendable {
    /// Bounds that keep hostile input from exhausting time or memory.
    public struct Limits: Sendable, Hashable {
        /// Largest input in bytes (8 MiB).
        public var maxBytes = 8 * 1024 * 1024
        /// Deepest nesting of mappings and lists.
        public var maxDepth = 128
        /// Most values an alias may add to the document, summed over all aliases.
        public var maxAliasExpansion = 100_000
        /// Longest scalar in bytes.
        public var maxScalarBytes = 1024 * 1024
        /// Most entries in one mapping or list.
        public var maxCollectionCount = 100_000

        public init() {}
    }

    public var limits: Limits
    /// Accept tags outside the core schema (scalars with such tags read as strings). Off by default.
    public var allowsUnknownTags: Bool
    /// Accept a leading byte-order mark. Off by default: the file should be plain UTF-8.
    public var allowsByteOrderMark: Bool

    public init(limits: Limits = Limits(), allowsUnknownTags: Bool = false, allowsByteOrderMark: Bool = false) {
        self.limits = limits
        self.allowsUnknownTags = allowsUnknownTags
        self.allowsByteOrderMark = allowsByteOrderMark
    }

    /// Reads `bytes` as one YAML document named `file` in diagnostics.
    public func read(_ bytes: [UInt8], file: String) throws(Diagnostic) -> Document {
        let origin = SourceMark.start.located(in: file)
        guard bytes.count <= limits.maxBytes else {
            throw .error(
                "file is \(bytes.count) bytes, more than the limit of \(limits.maxBytes) bytes", at: origin)
        }
        var input = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard allowsByteOrderMark else {
                throw .error("file starts with a byte-order mark; save it as UTF-8 without a BOM", at: origin)
            }
            // libyaml, set to UTF-8, keeps the BOM as a character of line 1, which shifts its indentation.
            input.removeFirst(3)
        }
        return try YAMLEventParser.withParser(over: input, file: file) { parser throws(Diagnostic) in
            var composer = Composer(parser: parser, file: file, reader: self)
            return try composer.document()
        }
    }

    /// Reads `text` as one YAML document.
    public func read(_ text: String, file: String) throws(Diagnostic) -> Document {
        try read(Array(text.utf8), file: file)
    }
}

/// Builds values from events; one per document read.
private struct Composer {
    let parser: YAMLEventParser
    let file: String
    let reader: YAMLReader
    var anchors: [String: (value: Value, marks: MarkTree, count: Int)] = [:]
    var aliasExpansion = 0
    /// The entries of the mappings being read, innermost last: a mapping's entries gather here and
    /// become its `ValueMap` and marks at its end, each sized exactly (no growing one entry at a
    /// time). Nested mappings push and pop their own entries above it.
    /// (Four parallel lists, not one list of tuples: a scan of the keys then touches only keys.)
    private var pendingKeys: [String] = []
    private var pendingValues: [Value] = []
    private var pendingKeyMarks: [SourceMark] = []
    private var pendingMarks: [MarkTree] = []
    /// The same for the elements of the lists being read.
    private var pendingElements: [Value] = []
    private var pendingElementMarks: [MarkTree] = []
    /// Past this many entries a mapping finds a repeated key through a table instead of a scan.
    private static let scannedKeys = 16

    init(parser: YAMLEventParser, file: String, reader: YAMLReader) {
        self.parser = parser
        self.file = file
        self.reader = reader
    }

    private func at(_ mark: SourceMark) -> SourceLocation { mark.located(in: file) }

    mutating func document() throws(Diagnostic) -> Document {
        _ = try parser.next()  // stream start
        let first = try parser.next()
        guard case .documentStart = first.kind else {
            throw .error("the file is empty; expected a YAML mapping", at: at(.start))
        }
        let root = try node(depth: 0)
        _ = try parser.next()  // document end
        let after = try parser.next()
        if case .documentStart = after.kind {
            throw .error(
                "the file holds more than one YAML document; put one document in each file", at: at(after.start))
        }
        return Document(file: file, root: root.value, marks: root.marks)
    }

    private mutating func node(depth: Int) throws(Diagnostic) -> (value: Value, marks: MarkTree, count: Int) {
        let event = try parser.next()
        return try node(from: event, depth: depth)
    }

    private mutating func node(
        from event: YAMLEvent, depth: Int
    ) throws(Diagnostic) -> (value: Value, marks: MarkTree, count: Int) {
        let result: (value: Value, marks: MarkTree, count: Int)
        switch event.kind {
        case .scalar(let text, let style):
            result = (try scalar(text, style: style, tag: event.tag, at: event.start), MarkTree(mark: event.start), 1)
        case .alias(let name):
            guard let anchored = anchors[name] else {
                throw .error("alias *\(name) refers to no anchor defined before it", at: at(event.start))
            }
            aliasExpansion += anchored.count
            guard aliasExpansion <= reader.limits.maxAliasExpansion else {
                throw .error(
                    "aliases expand to more than \(reader.limits.maxAliasExpansion) values; "
                        + "the document is refused so that it cannot exhaust memory (\"billion laughs\")",
                    at: at(event.start))
            }
            // The anchored value was depth-checked where it was defined, not where it is repeated.
            guard depth + Self.height(of: anchored.value) <= reader.limits.maxDepth else {
                throw .error(
                    "nesting is deeper than \(reader.limits.maxDepth) levels (through alias *\(name))", at: at(event.start))
            }
            return (
                anchored.value, MarkTree(mark: event.start, keys: anchored.marks.keys, children: anchored.marks.children),
                anchored.count
            )
        case .sequenceStart:
            try checkDepth(depth, at: event.start)
            try checkCollectionTag(event.tag, expected: "tag:yaml.org,2002:seq", at: event.start)
            let base = pendingElements.count
            var count = 1
            while true {
                let next = try parser.next()
                if case .sequenceEnd = next.kind { break }
                guard pendingElements.count - base < reader.limits.maxCollectionCount else {
                    throw .error(
                        "list has more than \(reader.limits.maxCollectionCount) items", at: at(event.start))
                }
                // Taken apart, so that the value and its marks move into the stacks uncopied.
                let (value, marks, childCount) = try node(from: next, depth: depth + 1)
                pendingElements.append(value)
                pendingElementMarks.append(marks)
                count += childCount
            }
            result = (
                .list(Array(pendingElements[base...])),
                MarkTree(mark: event.start, children: Array(pendingElementMarks[base...])), count
            )
            pendingElements.removeSubrange(base...)
            pendingElementMarks.removeSubrange(base...)
        case .mappingStart:
            try checkDepth(depth, at: event.start)
            try checkCollectionTag(event.tag, expected: "tag:yaml.org,2002:map", at: event.start)
            let base = pendingKeys.count
            // A small mapping is scanned for a repeated key; a large one keeps a table of its keys.
            var positions: [String: Int]?
            var count = 1
            while true {
                let keyEvent = try parser.next()
                if case .mappingEnd = keyEvent.kind { break }
                guard case .scalar(let key, let keyStyle) = keyEvent.kind else {
                    throw .error("a mapping key must be a plain string, not a list, mapping or alias", at: at(keyEvent.start))
                }
                if let anchor = keyEvent.anchor {  // a key's anchor may be aliased later, as a value
                    let keyValue = try scalar(key, style: keyStyle, tag: keyEvent.tag, at: keyEvent.start)
                    anchors[anchor] = (keyValue, MarkTree(mark: keyEvent.start), 1)
                }
                let entryCount = pendingKeys.count - base
                let first = positions.map { $0[key] } ?? pendingKeys[base...].firstIndex(of: key)
                if let first {
                    throw .error(
                        "duplicate key '\(key)'", at: at(keyEvent.start),
                        notes: [.init("'\(key)' first defined here", at: at(pendingKeyMarks[first]))])
                }
                guard entryCount < reader.limits.maxCollectionCount else {
                    throw .error(
                        "mapping has more than \(reader.limits.maxCollectionCount) entries", at: at(event.start))
                }
                let (value, marks, childCount) = try node(depth: depth + 1)
                pendingKeys.append(key)
                pendingValues.append(value)
                pendingKeyMarks.append(keyEvent.start)
                pendingMarks.append(marks)
                count += childCount
                if positions != nil {
                    positions?[key] = base + entryCount
                } else if entryCount + 1 == Self.scannedKeys {
                    var table: [String: Int] = [:]
                    table.reserveCapacity(2 * Self.scannedKeys)
                    for index in base..<pendingKeys.count { table[pendingKeys[index]] = index }
                    positions = table
                }
            }
            result = (
                .map(ValueMap(uniqueKeys: pendingKeys[base...], values: pendingValues[base...])),
                MarkTree(
                    mark: event.start, keys: Array(pendingKeyMarks[base...]), children: Array(pendingMarks[base...])),
                count
            )
            pendingKeys.removeSubrange(base...)
            pendingValues.removeSubrange(base...)
            pendingKeyMarks.removeSubrange(base...)
            pendingMarks.removeSubrange(base...)
        case .streamStart, .streamEnd, .documentStart, .documentEnd, .sequenceEnd, .mappingEnd:
            throw .error("unexpected YAML structure", at: at(event.start))
        }
        if let anchor = event.anchor {
            anchors[anchor] = result
        }
        return result
    }

    /// How many levels of lists and mappings `value` nests (0 for a scalar). Its cost is bounded by the
    /// alias expansion limit, as it runs only over aliased values.
    private static func height(of value: Value) -> Int {
        switch value {
        case .list(let elements): 1 + (elements.map(height(of:)).max() ?? 0)
        case .map(let entries): 1 + (entries.values.map(height(of:)).max() ?? 0)
        default: 0
        }
    }

    private func checkDepth(_ depth: Int, at mark: SourceMark) throws(Diagnostic) {
        guard depth < reader.limits.maxDepth else {
            throw .error("nesting is deeper than \(reader.limits.maxDepth) levels", at: at(mark))
        }
    }

    private func checkCollectionTag(_ tag: String?, expected: String, at mark: SourceMark) throws(Diagnostic) {
        guard let tag, tag != expected, tag != "!", !reader.allowsUnknownTags else { return }
        throw .error("unsupported tag '\(tag)'; only the YAML core schema is accepted", at: at(mark))
    }

    private func scalar(
        _ text: String, style: YAMLEvent.ScalarStyle, tag: String?, at mark: SourceMark
    ) throws(Diagnostic) -> Value {
        guard text.utf8.count <= reader.limits.maxScalarBytes else {
            throw .error("value is longer than \(reader.limits.maxScalarBytes) bytes", at: at(mark))
        }
        switch tag {
        case nil:
            return style == .plain ? try resolve(text, at: mark) : .string(text)
        case "!", "tag:yaml.org,2002:str":
            return .string(text)
        case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null":
            let value = try resolve(text, at: mark)
            switch (tag, value) {
            case ("tag:yaml.org,2002:int", .int), ("tag:yaml.org,2002:float", .double),
                ("tag:yaml.org,2002:bool", .bool), ("tag:yaml.org,2002:null", .null):
                return value
            case ("tag:yaml.org,2002:float", .int(let number)):
                return .double(Double(number))  // `!!float 1` is the float 1.0.
            default:
                throw .error("'\(text)' is not a valid value for tag '\(tag ?? "")'", at: at(mark))
            }
        default:
            if reader.allowsUnknownTags { return .string(text) }
            throw .error(
                "unsupported tag '\(tag ?? "")'; only the YAML core schema is accepted", at: at(mark))
        }
    }

    private func resolve(_ text: String, at mark: SourceMark) throws(Diagnostic) -> Value {
        switch CoreSchema.resolve(plain: text) {
        case .value(let value):
            return value
        case .overflow:
            throw .error("integer \(text) does not fit in 64 bits", at: at(mark))
        }
    }
}
