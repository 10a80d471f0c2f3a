import Testing

/// `rules list` and `rules explain` know the derived-level findings (`KZ-RISK-LEVEL-DECLARED`),
/// which used to be "unknown rule".
@Suite(
    .enabled(
        if: CLIRunner.binary != nil,
        "the compliance-check binary was not found next to the test bundle; run `swift build` first"))
struct DerivedRuleCommandTests {
    @Test func rulesListShowsTheDerivedChecks() throws {
        let output = try CLIRunner.run(["rules", "list"])
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.contains(
                "  KZ-RISK-LEVEL-DECLARED  high  all  The declared risk degree is not below the Art. 17(1) impact test  [Art. 17(1), statute]"
            ))
        #expect(lines.contains { $0.hasPrefix("  KZ-AUTONOMY-LEVEL-DECLARED  medium  all  ") })
    }

    @Test func rulesExplainExplainsADerivedCheck() throws {
        let output = try CLIRunner.run(["rules", "explain", "KZ-RISK-LEVEL-DECLARED"])
        #expect(output.status == 0)
        #expect(output.stderr == "")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "KZ-RISK-LEVEL-DECLARED: The declared risk degree is not below the Art. 17(1) impact test")
        #expect(lines.contains("  risk.level is at least derived.kz.risk_level (order, lowest first: minimal, medium, high)"))
        #expect(lines.contains("  always, from 2026-01-18"))
    }

    @Test func anUnknownIdSuggestsTheDerivedChecks() throws {
        let output = try CLIRunner.run(["rules", "explain", "KZ-RISK-LEVEL-DECLARD"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("did you mean 'KZ-RISK-LEVEL-DECLARED'?"))
    }
}
