public import ComplianceRules

/// Renders rules and conditions in plain words (`rules explain`, `rules list`), in the language of
/// the strings given (English by default).
public enum RuleExplainer {
    /// A condition as indented lines of words.
    public static func describe(_ condition: Condition, indent: String = "  ", strings: ReportStrings = .english)
        -> [String]
    {
        let say = strings
        switch condition {
        case .all(let parts):
            return ["\(indent)" + say("explain.all")] + parts.flatMap { describe($0, indent: indent + "  ", strings: say) }
        case .any(let parts):
            return ["\(indent)" + say("explain.any")] + parts.flatMap { describe($0, indent: indent + "  ", strings: say) }
        case .not(let part):
            return ["\(indent)" + say("explain.not")] + describe(part, indent: indent + "  ", strings: say)
        case .predicate(let predicate):
            var lines: [String] = []
            for operation in predicate.operators {
                switch operation {
                case .every(let inner), .some(let inner), .none(let inner):
                    lines.append(indent + say("explain.element.\(operation.name)", ["path": predicate.fact.text]))
                    lines += describe(inner, indent: indent + "  ", strings: say)
                default:
                    let words = ConditionEvaluator.expectation(operation, asOf: nil, strings: say)
                    lines.append(indent + say("explain.is", ["path": predicate.fact.text, "expected": words]))
                }
            }
            return lines
        }
    }

    /// Every rule of `packs`, one line each, with the derived under-classification checks.
    public static func list(_ packs: [RulePack], strings: ReportStrings = .english) -> String {
        let say = strings
        var output = ""
        for pack in packs {
            output +=
                "\(pack.id) \(pack.version) (\(pack.jurisdiction)): \(pack.title), "
                + say("list.rules", ["count": String(pack.rules.count)]) + "\n"
            for rule in pack.rules {
                output +=
                    "  \(rule.id)  \(rule.severity.rawValue)  \(rule.sector)  \(rule.title)  [\(rule.citation.articleReference(say)), \(rule.citation.basis.rawValue)]\n"
            }
            for derivation in pack.derivations where derivation.declared != nil {
                let check = derivation.check
                let cites = derivation.cases.first.map {
                    "  [\($0.citation.articleReference(say)), \($0.citation.basis.rawValue)]"
                }
                output += "  \(derivation.declaredRuleID)  \(check.severity.rawValue)  all  \(check.title)\(cites ?? "")\n"
            }
        }
        return output
    }

    /// A rule in plain words: when it applies, what it requires, citation, examples.
    public static func explain(_ rule: Rule, instruments: [String: Instrument], strings: ReportStrings = .english) -> String {
        let say = strings
        var lines: [String] = []
        lines.append("\(rule.id): \(rule.title)")
        lines.append(
            "  "
                + say(
                    "explain.header",
                    [
                        "pack": rule.pack, "sector": rule.sector, "category": rule.category.rawValue,
                        "severity": TextReporter.severityWord(rule.severity, say),
                    ]) + (rule.waivable ? "" : say("explain.not_waivable")))
        if let description = rule.description { lines.append("  \(description)") }
        lines.append(say("explain.applies"))
        if let when = rule.when { lines += describe(when, strings: say) } else { lines.append("  " + say("explain.always")) }
        var period = "  " + say("explain.from", ["date": rule.effective.description])
        if let until = rule.until { period += " " + say("explain.until", ["date": until.description]) }
        lines.append(period)
        if let stages = rule.stages {
            lines.append("  " + say("explain.stages", ["stages": stages.joined(separator: ", ")]))
        }
        lines.append(say("explain.requires"))
        lines += describe(rule.require, strings: say)
        lines.append(say("explain.cites"))
        lines += rule.citations.map { cite($0, instruments: instruments, strings: say) }
        lines.append(say("explain.when_fails", ["message": rule.message]))
        lines.append(say("explain.fix", ["fix": rule.remediation]))
        lines.append(
            say(
                "explain.examples",
                ["pass": String(rule.examples.pass.count), "fail": String(rule.examples.fail.count)]))
        for (label, examples) in [("pass", rule.examples.pass), ("fail", rule.examples.fail)] {
            for example in examples { lines.append("  \(label): \(example.root)") }
        }
        lines += closing(say)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The under-classification check of a derivation (`KZ-RISK-LEVEL-DECLARED`) in plain words:
    /// what it compares, each case with its condition and citation, the default.
    public static func explain(
        _ derivation: Derivation, pack: String, instruments: [String: Instrument], strings: ReportStrings = .english
    ) -> String {
        let say = strings
        let check = derivation.check
        let declared = derivation.declared?.text ?? ""
        var lines: [String] = []
        lines.append("\(derivation.declaredRuleID): \(check.title)")
        lines.append(
            "  "
                + say(
                    "explain.header",
                    [
                        "pack": pack, "sector": "all", "category": check.category.rawValue,
                        "severity": TextReporter.severityWord(check.severity, say),
                    ]) + say("explain.derived_by_engine"))
        if let description = check.description { lines.append("  \(description)") }
        lines.append(say("explain.applies"))
        lines.append(
            "  " + say("explain.always")
                + (check.effective.map { ", " + say("explain.from", ["date": $0.description]) } ?? ""))
        lines.append(say("explain.requires"))
        lines.append(
            "  "
                + say(
                    "explain.declared_order",
                    ["declared": declared, "path": derivation.path, "values": derivation.values.joined(separator: ", ")]))
        lines.append(say("explain.first_case", ["path": derivation.path]))
        for candidate in derivation.cases {
            lines.append("  " + say("explain.case_when", ["value": candidate.value]))
            lines += describe(candidate.when, indent: "    ", strings: say)
            lines.append("    " + say("explain.because", ["because": candidate.because]))
            lines.append(
                "    " + say("explain.case_cites") + cite(candidate.citation, instruments: instruments, strings: say).dropFirst())
        }
        lines.append("  " + say("explain.otherwise", ["value": derivation.defaultValue]))
        lines.append(say("explain.fix", ["fix": check.remediation]))
        lines += closing(say)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The disclaimer, and in `ru` and `kk` the line saying that the translation is ours.
    private static func closing(_ say: ReportStrings) -> [String] {
        [say("disclaimer.short")] + (Disclaimer.translationNotice(say).map { [$0] } ?? [])
    }

    /// `  Title No. 230-VIII, Art. 17(1) (basis: statute) <url>`.
    private static func cite(_ citation: Citation, instruments: [String: Instrument], strings: ReportStrings) -> String {
        let instrument = instruments[citation.instrument]
        var text = "  \(instrument?.title ?? citation.instrument)"
        if let number = instrument?.number { text += " " + strings("cite.number", ["number": number]) }
        text += ", \(citation.articleReference(strings)) " + strings("explain.basis", ["basis": citation.basis.rawValue])
        if let url = instrument?.url { text += " <\(url)>" }
        return text
    }
}
