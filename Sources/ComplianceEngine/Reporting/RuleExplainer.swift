public import ComplianceRules

/// Renders rules and conditions in plain words (`rules explain`).
public enum RuleExplainer {
    /// A condition as indented lines of words.
    public static func describe(_ condition: Condition, indent: String = "  ") -> [String] {
        switch condition {
        case .all(let parts):
            return ["\(indent)all of:"] + parts.flatMap { describe($0, indent: indent + "  ") }
        case .any(let parts):
            return ["\(indent)any of:"] + parts.flatMap { describe($0, indent: indent + "  ") }
        case .not(let part):
            return ["\(indent)not:"] + describe(part, indent: indent + "  ")
        case .predicate(let predicate):
            var lines: [String] = []
            for operation in predicate.operators {
                switch operation {
                case .every(let inner), .some(let inner), .none(let inner):
                    let word = operation.name == "every" ? "every" : operation.name == "some" ? "at least one" : "no"
                    lines.append("\(indent)\(word) element of \(predicate.fact.text):")
                    lines += describe(inner, indent: indent + "  ")
                default:
                    lines.append("\(indent)\(predicate.fact.text) is \(words(operation))")
                }
            }
            return lines
        }
    }

    private static func words(_ operation: Operator) -> String {
        ConditionEvaluator.expectation(operation, asOf: nil)
    }

    /// A rule in plain words: when it applies, what it requires, citation, examples.
    public static func explain(_ rule: Rule, instruments: [String: Instrument]) -> String {
        var lines: [String] = []
        lines.append("\(rule.id): \(rule.title)")
        lines.append(
            "  pack \(rule.pack), sector \(rule.sector), category \(rule.category.rawValue), severity \(rule.severity.rawValue)\(rule.waivable ? "" : ", cannot be waived")"
        )
        if let description = rule.description { lines.append("  \(description)") }
        lines.append("Applies:")
        if let when = rule.when { lines += describe(when) } else { lines.append("  always") }
        var period = "  from \(rule.effective)"
        if let until = rule.until { period += " until \(until)" }
        lines.append(period)
        if let stages = rule.stages { lines.append("  in the lifecycle stage(s) \(stages.joined(separator: ", "))") }
        lines.append("Requires:")
        lines += describe(rule.require)
        lines.append("Cites:")
        lines += rule.citations.map { cite($0, instruments: instruments) }
        lines.append("When it fails: \(rule.message)")
        lines.append("Fix: \(rule.remediation)")
        lines.append("Examples: \(rule.examples.pass.count) passing, \(rule.examples.fail.count) failing")
        for (label, examples) in [("pass", rule.examples.pass), ("fail", rule.examples.fail)] {
            for example in examples { lines.append("  \(label): \(example.root)") }
        }
        lines.append("Compliance aid, not legal advice.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The under-classification check of a derivation (`KZ-RISK-LEVEL-DECLARED`) in plain words:
    /// what it compares, each case with its condition and citation, the default.
    public static func explain(_ derivation: Derivation, pack: String, instruments: [String: Instrument]) -> String {
        let check = derivation.check
        let declared = derivation.declared?.text ?? ""
        var lines: [String] = []
        lines.append("\(derivation.declaredRuleID): \(check.title)")
        lines.append(
            "  pack \(pack), sector all, category \(check.category.rawValue), severity \(check.severity.rawValue), derived by the engine"
        )
        if let description = check.description { lines.append("  \(description)") }
        lines.append("Applies:")
        lines.append("  always" + (check.effective.map { ", from \($0)" } ?? ""))
        lines.append("Requires:")
        lines.append(
            "  \(declared) is at least \(derivation.path) (order, lowest first: \(derivation.values.joined(separator: ", ")))")
        lines.append("\(derivation.path) is the first case that holds:")
        for candidate in derivation.cases {
            lines.append("  \(candidate.value) when:")
            lines += describe(candidate.when, indent: "    ")
            lines.append("    because: \(candidate.because)")
            lines.append("    cites:" + cite(candidate.citation, instruments: instruments).dropFirst())
        }
        lines.append("  otherwise \(derivation.defaultValue)")
        lines.append("Fix: \(check.remediation)")
        lines.append("Compliance aid, not legal advice.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `  Title No. 230-VIII, Art. 17(1) (basis: statute) <url>`.
    private static func cite(_ citation: Citation, instruments: [String: Instrument]) -> String {
        let instrument = instruments[citation.instrument]
        var text = "  \(instrument?.title ?? citation.instrument)"
        if let number = instrument?.number { text += " No. \(number)" }
        text += ", \(citation.articleReference) (basis: \(citation.basis.rawValue))"
        if let url = instrument?.url { text += " <\(url)>" }
        return text
    }
}
