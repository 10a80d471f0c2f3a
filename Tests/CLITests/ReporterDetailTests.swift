import Foundation
import Testing

@testable import ComplianceEngine

/// Details of the SARIF, JUnit and Markdown reporters that the golden transcripts do not pin:
/// escaping of hostile text, URI encoding, and the SARIF rule index.
struct ReporterDetailTests {
    @Test func xmlEscapesMarkupAndDropsCharactersXMLCannotHold() {
        let hostile = "a<b>&\"'\n\t\r\u{1}\u{FFFE}é"
        #expect(JUnitReporter.escape(hostile, attribute: true) == "a&lt;b&gt;&amp;&quot;&apos;&#10;&#9;&#13;\u{FFFD}\u{FFFD}é")
        #expect(JUnitReporter.escape(hostile, attribute: false) == "a&lt;b&gt;&amp;\"'\n\t&#13;\u{FFFD}\u{FFFD}é")
    }

    @Test func markdownEscapesTableCellsAndCodeSpans() {
        #expect(MarkdownReporter.text("x | *y* <b>\nz_1") == "x \\| \\*y\\* \\<b\\> z\\_1")
        #expect(MarkdownReporter.code("a|b", inTable: true) == "`a\\|b`")
        #expect(MarkdownReporter.code("a|b") == "`a|b`")
        #expect(MarkdownReporter.code("x `y` z") == "``x `y` z``")
        #expect(MarkdownReporter.code("`y`") == "`` `y` ``")
    }

    @Test func sarifArtifactLocationsAreNormalisedAndRelativeToTheSourceRoot() {
        let here = PathResolver(SARIFReporter.Paths(workingDirectory: "/work/repo"))
        #expect(
            here.artifactLocation("./a/../a/b.yaml")
                == .object([("uri", .string("a/b.yaml")), ("uriBaseId", .string("%SRCROOT%"))]))
        #expect(
            here.artifactLocation("/work/repo/x.yaml")
                == .object([("uri", .string("x.yaml")), ("uriBaseId", .string("%SRCROOT%"))]))
        #expect(here.artifactLocation("../other/x.yaml") == .object([("uri", .string("file:///work/other/x.yaml"))]))
        #expect(
            here.rootDescription(given: false)
                == .object([
                    (
                        "description",
                        .object([("text", .string("The directory compliance-check ran in (in CI, the repository checkout)."))])
                    )
                ]))
        let sub = PathResolver(SARIFReporter.Paths(root: "systems/", workingDirectory: "/work/repo"))
        #expect(
            sub.artifactLocation("systems//kz/a.yaml")
                == .object([("uri", .string("kz/a.yaml")), ("uriBaseId", .string("%SRCROOT%"))]))
        #expect(sub.artifactLocation("b.yaml") == .object([("uri", .string("file:///work/repo/b.yaml"))]))
        #expect(sub.rootDescription(given: true) == .object([("uri", .string("file:///work/repo/systems/"))]))
        let bare = PathResolver(SARIFReporter.Paths())
        #expect(
            bare.artifactLocation("x/./y.yaml") == .object([("uri", .string("x/y.yaml")), ("uriBaseId", .string("%SRCROOT%"))]))
        #expect(bare.artifactLocation("../y.yaml") == .object([("uri", .string("../y.yaml"))]))
    }

    @Test func sarifURIsStayRelativeAndAreEncoded() {
        #expect(SARIFReporter.uri("examples/health care/x-ray.yaml") == "examples/health%20care/x-ray.yaml")
        #expect(SARIFReporter.uri("/srv/systems/a.yaml") == "file:///srv/systems/a.yaml")
        #expect(SARIFReporter.uri("c:x.yaml") == "c%3Ax.yaml")
        #expect(SARIFReporter.uri("dir/c:x.yaml") == "dir/c:x.yaml")
        #expect(SARIFReporter.uri("système#1.yaml") == "syst%C3%A8me%231.yaml")
    }

    @Test func sarifRuleNamesAreIdentifiers() {
        #expect(
            SARIFReporter.identifier("People are told that an AI system provides the service")
                == "PeopleAreToldThatAnAISystemProvidesTheService")
        #expect(SARIFReporter.identifier("A risk-management procedure is on file") == "ARiskManagementProcedureIsOnFile")
        #expect(SARIFReporter.identifier("—") == "Rule")
    }

    @Test(
        .enabled(
            if: CLIRunner.binary != nil,
            "the compliance-check binary was not found next to the test bundle; run `swift build` first"))
    func sarifResultsPointAtTheirRules() throws {
        let output = try CLIRunner.run(
            GoldenCase.common + ["--format", "sarif", GoldenCase.passing, GoldenCase.failing, GoldenCase.invalid])
        #expect(output.status == 2)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let runs = try #require(log["runs"] as? [[String: Any]])
        let run = try #require(runs.first)
        let tool = try #require(run["tool"] as? [String: Any])
        let driver = try #require(tool["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids.count == Set(ids).count)
        #expect(ids.contains("DEMO-RISK-LEVEL-DECLARED"))

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 6)
        var fingerprints: Set<String> = []
        for result in results {
            let ruleID = try #require(result["ruleId"] as? String)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(ids.indices.contains(index) && ids[index] == ruleID)
            let partial = try #require(result["partialFingerprints"] as? [String: String])
            fingerprints.insert(try #require(partial["complianceCheck/v1"]))
        }
        #expect(fingerprints.count == results.count)
    }
}
