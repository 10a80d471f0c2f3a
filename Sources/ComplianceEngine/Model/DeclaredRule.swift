public import ComplianceRules

/// A derived `<NS>-<NAME>-DECLARED` check described as a rule: what reports list about it before
/// any system is evaluated.
public struct DeclaredRule: Sendable, Equatable {
    public var id: String
    public var title: String
    /// `nil`: the reporters' generic description of a declared-vs-derived check.
    public var description: String?
    public var remediation: String
    /// The citations of the derivation's cases, each once, in case order.
    public var citations: [Citation]
    public var severity: Severity
    public var category: RuleCategory
    public var pack: String

    /// The check of `derivation` in `pack`.
    public init(_ derivation: Derivation, pack: String) {
        id = derivation.declaredRuleID
        title = derivation.check.title
        description = derivation.check.description
        remediation = derivation.check.remediation
        var citations: [Citation] = []
        for citation in derivation.cases.map(\.citation) where !citations.contains(citation) { citations.append(citation) }
        self.citations = citations
        severity = derivation.check.severity
        category = derivation.check.category
        self.pack = pack
    }
}
