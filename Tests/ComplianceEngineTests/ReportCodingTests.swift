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

    /// The example report as `--detail full` writes it.
    static func fullReport() throws -> Report {
        var report = try exampleReport()
        report.settings.detail = .full
        return report
    }

    @Test func fullJSONReadsBackIntoAnEqualReport() throws {
        let report = try Self.fullReport()
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
        #expect(decoded.settings == Report.Settings(failOn: .medium, unknownPolicy: .warn, strict: false, detail: .full))
        #expect(decoded.systems.contains { $0.findings.contains { $0.waiver?.rule == "KZ-10-01" } })
    }

    /// By default `pass` and `not_applicable` findings say which rule, the status and why; the
    /// others keep their rule's text. The compact JSON reads back and renders to the same bytes.
    @Test func compactJSONKeepsTheOutcomesAndReadsBack() throws {
        let report = try Self.exampleReport()
        #expect(report.settings.detail == .compact)
        let json = JSONReporter.render(report)
        #expect(try report.json() == json)
        #expect(json.contains("\"schema\": \"compliance-check/report/v2\""))
        #expect(json.contains(#""strict": false,\#n    "detail": "compact"\#n  }"#))
        let decoded = try Report(json: json)
        #expect(JSONReporter.render(decoded) == json)
        #expect(decoded.settings == report.settings)
        #expect(decoded.gate == report.gate)
        #expect(decoded.errors == report.errors)
        for (original, read) in zip(report.systems, decoded.systems) {
            #expect(read.summary == original.summary)
            #expect(read.findings.count == original.findings.count)
            for (finding, back) in zip(original.findings, read.findings) {
                #expect(back.rule == finding.rule && back.status == finding.status && back.reason == finding.reason)
                #expect(back.facts.map(\.path) == finding.facts.map(\.path))
                #expect(back.facts.map(\.actual) == finding.facts.map(\.actual))
                #expect(back.facts.map(\.location) == finding.facts.map(\.location))
                if finding.status == .pass || finding.status == .notApplicable {
                    #expect(back.title == "" && back.message == "" && back.remediation == "")
                } else {
                    #expect(back == finding)
                }
            }
        }
        // No compact finding has a title; one of them, whole: a sector rule not applicable to a
        // healthcare system.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let findings = (object["systems"] as? [[String: Any]] ?? []).flatMap { $0["findings"] as? [[String: Any]] ?? [] }
        let compact = findings.filter { ["pass", "not_applicable"].contains($0["status"] as? String) }
        #expect(compact.count == report.systems.map { $0.summary.pass + $0.summary.notApplicable }.reduce(0, +))
        #expect(compact.allSatisfy { $0["title"] == nil && $0["message"] == nil && $0["citation"] == nil })
        #expect(findings.filter { $0["title"] == nil }.count == compact.count)
        let lines = report.systems.map { JSONReporter.renderLine($0) }.joined()
        #expect(
            lines.contains(
                #"{"rule":"KZ-EDU-01","status":"not_applicable","reason":"applies to the education sector; the system's sectors are healthcare"}"#
            ))
    }

    /// `--detail full` writes the findings exactly as `v1` did: the full report's findings are the
    /// ones the engine made, and a `v1` document still reads.
    @Test func aV1ReportStillReads() throws {
        let report = try Self.fullReport()
        let v1 = JSONReporter.render(report)
            .replacingOccurrences(of: Report.schema, with: Report.schemaV1)
            .replacingOccurrences(of: "\"strict\": false,\n    \"detail\": \"full\"\n", with: "\"strict\": false\n")
        #expect(!v1.contains("\"detail\""))
        let decoded = try Report(json: v1)
        #expect(decoded.settings.detail == .full)
        #expect(decoded.systems == report.systems)
        #expect(decoded.errors == report.errors)
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
            .replacingOccurrences(of: "compliance-check/report/v2", with: "compliance-check/report/v9")
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
                #""settings": {\#n    "fail_on": "medium",\#n    "unknown": "warn",\#n    "strict": false,\#n    "detail": "compact"\#n  }"#
            ))
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
