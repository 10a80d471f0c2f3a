import ComplianceEngine
import ComplianceRules
import Foundation
import Testing

/// The report model is the JSON report: encoding it gives `--format json`, and the JSON reads back
/// into an equal report (all but the rule catalogue, which the JSON does not carry).
@Suite struct ReportCodingTests {
    static let asOf = CalendarDate(year: 2026, month: 11, day: 29)

    /// Every example system in one report, with a waiver file, under non-default settings.
    static func exampleReport() throws -> Report {
        let engine = try Engine.builtIn()
        let asOf = try #require(Self.asOf)
        let waiver = Waiver(
            rule: "KZ-10-01", reason: "Migration to a KZ region is under way", approvedBy: "DPO", ticket: nil,
            expires: try #require(CalendarDate(year: 2027, month: 1, day: 31)), system: "kz-almaty-cp7-xray-triage")
        let options = EvaluationOptions(asOf: asOf, failOn: .medium, unknownPolicy: .warn, waivers: [waiver])
        let examples = Fixtures.repositoryRoot + "/examples"
        let files = try FileManager.default.subpathsOfDirectory(atPath: examples)
            .filter { $0.hasSuffix(".yaml") && $0.split(separator: "/").count == 2 }
            .sorted()
        #expect(files.count == 8)
        var results = files.map { engine.evaluate(file: "\(examples)/\($0)", options: options) }
        results.append(.failure(DiagnosticList([.error("could not be read", at: nil)])))
        return engine.report(results, options: options)
    }

    @Test func jsonReadsBackIntoAnEqualReport() throws {
        let report = try Self.exampleReport()
        let json = JSONReporter.render(report)
        let decoded = try Report(json: json)
        var expected = report
        expected.rules = []
        expected.instruments = [:]
        expected.declaredRules = []
        expected.sourceTitles = [:]
        #expect(decoded == expected)
        #expect(JSONReporter.render(decoded) == json)
        #expect(try report.json() == json)
        #expect(decoded.settings == Report.Settings(failOn: .medium, unknownPolicy: .warn, strict: false))
        #expect(decoded.systems.contains { $0.findings.contains { $0.waiver?.rule == "KZ-10-01" } })
    }

    @Test func foundationsDecoderReadsTheReportToo() throws {
        let report = try Self.exampleReport()
        let decoded = try JSONDecoder().decode(Report.self, from: Data(JSONReporter.render(report).utf8))
        #expect(decoded.gate == report.gate)
        #expect(decoded.systems.map(\.findings.count) == report.systems.map(\.findings.count))
        #expect(decoded.systems.map { Set($0.derived.map(\.name)) } == report.systems.map { Set($0.derived.map(\.name)) })
        #expect(decoded.errors == report.errors)
    }

    @Test func aReportOfAnotherSchemaIsRefused() throws {
        let json = JSONReporter.render(try Self.exampleReport())
            .replacingOccurrences(of: "compliance-check/report/v1", with: "compliance-check/report/v9")
        #expect(throws: DecodingError.self) { try Report(json: json) }
        #expect(throws: (any Error).self) { try Report(json: "{\"schema\": ") }
    }

    @Test func warningsAreDiagnosticsWithPositions() throws {
        let engine = try Engine.builtIn()
        let options = EvaluationOptions(asOf: try #require(Self.asOf))
        let system: Value = [
            "apiVersion": "compliance-check/v1", "kind": "AISystem",
            "system": ["id": "demo", "name": "Demo", "jurisdictions": ["KZ"], "sectors": ["education"], "colour": "blue"],
            "purpose": ["intended_use": "Marks essays."],
            "capabilities": ["interacts_with_people": false],
            "waivers": [["rule": "KZ-21-01", "reason": "r", "approved_by": "a", "expires": "2026-12-31"]],
        ]
        let report = try engine.evaluate(system, name: "demo.yaml", options: options).get()
        #expect(report.warnings.map(\.severity) == [.warning, .warning])
        #expect(report.warnings.map(\.message).contains { $0.hasPrefix("unknown key 'colour'") })
        #expect(report.warnings.allSatisfy { $0.location?.file == "demo.yaml" })
    }

    @Test func reportersStateTheSettingsTheReportWasEvaluatedWith() throws {
        let report = try Self.exampleReport()
        let text = TextReporter.render(report)
        #expect(
            text.contains("Gate: ERROR (as of 2026-11-29, fail-on medium, unknown warn). Compliance aid, not legal advice.\n"))
        let engine = try Engine.builtIn()
        let options = EvaluationOptions(asOf: try #require(Self.asOf), unknownPolicy: .warn)
        let system: Value = [
            "apiVersion": "compliance-check/v1", "kind": "AISystem",
            "system": ["id": "demo", "name": "Demo", "jurisdictions": ["KZ"], "sectors": ["education"]],
            "purpose": ["intended_use": "Marks essays."], "capabilities": ["interacts_with_people": true],
        ]
        let junit = JUnitReporter.render(engine.report([engine.evaluate(system, options: options)], options: options))
        #expect(junit.contains("unknown (not gating under --unknown warn)"))
        #expect(!junit.contains("<failure message=\"The system does not tell people"))
        #expect(
            JSONReporter.render(report).contains(
                #""settings": {\#n    "fail_on": "medium",\#n    "unknown": "warn",\#n    "strict": false\#n  }"#))
    }

    @Test func markdownStaysUnderTheJobSummaryLimit() throws {
        let base = try Self.exampleReport()
        var report = base
        let failing = base.systems.filter { $0.gate == .fail }
        report.systems = (0..<400).map { index in
            var system = failing[index % failing.count]
            system.systemID += "-\(index)"
            return system
        }
        let markdown = MarkdownReporter.render(report)
        #expect(markdown.utf8.count <= MarkdownReporter.defaultLimit)
        #expect(markdown.utf8.count > MarkdownReporter.defaultLimit - 50_000)
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| `") && $0.contains("❌ fail") }
        #expect(rows.count == 400)
        let sections = markdown.split(separator: "\n").filter { $0.hasPrefix("## `") }.count
        #expect(
            markdown.contains("_Left out to keep this summary under 1000000 bytes: \(400 - sections) failing system(s)."),
            "\(sections) sections, \(markdown.suffix(400))")
        #expect(markdown.hasSuffix(Disclaimer.text + "\n"))
        #expect(MarkdownReporter.render(base) == MarkdownReporter.render(base, limit: Int.max))
    }
}
