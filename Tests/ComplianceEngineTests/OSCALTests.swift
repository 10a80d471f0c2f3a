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

    /// A report of `count` systems (one failing description under different ids and files) and
    /// one input that could not be evaluated.
    private func report(systems count: Int) throws -> Report {
        let engine = try Fixtures.engine()
        let yaml = Fixtures.system("capabilities: {social_scoring: true}\n")
        let result = engine.evaluate(
            try Fixtures.document(yaml), options: EvaluationOptions(asOf: Fixtures.asOf), evidenceRoot: nil)
        var report = engine.report([result], asOf: Fixtures.asOf)
        let system = try #require(report.systems.first)
        report.systems = (0..<count).map { index in
            var copy = system
            copy.systemID = "demo-\(index)"
            copy.file = "systems/demo-\(index).yaml"
            return copy
        }
        report.errors = [.error("not a mapping", at: SourceLocation(file: "systems/broken.yaml", line: 3, column: 1))]
        return report
    }

    /// The text streamed system by system is the whole-report rendering, and reads byte for byte
    /// as the whole document rendered at once would (the pieces are spliced exactly).
    @Test func streamedResultsAreTheRenderedDocument() throws {
        let report = try report(systems: 3)
        var stream = OSCALAssessmentResults.Stream(header: report)
        var pieces = [stream.begin()]
        for system in report.systems { pieces.append(stream.add(system)) }
        pieces.append(stream.add(unevaluated: report.errors))
        pieces.append(stream.end())
        let streamed = pieces.joined()
        #expect(streamed == OSCALAssessmentResults.render(report))
        // Each system's text is its own result, written when the system is added.
        for (index, system) in report.systems.enumerated() {
            #expect(pieces[index + 1].contains("\"title\" : \"AI system \(system.systemID): Demo\""))
            #expect(pieces[index + 1].components(separatedBy: "\"system-id\"").count > 2)
        }

        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(streamed.utf8)) as? [String: Any])
        #expect(OSCAL.render(parsed) == streamed)
        let document = try #require(parsed["assessment-results"] as? [String: Any])
        let results = try #require(document["results"] as? [[String: Any]])
        #expect(
            results.map { $0["title"] as? String ?? "" } == [
                "AI system demo-0: Demo", "AI system demo-1: Demo", "AI system demo-2: Demo",
                "Input that could not be evaluated: systems/broken.yaml", "compliance-check run as of 2026-06-01",
            ])
        for (result, system) in zip(results, report.systems) {
            let components = (result["local-definitions"] as? [String: Any])?["components"] as? [[String: Any]]
            #expect(components?.map { $0["uuid"] as? String } == [OSCAL.uuid("system", system.systemID)])
            #expect((result["findings"] as? [Any])?.count == system.findings.count)
            #expect((result["observations"] as? [Any])?.count == system.findings.count + system.derived.count)
        }
        let unevaluated = results[3]
        #expect(unevaluated["findings"] == nil)
        #expect(unevaluated["remarks"] as? String == "- systems/broken.yaml:3:1: not a mapping")
        let run = results[4]
        let props = (run["props"] as? [[String: Any]] ?? []).map { "\($0["name"] ?? "")=\($0["value"] ?? "")" }
        #expect(props == ["gate=error", "as-of=2026-06-01", "systems=3", "unevaluated-inputs=1"])

        // The run's and the document's UUIDs cover every system id; the rest does not move.
        var renamed = report
        renamed.systems[2].systemID = "demo-other"
        let other = OSCALAssessmentResults.render(renamed)
        let otherDocument = try #require(
            (try JSONSerialization.jsonObject(with: Data(other.utf8)) as? [String: Any])?["assessment-results"]
                as? [String: Any])
        #expect(otherDocument["uuid"] as? String != document["uuid"] as? String)
        let otherRun = (otherDocument["results"] as? [[String: Any]])?.last
        #expect(otherRun?["uuid"] as? String != run["uuid"] as? String)
        #expect((otherDocument["back-matter"] as? NSDictionary) == (document["back-matter"] as? NSDictionary))
    }

    /// What the stream keeps between calls does not grow with the systems it has written: the
    /// same after 10 systems as after 300 (counted through every stored property, collection and
    /// string), where a stream that kept the systems would grow with each.
    @Test func streamKeepsNoSystems() throws {
        let report = try report(systems: 1)
        let system = try #require(report.systems.first)
        var stream = OSCALAssessmentResults.Stream(header: report)
        _ = stream.begin()
        for index in 0..<10 {
            var next = system
            next.systemID = "demo-\(index)"
            _ = stream.add(next)
        }
        _ = stream.add(unevaluated: report.errors)
        let early = footprint(stream)
        for index in 10..<300 {
            var next = system
            next.systemID = "demo-\(index)"
            _ = stream.add(next)
        }
        _ = stream.add(unevaluated: report.errors)
        #expect(footprint(stream) == early)
        // The measure sees kept systems: a report holding more systems has a larger footprint.
        #expect(footprint(try self.report(systems: 2)) > footprint(report))
    }

    /// The size of what a value holds: 1 per value, plus each stored property, element and
    /// dictionary entry, recursively, and the UTF-8 length of each string.
    private func footprint(_ value: Any) -> Int {
        if let text = value as? String { return 1 + text.utf8.count }
        return Mirror(reflecting: value).children.reduce(1) { $0 + footprint($1.value) }
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
