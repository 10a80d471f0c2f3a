/// Encodes an `Encodable` value into a `JSON` tree, keeping object keys in the order they are
/// encoded (Foundation's `JSONEncoder` does not), so the report's JSON comes from the model and
/// stays byte for byte deterministic.
enum JSONTreeEncoder {
    static func encode(_ value: some Encodable) throws -> JSON {
        let node = EncodingNode()
        try value.encode(to: TreeEncoder(node: node, codingPath: []))
        return node.json
    }
}

/// A node under construction: a scalar, an object or an array.
private final class EncodingNode {
    var scalar: JSON?
    var entries: [(String, EncodingNode)]?
    var elements: [EncodingNode]?

    var json: JSON {
        if let entries { return .object(entries.map { ($0.0, $0.1.json) }) }
        if let elements { return .array(elements.map(\.json)) }
        return scalar ?? .object([])
    }

    /// The child at `key`, created (or replaced) in encoding order.
    func child(_ key: String) -> EncodingNode {
        let node = EncodingNode()
        var list = entries ?? []
        if let index = list.firstIndex(where: { $0.0 == key }) {
            list[index].1 = node
        } else {
            list.append((key, node))
        }
        entries = list
        return node
    }

    func append() -> EncodingNode {
        let node = EncodingNode()
        elements = (elements ?? []) + [node]
        return node
    }
}

private struct TreeEncoder: Encoder {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.entries == nil { node.entries = [] }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.elements == nil { node.elements = [] }
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(node: node, codingPath: codingPath)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.child(key.stringValue).scalar = .null }
    mutating func encode(_ value: Bool, forKey key: Key) throws { node.child(key.stringValue).scalar = .bool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { node.child(key.stringValue).scalar = .string(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { node.child(key.stringValue).scalar = .double(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { node.child(key.stringValue).scalar = .int(value) }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        try value.encode(to: TreeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        TreeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TreeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoder(node: node.child("super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    var count: Int { node.elements?.count ?? 0 }

    mutating func encodeNil() throws { node.append().scalar = .null }
    mutating func encode(_ value: Bool) throws { node.append().scalar = .bool(value) }
    mutating func encode(_ value: String) throws { node.append().scalar = .string(value) }
    mutating func encode(_ value: Double) throws { node.append().scalar = .double(value) }
    mutating func encode(_ value: Int) throws { node.append().scalar = .int(value) }
    mutating func encode(_ value: some Encodable) throws {
        try value.encode(to: TreeEncoder(node: node.append(), codingPath: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        TreeEncoder(node: node.append(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        TreeEncoder(node: node.append(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(node: node.append(), codingPath: codingPath) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.scalar = .null }
    mutating func encode(_ value: Bool) throws { node.scalar = .bool(value) }
    mutating func encode(_ value: String) throws { node.scalar = .string(value) }
    mutating func encode(_ value: Double) throws { node.scalar = .double(value) }
    mutating func encode(_ value: Float) throws { node.scalar = .double(Double(value)) }
    mutating func encode(_ value: Int) throws { node.scalar = .int(value) }
    mutating func encode(_ value: Int8) throws { node.scalar = .int(Int(value)) }
    mutating func encode(_ value: Int16) throws { node.scalar = .int(Int(value)) }
    mutating func encode(_ value: Int32) throws { node.scalar = .int(Int(value)) }
    mutating func encode(_ value: Int64) throws { node.scalar = .int(Int(value)) }
    mutating func encode(_ value: UInt) throws { try integer(value) }
    mutating func encode(_ value: UInt8) throws { node.scalar = .int(Int(value)) }
    mutating func encode(_ value: UInt16) throws { node.scalar = .int(Int(value)) }
    mutating func encode(_ value: UInt32) throws { node.scalar = .int(Int(value)) }
    mutating func encode(_ value: UInt64) throws { try integer(value) }
    mutating func encode(_ value: some Encodable) throws {
        try value.encode(to: TreeEncoder(node: node, codingPath: codingPath))
    }

    private mutating func integer(_ value: some BinaryInteger) throws {
        guard let exact = Int(exactly: value) else {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: codingPath, debugDescription: "integer out of range"))
        }
        node.scalar = .int(exact)
    }
}
