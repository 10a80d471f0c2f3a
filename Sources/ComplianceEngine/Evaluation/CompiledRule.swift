internal import ComplianceRules

/// A rule as the engine evaluates it for every system: made once per engine and handed on by
/// reference, so that evaluating a rule never copies its fields (a `Rule` passed from an array is
/// copied whole, every string of it).
final class CompiledRule: Sendable {
    let rule: Rule
    /// The text its findings share.
    let text: Finding.RuleText
    /// The roles its pack declares, for `bearer:`.
    let roles: RoleDeclaration?

    init(_ rule: Rule, roles: RoleDeclaration?, rank: Int? = nil) {
        self.rule = rule
        self.text = Finding.RuleText(rule, rank: rank)
        self.roles = roles
    }
}
