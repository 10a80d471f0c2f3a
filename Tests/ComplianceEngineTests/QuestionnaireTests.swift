import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// The facts still to declare, ranked by the rules they decide (`compliance-check questions`).
@Suite struct QuestionnaireTests {
    static func finding(_ rule: String, _ status: Status, missing: [String]) -> Finding {
        Finding(
            rule: rule, title: rule, status: status, severity: .high, category: .transparency, pack: "kz-ai-law",
            sector: "all", citation: Citation(instrument: "kz-ai-law", article: "21", basis: .statute), message: "",
            remediation: "", facts: [], missing: missing, reason: nil, originalStatus: nil, waiver: nil)
    }

    static func report(_ findings: [Finding], derived: [DerivedFact] = []) -> SystemReport {
        SystemReport(
            file: "system.yaml", systemID: "demo", systemName: "Demo", gate: .fail, derived: derived,
            summary: Summary(findings), findings: findings, warnings: [])
    }

    @Test func eachMissingFactOnceMostRulesFirstThenByPath() throws {
        let report = Self.report(
            [
                Self.finding("KZ-21-01", .unknown, missing: ["capabilities.interacts_with_people"]),
                Self.finding("KZ-16-01", .unknown, missing: ["transparency.user_agreement.url", "purpose.affects_rights"]),
                Self.finding("KZ-07-02", .unknown, missing: ["purpose.affects_rights", "purpose.affects_rights"]),
                Self.finding("KZ-17-02", .unknown, missing: ["risk.disruption_impact", "derived.kz.risk_level"]),
                Self.finding("KZ-99-01", .fail, missing: ["risk.level"]),
                Self.finding("KZ-99-02", .pass, missing: []),
            ],
            derived: [
                DerivedFact(
                    namespace: "kz", name: "risk_level", value: nil, declared: nil, because: nil, citation: nil,
                    missing: ["risk.disruption_impact", "risk.critical_ict_object"]),
                DerivedFact(
                    namespace: "kz", name: "autonomy_level", value: "low", declared: nil, because: nil, citation: nil,
                    missing: []),
            ])
        let questions = Questionnaire.questions(for: report, vocabulary: try BuiltInRules.vocabulary())
        #expect(
            questions.map(\.path) == [
                "purpose.affects_rights", "capabilities.interacts_with_people", "risk.disruption_impact",
                "transparency.user_agreement.url", "risk.critical_ict_object",
            ])
        #expect(questions.map(\.rules) == [["KZ-07-02", "KZ-16-01"], ["KZ-21-01"], ["KZ-17-02"], ["KZ-16-01"], []])
        #expect(questions[2].derives == ["derived.kz.risk_level"])
        #expect(questions[4].derives == ["derived.kz.risk_level"])
        #expect(questions[0].law == "kz-ai-law Art. 16(1)(4)")
        #expect(
            Questionnaire.render(Array(questions.prefix(1)) + Array(questions.suffix(2))) == """
                3 facts still to declare
                purpose.affects_rights — The system's results affect people's rights, freedoms or legitimate interests. (decides 2 rules: KZ-07-02, KZ-16-01)
                transparency.user_agreement.url — Where users can read the user agreement. (decides 1 rule: KZ-16-01)
                risk.critical_ict_object — The system is a critically important object of information and communication infrastructure. (derives derived.kz.risk_level)

                """)
    }

    @Test func nothingToDeclareWhenNothingIsUnknown() throws {
        let report = Self.report([Self.finding("KZ-99-01", .fail, missing: [])])
        let questions = Questionnaire.questions(for: report, vocabulary: try BuiltInRules.vocabulary())
        #expect(questions.isEmpty)
        #expect(Questionnaire.render(questions) == "0 facts still to declare\n")
    }

    @Test func questionsOfAnEvaluatedSystemAreRankedAndNeverDerived() throws {
        let engine = try Engine.builtIn()
        let system: Value = [
            "apiVersion": "compliance-check/v1",
            "kind": "AISystem",
            "system": ["id": "demo", "name": "Demo", "jurisdictions": ["KZ"], "sectors": ["education"]],
            "purpose": ["intended_use": "Grades essays for teachers to review.", "affects_rights": true],
            "capabilities": ["interacts_with_people": true, "synthetic_media": false],
        ]
        let date = try #require(CalendarDate(year: 2026, month: 6, day: 1))
        let report = try engine.evaluate(system, options: EvaluationOptions(asOf: date)).get()
        let questions = Questionnaire.questions(for: report, vocabulary: engine.library.vocabulary)
        #expect(!questions.isEmpty)
        let paths = questions.map(\.path)
        #expect(Set(paths).count == paths.count)
        #expect(!paths.contains { $0.hasPrefix("derived.") })
        // Declared facts are not asked again.
        #expect(!paths.contains("purpose.affects_rights"))
        #expect(!paths.contains("capabilities.interacts_with_people"))
        // Ranked: most rules first, ties by path.
        for (first, second) in zip(questions, questions.dropFirst()) {
            #expect(
                first.rules.count > second.rules.count || (first.rules.count == second.rules.count && first.path < second.path))
        }
        // Every unknown finding's missing facts are asked, and name that rule.
        for finding in report.findings where finding.status == .unknown {
            for path in finding.missing where !path.hasPrefix("derived.") {
                #expect(questions.first { $0.path == path }?.rules.contains(finding.rule) == true, "\(path)")
            }
        }
        #expect(questions.allSatisfy { !$0.meaning.isEmpty })
    }
}
