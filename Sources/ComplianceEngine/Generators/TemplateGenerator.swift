public import ComplianceRules

/// Writes the commented YAML template of a system description: what `compliance-check init`
/// prints.
///
/// Every fact of the vocabulary appears in declaration order, nested under its parent, with its
/// meaning and law as a comment. Required facts hold the vocabulary's example value (the chosen
/// sectors and jurisdictions for `system.sectors` and `system.jurisdictions`); optional facts are
/// written `key:` with no value, which declares nothing, and their example is in the comment.
/// Optional lists of objects, and optional objects with a required field, are written as a
/// commented-out example to copy. The template itself is a valid description whose evaluation
/// gives `unknown` outcomes naming the facts to declare.
public enum TemplateGenerator {
    /// The template for `vocabulary`; empty `sectors` or `jurisdictions` take the vocabulary's
    /// example values. The same inputs always give the same bytes.
    public static func template(for vocabulary: Vocabulary, sectors: [String], jurisdictions: [String]) -> String {
        var overrides: [String: Value] = [:]
        if !sectors.isEmpty { overrides["system.sectors"] = .list(sectors.map(Value.string)) }
        if !jurisdictions.isEmpty { overrides["system.jurisdictions"] = .list(jurisdictions.map(Value.string)) }
        let writer = Writer(vocabulary: vocabulary, overrides: overrides)
        var lines = header
        lines += ["apiVersion: \(Vocabulary.apiVersion)", "kind: AISystem"]
        for fact in vocabulary.children(of: "") {
            lines.append("")
            lines += writer.block(fact, indent: 0)
        }
        lines += [
            "",
            "# Approved, expiring exceptions to single rules; rule, reason, approved_by and expires are required.",
            "# waivers:",
            "#   - {rule: KZ-21-02, reason: Notice ships in 2.4, approved_by: Legal, ticket: LEGAL-12, expires: 2027-01-31}",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private static let header = [
        "# yaml-language-server: $schema=compliance-check.schema.json",
        "# An AI system description for compliance-check (\(Vocabulary.apiVersion)), generated from the fact vocabulary.",
        "#",
        "# Replace the example values and fill in every fact you know; facts marked required must stay",
        "# filled. A key left empty (`key:` with no value) declares nothing: the rules that need it report",
        "# `unknown` and name it. Evidence is a file path relative to this file's folder, an https URL, or",
        "# a mapping {file | url, sha256, date, expires, title}.",
        "#",
        "#   compliance-check schema > compliance-check.schema.json   # completion and checks in your editor",
        "#   compliance-check questions system.yaml                   # the facts still to declare, most decisive first",
        "#   compliance-check system.yaml                             # check the system against the law",
        "#",
        "# A compliance aid, not legal advice.",
    ]
}

/// Renders the blocks of a template.
private struct Writer {
    let vocabulary: Vocabulary
    let overrides: [String: Value]
    /// Comment lines are wrapped at this width.
    let width = 100

    /// The lines of one fact and everything below it, at `indent` spaces.
    func block(_ fact: Fact, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines = comment(for: fact, indent: indent)
        switch fact.type {
        case .object:
            if fact.required || !vocabulary.hasRequiredFacts(below: fact.path) {
                lines.append("\(pad)\(fact.name):")
                for child in vocabulary.children(of: fact.path) { lines += block(child, indent: indent + 2) }
            } else {
                lines.append("\(pad)# to declare it, uncomment and fill in:")
                var inner = ["\(pad)\(fact.name):"]
                for child in vocabulary.children(of: fact.path) { inner += block(child, indent: indent + 2) }
                lines += commentedOut(inner, at: indent)
            }
        case .list(.object):
            let element = self.element(of: fact, indent: indent + 2)
            if fact.required {
                lines.append("\(pad)# required; a list of items like this one:")
                lines.append("\(pad)\(fact.name):")
                lines += element
            } else {
                lines.append("\(pad)# a list of items like the commented one:")
                lines.append("\(pad)\(fact.name):")
                lines += commentedOut(element, at: indent + 2)
            }
        default:
            lines += comment(hint(for: fact), indent: indent)
            if fact.required {
                lines.append("\(pad)\(fact.name): \(YAMLScalar.render(value(for: fact), flow: false))")
            } else {
                lines.append("\(pad)\(fact.name):")
            }
        }
        return lines
    }

    /// One element of a list of objects: `- ` at `indent` on its first line, its fields below.
    private func element(of fact: Fact, indent: Int) -> [String] {
        var lines: [String] = []
        for child in vocabulary.children(of: fact.path) { lines += block(child, indent: indent + 2) }
        if !lines.isEmpty {
            lines[0] = String(repeating: " ", count: indent) + "- " + lines[0].dropFirst(indent + 2)
        }
        return lines
    }

    /// `lines` (all indented at least `indent`) with `# ` inserted at column `indent`.
    private func commentedOut(_ lines: [String], at indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        return lines.map { pad + "# " + $0.dropFirst(indent) }
    }

    /// What to write, and what is allowed, for a leaf fact.
    private func hint(for fact: Fact) -> String {
        var parts = [describe(fact.type, pattern: fact.pattern)]
        if fact.required { parts.insert("required", at: 0) }
        if let minimum = fact.minItems { parts.append("at least \(minimum) item\(minimum == 1 ? "" : "s")") }
        if !fact.required, let example = fact.example {
            parts.append("e.g. \(YAMLScalar.render(example, flow: false))")
        }
        return parts.joined(separator: "; ")
    }

    private func describe(_ type: FactType, pattern: String?) -> String {
        switch type {
        case .string: pattern.map { "text matching \($0)" } ?? "text"
        case .bool: "true or false"
        case .int: "a whole number"
        case .number: "a number"
        case .date: "a date YYYY-MM-DD"
        case .enumeration(let values): "one of \(values.joined(separator: ", "))"
        case .list(.enumeration(let values)): "a list of values from \(values.joined(separator: ", "))"
        case .list(let element): "a list of " + describe(element, pattern: pattern)
        case .object: "an object"
        case .evidence: "evidence"
        }
    }

    /// The value of a required leaf: the chosen override, the vocabulary's example, or a
    /// placeholder that satisfies the type.
    private func value(for fact: Fact) -> Value {
        if let chosen = overrides[fact.path] { return chosen }
        if let example = fact.example, example != .null { return example }
        return placeholder(fact.type, fact: fact)
    }

    private func placeholder(_ type: FactType, fact: Fact) -> Value {
        switch type {
        case .string:
            guard let source = fact.pattern, let pattern = try? Pattern(source) else { return "TODO" }
            return ["TODO", "todo", "TODO-1", "todo-1", "XX"].first(where: pattern.matches).map(Value.string) ?? "TODO"
        case .bool: return false
        case .int: return 0
        case .number: return 0
        case .date: return "2026-01-01"
        case .enumeration(let values): return values.first.map(Value.string) ?? "TODO"
        case .list(let element): return .list([placeholder(element, fact: fact)])
        case .object: return [:]
        case .evidence: return "TODO.md"
        }
    }

    /// `text` as comment lines at `indent`, wrapped at `width`.
    private func comment(_ text: String, indent: Int) -> [String] {
        wrap(text.split(separator: " ").map(String.init), indent: indent)
    }

    /// A fact's meaning and law as comment lines; the law in parentheses is kept on one line.
    private func comment(for fact: Fact, indent: Int) -> [String] {
        var words = fact.meaning.split(separator: " ").map(String.init)
        if let law = fact.law, !law.isEmpty { words.append("(\(law))") }
        return wrap(words, indent: indent)
    }

    private func wrap(_ words: [String], indent: Int) -> [String] {
        let prefix = String(repeating: " ", count: indent) + "# "
        var lines: [String] = []
        var line = ""
        for word in words where !word.isEmpty {
            if !line.isEmpty, prefix.count + line.count + 1 + word.count > width {
                lines.append(prefix + line)
                line = ""
            }
            line += line.isEmpty ? word : " " + word
        }
        if !line.isEmpty { lines.append(prefix + line) }
        return lines
    }
}
