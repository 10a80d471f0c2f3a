internal import ComplianceRules

/// What each predicate of the engine's packs expects, in the report's words (`at least high`,
/// `one of a, b`), worded once when the engine is made instead of at every evaluation of every
/// system (DESIGN §9: per-rule text is rendered once per run). `within_days` names the as-of date,
/// so it is worded when it is evaluated; a predicate the table does not hold (conditions outside the
/// engine's packs) is worded on the spot, in the same words.
struct ExpectationWords: Sendable {
    let strings: ReportStrings
    /// Each predicate's words, one per operator (`nil` for `within_days`), by the predicate's
    /// identity (the entry holds the predicate, so no other can take its address).
    private let byPredicate: [ObjectIdentifier: Entry]

    private struct Entry: Sendable {
        let predicate: Predicate
        let words: [String?]
    }

    init(packs: [RulePack], strings: ReportStrings) {
        self.strings = strings
        var table: [ObjectIdentifier: Entry] = [:]
        func add(_ condition: Condition) {
            switch condition {
            case .all(let parts), .any(let parts): parts.forEach(add)
            case .not(let part): add(part)
            case .predicate(let predicate):
                table[ObjectIdentifier(predicate)] = Entry(
                    predicate: predicate,
                    words: predicate.operators.map { operation in
                        if case .withinDays = operation { return nil }
                        return ConditionEvaluator.expectation(operation, asOf: nil, strings: strings)
                    })
                for operation in predicate.operators {
                    switch operation {
                    case .every(let inner), .some(let inner), .none(let inner): add(inner)
                    default: break
                    }
                }
            }
        }
        for pack in packs {
            for rule in pack.rules {
                rule.when.map(add)
                add(rule.require)
                rule.effectiveCases.forEach { add($0.when) }
            }
            for derivation in pack.derivations { derivation.cases.forEach { add($0.when) } }
        }
        byPredicate = table
    }

    /// The words for operator `index` of `predicate` on `asOf`.
    func words(_ predicate: Predicate, _ index: Int, asOf: CalendarDate) -> String {
        if let entry = byPredicate[ObjectIdentifier(predicate)], entry.predicate === predicate, let text = entry.words[index] {
            return text
        }
        return ConditionEvaluator.expectation(predicate.operators[index], asOf: asOf, strings: strings)
    }
}
