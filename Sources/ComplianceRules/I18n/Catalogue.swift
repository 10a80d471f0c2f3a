internal import OrderedCollections

/// One translation catalogue (`rules/<pack>/i18n/<lang>.yaml`, `rules/i18n/<name>.<lang>.yaml`):
/// every text keyed by a flat key (`rules.KZ-21-01.title`, `facts.system.id`,
/// `derivations.risk_level.because.0`, `strings.gate.line`), each with where it is written.
public struct Catalogue: Sendable, Equatable {
    /// One translated text and where it is written.
    public struct Entry: Sendable, Hashable {
        public var text: String
        public var location: SourceLocation
    }

    public var language: Language
    /// The name diagnostics use for the file.
    public var file: String
    /// Where a section (`rules.KZ-21-01`, `facts`) is written: missing keys are reported there.
    public var sections: [String: SourceLocation]
    var entries: OrderedDictionary<String, Entry>

    /// The text at `key`, if the catalogue has it.
    public subscript(key: String) -> String? { entries[key]?.text }

    /// Every key, in file order.
    public var keys: [String] { Array(entries.keys) }

    /// The entry at `key`.
    public func entry(_ key: String) -> Entry? { entries[key] }

    /// Reads a catalogue of `kind: Catalogue`; the top-level sections it may hold are `sections`
    /// (e.g. `pack`, `instruments`, `rules`, `derivations` for a pack catalogue).
    static func read(_ node: Node, sections allowed: [String]) -> (Catalogue?, [Diagnostic]) {
        var fields = FieldReader(node, context: "a translation catalogue")
        Vocabulary.checkHeader(&fields, kind: "Catalogue")
        let code = fields.string("lang", required: true)
        var language: Language?
        if let code {
            language = Language(rawValue: code)
            if language == nil {
                let hint = Language.suggestion(for: code).map { "; did you mean '\($0.rawValue)' (\($0.englishName))?" } ?? ""
                fields.error(
                    "'lang' must be one of \(Language.allCases.map(\.rawValue).joined(separator: ", ")), found '\(code)'\(hint)",
                    at: node["lang"]?.location ?? node.location)
            }
        }
        var catalogue = Catalogue(language: language ?? .en, file: node.file, sections: [:], entries: [:])
        var problems: [Diagnostic] = []
        for section in allowed {
            guard let child = fields.node(section) else { continue }
            catalogue.flatten(child, key: section, at: node.keyLocation(section), problems: &problems)
        }
        fields.rejectUnknownKeys()
        problems = fields.diagnostics + problems
        return (problems.containsErrors || language == nil ? nil : catalogue, problems)
    }

    /// Records `node`'s texts under `key`; a mapping or list is a section, located at its key.
    private mutating func flatten(_ node: Node, key: String, at keyLocation: SourceLocation, problems: inout [Diagnostic]) {
        switch node.value {
        case .map:
            sections[key] = keyLocation
            for entry in node.entries {
                let child = "\(key).\(entry.key)"
                if entry.node.value.mapValue != nil || entry.node.value.listValue != nil {
                    flatten(entry.node, key: child, at: entry.keyLocation, problems: &problems)
                } else {
                    add(entry.node, key: child, problems: &problems)
                }
            }
        case .list:
            sections[key] = keyLocation
            for (index, element) in node.elements.enumerated() {
                add(element, key: "\(key).\(index)", problems: &problems)
            }
        default:
            add(node, key: key, problems: &problems)
        }
    }

    private mutating func add(_ node: Node, key: String, problems: inout [Diagnostic]) {
        switch node.value {
        case .string(let text): entries[key] = Entry(text: text, location: node.location)
        case .null: entries[key] = Entry(text: "", location: node.location)
        default:
            problems.append(.error("'\(key)' must be a text, found \(node.value.typeName)", at: node.location))
        }
    }
}
