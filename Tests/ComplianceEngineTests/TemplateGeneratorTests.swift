import Foundation
import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// The commented template of `compliance-check init` (DESIGN §3, §6).
@Suite struct TemplateGeneratorTests {
    static let here = SourceLocation(file: "vocabulary.yaml", line: 1, column: 1)
    static let asOf = CalendarDate(year: 2026, month: 6, day: 1)

    /// A vocabulary small enough to compare the whole template.
    static let small = Vocabulary(facts: [
        Fact(path: "system", type: .object, required: true, meaning: "Identity.", location: here),
        Fact(
            path: "system.id", type: .string, required: true, pattern: "^[a-z-]+$", meaning: "Identifier.",
            example: "demo-system", location: here),
        Fact(
            path: "system.sectors", type: .list(.enumeration(["health", "other"])), required: true, minItems: 1,
            meaning: "Sectors.", example: ["health"], location: here),
        Fact(
            path: "system.version", type: .string, meaning: "Version.", example: "2.3.0", location: here),
        Fact(path: "risk", type: .object, meaning: "Risk.", law: "Art. 17", location: here),
        Fact(
            path: "risk.level", type: .enumeration(["low", "high"]), meaning: "Declared risk.", example: "low",
            location: here),
        Fact(
            path: "risk.register", type: .evidence, meaning: "Register.",
            example: ["file": "docs/register.md", "date": "2026-03-10"], location: here),
        Fact(path: "data", type: .object, meaning: "Data.", location: here),
        Fact(path: "data.sets", type: .list(.object), meaning: "Data sets.", location: here),
        Fact(path: "data.sets.name", type: .string, required: true, meaning: "Name.", example: "x-ray", location: here),
        Fact(path: "data.sets.open", type: .bool, meaning: "Open data.", example: true, location: here),
        Fact(path: "audit", type: .object, meaning: "Audit.", location: here),
        Fact(path: "audit.by", type: .string, required: true, meaning: "Auditor.", example: "yes", location: here),
    ])

    @Test func smallVocabularyGivesTheWholeExpectedTemplate() {
        let text = TemplateGenerator.template(for: Self.small, sectors: ["other"], jurisdictions: [])
        let body = """
            apiVersion: compliance-check/v1
            kind: AISystem

            # Identity.
            system:
              # Identifier.
              # required; text matching ^[a-z-]+$
              id: kz-company-support-chatbot
              # Sectors.
              # required; a list of values from health, other; at least 1 item
              sectors: [other]
              # Version.
              # text; e.g. "2.3.0"
              version:

            # Risk. (Art. 17)
            risk:
              # Declared risk.
              # one of low, high; e.g. low
              level:
              # Register.
              # evidence; e.g. {file: docs/register.md, date: 2026-03-10}
              register:

            # Data.
            data:
              # Data sets.
              # a list of items like the commented one:
              sets:
                # - # Name.
                #   # required; text
                #   name: x-ray
                #   # Open data.
                #   # true or false; e.g. true
                #   open:

            # Audit.
            # to declare it, uncomment and fill in:
            # audit:
            #   # Auditor.
            #   # required; text
            #   by: "yes"

            # Approved, expiring exceptions to single rules; rule, reason, approved_by and expires are required.
            # waivers:
            #   - {rule: KZ-21-02, reason: Notice ships in 2.4, approved_by: Legal, ticket: LEGAL-12, expires: 2027-01-31}

            """
        #expect(text.hasPrefix("# yaml-language-server: $schema=compliance-check.schema.json\n"))
        let start = text.range(of: "apiVersion:")
        #expect(start.map { String(text[$0.lowerBound...]) } == body)
    }

    @Test func headerSaysHowToRunTheCheck() throws {
        let text = TemplateGenerator.template(for: try BuiltInRules.vocabulary(), sectors: [], jurisdictions: [])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "# yaml-language-server: $schema=compliance-check.schema.json")
        #expect(lines.contains("#   compliance-check system.yaml                             # check the system against the law"))
        #expect(
            lines.contains(
                "#   compliance-check questions system.yaml                   # the facts still to declare, most decisive first"))
        #expect(TemplateGenerator.template(for: try BuiltInRules.vocabulary(), sectors: [], jurisdictions: []) == text)
    }

    /// Reads and validates a template with the built-in vocabulary.
    static func validated(_ text: String) throws -> (document: Document?, diagnostics: [Diagnostic]) {
        let document = try YAMLReader().read(text, file: "template.yaml")
        return SystemValidator(vocabulary: try BuiltInRules.vocabulary(), strict: true).validate(document)
    }

    @Test func defaultTemplateIsAValidDescriptionWithTheExampleValues() throws {
        let text = TemplateGenerator.template(for: try BuiltInRules.vocabulary(), sectors: [], jurisdictions: [])
        let checked = try Self.validated(text)
        #expect(checked.diagnostics.map(\.description) == [])
        let root = try #require(checked.document?.root)
        #expect(root.value(at: ["system", "id"]) == "kz-moh-xray-triage")
        #expect(root.value(at: ["system", "sectors"]) == ["healthcare"])
        #expect(root.value(at: ["system", "jurisdictions"]) == ["KZ"])
        #expect(root.value(at: ["system", "version"]) == .null)
        #expect(root.value(at: ["data", "datasets"]) == .null)
    }

    @Test func chosenSectorsAndJurisdictionsAreWritten() throws {
        let text = TemplateGenerator.template(
            for: try BuiltInRules.vocabulary(), sectors: ["education", "social_policy"], jurisdictions: ["KZ", "EU"])
        #expect(text.contains("\n  sectors: [education, social_policy]\n"))
        #expect(text.contains("\n  jurisdictions: [KZ, EU]\n"))
        let checked = try Self.validated(text)
        #expect(checked.diagnostics.map(\.description) == [])
        #expect(checked.document?.root.value(at: ["system", "sectors"]) == ["education", "social_policy"])
    }

    @Test func everyFactOutsideListElementsIsAKeyOfTheTemplate() throws {
        let vocabulary = try BuiltInRules.vocabulary()
        let text = TemplateGenerator.template(for: vocabulary, sectors: [], jurisdictions: [])
        let root = try YAMLReader().read(text, file: "template.yaml").root
        for fact in vocabulary.facts {
            let steps = fact.path.split(separator: ".").map(String.init)
            let insideList = steps.indices.dropLast().contains {
                vocabulary.fact(at: steps[...$0].joined(separator: "."))?.type == .list(.object)
            }
            if insideList {
                #expect(text.contains("#   \(fact.name):") || text.contains("# - \(fact.name):"), "\(fact.path)")
                continue
            }
            let parent = try #require(root.value(at: steps.dropLast()), "\(fact.path)")
            #expect(parent[fact.name] != nil, "\(fact.path)")
        }
    }

    @Test func evaluatingTheTemplateGivesUnknownsNotErrors() throws {
        let engine = try Engine.builtIn()
        let text = TemplateGenerator.template(for: engine.library.vocabulary, sectors: [], jurisdictions: [])
        let document = try YAMLReader().read(text, file: "template.yaml")
        let date = try #require(Self.asOf)
        let report = try engine.evaluate(document, options: EvaluationOptions(asOf: date), evidenceRoot: nil).get()
        #expect(report.systemID == "kz-moh-xray-triage")
        #expect(report.summary.unknown > 0)
        #expect(report.findings.contains { $0.status == .unknown && $0.missing.contains("purpose.affects_rights") })
        #expect(!Questionnaire.questions(for: report, vocabulary: engine.library.vocabulary).isEmpty)
    }

    @Test func scalarsAreQuotedOnlyWhenAReaderCouldMisreadThem() {
        let cases: [(Value, String)] = [
            ("plain words", "plain words"),
            ("yes", "\"yes\""),
            ("No", "\"No\""),
            ("2.3.0", "\"2.3.0\""),
            ("-1", "\"-1\""),
            (".inf", "\".inf\""),
            ("2026-03-10", "2026-03-10"),
            ("a: b", "\"a: b\""),
            ("#tag", "\"#tag\""),
            ("", "\"\""),
            ("https://example.kz/terms", "https://example.kz/terms"),
            (["https://example.kz", "a, b"], "[\"https://example.kz\", \"a, b\"]"),
            (["file": "docs/a.md", "sha256": "3f1a"], "{file: docs/a.md, sha256: \"3f1a\"}"),
            ("line\nbreak", "\"line\\nbreak\""),
            (true, "true"),
            (42, "42"),
        ]
        for (value, expected) in cases {
            #expect(YAMLScalar.render(value, flow: false) == expected)
        }
    }
}

/// `init --sector S` gives an example that fits S, and its header names the file it is written to.
@Suite struct SectorTemplateTests {
    @Test(arguments: [
        ("governance", "kz-akimat-permit-assistant", "[citizens, civil_servants]"),
        ("social_policy", "kz-social-benefit-precheck", "[social_workers]"),
        ("education", "kz-univ-essay-screening", "[teachers]"),
        ("healthcare", "kz-moh-xray-triage", "[clinicians]"),
    ])
    func exampleFitsTheSector(sector: String, id: String, users: String) throws {
        let text = TemplateGenerator.template(
            for: try BuiltInRules.vocabulary(), sectors: [sector], jurisdictions: ["KZ"], file: "ministry/system.yaml")
        #expect(text.contains("\n  id: \(id)\n"))
        #expect(text.contains("e.g. \(users)\n"))
        #expect(text.contains("#   compliance-check questions ministry/system.yaml          # the facts"))
        #expect(text.contains("#   compliance-check ministry/system.yaml                    # check the system"))
        // The template stays a valid description.
        let engine = try Engine.builtIn()
        let result = engine.evaluate(
            bytes: Array(text.utf8), file: "system.yaml", options: EvaluationOptions(asOf: Fixtures.asOf))
        #expect(throws: Never.self) { try result.get() }
    }
}
