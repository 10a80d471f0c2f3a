import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// Engine behaviour the Kazakhstan pack relies on (issue 10): the derived-level findings take
/// their fields and dates from the pack, every citation reaches every report format, lifecycle
/// stages, and the law version date in the pack lists.
@Suite struct KZPackReadingTests {
    /// A healthcare system declared medium-risk whose disruption can harm health.
    static let underDeclared = Fixtures.system(
        """
        risk: {level: medium, disruption_impact: [health_or_life]}
        autonomy: {level: low}
        """, sectors: "[healthcare]")

    static func report(_ yaml: String, asOf: String) throws -> SystemReport {
        let engine = try Engine.builtIn()
        return try engine.evaluate(
            Fixtures.document(yaml), options: EvaluationOptions(asOf: Fixtures.date(asOf)), evidenceRoot: nil
        )
        .get()
    }

    @Test func derivedLevelFindingIsUpcomingBeforeTheLawApplies() throws {
        let before = try Self.report(Self.underDeclared, asOf: "2026-01-10")
        let finding = try #require(before.findings.first { $0.rule == "KZ-RISK-LEVEL-DECLARED" })
        #expect(finding.status == .upcoming)
        #expect(finding.originalStatus == .fail)
        #expect(finding.reason == "takes effect on 2026-01-18")
        #expect(!before.findings.contains { $0.status == .fail })

        let after = try Self.report(Self.underDeclared, asOf: "2026-02-01")
        let failing = try #require(after.findings.first { $0.rule == "KZ-RISK-LEVEL-DECLARED" })
        #expect(failing.status == .fail)
        #expect(failing.title == "The declared risk degree is not below the Art. 17(1) impact test")
        #expect(failing.severity == .high && failing.category == .riskManagement)
        #expect(failing.remediation.hasPrefix("Classify the system by the impact of its disruption or termination"))
        #expect(failing.facts.map(\.note) == ["the law indicates high"])
        // KZ-17-01 no longer repeats the comparison: the degree is declared, so it passes.
        #expect(after.findings.first { $0.rule == "KZ-17-01" }?.status == .pass)
    }

    @Test func autonomyCheckTakesItsWeightFromThePack() throws {
        let engine = try Engine.builtIn()
        let derivation = try #require(engine.library.derivation(declaredRuleID: "KZ-AUTONOMY-LEVEL-DECLARED"))
        #expect(derivation.check.severity == .medium)
        #expect(derivation.check.category == .humanOversight)
        #expect(derivation.check.effective == Fixtures.date("2026-01-18"))
        #expect(
            engine.library.declaredChecks.map(\.declaredRuleID).filter { $0.hasPrefix("KZ-") } == [
                "KZ-RISK-LEVEL-DECLARED", "KZ-AUTONOMY-LEVEL-DECLARED",
            ])
        #expect(engine.library.derivation(declaredRuleID: "KZ-17-01") == nil)
    }

    @Test func derivedCheckIsExplained() throws {
        let engine = try Engine.builtIn()
        let derivation = try #require(engine.library.derivation(declaredRuleID: "KZ-AUTONOMY-LEVEL-DECLARED"))
        let text = RuleExplainer.explain(derivation, pack: "kz-ai-law", instruments: [:])
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "KZ-AUTONOMY-LEVEL-DECLARED: The declared autonomy degree is not below the Art. 17(2) definitions")
        #expect(lines.contains("  autonomy.level is at least derived.kz.autonomy_level (order, lowest first: low, medium, high)"))
        #expect(lines.contains("  otherwise low"))
        #expect(lines.contains("    cites: kz-ai-law, Art. 17(2)(3) (basis: interpretation)"))
    }

    /// Art. 17(2)(3) is about deciding: an information-only system is low whatever its override.
    @Test(arguments: [
        ("information", "false", "false", "low"), ("recommendation", "true", "false", "low"),
        ("recommendation", "false", "false", "high"), ("decision", "true", "true", "medium"),
        ("decision", "false", "false", "high"),
    ])
    func autonomyIsDerivedFromWhoDecides(_ output: String, _ human: String, _ override: String, _ level: String) throws {
        let report = try Self.report(
            Fixtures.system(
                """
                autonomy: {human_final_decision: \(human), human_override: \(override)}
                """, sectors: "[other]"
            ).replacing("intended_use: Testing.", with: "intended_use: Testing.\n  output: \(output)"),
            asOf: "2026-06-01")
        #expect(report.derived.first { $0.name == "autonomy_level" }?.value == level)
    }

    @Test func operationalRulesDoNotApplyBeforeOperation() throws {
        let design = try Self.report(
            Fixtures.system("oversight: {monitoring: {in_place: false}}", sectors: "[other]")
                .replacing("sectors: [other]", with: "sectors: [other]\n  lifecycle: design"), asOf: "2026-06-01")
        let monitoring = try #require(design.findings.first { $0.rule == "KZ-08-05" })
        #expect(monitoring.status == .notApplicable)
        #expect(monitoring.reason == "applies in the lifecycle stage(s) pilot, production; the system is in design")
        #expect(design.findings.first { $0.rule == "KZ-08-06" }?.status == .notApplicable)

        let retired = try Self.report(
            Fixtures.system("oversight: {monitoring: {in_place: false}}", sectors: "[other]")
                .replacing("sectors: [other]", with: "sectors: [other]\n  lifecycle: retired"), asOf: "2026-06-01")
        #expect(retired.findings.first { $0.rule == "KZ-08-05" }?.status == .notApplicable)
        #expect(retired.findings.first { $0.rule == "KZ-08-06" }?.status == .unknown)

        let undeclared = try Self.report(
            Fixtures.system("oversight: {monitoring: {in_place: false}}", sectors: "[other]"), asOf: "2026-06-01")
        #expect(undeclared.findings.first { $0.rule == "KZ-08-05" }?.status == .fail)
        #expect(
            undeclared.findings.first { $0.rule == "KZ-08-06" }?.reason
                == "applies in the lifecycle stage(s) retired; system.lifecycle is not declared, so the system is taken to be in production"
        )
    }

    @Test func unknownStageIsRejectedAtLoad() {
        let pack = """
            apiVersion: compliance-check/v1
            kind: RulePack
            id: t
            namespace: t
            title: T
            jurisdiction: KZ
            version: 0.0.1
            law_version_date: 2025-11-17
            instruments: [{id: law, title: Law, effective: 2026-01-18}]
            """
        let rules = """
            apiVersion: compliance-check/v1
            kind: RuleSet
            sector: all
            rules:
              - id: T-01
                title: T
                category: documentation
                severity: low
                citation: {instrument: law, article: "1", basis: statute}
                stages: [operation]
                require: {oversight.stop_capability: true}
                message: M
                remediation: R
                examples: {pass: [{oversight: {stop_capability: true}}], fail: [{oversight: {stop_capability: false}}]}
            """
        do {
            _ = try Fixtures.library([("t/pack.yaml", pack), ("t/all.yaml", rules)])
            Issue.record("an unknown stage was accepted")
        } catch {
            #expect(
                error.diagnostics.map(\.message) == [
                    "rule T-01: stage 'operation' is not a value of system.lifecycle (design, development, pilot, production, retired)"
                ])
        }
    }

    @Test func everyCitationReachesEveryFormat() throws {
        let engine = try Engine.builtIn()
        let yaml = Fixtures.system("transparency: {user_agreement: {shown_before_use: false}}", sectors: "[other]")
        let system = try engine.evaluate(
            Fixtures.document(yaml), options: EvaluationOptions(asOf: Fixtures.date("2026-06-01")), evidenceRoot: nil)
        let report = engine.report([system], asOf: Fixtures.date("2026-06-01"))
        let finding = try #require(try system.get().findings.first { $0.rule == "KZ-15-07" })
        #expect(finding.status == .fail)
        #expect(finding.allCitations.map(\.articleReference) == ["Art. 15(2)(5)", "Art. 16(1)(1)"])
        // The instrument is named once for consecutive citations of it.
        let both = "Art. 15(2)(5) [secondary]; Art. 16(1)(1) [statute]"
        #expect(
            TextReporter.render(report).contains(
                "    cite: Law of the Republic of Kazakhstan \"On Artificial Intelligence\" No. 230-VIII, " + both))
        #expect(
            JUnitReporter.render(report).contains(
                "cite: Law of the Republic of Kazakhstan \"On Artificial Intelligence\" No. 230-VIII, " + both))
        #expect(MarkdownReporter.render(report).contains("Art. 16(1)(1) \\[statute\\]"))
        let json = JSONReporter.render(report)
        #expect(json.contains("\"citations\": ["))
        #expect(json.contains("\"subparagraph\": \"1\",\n              \"basis\": \"statute\""))
        let sarif = SARIFReporter.render(report)
        #expect(sarif.contains("\"citations\": ["))
        #expect(sarif.contains("Art. 16(1)(1) [statute]"))
    }

    @Test func factRolesReachJSONAndText() throws {
        let engine = try Engine.builtIn()
        let yaml = Fixtures.system(
            "data: {personal_data: true, legal_basis: consent, consent: {obtained: false}}", sectors: "[other]")
        let asOf = Fixtures.date("2026-06-01")
        let system = try engine.evaluate(Fixtures.document(yaml), options: EvaluationOptions(asOf: asOf), evidenceRoot: nil)
        let finding = try #require(try system.get().findings.first { $0.rule == "KZ-17-10" })
        #expect(finding.facts.map(\.role) == [.given, .required])
        let report = engine.report([system], asOf: asOf)
        let json = try JSONTextEncoder.encode(finding.facts[0], pretty: false)
        #expect(json.hasSuffix(",\"role\":\"given\"}"))
        #expect(!(try JSONTextEncoder.encode(finding.facts[1], pretty: false).contains("role")))
        #expect(
            TextReporter.render(report).contains(
                "    given: data.legal_basis is consent\n    fact: data.consent.obtained is false, expected true\n"))
    }

    @Test func lawVersionDateIsInEveryPackList() throws {
        let engine = try Engine.builtIn()
        #expect(engine.packInfo.first { $0.id == "kz-ai-law" }?.lawVersionDate == Fixtures.date("2025-11-17"))
        let report = engine.report([], asOf: Fixtures.date("2026-06-01"))
        #expect(JSONReporter.render(report).contains("\"law_version_date\": \"2025-11-17\""))
        #expect(SARIFReporter.render(report).contains("\"law_version_date\": \"2025-11-17\""))
        #expect(MarkdownReporter.render(report).contains("1.0.0, law text of 2025-11-17)"))
    }
}
