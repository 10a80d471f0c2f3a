import Foundation
import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// Rendering on the worker threads (`ReportStream.makeRenderer`): a report written from texts
/// that several renderers made, in any order, is byte for byte the report the stream writes by
/// itself.
@Suite struct WorkerRenderingTests {
    /// Six systems of the built-in packs: the examples' failing X-ray triage and passing writing
    /// tutor, three of each under different ids and files, and one input that was not evaluated.
    private func report() throws -> Report {
        let engine = try Engine.builtIn()
        let options = EvaluationOptions(asOf: Fixtures.date("2026-11-29"))
        var systems: [SystemReport] = []
        for (index, file) in ["healthcare/xray-triage.yaml", "education/writing-tutor.yaml"].enumerated() {
            let path = Fixtures.repositoryRoot + "/examples/" + file
            let document = try YAMLReader().read(String(contentsOfFile: path, encoding: .utf8), file: path)
            let root = Engine.evidenceRoot(of: path, options: options)
            let system = try engine.evaluate(document, options: options, evidenceRoot: root).get()
            for copy in 0..<3 {
                var renamed = system
                renamed.systemID = "system-\(index)-\(copy)"
                renamed.file = "systems/\(index)-\(copy).yaml"
                systems.append(renamed)
            }
        }
        var report = engine.report(systems.map { .success($0) }, options: options)
        report.errors = [.error("not a mapping", at: SourceLocation(file: "systems/broken.yaml", line: 3, column: 1))]
        return report
    }

    /// The stream fed system by system, as `add(_:)` renders.
    private func written(_ stream: some ReportStream, _ report: Report) -> String {
        var stream = stream
        var text = stream.begin()
        for system in report.systems { text += stream.add(system) }
        return text + stream.add(unevaluated: report.errors) + stream.end()
    }

    /// The stream fed texts that two renderers made, the second half first and each renderer
    /// taking every other system (two workers, out of order).
    private func rendered(_ stream: some ReportStream, _ report: Report) throws -> String {
        var stream = stream
        var workers = [try #require(stream.makeRenderer()), try #require(stream.makeRenderer())]
        var texts = [String?](repeating: nil, count: report.systems.count)
        for index in report.systems.indices.reversed() {
            texts[index] = workers[index % 2].render(report.systems[index])
        }
        var text = stream.begin()
        for (index, system) in report.systems.enumerated() { text += stream.add(system, rendered: texts[index] ?? "") }
        return text + stream.add(unevaluated: report.errors) + stream.end()
    }

    @Test func workerTextsMakeTheSameReport() throws {
        let report = try report()
        #expect(Set(report.systems.map(\.gate)) == [.pass, .fail])
        let style = TextReporter.Style(verbose: true, strings: report.strings)
        let streams: [(String, any ReportStream)] = [
            ("text", TextReporter.Stream(header: report, style: style)),
            ("text --quiet", TextReporter.Stream(header: report, style: TextReporter.Style(), quiet: true)),
            ("json", JSONReportStream(header: report)),
            ("jsonl", JSONReporter.LineStream()),
            ("jsonl full", JSONReporter.LineStream(detail: .full)),
            ("sarif", SARIFReporter.Stream(header: report)),
        ]
        for (name, stream) in streams {
            let expected = written(stream, report)
            #expect(try rendered(stream, report) == expected, "\(name)")
            // Each names the last failing system (SARIF and `--quiet` name no passing one).
            #expect(expected.contains("system-0-2"), "\(name)")
        }
        // And the whole-report renderings are those streams.
        #expect(try rendered(JSONReportStream(header: report), report) == JSONReporter.render(report))
        #expect(try rendered(SARIFReporter.Stream(header: report), report) == SARIFReporter.render(report))
    }

    /// Formats whose per-system text depends on the systems before it render as they write.
    @Test func orderDependentFormatsRenderAsTheyWrite() throws {
        let report = try report()
        #expect(JUnitReporter.Stream(header: report).makeRenderer() == nil)
        #expect(MarkdownReporter.Stream(header: report).makeRenderer() == nil)
        #expect(OSCALAssessmentResults.Stream(header: report).makeRenderer() == nil)
    }
}
