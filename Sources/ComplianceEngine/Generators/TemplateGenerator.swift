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
    /// example values. The example identity, purpose and users fit the first sector. `file` is the
    /// name the header's commands use; `strings` the language of the comments (the vocabulary's
    /// meanings come localized with it). The same inputs always give the same bytes.
    public static func template(
        for vocabulary: Vocabulary, sectors: [String], jurisdictions: [String], file: String = "system.yaml",
        strings: ReportStrings = .english
    ) -> String {
        var overrides: [String: Value] = [:]
        var examples: [String: Value] = [:]
        if !sectors.isEmpty { overrides["system.sectors"] = .list(sectors.map(Value.string)) }
        if !jurisdictions.isEmpty { overrides["system.jurisdictions"] = .list(jurisdictions.map(Value.string)) }
        if let sector = sectors.first, let example = SectorExample.all[sector] {
            // Only where the vocabulary has the fact and accepts the value (a custom vocabulary may not).
            func fits(_ path: String, _ value: Value) -> Bool {
                guard let fact = vocabulary.fact(at: path) else { return false }
                let texts = value.listValue?.compactMap(\.stringValue) ?? value.stringValue.map { [$0] } ?? []
                if let allowed = fact.type.allowedValues, !texts.allSatisfy(allowed.contains) { return false }
                if let source = fact.pattern, let pattern = try? Pattern(source), !texts.allSatisfy(pattern.matches) {
                    return false
                }
                return true
            }
            let required: [(String, Value)] = [
                ("system.id", .string(example.id)), ("system.name", .string(example.name)),
                ("purpose.intended_use", .string(example.intendedUse)),
            ]
            let optional: [(String, Value)] = [
                ("purpose.users", .list(example.users.map(Value.string))),
                ("purpose.affected_persons", .list(example.affected.map(Value.string))),
                ("purpose.output", .string(example.output)),
            ]
            for (path, value) in required where fits(path, value) { overrides[path] = value }
            for (path, value) in optional where fits(path, value) { examples[path] = value }
        }
        let writer = Writer(vocabulary: vocabulary, overrides: overrides, examples: examples, strings: strings)
        var lines = header(file: file, strings: strings)
        lines += ["apiVersion: \(Vocabulary.apiVersion)", "kind: AISystem"]
        for fact in vocabulary.children(of: "") {
            lines.append("")
            lines += writer.block(fact, indent: 0)
        }
        lines += [
            "",
            "# " + strings("init.waivers"),
            "# waivers:",
            "#   - {rule: KZ-21-02, reason: Notice ships in 2.4, approved_by: Legal, ticket: LEGAL-12, expires: 2027-01-31}",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func header(file: String, strings: ReportStrings) -> [String] {
        let shown = SafeText.escaped(file)
        func pad(_ width: Int) -> String { String(repeating: " ", count: max(1, width - shown.count)) }
        var lines = [
            "# yaml-language-server: $schema=compliance-check.schema.json",
            "# " + strings("init.title", ["version": Vocabulary.apiVersion]),
            "#",
        ]
        lines += strings("init.intro").split(separator: "\n").map { "# " + $0 }
        lines += [
            "#",
            "#   compliance-check schema > compliance-check.schema.json   # " + strings("init.command.schema"),
            "#   compliance-check questions \(shown)\(pad(30))# " + strings("init.command.questions"),
            "#   compliance-check \(shown)\(pad(40))# " + strings("init.command.check"),
            "#",
            "# " + strings("init.disclaimer"),
        ]
        if let notice = Disclaimer.translationNotice(strings) { lines.append("# " + notice) }
        return lines
    }
}

/// An example identity, purpose and users that fit a sector, for the template of `init --sector`.
private struct SectorExample {
    var id: String
    var name: String
    var intendedUse: String
    var users: [String]
    var affected: [String]
    var output: String

    static let all: [String: SectorExample] = [
        "governance": SectorExample(
            id: "kz-akimat-permit-assistant", name: "Building permit application assistant",
            intendedUse: "Answers citizens' questions on building permits and pre-fills applications for an official to decide.",
            users: ["citizens", "civil_servants"], affected: ["citizens", "businesses"], output: "recommendation"),
        "social_policy": SectorExample(
            id: "kz-social-benefit-precheck", name: "Targeted social assistance pre-check",
            intendedUse:
                "Pre-checks applications for targeted social assistance and flags missing documents for a social worker.",
            users: ["social_workers"], affected: ["citizens"], output: "recommendation"),
        "education": SectorExample(
            id: "kz-univ-essay-screening", name: "Admission essay screening assistant",
            intendedUse: "Scores admission essays to help the admissions committee rank applicants; the committee decides.",
            users: ["teachers"], affected: ["students", "minors"], output: "recommendation"),
        "healthcare": SectorExample(
            id: "kz-moh-xray-triage", name: "Chest X-ray triage assistant",
            intendedUse: "Flags suspected pneumonia on chest X-rays for radiologist review.",
            users: ["clinicians"], affected: ["patients"], output: "recommendation"),
        "other": SectorExample(
            id: "kz-company-support-chatbot", name: "Customer support chatbot",
            intendedUse: "Answers customers' questions about orders and hands over to a person on request.",
            users: ["general_public"], affected: ["general_public"], output: "information"),
    ]
}

/// Renders the blocks of a template.
private struct Writer {
    let vocabulary: Vocabulary
    let overrides: [String: Value]
    /// Examples shown in the comments of optional facts, in place of the vocabulary's.
    var examples: [String: Value] = [:]
    /// The words of the comments.
    var strings: ReportStrings = .english
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
                lines.append("\(pad)# " + strings("init.uncomment"))
                var inner = ["\(pad)\(fact.name):"]
                for child in vocabulary.children(of: fact.path) { inner += block(child, indent: indent + 2) }
                lines += commentedOut(inner, at: indent)
            }
        case .list(.object):
            let element = self.element(of: fact, indent: indent + 2)
            if fact.required {
                lines.append("\(pad)# " + strings("init.required_list"))
                lines.append("\(pad)\(fact.name):")
                lines += element
            } else {
                lines.append("\(pad)# " + strings("init.optional_list"))
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
        if fact.required { parts.insert(strings("init.required"), at: 0) }
        if let minimum = fact.minItems {
            parts.append(strings(minimum == 1 ? "init.min_item" : "init.min_items", ["count": String(minimum)]))
        }
        if !fact.required, let example = examples[fact.path] ?? fact.example {
            parts.append(strings("init.example", ["example": YAMLScalar.render(example, flow: false)]))
        }
        return parts.joined(separator: "; ")
    }

    private func describe(_ type: FactType, pattern: String?) -> String {
        switch type {
        case .string: pattern.map { strings("init.type.pattern", ["pattern": $0]) } ?? strings("init.type.string")
        case .bool: strings("init.type.bool")
        case .int: strings("init.type.int")
        case .number: strings("init.type.number")
        case .date: strings("init.type.date")
        case .enumeration(let values): strings("init.type.enum", ["values": values.joined(separator: ", ")])
        case .list(.enumeration(let values)): strings("init.type.enum_list", ["values": values.joined(separator: ", ")])
        case .list(let element): strings("init.type.list", ["element": describe(element, pattern: pattern)])
        case .object: strings("init.type.object")
        case .evidence: strings("init.type.evidence")
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
