/// Bounds the work of `matches` for one system: per match, per rule and per system, in the
/// instruction steps of `Pattern.cost(forLength:)`. Rules are evaluated one after another on one
/// thread, so the outcome does not depend on scheduling.
final class MatchBudget: @unchecked Sendable {
    static let perMatch = 2_000_000
    static let perRule = 10_000_000
    static let perSystem = 100_000_000

    private var rule = 0
    private var system = 0

    /// Starts the count of a new rule.
    func startRule() { rule = 0 }

    /// Spends `cost`; `nil` when it fits, else why the match is not run.
    func spend(_ cost: Int) -> String? {
        if cost > Self.perMatch { return "the match would take \(cost) steps, over the \(Self.perMatch) allowed per match" }
        if rule + cost > Self.perRule { return "over the \(Self.perRule) pattern-matching steps allowed per rule" }
        if system + cost > Self.perSystem { return "over the \(Self.perSystem) pattern-matching steps allowed per system" }
        rule += cost
        system += cost
        return nil
    }
}
