internal import ComplianceRules

/// The JSON Schema (draft 2020-12) of the JSON report, `compliance-check/report/v2`: what
/// `compliance-check schema --report` prints and CI checks every example's `--format json`
/// against (`--v1`: the previous schema, for reports written before compact findings).
/// Enumerations come from the model's own types, so they cannot drift.
public enum ReportSchema {
    /// The `$id` of the schema.
    public static let id = "urn:compliance-check:schema:report:v2"
    /// The `$id` of the `v1` schema.
    public static let idV1 = "urn:compliance-check:schema:report:v1"

    /// The schema, pretty-printed, ending with a newline.
    public static var jsonSchema: String { rendered(text(v1: false)) }

    /// The `v1` schema (every finding in full, no `settings.detail`), pretty-printed.
    public static var jsonSchemaV1: String { rendered(text(v1: true)) }

    private static func rendered(_ text: String) -> String {
        // The text is checked by parsing it (a test renders it), so a typo cannot ship.
        let parsed = (try? JSONParser.parse(text)) ?? .object([("error", .string("invalid report schema"))])
        return parsed.rendered() + "\n"
    }

    private static func list(_ values: [String]) -> String {
        "[" + values.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
    }

    static func text(v1: Bool) -> String {
        let id = v1 ? idV1 : id
        let schema = v1 ? Report.schemaV1 : Report.schema
        let fullKeys = """
            "rule", "title", "status", "severity", "category", "pack", "sector", "citation", "message",
                        "remediation", "facts", "missing"
            """
        // v2: `pass` and `not_applicable` findings may be compact (rule, status, reason or facts);
        // the others carry everything.
        let findingRequired =
            v1
            ? "\"required\": [\(fullKeys)],"
            : """
            "required": ["rule", "status"],
                      "if": {"properties": {"status": {"enum": ["fail", "unknown", "waived", "upcoming"]}}},
                      "then": {"required": [\(fullKeys)]},
            """
        let factRequired = v1 ? "[\"path\", \"actual\", \"expected\", \"location\"]" : "[\"path\", \"actual\", \"location\"]"
        let settingsRequired =
            v1 ? "[\"fail_on\", \"unknown\", \"strict\"]" : "[\"fail_on\", \"unknown\", \"strict\", \"detail\"]"
        let detailProperty =
            v1
            ? ""
            : """
            ,
                                "detail": {
                                  "description": "compact: pass and not_applicable findings carry only rule, status, reason or facts; full: every finding carries its rule's text.",
                                  "enum": \(list(Report.Detail.allCases.map(\.rawValue)))
                                }
            """
        let statuses = list(Status.allCases.map(\.rawValue))
        let severities = list(Severity.allCases.map(\.rawValue))
        let categories = list(RuleCategory.allCases.map(\.rawValue))
        let bases = list(Citation.Basis.allCases.map(\.rawValue))
        let thresholds = list(GateThreshold.allCases.map(\.rawValue))
        let policies = list(UnknownPolicy.allCases.map(\.rawValue))
        return """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "\(id)",
              "title": "compliance-check report (\(schema))",
              "description": "The JSON report of compliance-check (--format json). Keys are written in a fixed order; consumers should ignore keys they do not know. A compliance aid, not legal advice.",
              "type": "object",
              "required": ["schema", "tool", "as_of", "settings", "packs", "gate", "systems", "disclaimer"],
              "properties": {
                "schema": {"const": "\(schema)"},
                "tool": {
                  "type": "object",
                  "required": ["name", "version"],
                  "properties": {"name": {"type": "string"}, "version": {"type": "string"}}
                },
                "as_of": {"$ref": "#/$defs/date"},
                "settings": {
                  "description": "How the gate was set for this run.",
                  "type": "object",
                  "required": \(settingsRequired),
                  "properties": {
                    "fail_on": {"enum": \(thresholds)},
                    "unknown": {"enum": \(policies)},
                    "strict": {"type": "boolean"}\(detailProperty)
                  }
                },
                "packs": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": ["id", "version", "title", "jurisdiction"],
                    "properties": {
                      "id": {"type": "string"}, "version": {"type": "string"}, "title": {"type": "string"},
                      "jurisdiction": {"type": "string"}
                    }
                  }
                },
                "gate": {"enum": ["pass", "fail", "error"]},
                "systems": {"type": "array", "items": {"$ref": "#/$defs/system"}},
                "errors": {"type": "array", "items": {"$ref": "#/$defs/diagnostic"}},
                "disclaimer": {"type": "string"}
              },
              "$defs": {
                "date": {
                  "type": "string",
                  "format": "date",
                  "pattern": \(JSON.string(SchemaGenerator.datePattern).rendered())
                },
                "location": {
                  "type": "object",
                  "required": ["file", "line", "column"],
                  "properties": {
                    "file": {"type": "string"},
                    "line": {"type": "integer", "minimum": 1},
                    "column": {"type": "integer", "minimum": 1}
                  }
                },
                "diagnostic": {
                  "type": "object",
                  "required": ["file", "line", "column", "severity", "message"],
                  "properties": {
                    "file": {"type": ["string", "null"]},
                    "line": {"type": ["integer", "null"]},
                    "column": {"type": ["integer", "null"]},
                    "severity": {"enum": ["note", "warning", "error"]},
                    "message": {"type": "string"},
                    "notes": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": ["file", "line", "column", "message"],
                        "properties": {
                          "file": {"type": ["string", "null"]},
                          "line": {"type": ["integer", "null"]},
                          "column": {"type": ["integer", "null"]},
                          "message": {"type": "string"}
                        }
                      }
                    }
                  }
                },
                "citation": {
                  "type": "object",
                  "required": ["instrument", "article", "basis"],
                  "properties": {
                    "instrument": {"type": "string"},
                    "article": {"type": "string"},
                    "paragraph": {"type": "string"},
                    "subparagraph": {"type": "string"},
                    "basis": {"enum": \(bases)}
                  }
                },
                "system": {
                  "type": "object",
                  "required": ["file", "system", "gate", "derived", "summary", "findings", "warnings"],
                  "properties": {
                    "file": {"type": "string"},
                    "system": {
                      "type": "object",
                      "required": ["id", "name"],
                      "properties": {"id": {"type": "string"}, "name": {"type": "string"}}
                    },
                    "gate": {"enum": ["pass", "fail"]},
                    "derived": {
                      "description": "Derived facts by pack namespace, then by name.",
                      "type": "object",
                      "additionalProperties": {
                        "type": "object",
                        "additionalProperties": {"$ref": "#/$defs/derived"}
                      }
                    },
                    "summary": {
                      "type": "object",
                      "required": ["pass", "fail", "unknown", "not_applicable", "waived", "upcoming"],
                      "properties": {
                        "pass": {"type": "integer", "minimum": 0},
                        "fail": {"type": "integer", "minimum": 0},
                        "unknown": {"type": "integer", "minimum": 0},
                        "not_applicable": {"type": "integer", "minimum": 0},
                        "waived": {"type": "integer", "minimum": 0},
                        "upcoming": {"type": "integer", "minimum": 0}
                      }
                    },
                    "findings": {"type": "array", "items": {"$ref": "#/$defs/finding"}},
                    "warnings": {"type": "array", "items": {"$ref": "#/$defs/diagnostic"}}
                  }
                },
                "derived": {
                  "type": "object",
                  "required": ["value", "declared", "because", "citation"],
                  "properties": {
                    "value": {"type": ["string", "null"], "description": "null when unknown"},
                    "declared": {"type": ["string", "null"]},
                    "because": {"type": ["string", "null"]},
                    "citation": {"anyOf": [{"$ref": "#/$defs/citation"}, {"type": "null"}]},
                    "missing": {"type": "array", "items": {"type": "string"}}
                  }
                },
                "finding": {
                  "type": "object",
                  \(findingRequired)
                  "properties": {
                    "rule": {"type": "string"},
                    "title": {"type": "string"},
                    "status": {"enum": \(statuses)},
                    "severity": {"enum": \(severities)},
                    "category": {"enum": \(categories)},
                    "pack": {"type": "string"},
                    "sector": {"type": "string"},
                    "citation": {"$ref": "#/$defs/citation"},
                    "message": {"type": "string"},
                    "remediation": {"type": "string"},
                    "facts": {"type": "array", "items": {"$ref": "#/$defs/fact"}},
                    "missing": {"type": "array", "items": {"type": "string"}},
                    "reason": {"type": "string"},
                    "original_status": {"enum": \(statuses)},
                    "waiver": {
                      "type": "object",
                      "required": ["reason", "approved_by", "ticket", "expires"],
                      "properties": {
                        "reason": {"type": "string"},
                        "approved_by": {"type": "string"},
                        "ticket": {"type": ["string", "null"]},
                        "expires": {"$ref": "#/$defs/date"},
                        "system": {"type": "string"},
                        "location": {"$ref": "#/$defs/location"}
                      }
                    }
                  }
                },
                "fact": {
                  "type": "object",
                  "required": \(factRequired),
                  "properties": {
                    "path": {"type": "string"},
                    "actual": {"description": "The declared value (any JSON), null when absent."},
                    "expected": {"type": "string"},
                    "location": {"$ref": "#/$defs/location"},
                    "note": {"type": "string"}
                  }
                }
              }
            }
            """
    }
}
