extension Vocabulary {
    /// The supported `apiVersion` of every input file.
    public static let apiVersion = "compliance-check/v1"

    /// Loads and checks a vocabulary document, reporting every problem found. With `base`, the
    /// document extends it: its facts are added after the base's (their parents may be base facts),
    /// and a fact the base already declares is an error.
    public static func load(_ document: Document, extending base: Vocabulary? = nil) throws(DiagnosticList) -> Vocabulary {
        var reader = FieldReader(Node(document), context: "the vocabulary")
        checkHeader(&reader, kind: "Vocabulary")
        var facts: [Fact] = base?.facts ?? []
        var seen: [String: SourceLocation] = [:]
        for fact in facts { seen[fact.path] = fact.location }
        if let list = reader.node("facts", required: true) {
            if case .list = list.value {
            } else {
                reader.error("'facts' must be a list", at: list.location)
            }
            for element in list.elements {
                var fields = FieldReader(element, context: "a fact")
                if let fact = readFact(&fields) {
                    if let first = seen[fact.path] {
                        fields.error(
                            "fact '\(fact.path)' is declared twice", at: fact.location,
                            notes: [.init("first declared here", at: first)])
                    } else if let parent = fact.parentPath, !facts.contains(where: { $0.path == parent && $0.hasFields }) {
                        fields.error(
                            "fact '\(fact.path)' has no parent: declare '\(parent)' (type object, or list of object) before it",
                            at: fact.location)
                    } else {
                        seen[fact.path] = fact.location
                        facts.append(fact)
                    }
                }
                reader.append(fields.diagnostics)
            }
        }
        reader.rejectUnknownKeys(allowed: ["apiVersion", "kind"])
        if reader.diagnostics.containsErrors { throw DiagnosticList(reader.diagnostics) }
        return Vocabulary(facts: facts)
    }

    static func checkHeader(_ reader: inout FieldReader, kind: String) {
        if let version = reader.string("apiVersion", required: true), version != apiVersion {
            reader.error(
                "unsupported apiVersion '\(version)'; this tool reads '\(apiVersion)'",
                at: reader.node["apiVersion"]?.location ?? reader.node.location)
        }
        if let found = reader.string("kind", required: true), found != kind {
            reader.error("expected kind '\(kind)', found '\(found)'", at: reader.node["kind"]?.location ?? reader.node.location)
        }
    }

    private static let typeNames = ["string", "bool", "int", "number", "date", "enum", "list", "object", "evidence"]

    private static func readFact(_ fields: inout FieldReader) -> Fact? {
        let location = fields.node.location
        let path = fields.string("path", required: true)
        let typeName = fields.choice("type", typeNames, required: true)
        let elementName = fields.choice("of", typeNames.filter { $0 != "list" })
        let values = fields.strings("values")
        let required = fields.bool("required") ?? false
        let pattern = fields.string("pattern")
        let minItems = fields.int("min_items")
        let meaning = fields.string("meaning", required: true)
        let law = fields.string("law")
        let example = fields.node("example")?.value
        fields.rejectUnknownKeys()
        guard let path, let typeName, let meaning else { return nil }
        if path.isEmpty || path.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            fields.error("'\(path)' is not a dotted fact path", at: location)
            return nil
        }
        func scalarType(_ name: String) -> FactType? {
            switch name {
            case "string": return .string
            case "bool": return .bool
            case "int": return .int
            case "number": return .number
            case "date": return .date
            case "object": return .object
            case "evidence": return .evidence
            case "enum":
                guard let values, !values.isEmpty else {
                    fields.error("fact '\(path)' of type enum needs a non-empty 'values' list", at: location)
                    return nil
                }
                return .enumeration(values)
            default: return nil
            }
        }
        let type: FactType
        if typeName == "list" {
            guard let elementName else {
                fields.error("fact '\(path)' of type list needs 'of' (the element type)", at: location)
                return nil
            }
            guard let element = scalarType(elementName) else { return nil }
            type = .list(element)
        } else {
            guard let scalar = scalarType(typeName) else { return nil }
            type = scalar
        }
        if let pattern {
            do throws(Pattern.SyntaxError) {
                _ = try Pattern(pattern)
            } catch {
                fields.error("invalid pattern for '\(path)': \(error)", at: fields.node["pattern"]?.location ?? location)
            }
        }
        return Fact(
            path: path, type: type, required: required, pattern: pattern, minItems: minItems, meaning: meaning,
            law: law, example: example, location: location)
    }
}
