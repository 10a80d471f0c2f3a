import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// The example systems of `examples/` give the outcomes `examples/README.md` promises, as of
/// 2026-11-29: the gate, the derived risk and autonomy levels and the failing rule ids.
@Suite struct ExampleSystemTests {
    struct Expectation: Sendable, CustomTestStringConvertible {
        let file: String
        let gate: GateResult
        let risk: String
        let autonomy: String
        let failing: [String]
        var testDescription: String { file }
    }

    static let expectations: [Expectation] = [
        Expectation(file: "governance/permit-precheck.yaml", gate: .pass, risk: "medium", autonomy: "low", failing: []),
        Expectation(
            file: "governance/citizen-chatbot.yaml", gate: .fail, risk: "medium", autonomy: "medium",
            failing: [
                "KZ-07-02", "KZ-09-01", "KZ-16-06", "KZ-18-01", "KZ-18-02", "KZ-21-01", "KZ-GOV-02", "KZ-GOV-05", "KZ-GOV-06",
                "KZ-GOV-07",
            ]),
        Expectation(file: "social_policy/tsa-eligibility.yaml", gate: .pass, risk: "medium", autonomy: "low", failing: []),
        Expectation(
            file: "social_policy/benefit-fraud-scorer.yaml", gate: .fail, risk: "medium", autonomy: "medium",
            failing: [
                "KZ-06-02", "KZ-07-02", "KZ-10-04", "KZ-18-02", "KZ-SOC-01", "KZ-SOC-02", "KZ-SOC-03", "KZ-SOC-04", "KZ-SOC-05",
                "KZ-SOC-06",
            ]),
        Expectation(file: "education/writing-tutor.yaml", gate: .pass, risk: "medium", autonomy: "low", failing: []),
        Expectation(
            file: "education/exam-proctoring.yaml", gate: .fail, risk: "medium", autonomy: "medium",
            failing: [
                "KZ-06-02", "KZ-09-01", "KZ-10-02", "KZ-16-06", "KZ-17-12", "KZ-EDU-02", "KZ-EDU-03", "KZ-EDU-04", "KZ-EDU-05",
                "KZ-EDU-06", "KZ-EDU-07",
            ]),
        Expectation(file: "healthcare/retinopathy-screening.yaml", gate: .pass, risk: "high", autonomy: "low", failing: []),
        Expectation(
            file: "healthcare/xray-triage.yaml", gate: .fail, risk: "high", autonomy: "low",
            failing: [
                "KZ-07-02", "KZ-10-01", "KZ-15-05", "KZ-18-01", "KZ-HC-01", "KZ-HC-02", "KZ-HC-06", "KZ-RISK-LEVEL-DECLARED",
            ]),
    ]

    @Test(arguments: expectations)
    func exampleOutcome(_ expected: Expectation) throws {
        let engine = try Engine.builtIn()
        let options = EvaluationOptions(asOf: Fixtures.date("2026-11-29"))
        let report = try engine.evaluate(file: Fixtures.repositoryRoot + "/examples/" + expected.file, options: options).get()
        #expect(report.gate == expected.gate)
        #expect(report.derived.first { $0.name == "risk_level" }?.value == expected.risk)
        #expect(report.derived.first { $0.name == "autonomy_level" }?.value == expected.autonomy)
        #expect(report.findings.filter { $0.status == .fail }.map(\.rule).sorted() == expected.failing)
        #expect(report.summary.unknown == 0)
        #expect(report.warnings == [])
    }

    @Test func everyExampleIsPinned() {
        let folder = Fixtures.repositoryRoot + "/examples"
        let files = FileSystem.files(under: folder, extensions: ["yaml"]).map { String($0.dropFirst(folder.count + 1)) }
            .filter { $0.split(separator: "/").count == 2 }
        #expect(files.sorted() == Self.expectations.map(\.file).sorted())
    }

    @Test func reportsAreDeterministic() throws {
        let engine = try Engine.builtIn()
        let options = EvaluationOptions(asOf: Fixtures.date("2026-11-29"))
        let path = Fixtures.repositoryRoot + "/examples/healthcare/xray-triage.yaml"
        let first = JSONReporter.render(engine.report([engine.evaluate(file: path, options: options)], options: options))
        let second = JSONReporter.render(engine.report([engine.evaluate(file: path, options: options)], options: options))
        #expect(first == second)
    }
}
