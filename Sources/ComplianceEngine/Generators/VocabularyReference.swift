public import ComplianceRules

/// The system-description reference (`docs/system-description.md`) written from the vocabulary:
/// one section per top-level fact, one table row per fact with its type, whether it is required,
/// its meaning, the law that makes it matter, and an example. Generated, so it cannot drift from
/// what the validator accepts (`compliance-check schema --markdown`; a test compares the committed
/// file with it).
public enum VocabularyReference {
    public static func markdown(for vocabulary: Vocabulary) -> String {
        var lines = [
            "# The system description (`kind: AISystem`)",
            "",
            "<!-- Generated from rules/vocabulary.yaml by `compliance-check schema --markdown`; do not edit. -->",
            "",
            "A system is described in one YAML file that starts with `apiVersion: \(Vocabulary.apiVersion)` and",
            "`kind: AISystem`. These are every fact it may hold. A fact left out (or written `key:` with no value)",
            "is *not declared*: rules that need it report `unknown` and name it. Evidence is a relative file path,",
            "an `https://` URL, or a mapping `{file | url, sha256, date, expires, title}`. Dates are `YYYY-MM-DD`.",
            "`compliance-check init` writes a commented template of all of it; `compliance-check schema` the",
            "JSON Schema for editors.",
            "",
        ]
        for section in vocabulary.children(of: "") {
            lines.append("## `\(section.path)`")
            lines.append("")
            lines.append(cell(section.meaning) + (section.law.map { " (\(cell($0)))" } ?? ""))
            lines.append("")
            lines.append("| Fact | Type | Required | Meaning | Law | Example |")
            lines.append("|---|---|---|---|---|---|")
            for fact in vocabulary.facts where fact.path.hasPrefix(section.path + ".") {
                let cells = [
                    "`\(fact.path)`", type(fact), fact.required ? "yes" : "", cell(fact.meaning), cell(fact.law ?? ""),
                    fact.example.map { "`" + YAMLScalar.render($0, flow: true).replacing("|", with: "\\|") + "`" } ?? "",
                ]
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        lines.append("A compliance aid, not legal advice.")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func type(_ fact: Fact) -> String {
        var text: String
        switch fact.type {
        case .enumeration(let values): text = "one of " + values.map { "`\($0)`" }.joined(separator: ", ")
        case .list(.enumeration(let values)): text = "list of " + values.map { "`\($0)`" }.joined(separator: ", ")
        case .list(.object): text = "list of objects"
        case .list(let element): text = "list of \(element)"
        default: text = "\(fact.type)"
        }
        if let pattern = fact.pattern { text += ", matching `\(pattern.replacing("|", with: "\\|"))`" }
        if let minimum = fact.minItems { text += ", at least \(minimum)" }
        return text
    }

    private static func cell(_ text: String) -> String {
        text.replacing("|", with: "\\|").replacing("\n", with: " ")
    }
}
