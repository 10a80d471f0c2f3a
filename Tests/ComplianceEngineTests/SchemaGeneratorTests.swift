import Foundation
import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// The JSON Schema of a system description, built from the vocabulary (DESIGN §3).
@Suite struct SchemaGeneratorTests {
    static let here = SourceLocation(file: "vocabulary.yaml", line: 1, column: 1)

    /// A vocabulary small enough to compare the whole schema.
    static let small = Vocabulary(facts: [
        Fact(path: "system", type: .object, required: true, meaning: "Identity.", location: here),
        Fact(
            path: "system.id", type: .string, required: true, pattern: "^[a-z]+$", meaning: "Identifier.", example: "demo",
            location: here),
        Fact(
            path: "system.sectors", type: .list(.enumeration(["health", "other"])), required: true, minItems: 1,
            meaning: "Sectors.", location: here),
        Fact(path: "risk", type: .object, meaning: "Risk.", law: "Art. 17", location: here),
        Fact(path: "risk.reviewed", type: .date, meaning: "Last review.", location: here),
        Fact(path: "risk.days", type: .int, meaning: "Days.", example: 90, location: here),
        Fact(path: "risk.report", type: .evidence, meaning: "Report.", law: "Art. 18", location: here),
    ])

    /// The schema parsed back into Foundation values, to navigate.
    static func parsed(_ vocabulary: Vocabulary, strict: Bool = false) throws -> [String: Any] {
        let text = SchemaGenerator.jsonSchema(for: vocabulary, strict: strict)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    /// The schema of the fact at a dotted path (through `properties`, and `items` for lists).
    static func property(_ path: String, in schema: [String: Any]) throws -> [String: Any] {
        var current = schema
        for key in path.split(separator: ".").map(String.init) {
            if let items = current["items"] as? [String: Any] { current = items }
            let properties = try #require(current["properties"] as? [String: Any], "no properties above \(key)")
            current = try #require(properties[key] as? [String: Any], "no property \(key)")
        }
        return current
    }

    @Test func smallVocabularyGivesTheWholeExpectedSchema() throws {
        let text = SchemaGenerator.jsonSchema(for: Self.small, strict: true)
        let prefix = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "urn:compliance-check:schema:ai-system:v1:strict",
              "title": "AI system description (compliance-check/v1, kind AISystem)",

            """
        #expect(text.hasPrefix(prefix))
        let start = try #require(text.range(of: "\n  \"properties\": {\n"))
        let end = try #require(text.range(of: "  \"$defs\": {\n"))
        let expected = """
              "properties": {
                "apiVersion": {
                  "description": "Version of the input format.",
                  "const": "compliance-check/v1"
                },
                "kind": {
                  "description": "Kind of document.",
                  "const": "AISystem"
                },
                "system": {
                  "description": "Identity.",
                  "type": "object",
                  "properties": {
                    "id": {
                      "description": "Identifier.",
                      "type": "string",
                      "pattern": "^[a-z]+$",
                      "examples": [
                        "demo"
                      ]
                    },
                    "sectors": {
                      "description": "Sectors.",
                      "type": "array",
                      "items": {
                        "type": "string",
                        "enum": [
                          "health",
                          "other"
                        ]
                      },
                      "minItems": 1
                    }
                  },
                  "required": [
                    "id",
                    "sectors"
                  ],
                  "additionalProperties": false
                },
                "risk": {
                  "description": "Risk. (Art. 17)",
                  "type": [
                    "object",
                    "null"
                  ],
                  "properties": {
                    "reviewed": {
                      "description": "Last review.",
                      "anyOf": [
                        {
                          "$ref": "#/$defs/date"
                        },
                        {
                          "type": "null"
                        }
                      ]
                    },
                    "days": {
                      "description": "Days.",
                      "type": [
                        "integer",
                        "null"
                      ],
                      "examples": [
                        90
                      ]
                    },
                    "report": {
                      "description": "Report. (Art. 18)",
                      "anyOf": [
                        {
                          "$ref": "#/$defs/evidence"
                        },
                        {
                          "type": "null"
                        }
                      ]
                    }
                  },
                  "required": [],
                  "additionalProperties": false
                },
                "waivers": {
                  "description": "Approved, expiring exceptions to single rules.",
                  "type": "array",
                  "items": {
                    "$ref": "#/$defs/waiver"
                  }
                }
              },
              "required": [
                "apiVersion",
                "kind",
                "system"
              ],
              "additionalProperties": false,

            """
        #expect(String(text[text.index(after: start.lowerBound)..<end.lowerBound]) == expected)
        #expect(text.hasSuffix("}\n"))
    }

    /// The date pattern matches exactly the days `CalendarDate` accepts: every day of 1896–2104
    /// (leap years, 1900 and 2100 not, 2000 yes), and no 29th–31st that does not exist.
    @Test func datePatternMatchesRealDaysOnly() throws {
        let pattern = try NSRegularExpression(pattern: SchemaGenerator.datePattern)
        func matches(_ text: String) -> Bool {
            pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        var checked = 0
        for year in 1896...2104 {
            for month in 1...12 {
                for day in 1...31 {
                    let text = String(format: "%04d-%02d-%02d", year, month, day)
                    #expect(matches(text) == (CalendarDate(text) != nil), "\(text)")
                    checked += 1
                }
            }
        }
        #expect(checked == 209 * 372)
        for text in ["0000-01-01", "2026-02-30", "2026-13-01", "2026-00-10", "2026-1-01", "20260-01-01", "2026-01-01x"] {
            #expect(!matches(text), "\(text)")
        }
        for text in ["0001-01-01", "9999-12-31", "2000-02-29", "2024-02-29"] { #expect(matches(text), "\(text)") }
    }

    @Test func reportSchemaIsValidJSONWithTheReportsEnumerations() throws {
        let schema = try JSONParser.parse(ReportSchema.text(v1: false))
        #expect(schema.rendered() + "\n" == ReportSchema.jsonSchema)
        let schemaV1 = try JSONParser.parse(ReportSchema.text(v1: true))
        #expect(schemaV1.rendered() + "\n" == ReportSchema.jsonSchemaV1)
        #expect(ReportSchema.jsonSchemaV1.contains("\"const\": \"compliance-check/report/v1\""))
        #expect(!ReportSchema.jsonSchemaV1.contains("\"detail\""))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(ReportSchema.jsonSchema.utf8)) as? [String: Any])
        #expect(object["$id"] as? String == ReportSchema.id)
        let definitions = try #require(object["$defs"] as? [String: Any])
        let finding = try #require(definitions["finding"] as? [String: Any])
        let properties = try #require(finding["properties"] as? [String: Any])
        #expect((properties["status"] as? [String: Any])?["enum"] as? [String] == Status.allCases.map(\.rawValue))
    }

    @Test func outputIsDeterministic() throws {
        let vocabulary = try BuiltInRules.vocabulary()
        #expect(SchemaGenerator.jsonSchema(for: vocabulary) == SchemaGenerator.jsonSchema(for: vocabulary))
    }

    @Test func headerAndTopLevelOfTheBuiltInSchema() throws {
        let schema = try Self.parsed(try BuiltInRules.vocabulary())
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["$id"] as? String == SchemaGenerator.id)
        #expect(schema["type"] as? String == "object")
        #expect(schema["additionalProperties"] == nil)
        #expect(try Self.parsed(try BuiltInRules.vocabulary(), strict: true)["additionalProperties"] as? Bool == false)
        #expect(schema["required"] as? [String] == ["apiVersion", "kind", "system", "purpose"])
        #expect(try Self.property("apiVersion", in: schema)["const"] as? String == "compliance-check/v1")
        #expect(try Self.property("kind", in: schema)["const"] as? String == "AISystem")
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(
            Set(properties.keys)
                == [
                    "apiVersion", "kind", "system", "purpose", "autonomy", "risk", "capabilities", "data", "transparency",
                    "rights", "oversight", "quality", "documentation", "audit", "eu_ai_act", "waivers",
                ])
    }

    @Test func requiredListOfEnumsHasItemsAndMinItems() throws {
        let schema = try Self.parsed(try BuiltInRules.vocabulary())
        let sectors = try Self.property("system.sectors", in: schema)
        #expect(sectors["type"] as? String == "array")
        #expect(sectors["minItems"] as? Int == 1)
        let items = try #require(sectors["items"] as? [String: Any])
        #expect(items["enum"] as? [String] == ["governance", "social_policy", "education", "healthcare", "other"])
        let system = try Self.property("system", in: schema)
        #expect(system["required"] as? [String] == ["id", "name", "jurisdictions", "sectors"])
        #expect(system["additionalProperties"] == nil)
        let strict = try Self.parsed(try BuiltInRules.vocabulary(), strict: true)
        #expect(try Self.property("system", in: strict)["additionalProperties"] as? Bool == false)
        let jurisdictions = try #require(try Self.property("system.jurisdictions", in: schema)["items"] as? [String: Any])
        #expect(jurisdictions["pattern"] as? String == "^([A-Z]{2}|EU)$")
    }

    @Test func optionalEnumAllowsNull() throws {
        let schema = try Self.parsed(try BuiltInRules.vocabulary())
        let kind = try Self.property("system.owner.kind", in: schema)
        #expect(kind["type"] as? [String] == ["string", "null"])
        let values = try #require(kind["enum"] as? [Any])
        #expect(values.compactMap { $0 as? String } == ["state_body", "quasi_state", "private", "individual"])
        #expect(values.count == 5)
        #expect(values.last is NSNull)
        let description = try #require(try Self.property("system.owner", in: schema)["description"] as? String)
        #expect(description.hasSuffix("(kz-ai-law Art. 15)"))
    }

    @Test func evidenceIsAStringOrAMappingWithFileOrURL() throws {
        let schema = try Self.parsed(try BuiltInRules.vocabulary())
        let procedure = try Self.property("risk.management.procedure", in: schema)
        let choices = try #require(procedure["anyOf"] as? [[String: Any]])
        #expect(choices.first?["$ref"] as? String == "#/$defs/evidence")
        #expect(choices.last?["type"] as? String == "null")
        let definitions = try #require(schema["$defs"] as? [String: Any])
        let evidence = try #require(definitions["evidence"] as? [String: Any])
        let shapes = try #require(evidence["oneOf"] as? [[String: Any]])
        #expect(shapes.map { $0["type"] as? String } == ["string", "object"])
        let mapping = shapes[1]
        #expect(mapping["additionalProperties"] as? Bool == false)
        let keys = try #require(mapping["properties"] as? [String: Any])
        #expect(Set(keys.keys) == ["file", "url", "sha256", "date", "expires", "title"])
        #expect((keys["sha256"] as? [String: Any])?["pattern"] as? String == "^[0-9a-f]{64}$")
        let exactlyOne = try #require(mapping["oneOf"] as? [[String: Any]])
        #expect(exactlyOne.map { $0["required"] as? [String] } == [["file"], ["url"]])
        let date = try #require(definitions["date"] as? [String: Any])
        #expect(date["pattern"] as? String == SchemaGenerator.datePattern)
        #expect(date["format"] as? String == "date")
    }

    @Test func listOfObjectsRequiresItsElementFields() throws {
        let schema = try Self.parsed(try BuiltInRules.vocabulary())
        let datasets = try Self.property("data.datasets", in: schema)
        #expect(datasets["type"] as? [String] == ["array", "null"])
        let items = try #require(datasets["items"] as? [String: Any])
        #expect(items["type"] as? String == "object")
        #expect(items["required"] as? [String] == ["name"])
        #expect(items["additionalProperties"] == nil)
        let strict = try Self.parsed(try BuiltInRules.vocabulary(), strict: true)
        let strictItems = try #require(try Self.property("data.datasets", in: strict)["items"] as? [String: Any])
        #expect(strictItems["additionalProperties"] as? Bool == false)
        let lawfulBasis = try Self.property("data.datasets.lawful_basis", in: schema)
        #expect((lawfulBasis["enum"] as? [Any])?.first as? String == "consent")
        let days = try Self.property("rights.objection.response_days", in: schema)
        #expect(days["type"] as? [String] == ["integer", "null"])
    }

    @Test func waiversNeedRuleReasonApproverAndExpiry() throws {
        let schema = try Self.parsed(try BuiltInRules.vocabulary())
        let waivers = try Self.property("waivers", in: schema)
        #expect(waivers["type"] as? String == "array")
        let definitions = try #require(schema["$defs"] as? [String: Any])
        let waiver = try #require(definitions["waiver"] as? [String: Any])
        #expect(waiver["required"] as? [String] == ["rule", "reason", "approved_by", "expires"])
        #expect(waiver["additionalProperties"] as? Bool == false)
        let keys = try #require(waiver["properties"] as? [String: Any])
        #expect(Set(keys.keys) == ["rule", "reason", "approved_by", "ticket", "expires", "system"])
    }

    @Test func everyFactOfTheVocabularyHasADescribedProperty() throws {
        let vocabulary = try BuiltInRules.vocabulary()
        let schema = try Self.parsed(vocabulary)
        for fact in vocabulary.facts {
            let property = try Self.property(fact.path, in: schema)
            #expect(property["description"] as? String == fact.summary, "\(fact.path)")
        }
    }
}
