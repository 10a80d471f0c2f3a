import Foundation
import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// `EvaluationOptions.passingDetail`: `.noted` keeps of a passing or not-applicable finding only
/// what the text report shows (noted facts), and changes nothing else.
@Suite struct PassingDetailTests {
    /// Every example system evaluated both ways, at a date where some duties are upcoming.
    private func evaluated(_ detail: EvaluationOptions.PassingDetail, asOf: String) throws -> [SystemReport] {
        let engine = try Engine.builtIn()
        var options = EvaluationOptions(asOf: Fixtures.date(asOf))
        options.passingDetail = detail
        let folder = Fixtures.repositoryRoot + "/examples"
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".yaml") && !$0.contains("/evidence/") && !$0.contains("docs/") }.sorted()
        var systems: [SystemReport] = []
        for file in files {
            if case .success(let system) = engine.evaluate(file: folder + "/" + file, options: options) {
                systems.append(system)
            }
        }
        return systems
    }

    @Test(arguments: ["2025-06-01", "2026-11-29", "2027-09-01"])
    func notedKeepsWhatTheTextReportShows(_ asOf: String) throws {
        let full = try evaluated(.full, asOf: asOf)
        let noted = try evaluated(.noted, asOf: asOf)
        #expect(full.count >= 16 && noted.count == full.count)
        var trimmedFacts = 0
        var notesKept = 0
        for (whole, kept) in zip(full, noted) {
            #expect(whole.summary == kept.summary && whole.gate == kept.gate)
            for (finding, trimmed) in zip(whole.findings, kept.findings) {
                #expect(finding.rule == trimmed.rule && finding.status == trimmed.status)
                guard finding.status == .pass || finding.status == .notApplicable else {
                    // Failing, unknown, waived and upcoming findings are whole.
                    #expect(finding == trimmed)
                    continue
                }
                #expect(trimmed.facts == finding.facts.filter { $0.note != nil })
                trimmedFacts += finding.facts.count - trimmed.facts.count
                notesKept += trimmed.facts.count
                if finding.reason?.hasPrefix("its condition does not hold") == true {
                    #expect(trimmed.reason == nil)
                } else {
                    #expect(trimmed.reason == finding.reason)
                }
            }
            // The text report, without --verbose, is the same byte for byte.
            let header = try Engine.builtIn().report([], asOf: Fixtures.date(asOf))
            #expect(
                TextReporter.render(whole, report: header, style: TextReporter.Style())
                    == TextReporter.render(kept, report: header, style: TextReporter.Style()))
        }
        #expect(trimmedFacts > 100)
        #expect(notesKept > 0)
    }
}
