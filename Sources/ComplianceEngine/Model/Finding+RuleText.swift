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
        /// The place of the rule id among every rule id of the engine that made the text, in
        /// ascending order, so that findings sort without comparing strings; `nil` for text made
        /// elsewhere.
        let rank: Int?

        init(_ fields: Fields, rank: Int? = nil) {
            self.fields = fields
            self.rank = rank
        }

        /// The text of `rule`.
        convenience init(_ rule: Rule, rank: Int? = nil) {
            self.init(
                Fields(
                    rule: rule.id, title: rule.title, severity: rule.severity, category: rule.category, pack: rule.pack,
                    sector: rule.sector, citation: rule.citation, citations: rule.citations, remediation: rule.remediation),
                rank: rank)
        }

        /// The text of `derivation`'s `<NS>-<NAME>-DECLARED` finding in `pack`, citing `citation`
        /// (else the pack's first instrument, as an interpretation).
        convenience init(_ derivation: Derivation, pack: RulePack, citation: Citation?, rank: Int? = nil) {
            let check = derivation.check
            let cited =
                citation ?? Citation(instrument: pack.instruments.first?.id ?? pack.id, article: "", basis: .interpretation)
            self.init(
                Fields(
                    rule: derivation.declaredRuleID, title: check.title, severity: check.severity, category: check.category,
                    pack: pack.id, sector: "all", citation: cited, citations: [cited], remediation: check.remediation),
                rank: rank)
        }

        /// A new box with one field changed.
        func with<Field>(_ field: WritableKeyPath<Fields, Field>, _ value: Field) -> RuleText {
            var changed = fields
            changed[keyPath: field] = value
            return RuleText(changed)
        }

        /// Whether findings of `self` come before findings of `other` of the same status and severity.
        func precedes(_ other: RuleText) -> Bool {
            if let rank, let otherRank = other.rank { return rank < otherRank }
            return fields.rule < other.fields.rule
        }

        static func == (lhs: RuleText, rhs: RuleText) -> Bool {
            lhs === rhs || lhs.fields == rhs.fields
        }
    }
}
