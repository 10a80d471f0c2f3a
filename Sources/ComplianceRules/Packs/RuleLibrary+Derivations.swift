extension RuleLibrary {
    /// The derivation whose under-classification finding has the id `ruleID`
    /// (`KZ-RISK-LEVEL-DECLARED`), if it compares with a declared fact.
    public func derivation(declaredRuleID ruleID: String) -> Derivation? {
        packs.flatMap(\.derivations).first { $0.declared != nil && $0.declaredRuleID == ruleID }
    }

    /// Every derivation that yields an under-classification finding, in pack order.
    public var declaredChecks: [Derivation] {
        packs.flatMap(\.derivations).filter { $0.declared != nil }
    }
}
