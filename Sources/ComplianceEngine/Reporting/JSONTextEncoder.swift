internal import ComplianceRules

/// Encodes an `Encodable` value straight into JSON bytes, keys in the order they are encoded
/// (Foundation's `JSONEncoder` does not keep it), pretty-printed exactly as `JSON.rendered` prints
/// or on one line. Nothing is built in between: the report's findings go from the model to the
/// output buffer.
///
/// `Codable` never says when a container is finished, so the writer keeps the open containers on
/// a stack and closes every container nested deeper than the one written to next (and all of them
/// at the end). That requires what every encoding in this module does: a container is written to
/// only while the values after it have not started, and no key is encoded twice. `codingPath` is
/// always empty (building it cost an allocation per value; no encoding here reads it).
enum JSONTextEncoder {
    /// `value` as JSON text, pretty-printed as if nested `indent` levels deep, or on one line.
    static func encode(_ value: some Encodable, pretty: Bool = true, indent: Int = 0) throws -> String {
        var fragments = JSONFragments()
        return try encode(value, pretty: pretty, indent: indent, fragments: &fragments)
    }

    /// `value` as JSON text, reusing (and adding to) `fragments`: the members each rule writes the
    /// same in every system, written once per renderer.
    static func encode(
        _ value: some Encodable, pretty: Bool, indent: Int, fragments: inout JSONFragments, terminator: String = ""
    ) throws -> String {
        let writer = JSONByteWriter(pretty: pretty)
        swap(&writer.fragments, &fragments)
        defer { swap(&writer.fragments, &fragments) }
        try writer.value(value, indent: indent)
        writer.bytes.append(contentsOf: terminator.utf8)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

/// A value that writes its own JSON object: the report's most numerous objects (findings and
/// their facts) skip `Codable`'s boxes and existentials. Its `Encodable` conformance, for other
/// encoders, goes through the same `write` (`encodeWritten(to:)`), so its shape is defined once.
protocol JSONWritable: Encodable {
    func write(_ object: inout JSONObjectWriter) throws
}

extension JSONWritable {
    /// For an encoder other than ours: the JSON `write` gives, read back and encoded.
    func encodeWritten(to encoder: any Encoder) throws {
        try JSONParser.parse(try JSONTextEncoder.encode(self, pretty: false)).encode(to: encoder)
    }
}

/// The members of one JSON object being written, in order.
struct JSONObjectWriter {
    fileprivate let writer: JSONByteWriter
    fileprivate let indent: Int
    fileprivate var count = 0

    /// Keys are our own ASCII names (`StaticString`), written as they are: none needs escaping.
    fileprivate mutating func key(_ key: StaticString) {
        writer.startMember(first: count == 0, indent: indent, key: nil)
        writer.bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { writer.bytes.append(contentsOf: $0) }
        writer.bytes.append(contentsOf: writer.pretty ? #"": "#.utf8 : #"":"#.utf8)
        count += 1
    }

    mutating func field(_ key: StaticString, _ text: String) {
        self.key(key)
        JSON.quote(text, into: &writer.bytes)
    }

    /// A value of a system description: scalars written here, as their `Encodable` conformance
    /// writes them; lists and mappings through it.
    mutating func field(_ key: StaticString, value: Value) throws {
        self.key(key)
        switch value {
        case .null: writer.scalar(.null)
        case .bool(let flag): writer.scalar(.bool(flag))
        case .int(let number): writer.scalar(.int(number))
        case .double(let number): writer.scalar(number.isFinite ? .double(number) : .string(value.description))
        case .string(let text): writer.scalar(.string(text))
        case .date(let date): writer.scalar(.string(date.description))
        case .list, .map: try writer.value(value, indent: indent + 1)
        }
    }

    /// Members that are the same for every finding of a rule (`members` of them, never the first
    /// of the object), written by `write` the first time and copied from the writer's fragments
    /// after that.
    mutating func fragment(
        of text: Finding.RuleText, slot: Int, members: Int, _ write: (inout JSONObjectWriter) throws -> Void
    ) rethrows {
        guard count > 0 else { return try write(&self) }
        let key = JSONFragments.Key(rule: text.fields.rule, slot: slot, indent: indent, pretty: writer.pretty)
        if let known = writer.fragments.bytes(for: key, text: text) {
            writer.bytes.append(contentsOf: known)
            count += members
            return
        }
        let start = writer.bytes.count
        try write(&self)
        writer.fragments.store(Array(writer.bytes[start...]), for: key, text: text)
    }

    mutating func field(_ key: StaticString, _ number: Int) {
        self.key(key)
        JSON.Scalar.int(number).write(to: &writer.bytes)
    }

    /// A string-valued enumeration by its raw value.
    mutating func field(_ key: StaticString, _ value: some RawRepresentable<String>) {
        field(key, value.rawValue)
    }

    /// Any other value, through its `Encodable` conformance.
    mutating func field(_ key: StaticString, encoding value: some Encodable) throws {
        self.key(key)
        try writer.value(value, indent: indent + 1)
    }

    /// `file`, `line` and `column`, as `SourceLocation`'s own encoding writes them.
    mutating func field(_ key: StaticString, _ location: SourceLocation) {
        object(key) { object in
            // Every location of a system names the same file: quoted once, copied after.
            object.key("file")
            object.writer.quoteFile(location.file)
            object.field("line", location.line)
            object.field("column", location.column)
        }
    }

    /// A list of strings.
    mutating func field(_ key: StaticString, _ texts: [String]) {
        self.key(key)
        writer.array(texts, indent: indent + 1) { JSON.quote($0, into: &$1.bytes) }
    }

    /// A list of objects that write themselves.
    mutating func field(_ key: StaticString, _ elements: [some JSONWritable]) throws {
        try field(key, elements) { element, object in try element.write(&object) }
    }

    /// A list of objects, each written by `write`.
    mutating func field<Element>(
        _ key: StaticString, _ elements: [Element], as write: (Element, inout JSONObjectWriter) throws -> Void
    ) rethrows {
        self.key(key)
        let indent = indent
        try writer.array(elements, indent: indent + 1) { element, writer in
            writer.bytes.append(UInt8(ascii: "{"))
            var object = JSONObjectWriter(writer: writer, indent: indent + 2)
            try write(element, &object)
            object.end()
        }
    }

    /// A member whose key is not one of our names (a namespace, a derived fact): escaped as needed.
    mutating func field(named key: String, encoding value: some Encodable) throws {
        self.key(named: key)
        try writer.value(value, indent: indent + 1)
    }

    /// An object under a key that is not one of our names.
    mutating func object(named key: String, _ write: (inout JSONObjectWriter) throws -> Void) rethrows {
        self.key(named: key)
        writer.bytes.append(UInt8(ascii: "{"))
        var object = JSONObjectWriter(writer: writer, indent: indent + 1)
        try write(&object)
        object.end()
    }

    private mutating func key(named key: String) {
        writer.startMember(first: count == 0, indent: indent, key: key)
        count += 1
    }

    /// An object whose members `write` writes.
    mutating func object(_ key: StaticString, _ write: (inout JSONObjectWriter) throws -> Void) rethrows {
        self.key(key)
        writer.bytes.append(UInt8(ascii: "{"))
        var object = JSONObjectWriter(writer: writer, indent: indent + 1)
        try write(&object)
        object.end()
    }

    mutating func fieldIfPresent(_ key: StaticString, _ text: String?) {
        if let text { field(key, text) }
    }

    mutating func fieldIfPresent(_ key: StaticString, encoding value: (some Encodable)?) throws {
        if let value { try field(key, encoding: value) }
    }

    fileprivate func end() {
        writer.endContainer(empty: count == 0, indent: indent, close: UInt8(ascii: "}"))
    }
}

/// The output and the containers still open, outermost first.
final class JSONByteWriter {
    // One writer serves one encoding on one thread, and no access to these overlaps another:
    // the dynamic exclusivity checks of class properties (8% of writing a JSONL line) are skipped.
    @exclusivity(unchecked) var bytes: [UInt8] = []
    /// Members already written for a rule, when the caller keeps them between encodings.
    @exclusivity(unchecked) var fragments = JSONFragments()
    let pretty: Bool
    @exclusivity(unchecked) private var open: [Frame] = []
    @exclusivity(unchecked) private var nextID = 0

    /// An open object or array: how many members it has so far and how deep it sits.
    private struct Frame {
        let id: Int
        let isObject: Bool
        let indent: Int
        var count = 0
    }

    init(pretty: Bool) {
        self.pretty = pretty
    }

    /// Writes `value` into the slot at `indent`; a value that writes nothing is `{}` (as
    /// Foundation's encoder writes it).
    func value(_ value: some Encodable, indent: Int) throws {
        if let writable = value as? any JSONWritable {
            try object(writable, indent: indent)
            return
        }
        let depth = open.count
        let start = bytes.count
        try value.encode(to: SlotEncoder(writer: self, indent: indent))
        close(downTo: depth)
        if bytes.count == start { bytes.append(contentsOf: "{}".utf8) }
    }

    /// An object that writes itself, at `indent`.
    func object(_ value: some JSONWritable, indent: Int) throws {
        bytes.append(UInt8(ascii: "{"))
        var object = JSONObjectWriter(writer: self, indent: indent)
        try value.write(&object)
        object.end()
    }

    /// `[` elements `]`, each written by `element`, pretty-printed as the containers are.
    func array<Element>(
        _ elements: [Element], indent: Int, _ element: (Element, JSONByteWriter) throws -> Void
    ) rethrows {
        bytes.append(UInt8(ascii: "["))
        for index in elements.indices {
            startMember(first: index == elements.startIndex, indent: indent, key: nil)
            try element(elements[index], self)
        }
        endContainer(empty: elements.isEmpty, indent: indent, close: UInt8(ascii: "]"))
    }

    /// The comma, line break and indentation before a member, and its quoted key.
    func startMember(first: Bool, indent: Int, key: String?) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        if pretty { newline(indent + 1) }
        if let key {
            JSON.quote(key, into: &bytes)
            bytes.append(UInt8(ascii: ":"))
            if pretty { bytes.append(UInt8(ascii: " ")) }
        }
    }

    /// The line break and indentation before a container's closing bracket, and the bracket.
    func endContainer(empty: Bool, indent: Int, close: UInt8) {
        if !empty, pretty { newline(indent) }
        bytes.append(close)
    }

    /// Opens an object or array in the current slot and returns its identity.
    func openContainer(isObject: Bool, indent: Int) -> Int {
        nextID += 1
        open.append(Frame(id: nextID, isObject: isObject, indent: indent))
        bytes.append(UInt8(ascii: isObject ? "{" : "["))
        return nextID
    }

    /// Starts the next member of container `id` (closing anything opened after it): the comma,
    /// the line break and indentation, and for an object the quoted key.
    func member(of id: Int, key: String?) throws {
        // Almost always the innermost container; otherwise the ones opened after it close now.
        let innermost = open.count - 1
        guard let index = innermost >= 0 && open[innermost].id == id ? innermost : open.lastIndex(where: { $0.id == id })
        else {
            throw EncodingError.invalidValue(
                key ?? "", EncodingError.Context(codingPath: [], debugDescription: "a container written to after it closed"))
        }
        close(downTo: index + 1)
        startMember(first: open[index].count == 0, indent: open[index].indent, key: key)
        open[index].count += 1
    }

    /// The depth a member of container `id` is written at.
    func memberIndent(of id: Int) -> Int {
        (open.last { $0.id == id }?.indent ?? 0) + 1
    }

    /// Closes the open containers until `depth` remain.
    func close(downTo depth: Int) {
        while open.count > depth {
            let frame = open.removeLast()
            endContainer(empty: frame.count == 0, indent: frame.indent, close: UInt8(ascii: frame.isObject ? "}" : "]"))
        }
    }

    func scalar(_ scalar: JSON.Scalar) {
        scalar.write(to: &bytes)
    }

    /// The file name last quoted, and its quoted bytes.
    @exclusivity(unchecked) private var quotedFile: (name: String, bytes: [UInt8])?

    /// Appends `file` quoted, reusing the bytes of the previous file name when it is the same.
    func quoteFile(_ file: String) {
        if let quotedFile, quotedFile.name == file {
            bytes.append(contentsOf: quotedFile.bytes)
            return
        }
        var quoted: [UInt8] = []
        JSON.quote(file, into: &quoted)
        bytes.append(contentsOf: quoted)
        quotedFile = (file, quoted)
    }

    private func newline(_ indent: Int) {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<(2 * indent) { bytes.append(UInt8(ascii: " ")) }
    }
}

/// The encoder of one slot: an object member, an array element or the top-level value.
private struct SlotEncoder: Encoder {
    let writer: JSONByteWriter
    let indent: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let id = writer.openContainer(isObject: true, indent: indent)
        return KeyedEncodingContainer(KeyedWriter<Key>(writer: writer, id: id))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let id = writer.openContainer(isObject: false, indent: indent)
        return UnkeyedWriter(writer: writer, id: id)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleWriter(writer: writer, indent: indent)
    }
}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONByteWriter
    let id: Int
    var codingPath: [any CodingKey] { [] }

    private func scalar(_ scalar: JSON.Scalar, _ key: Key) throws {
        try writer.member(of: id, key: key.stringValue)
        writer.scalar(scalar)
    }

    mutating func encodeNil(forKey key: Key) throws { try scalar(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try scalar(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { try scalar(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try scalar(.double(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try scalar(.int(value), key) }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        try writer.member(of: id, key: key.stringValue)
        try writer.value(value, indent: writer.memberIndent(of: id))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        slot(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        slot(key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { slot(nil) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { slot(key) }

    /// The slot of a new member; the protocol's nested containers cannot throw, and a container
    /// reused after it closed is a programming error that `member` reports by throwing elsewhere.
    private func slot(_ key: Key?) -> SlotEncoder {
        try? writer.member(of: id, key: key?.stringValue ?? "super")
        return SlotEncoder(
            writer: writer, indent: writer.memberIndent(of: id))
    }
}

private struct UnkeyedWriter: UnkeyedEncodingContainer {
    let writer: JSONByteWriter
    let id: Int
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    init(writer: JSONByteWriter, id: Int) {
        self.writer = writer
        self.id = id
    }

    private mutating func scalar(_ scalar: JSON.Scalar) throws {
        try writer.member(of: id, key: nil)
        count += 1
        writer.scalar(scalar)
    }

    mutating func encodeNil() throws { try scalar(.null) }
    mutating func encode(_ value: Bool) throws { try scalar(.bool(value)) }
    mutating func encode(_ value: String) throws { try scalar(.string(value)) }
    mutating func encode(_ value: Double) throws { try scalar(.double(value)) }
    mutating func encode(_ value: Int) throws { try scalar(.int(value)) }
    mutating func encode(_ value: some Encodable) throws {
        try writer.member(of: id, key: nil)
        count += 1
        try writer.value(value, indent: writer.memberIndent(of: id))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        slot().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { slot().unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { slot() }

    private mutating func slot() -> SlotEncoder {
        try? writer.member(of: id, key: nil)
        count += 1
        return SlotEncoder(writer: writer, indent: writer.memberIndent(of: id))
    }
}

private struct SingleWriter: SingleValueEncodingContainer {
    let writer: JSONByteWriter
    let indent: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { writer.scalar(.null) }
    mutating func encode(_ value: Bool) throws { writer.scalar(.bool(value)) }
    mutating func encode(_ value: String) throws { writer.scalar(.string(value)) }
    mutating func encode(_ value: Double) throws { writer.scalar(.double(value)) }
    mutating func encode(_ value: Float) throws { writer.scalar(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { writer.scalar(.int(value)) }
    mutating func encode(_ value: Int8) throws { writer.scalar(.int(Int(value))) }
    mutating func encode(_ value: Int16) throws { writer.scalar(.int(Int(value))) }
    mutating func encode(_ value: Int32) throws { writer.scalar(.int(Int(value))) }
    mutating func encode(_ value: Int64) throws { writer.scalar(.int(Int(value))) }
    mutating func encode(_ value: UInt) throws { try integer(value) }
    mutating func encode(_ value: UInt8) throws { writer.scalar(.int(Int(value))) }
    mutating func encode(_ value: UInt16) throws { writer.scalar(.int(Int(value))) }
    mutating func encode(_ value: UInt32) throws { writer.scalar(.int(Int(value))) }
    mutating func encode(_ value: UInt64) throws { try integer(value) }
    mutating func encode(_ value: some Encodable) throws {
        try value.encode(to: SlotEncoder(writer: writer, indent: indent))
    }

    private mutating func integer(_ value: some BinaryInteger) throws {
        guard let exact = Int(exactly: value) else {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: [], debugDescription: "integer out of range"))
        }
        writer.scalar(.int(exact))
    }
}
