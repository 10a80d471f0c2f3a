import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// The EU example systems of `examples/eu/` and the dates of the EU pack: the gate, the derived
/// classification and the failing rule ids at a fixed as-of date, and the staged application dates.
@Suite struct EUExampleTests {
    struct Expectation: Sendable, CustomTestStringConvertible {
        let file: String
        let asOf: String
        let gate: GateResult
        /// Every derived fact of the system, `namespace.name=value`, in the report's order.
        let derived: String
        let failing: [String]
        var testDescription: String { file }
    }

    /// The EU classification: `hr_route`, `art50`, `gpai`, `in_scope`, `requalified_role`, `hr_duties`, `risk_class`.
    static func eu(_ route: String, _ art50: String, _ gpai: String, _ duties: String, _ riskClass: String) -> String {
        "eu.hr_route=\(route) eu.art50=\(art50) eu.gpai=\(gpai) eu.in_scope=in eu.requalified_role=none "
            + "eu.hr_duties=\(duties) eu.risk_class=\(riskClass)"
    }

    static let expectations: [Expectation] = [
        Expectation(
            file: "education/admissions-ranking.yaml", asOf: "2028-09-01", gate: .fail,
            derived: eu("annex_iii", "none", "none", "applies", "high"), failing: ["EU-AIA-26-11", "EU-AIA-27-02"]),
        Expectation(
            file: "social_policy/benefits-eligibility.yaml", asOf: "2028-09-01", gate: .pass,
            derived: eu("annex_iii", "none", "none", "applies", "high"), failing: []),
        // Annex III 5(d): logs kept 90 days (provider and deployer), a stale accuracy report (hash
        // mismatch), an incident reported after 19 days.
        Expectation(
            file: "healthcare/emergency-call-triage.yaml", asOf: "2028-09-01", gate: .fail,
            derived: eu("annex_iii", "none", "none", "applies", "high"),
            failing: ["EU-AIA-15-01", "EU-AIA-19-01", "EU-AIA-26-06", "EU-AIA-73-01"]),
        // Emotion inference in education: prohibited since 2025-02-02, while the Annex III 3(d)
        // duties are still upcoming.
        Expectation(
            file: "education/remote-proctoring.yaml", asOf: "2026-09-01", gate: .fail,
            derived: eu("annex_iii", "applies", "none", "applies", "high"), failing: ["EU-AIA-5-08"]),
        // Annex I via the MDR, duties from 2028-08-02: an expired certificate, a late incident report.
        Expectation(
            file: "healthcare/ecg-arrhythmia-device.yaml", asOf: "2028-09-01", gate: .fail,
            derived: eu("annex_i", "none", "none", "applies", "high"),
            failing: ["EU-AIA-43-01", "EU-AIA-43-03", "EU-AIA-73-05"]),
        // Art. 50 only, declared "minimal".
        Expectation(
            file: "governance/city-chatbot.yaml", asOf: "2026-09-01", gate: .fail,
            derived: eu("none", "applies", "none", "none", "limited"),
            failing: ["EU-AIA-50-01", "EU-AIA-50-06", "EU-RISK-CLASS-DECLARED"]),
        // A GPAI model above 10^25 FLOP: systemic risk.
        Expectation(
            file: "other/foundation-model.yaml", asOf: "2026-09-01", gate: .fail,
            derived: eu("none", "none", "systemic_risk", "none", "minimal"), failing: ["EU-AIA-52-01", "EU-AIA-55-03"]),
        // Both packs: each gap is seen by both laws.
        Expectation(
            file: "education/essay-tutor-kz-eu.yaml", asOf: "2028-09-01", gate: .fail,
            derived: eu("annex_iii", "applies", "none", "applies", "high") + " kz.risk_level=medium kz.autonomy_level=low",
            failing: ["EU-AIA-50-01", "EU-AIA-9-01", "KZ-18-01", "KZ-21-01"]),
    ]

    static func evaluate(_ file: String, asOf: String) throws -> SystemReport {
        let engine = try Engine.builtIn()
        let options = EvaluationOptions(asOf: Fixtures.date(asOf))
        return try engine.evaluate(file: Fixtures.repositoryRoot + "/examples/eu/" + file, options: options).get()
    }

    @Test(arguments: expectations)
    func exampleOutcome(_ expected: Expectation) throws {
        let report = try Self.evaluate(expected.file, asOf: expected.asOf)
        #expect(report.gate == expected.gate)
        let derived = report.derived.map { "\($0.namespace).\($0.name)=\($0.value ?? "unknown")" }
        #expect(derived.joined(separator: " ") == expected.derived)
        #expect(report.findings.filter { $0.status == .fail }.map(\.rule).sorted() == expected.failing)
        #expect(report.summary.unknown == 0)
        #expect(report.warnings == [])
    }

    @Test func everyEUExampleIsPinned() {
        let folder = Fixtures.repositoryRoot + "/examples/eu"
        let files = FileSystem.files(under: folder, extensions: ["yaml"]).map { String($0.dropFirst(folder.count + 1)) }
            .filter { $0.split(separator: "/").count == 2 }
        #expect(files.sorted() == Self.expectations.map(\.file).sorted())
    }

    /// `examples/eu/README.md` has one table row per example, naming its as-of date, the expected
    /// gate and every rule expected to fail.
    @Test(arguments: expectations)
    func readmeRowMatches(_ expected: Expectation) throws {
        let readme = String(
            decoding: try FileSystem.read(Fixtures.repositoryRoot + "/examples/eu/README.md", limit: 1 << 20), as: UTF8.self)
        let rows = readme.split(separator: "\n").filter { $0.contains("| `\(expected.file)` |") }
        #expect(rows.count == 1)
        let row = String(rows.first ?? "")
        #expect(row.contains("| \(expected.asOf) |"))
        #expect(row.contains(expected.gate == .pass ? "| pass |" : "| fail |"))
        for rule in expected.failing { #expect(row.contains(rule), "\(rule) is not in the README row") }
    }

    /// The Annex III duties start on 2 December 2027: the day before, every high-risk rule of the
    /// deployer is upcoming, names the date that applied, and nothing gates.
    @Test func annexIIIDutiesAreUpcomingTheDayBefore() throws {
        let report = try Self.evaluate("education/admissions-ranking.yaml", asOf: "2027-12-01")
        let fria = try #require(report.findings.first { $0.rule == "EU-AIA-27-02" })
        #expect(fria.status == .upcoming)
        #expect(fria.originalStatus == .fail)
        #expect(fria.effective == Fixtures.date("2027-12-02"))
        #expect(fria.reason == "takes effect on 2027-12-02")
        #expect(report.gate == .pass)
    }

    /// Annex I (medical devices under the MDR) duties start on 2 August 2028: the day before, the
    /// device's three gaps are upcoming with that date and the gate passes; on the day they fail.
    @Test func annexIDutiesStartOnTheAnnexIDate() throws {
        let gaps = ["EU-AIA-43-01", "EU-AIA-43-03", "EU-AIA-73-05"]
        let before = try Self.evaluate("healthcare/ecg-arrhythmia-device.yaml", asOf: "2028-08-01")
        for rule in gaps {
            let finding = try #require(before.findings.first { $0.rule == rule })
            #expect(finding.status == .upcoming)
            #expect(finding.originalStatus == .fail)
            #expect(finding.effective == Fixtures.date("2028-08-02"))
        }
        #expect(before.gate == .pass)
        let on = try Self.evaluate("healthcare/ecg-arrhythmia-device.yaml", asOf: "2028-08-02")
        #expect(on.findings.filter { $0.status == .fail }.map(\.rule).sorted() == gaps)
        #expect(on.findings.first { $0.rule == "EU-AIA-43-01" }?.facts.first?.note == "expired on 2028-06-30")
    }

    /// An owner who declares a class lower than the derived one gets EU-RISK-CLASS-DECLARED: the
    /// city chatbot carries Art. 50 duties (limited) but declares minimal; declaring limited passes.
    @Test func underDeclaredRiskClassIsAFinding() throws {
        let report = try Self.evaluate("governance/city-chatbot.yaml", asOf: "2026-09-01")
        let finding = try #require(report.findings.first { $0.rule == "EU-RISK-CLASS-DECLARED" })
        #expect(finding.status == .fail)
        #expect(finding.pack == "eu-ai-act")
        #expect(
            finding.facts.map { "\($0.path) is \($0.actual?.description ?? "absent"), expected \($0.expected)" }
                == ["eu_ai_act.risk_class is minimal, expected at least limited"])
        #expect(finding.facts.first?.note == "the law indicates limited")

        let path = Fixtures.repositoryRoot + "/examples/eu/governance/city-chatbot.yaml"
        let text = String(decoding: try FileSystem.read(path, limit: 1 << 20), as: UTF8.self)
        let declared = text.replacing("  risk_class: minimal", with: "  risk_class: limited")
        let corrected = try Engine.builtIn().evaluate(
            Fixtures.document(declared, file: path),
            options: EvaluationOptions(asOf: Fixtures.date("2026-09-01")),
            evidenceRoot: Fixtures.repositoryRoot + "/examples/eu/governance"
        ).get()
        #expect(corrected.findings.first { $0.rule == "EU-RISK-CLASS-DECLARED" }?.status == .pass)
        #expect(corrected.findings.filter { $0.status == .fail }.map(\.rule).sorted() == ["EU-AIA-50-01", "EU-AIA-50-06"])
    }

    // MARK: Both laws on one system

    /// The text report of the KZ + EU example: the findings of each pack under a line naming the
    /// pack, then one line per fix that closes related findings of both packs (detail lines,
    /// indented four spaces, left out here).
    @Test func textReportGroupsFindingsByPack() throws {
        let engine = try Engine.builtIn()
        let system = try Self.evaluate("education/essay-tutor-kz-eu.yaml", asOf: "2028-09-01")
        let text = TextReporter.render(engine.report([.success(system)], asOf: Fixtures.date("2028-09-01")))
        let file = system.file
        let skeleton = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("    ") && !$0.hasPrefix("  hr ") && !$0.contains(" - ") }
        #expect(
            skeleton == [
                "\(file): kz-eu-oqu-jaz-tutor (Jaz essay feedback tutor (international edition))",
                "  pack European Union — Artificial Intelligence Act (eu-ai-act): 2 fail, 0 unknown, 0 waived, 0 upcoming, 44 pass, 44 not applicable",
                "\(file):88:15: fail: high EU-AIA-50-01 People are told they are interacting with an AI system",
                "\(file):43:7: fail: high EU-AIA-9-01 A documented risk-management system runs over the lifecycle",
                "  pack Kazakhstan — Law \"On Artificial Intelligence\" (kz-ai-law): 2 fail, 0 unknown, 0 waived, 0 upcoming, 51 pass, 39 not applicable",
                "\(file):43:7: fail: high KZ-18-01 Risks are recorded in a risk register",
                "\(file):88:15: fail: high KZ-21-01 People are told that an AI system provides the service",
                "  one fix closes 2 findings: EU-AIA-50-01 subset-of KZ-21-01",
                "  one fix closes 2 findings: EU-AIA-9-01 superset-of KZ-18-01",
                "  summary: 4 fail, 0 unknown, 0 waived, 0 upcoming, 95 pass, 83 not applicable",
                "  gate: FAIL",
                "",
                "1 system(s) checked, 1 failed the gate.",
                "Gate: FAIL (as of 2028-09-01, fail-on low, unknown fail). Compliance aid, not legal advice.",
                "",
            ])
    }

    /// The Markdown report of the KZ + EU example: one heading and table per pack, then the fixes.
    @Test func markdownReportGroupsFindingsByPack() throws {
        let engine = try Engine.builtIn()
        let system = try Self.evaluate("education/essay-tutor-kz-eu.yaml", asOf: "2028-09-01")
        let markdown = MarkdownReporter.render(engine.report([.success(system)], asOf: Fixtures.date("2028-09-01")))
        let outline = markdown.split(separator: "\n").filter { $0.hasPrefix("#") || $0.hasPrefix("- ") || $0.hasPrefix("| `") }
            .map { $0.split(separator: " | ").prefix(2).joined(separator: " | ") }
        #expect(
            outline == [
                "# Compliance check",
                "| `kz-eu-oqu-jaz-tutor` Jaz essay feedback tutor (international edition) | ❌ fail",
                "## `kz-eu-oqu-jaz-tutor` Jaz essay feedback tutor (international edition)",
                "### European Union — Artificial Intelligence Act (`eu-ai-act`)",
                "| `EU-AIA-50-01` | high",
                "| `EU-AIA-9-01` | high",
                "### Kazakhstan — Law \"On Artificial Intelligence\" (`kz-ai-law`)",
                "| `KZ-18-01` | high",
                "| `KZ-21-01` | high",
                "- One fix closes 2 findings: `EU-AIA-50-01` subset-of `KZ-21-01`",
                "- One fix closes 2 findings: `EU-AIA-9-01` superset-of `KZ-18-01`",
            ])
    }

    /// A system of one pack keeps the output it had: no pack line, no fix line.
    @Test func singlePackReportHasNoPackLines() throws {
        let engine = try Engine.builtIn()
        let system = try Self.evaluate("education/admissions-ranking.yaml", asOf: "2028-09-01")
        let report = engine.report([.success(system)], asOf: Fixtures.date("2028-09-01"))
        let text = TextReporter.render(report)
        #expect(!text.contains("\n  pack ") && !text.contains("one fix closes"))
        let markdown = MarkdownReporter.render(report)
        #expect(!markdown.contains("\n### ") && !markdown.contains("One fix closes"))
    }

    /// Related failing findings join into one fix through each other; a lone finding joins none.
    @Test func sharedFixesFollowRelatedLinksBothWays() throws {
        let rules = try Engine.builtIn().library.rules
        let fixes = PackGrouping.sharedFixes(
            ["KZ-07-02", "EU-AIA-26-11", "KZ-21-01", "KZ-SOC-06", "EU-AIA-4-01"], links: PackGrouping.links(of: rules))
        #expect(fixes.map(\.rules) == [["KZ-07-02", "EU-AIA-26-11", "KZ-SOC-06"]])
        #expect(
            fixes.first?.links.map { "\($0.from) \($0.relation) \($0.to)" }
                == ["EU-AIA-26-11 intersects-with KZ-07-02", "EU-AIA-26-11 intersects-with KZ-SOC-06"])
    }

    static let generator = """
        apiVersion: compliance-check/v1
        kind: AISystem
        system: {id: eu-image-studio, name: Image studio, jurisdictions: [EU], sectors: [other]}
        purpose: {intended_use: Generates and edits photographs from text prompts.}
        capabilities:
          intimate_imagery: {intended: false, foreseeable: true, safeguards: false, used_for: false}
          child_abuse_material: {intended: false, foreseeable: false, used_for: false}
        eu_ai_act:
          operator: {roles: [provider], established_in_eu: true}
          scope: {ai_system: true, placed_on_market: true, exclusion: none, open_source: false}

        """

    /// The new prohibitions 5(1)(ba) and 5(1)(bb) apply from 2 December 2026: upcoming on
    /// 29 November 2026, failing (critical) and gating on 2 December 2026.
    @Test func newProhibitionsAreUpcomingThenGate() throws {
        let engine = try Engine.builtIn()
        let document = try Fixtures.document(Self.generator)
        let before = try engine.evaluate(
            document, options: EvaluationOptions(asOf: Fixtures.date("2026-11-29")), evidenceRoot: nil
        ).get()
        for rule in ["EU-AIA-5-03", "EU-AIA-5-04"] {
            let finding = try #require(before.findings.first { $0.rule == rule })
            #expect(finding.status == .upcoming)
            #expect(finding.reason == "takes effect on 2026-12-02")
        }
        #expect(before.findings.first { $0.rule == "EU-AIA-5-03" }?.originalStatus == .fail)
        #expect(before.findings.first { $0.rule == "EU-AIA-5-04" }?.originalStatus == .pass)
        let after = try engine.evaluate(
            document, options: EvaluationOptions(asOf: Fixtures.date("2026-12-02")), evidenceRoot: nil
        ).get()
        let nudifier = try #require(after.findings.first { $0.rule == "EU-AIA-5-03" })
        #expect(nudifier.status == .fail)
        #expect(nudifier.severity == .critical)
        #expect(after.findings.first { $0.rule == "EU-AIA-5-04" }?.status == .pass)
        #expect(after.gate == .fail)
    }
}
