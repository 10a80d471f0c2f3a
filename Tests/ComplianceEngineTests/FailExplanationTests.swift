import Foundation
import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// Every built-in rule's fail examples, explained as the text report explains a failed finding,
/// compared whole with `Fixtures/golden/fail-explanations.txt`: the golden is where a reviewer
/// checks that no fact line reads backwards (a premise shown as something the law expects).
/// Regenerate after an intended change with `UPDATE_GOLDEN=1 swift test --filter FailExplanationTests`
/// and review the diff.
@Suite struct FailExplanationTests {
    static let golden = Fixtures.repositoryRoot + "/Tests/ComplianceEngineTests/Fixtures/golden/fail-explanations.txt"

    /// `RULE fail example N:` then the `fact:`, `or:` and `given:` lines, for every fail example.
    static func explanations(_ engine: Engine) -> String {
        var lines: [String] = []
        for rule in engine.library.rules.sorted(by: { $0.id < $1.id }) {
            for (index, example) in rule.examples.fail.enumerated() {
                lines.append("\(rule.id) fail example \(index + 1):")
                lines += TextReporter.factLines(engine.exampleFacts(of: rule, on: example))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func failExplanationsMatchTheGolden() throws {
        let rendered = Self.explanations(try Engine.builtIn())
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(rendered.utf8).write(to: URL(fileURLWithPath: Self.golden))
            return
        }
        let stored = try #require(
            try? String(contentsOfFile: Self.golden, encoding: .utf8),
            "no golden file; run UPDATE_GOLDEN=1 swift test --filter FailExplanationTests")
        #expect(rendered == stored, "fail explanations differ from \(Self.golden); if intended, regenerate and review the diff")
    }

    /// A failed `any` written as "not A, or B" names A as a premise and never as an expectation;
    /// of its other parts the first is required and the rest are alternatives.
    @Test func aFailedImplicationReadsAsAPremiseAndARequirement() throws {
        let engine = try Engine.builtIn()
        let rule = try #require(engine.library.rule("KZ-17-10"))
        let example = try Fixtures.document("data: {personal_data: true, legal_basis: consent, consent: {obtained: false}}")
        let lines = TextReporter.factLines(engine.exampleFacts(of: rule, on: example))
        #expect(
            lines == [
                "    given: data.legal_basis is consent",
                "    fact: data.consent.obtained is false, expected true",
            ])
    }

    @Test func alternativesReadAsOr() throws {
        let engine = try Engine.builtIn()
        let rule = try #require(engine.library.rule("KZ-16-06"))
        let example = try Fixtures.document(
            """
            capabilities: {interacts_with_people: true}
            purpose: {mandatory_use: false}
            rights: {refuse_ai: {available: false}}
            """)
        let lines = TextReporter.factLines(engine.exampleFacts(of: rule, on: example))
        #expect(
            lines == [
                "    fact: rights.refuse_ai.available is false, expected true",
                "      or: purpose.mandatory_use is false, expected true",
            ])
    }

    /// No premise is given an expectation, no negation is read as one ("expected not (…)"), and
    /// no derived fact is "expected" (no one sets it; the facts it is derived from change).
    @Test func noFactLineReadsBackwards() throws {
        let rendered = Self.explanations(try Engine.builtIn())
        for line in rendered.split(separator: "\n") {
            if line.hasPrefix("    given:") { #expect(!line.contains(", expected "), "a premise is expected: \(line)") }
            if line.hasPrefix("    fact:") || line.hasPrefix("      or:") {
                #expect(!line.contains("expected not ("), "a negation reads as an expectation: \(line)")
                #expect(!line.contains("derived."), "a derived fact is read as an expectation: \(line)")
            }
        }
    }
}
