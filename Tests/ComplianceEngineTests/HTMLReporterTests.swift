import Foundation
import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// The HTML report: escaping of hostile input, the streamed form, the CSP and flat memory.
@Suite struct HTMLReporterTests {
    /// A system whose name and purpose carry markup, control characters and bidi overrides.
    static let hostile = """
        apiVersion: compliance-check/v1
        kind: AISystem
        system:
          id: hostile-markup
          name: "<script>alert(1)</script>\\"><img src=x onerror=alert(2)>\\e[2J\\u202Egnp.exe\\u0085 &amp; \\uFDD0"
          jurisdictions: [KZ]
          sectors: [education]
        purpose:
          intended_use: Testing.

        """

    static func report() throws -> Report {
        let engine = try Fixtures.engine()
        let system = try Fixtures.document(Self.hostile, file: "<script>.yaml")
        let result = engine.evaluate(system, options: EvaluationOptions(asOf: Fixtures.asOf), evidenceRoot: nil)
        return engine.report([result], asOf: Fixtures.asOf)
    }

    @Test func hostileNamesAreShownNeverRun() throws {
        let report = try Self.report()
        #expect(report.systems.count == 1)
        let html = HTMLReporter.render(report)
        // Our own script is the only one; no input became an element or an attribute.
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
        #expect(html.contains("&lt;script&gt;.yaml"))
        #expect(html.contains("&amp;amp;"))
        // Control characters, bidi overrides and noncharacters are shown as escapes, never raw.
        let noncharacter = Unicode.Scalar(UInt32(0xFDD0)).map(String.init) ?? "?"
        for raw in ["\u{1B}", "\u{202E}", "\u{85}", noncharacter] { #expect(!html.contains(raw)) }
        for shown in ["\\u{1B}[2J", "\\u{202E}gnp.exe", "\\u{85}", "\\u{FDD0}"] { #expect(html.contains(shown)) }
    }

    @Test func streamedEqualsWholeReport() throws {
        let report = try Self.report()
        var reporter = HTMLReporter(header: report)
        var streamed = reporter.begin()
        for system in report.systems { streamed += reporter.add(system) }
        streamed += reporter.end()
        #expect(streamed == HTMLReporter.render(report))
        #expect(streamed.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(streamed.hasSuffix("</body>\n</html>\n"))
    }

    /// The policy forbids every fetch and allows exactly the report's own style and script.
    @Test func contentSecurityPolicyAllowsOnlyTheReportsOwnStyleAndScript() throws {
        let html = HTMLReporter.render(try Self.report())
        let policy = try #require(html.firstRange(of: "http-equiv=\"Content-Security-Policy\" content=\""))
        let head = html[..<(html.firstRange(of: "<style>")?.lowerBound ?? html.endIndex)]
        #expect(head.contains("Content-Security-Policy"), "the policy comes before the style")
        let content = html[policy.upperBound...].prefix { $0 != "\"" }
        #expect(content.hasPrefix("default-src 'none'; "))
        let style = try #require(html.firstMatch(of: /<style>([^<]*)<\/style>/)?.1)
        let script = try #require(html.firstMatch(of: /<script>([^<]*)<\/script>/)?.1)
        #expect(content.contains("style-src \(HTMLAssets.hashSource(String(style)));"))
        #expect(content.contains("script-src \(HTMLAssets.hashSource(String(script)));"))
        for directive in ["img-src 'none'", "font-src 'none'", "connect-src 'none'", "base-uri 'none'", "form-action 'none'"] {
            #expect(content.contains(directive))
        }
        // No attribute fetches anything: every href is a fragment or a web link, no src at all.
        #expect(!html.contains(" src=\""))
        #expect(!html.contains("style=\""))
    }

    /// Only counters and a bounded number of summary rows are kept.
    @Test func summaryRowsAreBounded() throws {
        let report = try Self.report()
        let system = try #require(report.systems.first)
        var reporter = HTMLReporter(header: report)
        _ = reporter.begin()
        for _ in 0..<(HTMLTally.rowLimit + 3) { _ = reporter.add(system) }
        let end = reporter.end()
        #expect(end.contains("3 more system(s) are counted above but not listed here"))
        #expect(end.contains("<span data-count=\"systems\">\(HTMLTally.rowLimit + 3)</span>"))
    }

    @Test func evidenceStatesFromTheCheckersNotes() {
        #expect(EvidenceRow.state(note: nil, hasHash: true) == .verified)
        #expect(EvidenceRow.state(note: nil, hasHash: false) == .present)
        #expect(EvidenceRow.state(note: "hash mismatch for a.md: sha256 is 1, expected 2", hasHash: true) == .hashMismatch)
        #expect(EvidenceRow.state(note: "missing file a.md (no evidence root)", hasHash: false) == .missing)
        #expect(
            EvidenceRow.state(note: "stale: dated 2020-01-01, more than 365 days before 2026-01-01", hasHash: false) == .stale)
        #expect(EvidenceRow.state(note: "expired on 2026-01-01", hasHash: false) == .expired)
        #expect(EvidenceRow.state(note: "URL https://x declared, not verified", hasHash: false) == .urlNotVerified)
    }

    /// The checker's notes in Russian and Kazakh name the same states as in English.
    @Test(arguments: Language.allCases)
    func evidenceStatesFromTranslatedNotes(_ language: Language) {
        let say = ReportStrings.builtIn(language)
        let notes: [(String, KeyValuePairs<String, String>, EvidenceRow.State)] = [
            ("evidence.hash_mismatch", ["file": "a.md", "actual": "1", "expected": "2"], .hashMismatch),
            ("evidence.stale", ["date": "2020-01-01", "days": "365", "as_of": "2026-01-01"], .stale),
            ("evidence.expired", ["date": "2026-01-01"], .expired),
            ("evidence.url", ["url": "https://x"], .urlNotVerified),
            ("evidence.future", ["date": "2027-01-01", "as_of": "2026-01-01"], .undated),
            ("evidence.no_date", [:], .undated),
            ("evidence.too_big", ["file": "a.md", "size": "9", "limit": "8"], .notChecked),
            ("evidence.over_budget", ["file": "a.md", "limit": "8"], .notChecked),
            ("evidence.missing", ["file": "a.md", "root": "r"], .missing),
            ("evidence.no_root", ["file": "a.md"], .missing),
            ("evidence.nothing", [:], .missing),
        ]
        for (key, values, state) in notes {
            #expect(EvidenceRow.state(note: say(key, values), hasHash: false, strings: say) == state, "\(key)")
        }
    }

    /// The evidence table of the examples: the same rows and states in every language, each state
    /// in the report's words.
    @Test func evidenceTableInEveryLanguage() throws {
        let file = Fixtures.repositoryRoot + "/examples/healthcare/xray-triage.yaml"
        let library = try RuleLibrary.builtIn()
        var rows: [[String]] = []
        for language in Language.allCases {
            let engine = try Engine(library: library, language: language)
            let report = engine.report(
                [engine.evaluate(file: file, options: EvaluationOptions(asOf: Fixtures.asOf))], asOf: Fixtures.asOf)
            let system = try #require(report.systems.first)
            let evidence = EvidenceRow.rows(of: system.findings, strings: report.strings)
            rows.append(evidence.map { "\($0.path) \($0.state.rawValue)" })
            let html = HTMLReporter.render(report)
            #expect(html.contains("-evidence\">\(report.strings("html.evidence"))</h3>"), "\(language.rawValue)")
            for row in evidence {
                #expect(html.contains(HTML.text(report.strings("html.evidence_state.\(row.state.rawValue)"))))
            }
        }
        #expect(!rows[0].isEmpty)
        #expect(Set(rows[0].map { $0.split(separator: " ")[1] }).count > 1, "more than one evidence state")
        #expect(rows[0] == rows[1] && rows[1] == rows[2])
    }
}
