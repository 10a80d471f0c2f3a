internal import ComplianceRules

extension Finding {
    /// What every finding of one rule shares: its id, words, classification and citations. An
    /// engine makes one per rule; a finding refers to it, and a change to one of its fields gives
    /// that finding a box of its own (the others keep theirs).
    final class RuleText: Sendable, Equatable {
        struct Fields: Sendable, Equatable {
            var rule: String
            var title: String
            var severity: Severity
            var category: RuleCategory
            var pack: String
            var sector: String
            var citation: Citation
            var citations: [Citation]
            var remediation: String
        }

        let fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }

        /// The text of `rule`.
        convenience init(_ rule: Rule) {
            self.init(
                Fields(
                    rule: rule.id, title: rule.title, severity: rule.severity, category: rule.category, pack: rule.pack,
                    sector: rule.sector, citation: rule.citation, citations: rule.citations, remediation: rule.remediation))
        }

        /// The text of `derivation`'s `<NS>-<NAME>-DECLARED` finding in `pack`, citing `citation`
        /// (else the pack's first instrument, as an interpretation).
        convenience init(_ derivation: Derivation, pack: RulePack, citation: Citation?) {
            let check = derivation.check
            let cited =
                citation ?? Citation(instrument: pack.instruments.first?.id ?? pack.id, article: "", basis: .interpretation)
            self.init(
                Fields(
                    rule: derivation.declaredRuleID, title: check.title, severity: check.severity, category: check.category,
                    pack: pack.id, sector: "all", citation: cited, citations: [cited], remediation: check.remediation))
        }

        /// A new box with one field changed.
        func with<Field>(_ field: WritableKeyPath<Fields, Field>, _ value: Field) -> RuleText {
            var changed = fields
            changed[keyPath: field] = value
            return RuleText(changed)
        }

        static func == (lhs: RuleText, rhs: RuleText) -> Bool {
            lhs === rhs || lhs.fields == rhs.fields
        }
    }
}
