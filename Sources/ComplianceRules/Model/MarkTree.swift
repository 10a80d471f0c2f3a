/// The source positions of a value, kept beside it in the same shape: a mapping's marks hold one key
/// mark and one child per entry, in order; a list's marks hold one child per element.
public struct MarkTree: Sendable, Hashable {
    /// Where the value starts.
    public var mark: SourceMark
    /// For a mapping: where each key starts, in entry order.
    public var keys: [SourceMark]
    /// For a mapping, the marks of each value in entry order; for a list, of each element.
    public var children: [MarkTree]

    public init(mark: SourceMark, keys: [SourceMark] = [], children: [MarkTree] = []) {
        self.mark = mark
        self.keys = keys
        self.children = children
    }
}
