public import ComplianceRules

/// Writes the JSON Schema (draft 2020-12) of a system description, built only from the
/// vocabulary: what `compliance-check schema` prints, for editors and other validators.
///
/// Unknown keys follow the command line: by default they are allowed (the checker warns about
/// them), and the `strict` variant forbids them as `--strict` does. Waivers and evidence mappings
/// never allow unknown keys (the checker rejects them). Optional facts may be `null`, because
/// `key:` with no value declares nothing; required facts may not. Dates are `format: date` with a
/// pattern that only real calendar days match (no 2026-02-30).
public enum SchemaGenerator {
    /// The `$id` of the schema.
    public static let id = "urn:compliance-check:schema:ai-system:v1"

    /// The schema of a system description using `vocabulary`, as pretty-printed JSON ending in a
    /// newline. The same vocabulary always gives the same bytes.
    public static func jsonSchema(for vocabulary: Vocabulary, strict: Bool = false) -> String {
        document(for: vocabulary, strict: strict).rendered() + "\n"
    }

    /// The schema as a JSON value.
    static func document(for vocabulary: Vocabulary, strict: Bool = false) -> JSON {
        let closed: [(String, JSON)] = strict ? [("additionalProperties", .bool(false))] : []
        let topFacts = vocabulary.children(of: "")
        var properties: [(String, JSON)] = [
            (
                "apiVersion",
                .object([
                    ("description", .string("Version of the input format.")),
                    ("const", .string(Vocabulary.apiVersion)),
                ])
            ),
            ("kind", .object([("description", .string("Kind of document.")), ("const", .string("AISystem"))])),
        ]
        properties += topFacts.map { ($0.name, schema(for: $0, in: vocabulary, strict: strict)) }
        properties.append(
            (
                "waivers",
                .object([
                    ("description", .string("Approved, expiring exceptions to single rules.")),
                    ("type", .string("array")),
                    ("items", .object([("$ref", .string("#/$defs/waiver"))])),
                ])
            ))
        let required = ["apiVersion", "kind"] + topFacts.filter(\.required).map(\.name)
        return .object(
            [
                ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
                ("$id", .string(strict ? id + ":strict" : id)),
                ("title", .string("AI system description (\(Vocabulary.apiVersion), kind AISystem)")),
                (
                    "description",
                    .string(
                        "A described AI system, checked by compliance-check against AI law. Generated from the fact vocabulary; a compliance aid, not legal advice."
                    )
                ),
                ("type", .string("object")),
                ("properties", .object(properties)),
                ("required", .array(required.map(JSON.string))),
            ] + closed + [
                ("$defs", .object([("date", dateSchema), ("evidence", evidenceSchema), ("waiver", waiverSchema)]))
            ])
    }

    /// The schema of one fact, `null` allowed when it is optional.
    private static func schema(for fact: Fact, in vocabulary: Vocabulary, strict: Bool) -> JSON {
        var entries: [(String, JSON)] = [("description", .string(fact.summary))]
        entries += body(of: fact.type, fact: fact, in: vocabulary, nullable: !fact.required, strict: strict)
        if let example = fact.example, !fact.hasFields {
            entries.append(("examples", .array([JSON(example)])))
        }
        return .object(entries)
    }

    /// The type keywords of a value of `type`. With `nullable`, `null` is allowed too.
    private static func body(of type: FactType, fact: Fact, in vocabulary: Vocabulary, nullable: Bool, strict: Bool) -> [(
        String, JSON
    )] {
        func typed(_ name: String) -> (String, JSON) {
            ("type", nullable ? .array([.string(name), .string("null")]) : .string(name))
        }
        func reference(_ name: String) -> [(String, JSON)] {
            let target: JSON = .object([("$ref", .string("#/$defs/\(name)"))])
            guard nullable else { return [("$ref", .string("#/$defs/\(name)"))] }
            return [("anyOf", .array([target, .object([("type", .string("null"))])]))]
        }
        switch type {
        case .string:
            var entries = [typed("string")]
            if let pattern = fact.pattern { entries.append(("pattern", .string(pattern))) }
            return entries
        case .bool:
            return [typed("boolean")]
        case .int:
            return [typed("integer")]
        case .number:
            return [typed("number")]
        case .date:
            return reference("date")
        case .enumeration(let values):
            return [typed("string"), ("enum", .array(values.map(JSON.string) + (nullable ? [.null] : [])))]
        case .list(let element):
            var entries = [
                typed("array"),
                ("items", .object(body(of: element, fact: fact, in: vocabulary, nullable: false, strict: strict))),
            ]
            if let minimum = fact.minItems { entries.append(("minItems", .int(minimum))) }
            return entries
        case .object:
            let fields = vocabulary.children(of: fact.path)
            return [
                typed("object"),
                ("properties", .object(fields.map { ($0.name, schema(for: $0, in: vocabulary, strict: strict)) })),
                ("required", .array(fields.filter(\.required).map { .string($0.name) })),
            ] + (strict ? [("additionalProperties", .bool(false))] : [])
        case .evidence:
            return reference("evidence")
        }
    }

    /// `YYYY-MM-DD` of a real day of years 0001–9999: month lengths and leap years (every fourth
    /// year, not centuries unless divisible by 400) are in the pattern, so 2026-02-30 does not match.
    static let datePattern =
        #"^(?!0000)(\d{4}-(((0[13578]|1[02])-(0[1-9]|[12]\d|3[01]))|((0[469]|11)-(0[1-9]|[12]\d|30))|(02-(0[1-9]|1\d|2[0-8])))|(\d\d(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)$"#

    private static var dateSchema: JSON {
        .object([
            ("description", .string("A calendar date, YYYY-MM-DD.")),
            ("type", .string("string")),
            ("format", .string("date")),
            ("pattern", .string(datePattern)),
        ])
    }

    /// A file path relative to the evidence root: not absolute, no URL scheme.
    private static let relativePathPattern = #"^(?!/)(?![A-Za-z][A-Za-z0-9+.-]*:)\S.*$"#
    private static let httpsPattern = #"^https://\S+$"#

    private static var evidenceSchema: JSON {
        .object([
            (
                "description",
                .string(
                    "Evidence: a file path relative to the evidence root or an https URL, or a mapping with exactly one of file or url, and optionally sha256, date, expires and title."
                )
            ),
            (
                "oneOf",
                .array([
                    .object([
                        ("description", .string("A file path relative to the evidence root, or an https URL.")),
                        ("type", .string("string")),
                        (
                            "anyOf",
                            .array([
                                .object([("pattern", .string(relativePathPattern))]),
                                .object([("pattern", .string(httpsPattern))]),
                            ])
                        ),
                    ]),
                    .object([
                        ("type", .string("object")),
                        (
                            "properties",
                            .object([
                                (
                                    "file",
                                    .object([
                                        ("description", .string("A file path relative to the evidence root.")),
                                        ("type", .string("string")),
                                        ("pattern", .string(relativePathPattern)),
                                    ])
                                ),
                                (
                                    "url",
                                    .object([
                                        ("description", .string("An https URL (declared, not fetched or verified).")),
                                        ("type", .string("string")),
                                        ("pattern", .string(httpsPattern)),
                                    ])
                                ),
                                (
                                    "sha256",
                                    .object([
                                        ("description", .string("SHA-256 of the file, 64 lower-case hexadecimal digits.")),
                                        ("type", .string("string")),
                                        ("pattern", .string("^[0-9a-f]{64}$")),
                                    ])
                                ),
                                (
                                    "date",
                                    .object([
                                        ("description", .string("When the evidence was produced.")),
                                        ("$ref", .string("#/$defs/date")),
                                    ])
                                ),
                                (
                                    "expires",
                                    .object([
                                        ("description", .string("When the evidence stops being valid.")),
                                        ("$ref", .string("#/$defs/date")),
                                    ])
                                ),
                                (
                                    "title",
                                    .object([("description", .string("A title for people.")), ("type", .string("string"))])
                                ),
                            ])
                        ),
                        ("additionalProperties", .bool(false)),
                        (
                            "oneOf",
                            .array([
                                .object([("required", .array([.string("file")]))]),
                                .object([("required", .array([.string("url")]))]),
                            ])
                        ),
                    ]),
                ])
            ),
        ])
    }

    private static var waiverSchema: JSON {
        func text(_ description: String) -> JSON {
            .object([("description", .string(description)), ("type", .string("string")), ("minLength", .int(1))])
        }
        return .object([
            ("description", .string("An approved, expiring exception to one rule.")),
            ("type", .string("object")),
            (
                "properties",
                .object([
                    (
                        "rule",
                        .object([
                            ("description", .string("The rule id, e.g. KZ-21-02.")),
                            ("type", .string("string")),
                            ("pattern", .string("^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$")),
                        ])
                    ),
                    ("reason", text("Why the rule is waived.")),
                    ("approved_by", text("Who approved the waiver.")),
                    ("ticket", text("The ticket that records the approval.")),
                    (
                        "expires",
                        .object([
                            ("description", .string("Last day the waiver applies.")), ("$ref", .string("#/$defs/date")),
                        ])
                    ),
                    ("system", text("Only for this system id (for shared waiver files).")),
                ])
            ),
            ("required", .array(["rule", "reason", "approved_by", "expires"].map(JSON.string))),
            ("additionalProperties", .bool(false)),
        ])
    }
}
