internal import OrderedCollections

/// The entries of a mapping value, in the order written; keys are unique.
///
/// A collection of `(key, value)` pairs with dictionary look-up by key. (It wraps swift-collections'
/// `OrderedDictionary`, which is not part of this library's API.)
public struct ValueMap: Sendable, Hashable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    public typealias Element = (key: String, value: Value)

    private var storage: OrderedDictionary<String, Value>

    /// An empty mapping.
    public init() { storage = [:] }

    /// A mapping of `keys` (which must all differ) to `values`, in order, sized exactly.
    package init(uniqueKeys keys: some Sequence<String>, values: some Sequence<Value>) {
        storage = OrderedDictionary(uncheckedUniqueKeys: keys, values: values)
    }

    /// The pairs in order; a repeated key keeps its first position and its last value.
    public init(_ pairs: some Sequence<(String, Value)>) {
        storage = [:]
        for (key, value) in pairs { storage[key] = value }
    }

    /// A mapping in the order written; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, Value)...) { self.init(elements) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }
    public subscript(position: Int) -> Element { storage.elements[position] }

    /// The value at `key`; setting `nil` removes the entry, setting a new key appends it.
    public subscript(key: String) -> Value? {
        get { storage[key] }
        set { storage[key] = newValue }
    }

    /// The keys, in order.
    public var keys: [String] { storage.keys.elements }

    /// The values, in key order.
    public var values: [Value] { storage.values.elements }

    /// The position of `key`, or `nil`.
    public func index(forKey key: String) -> Int? { storage.index(forKey: key) }

    /// Sets the value at `key` (appending a new key) and returns the old value.
    @discardableResult
    public mutating func updateValue(_ value: Value, forKey key: String) -> Value? { storage.updateValue(value, forKey: key) }

    /// Replaces the value of entry `index` (which must exist), keeping its key and position.
    package mutating func setValue(_ value: Value, at index: Int) { storage.values[index] = value }

    /// Removes the entry at `key` and returns its value.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> Value? { storage.removeValue(forKey: key) }

    public static func == (lhs: ValueMap, rhs: ValueMap) -> Bool { lhs.storage == rhs.storage }
    public func hash(into hasher: inout Hasher) { hasher.combine(storage) }
}
