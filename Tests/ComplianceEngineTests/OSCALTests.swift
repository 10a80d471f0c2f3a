import Foundation
import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// OSCAL documents: version-5 UUIDs, byte-identical reruns, dates from the as-of date.
@Suite struct OSCALTests {
    /// The same values Python's `uuid.uuid5` gives.
    @Test func versionFiveUUIDs() {
        #expect(OSCAL.format(OSCAL.uuidNamespace) == "c47f0115-0235-5aa3-8ab0-32d61ab18eb4")
        #expect(OSCAL.uuid("system", "demo") == "6871ce98-ead3-5e43-9e53-b85fae09c717")
    }

    @Test func assessmentResultsAreDeterministicAndDatedFromTheAsOfDate() throws {
        let engine = try Fixtures.engine()
        let yaml = Fixtures.system("capabilities: {social_scoring: true}\n")
        let result = engine.evaluate(
            try Fixtures.document(yaml), options: EvaluationOptions(asOf: Fixtures.asOf), evidenceRoot: nil)
        let report = engine.report([result], asOf: Fixtures.asOf)
        let first = OSCALAssessmentResults.render(report)
        #expect(first == OSCALAssessmentResults.render(engine.report([result], asOf: Fixtures.asOf)))
        #expect(
            first.contains("\"last-modified\" : \"2026-06-01T00:00:00Z\"")
                || first.contains("\"last-modified\": \"2026-06-01T00:00:00Z\""))
        #expect(first.contains("\"oscal-version\" : \"1.2.1\"") || first.contains("\"oscal-version\": \"1.2.1\""))
        // Every UUID is version 5 with the RFC 4122 variant.
        let uuids = first.matches(of: /"[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-([0-9a-f])[0-9a-f]{3}-[0-9a-f]{12}"/)
        #expect(!uuids.isEmpty)
        for match in uuids {
            #expect(match.1 == "5")
            #expect(["8", "9", "a", "b"].contains(String(match.2)))
        }
        // A failing finding is not-satisfied, with its status as a property and an open risk.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        let results = (json["assessment-results"] as? [String: Any])?["results"] as? [[String: Any]]
        let findings = try #require(results?.first?["findings"] as? [[String: Any]])
        let failing = findings.filter { finding in
            ((finding["props"] as? [[String: Any]]) ?? []).contains {
                $0["name"] as? String == "status" && $0["value"] as? String == "fail"
            }
        }
        #expect(!failing.isEmpty)
        for finding in failing {
            let target = finding["target"] as? [String: Any]
            #expect((target?["status"] as? [String: Any])?["state"] as? String == "not-satisfied")
            #expect(finding["related-risks"] != nil)
        }
    }

    @Test func catalogAndMappingOfTheBuiltInPacks() throws {
        let library = try RuleLibrary.builtIn()
        for pack in library.packs {
            let catalog = OSCALCatalog.render(pack)
            #expect(catalog == OSCALCatalog.render(pack))
            for rule in pack.rules {
                #expect(catalog.contains("\"id\" : \"\(rule.id)\"") || catalog.contains("\"id\": \"\(rule.id)\""))
            }
        }
        let mapping = try #require(OSCALMapping.render(library))
        let links = library.rules.reduce(0) { $0 + $1.related.count }
        #expect(mapping.components(separatedBy: "\"relationship\"").count - 1 == links)
    }
}
