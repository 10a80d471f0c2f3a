import ComplianceEngine
import ComplianceRules
import Testing

/// The embedding example of the README works as written (without `@testable`).
@Suite struct EmbeddingTests {
    @Test func readmeExample() throws {
        let engine = try Engine.builtIn()
        let asOf = try #require(CalendarDate(year: 2026, month: 11, day: 29))
        let options = EvaluationOptions(asOf: asOf, failOn: .medium)
        let system: Value = [
            "apiVersion": "compliance-check/v1", "kind": "AISystem",
            "system": ["id": "demo", "name": "Demo", "jurisdictions": ["KZ"], "sectors": ["education"]],
            "purpose": ["intended_use": "Marks essays."],
            "capabilities": ["interacts_with_people": true],
        ]
        let report = try engine.evaluate(system, options: options).get()
        #expect(report.gate == .fail)
        #expect(report.findings.contains { $0.rule == "KZ-21-01" && $0.status == .unknown })
        let json = JSONReporter.render(engine.report([.success(report)], options: options))
        #expect(
            json.hasPrefix("{\n  \"schema\": \"compliance-check/report/v2\",\n  \"tool\": {\n    \"name\": \"compliance-check\",")
        )
    }
}
