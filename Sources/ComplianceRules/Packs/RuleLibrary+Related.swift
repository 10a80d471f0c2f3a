extension RuleLibrary {
    /// One error per `related:` link that names a rule no loaded pack defines (`rules lint`).
    public func relatedRuleProblems() -> [Diagnostic] {
        let ids = Set(rules.map(\.id))
        var problems: [Diagnostic] = []
        for rule in rules {
            for link in rule.related where !ids.contains(link.rule) {
                problems.append(
                    .error(
                        "rule \(rule.id) is related to '\(link.rule)', which no loaded pack defines"
                            + Suggestion.phrase(for: link.rule, in: ids.sorted()), at: link.location))
            }
        }
        return problems
    }

    /// The rules related to `id`, in either direction, with the relation as seen from `id`.
    public func relatedRules(of id: String) -> [(rule: String, relation: RelatedRule.Relation)] {
        var result: [(rule: String, relation: RelatedRule.Relation)] = []
        for rule in rules {
            if rule.id == id {
                result += rule.related.map { ($0.rule, $0.relation) }
            } else if let link = rule.related.first(where: { $0.rule == id }) {
                result.append((rule.id, link.relation.inverse))
            }
        }
        return result
    }
}

extension RelatedRule.Relation {
    /// The relation read the other way round (`subset-of` becomes `superset-of`).
    public var inverse: RelatedRule.Relation {
        switch self {
        case .equivalentTo: .equivalentTo
        case .subsetOf: .supersetOf
        case .supersetOf: .subsetOf
        case .intersectsWith: .intersectsWith
        }
    }
}
