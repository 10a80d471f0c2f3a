/// Every fact a system description may hold: the single source for input validation, rule type
/// checking, the JSON Schema, the template and the questionnaire.
public struct Vocabulary: Sendable, Equatable {
    /// The facts in declaration order.
    public let facts: [Fact]
    private let index: [String: Int]
    private let childFacts: [String: [Fact]]
    /// Compiled `pattern`s by fact path.
    let patterns: [String: Pattern]

    /// A vocabulary of the given facts; `load` checks them, this initializer trusts them.
    public init(facts: [Fact]) {
        self.facts = facts
        var index: [String: Int] = [:]
        var childFacts: [String: [Fact]] = [:]
        var patterns: [String: Pattern] = [:]
        for (position, fact) in facts.enumerated() {
            index[fact.path] = position
            childFacts[fact.parentPath ?? "", default: []].append(fact)
            if let source = fact.pattern, let pattern = try? Pattern(source) {
                patterns[fact.path] = pattern
            }
        }
        self.index = index
        self.childFacts = childFacts
        self.patterns = patterns
    }

    /// The fact declared at `path` (dotted), or `nil`.
    public func fact(at path: String) -> Fact? {
        index[path].map { facts[$0] }
    }

    /// The facts declared directly below `path` ("" for the top level), in declaration order.
    public func children(of path: String) -> [Fact] {
        childFacts[path] ?? []
    }

    /// The facts that are leaves (not objects or lists of objects).
    public var leafFacts: [Fact] { facts.filter { !$0.hasFields } }
}
