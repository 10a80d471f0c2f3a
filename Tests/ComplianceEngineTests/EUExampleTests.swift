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
        let route: String
        let riskClass: String
        let failing: [String]
        var testDescription: String { file }
    }

    static let expectations: [Expectation] = [
        Expectation(
            file: "education/admissions-ranking.yaml", asOf: "2028-09-01", gate: .fail, route: "annex_iii", riskClass: "high",
            failing: ["EU-AIA-26-11", "EU-AIA-27-02"]),
        Expectation(
            file: "social_policy/benefits-eligibility.yaml", asOf: "2028-09-01", gate: .pass, route: "annex_iii",
            riskClass: "high", failing: []),
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
        #expect(report.derived.first { $0.namespace == "eu" && $0.name == "hr_route" }?.value == expected.route)
        #expect(report.derived.first { $0.namespace == "eu" && $0.name == "risk_class" }?.value == expected.riskClass)
        #expect(report.derived.first { $0.namespace == "eu" && $0.name == "in_scope" }?.value == "in")
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
