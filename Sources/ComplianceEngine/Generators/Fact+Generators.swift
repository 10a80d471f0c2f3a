import ComplianceRules

extension Fact {
    /// The meaning, then the law that makes the fact matter in parentheses when there is one:
    /// how the schema's `description` and the template's comments describe a fact.
    var summary: String {
        guard let law, !law.isEmpty else { return meaning }
        return "\(meaning) (\(law))"
    }
}

extension Vocabulary {
    /// Whether a fact below `path` is required whenever `path` is present (through nested
    /// objects, not into list elements): an optional object with a required field cannot be
    /// written half-filled in a template.
    func hasRequiredFacts(below path: String) -> Bool {
        children(of: path).contains { $0.required || ($0.type == .object && hasRequiredFacts(below: $0.path)) }
    }
}
