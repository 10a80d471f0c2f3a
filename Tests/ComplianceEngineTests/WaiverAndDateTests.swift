import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// Waivers, effective dates, `until`, derived facts and the gate (DESIGN §4.4, §4.5).
@Suite struct WaiverAndDateTests {
    static let failing = Fixtures.system(
        """
        capabilities: {interacts_with_people: true, social_scoring: false}
        transparency: {ai_notice: {provided: false}}

        """)

    func waiverText(rule: String, expires: String) -> String {
        "waivers:\n  - {rule: \(rule), reason: Notice ships in v2, approved_by: Legal, ticket: LEGAL-12, expires: \(expires)}\n"
    }

    @Test func validWaiverTurnsFailIntoWaivedAndKeepsTheOutcome() throws {
        let yaml = Self.failing + waiverText(rule: "T-NOTICE", expires: "2026-12-31")
        let finding = try Fixtures.finding("T-NOTICE", in: Fixtures.evaluate(yaml))
        #expect(finding.status == .waived)
        #expect(finding.originalStatus == .fail)
        #expect(finding.waiver?.ticket == "LEGAL-12")
        #expect(finding.reason == "waived until 2026-12-31 by Legal: Notice ships in v2")
    }

    @Test func expiredWaiverIsIgnoredWithAWarning() throws {
        let yaml = Self.failing + waiverText(rule: "T-NOTICE", expires: "2026-05-31")
        let report = try Fixtures.evaluate(yaml).get()
        #expect(report.findings.first { $0.rule == "T-NOTICE" }?.status == .fail)
        #expect(
            report.warnings.map(\.description).contains(
                "system.yaml:13:5: warning: waiver of T-NOTICE expired on 2026-05-31 and is ignored"))
    }

    @Test func waiverOfUnknownRuleIsAnError() throws {
        let yaml = Self.failing + waiverText(rule: "T-NOTIC", expires: "2026-12-31")
        let result = try Fixtures.evaluate(yaml)
        guard case .failure(let problems) = result else {
            Issue.record("expected an error")
            return
        }
        #expect(problems.description == "system.yaml:13:5: error: waiver names unknown rule 'T-NOTIC'; did you mean 'T-NOTICE'?")
    }

    @Test func waiverOfNonWaivableRuleIsAnError() throws {
        let yaml = Self.failing + waiverText(rule: "T-SCORING", expires: "2026-12-31")
        guard case .failure(let problems) = try Fixtures.evaluate(yaml) else {
            Issue.record("expected an error")
            return
        }
        #expect(
            problems.description
                == "system.yaml:13:5: error: rule T-SCORING cannot be waived (prohibited_practice); remove the waiver")
    }

    @Test func externalWaiversApplyToTheirSystem() throws {
        var options = EvaluationOptions(asOf: Fixtures.asOf)
        options.waivers = [
            Waiver(rule: "T-NOTICE", reason: "r", approvedBy: "a", expires: Fixtures.date("2026-12-31"), system: "other"),
            Waiver(rule: "T-NOTICE", reason: "r", approvedBy: "a", expires: Fixtures.date("2026-12-31"), system: "demo"),
        ]
        let finding = try Fixtures.finding("T-NOTICE", in: Fixtures.evaluate(Self.failing, options: options))
        #expect(finding.status == .waived)
    }

    @Test func ruleOfALaterInstrumentIsUpcomingWithItsWouldBeOutcome() throws {
        let finding = try Fixtures.finding("T-LATER", in: Fixtures.evaluate(Self.failing))
        #expect(finding.status == .upcoming)
        #expect(finding.originalStatus == .fail)
        #expect(finding.reason == "takes effect on 2027-01-01")
        let later = try Fixtures.finding(
            "T-LATER", in: Fixtures.evaluate(Self.failing, options: EvaluationOptions(asOf: Fixtures.date("2027-01-01"))))
        #expect(later.status == .fail)
    }

    @Test func ruleAfterItsUntilDateIsNotApplicable() throws {
        let finding = try Fixtures.finding("T-UNTIL", in: Fixtures.evaluate(Self.failing))
        #expect(finding.status == .notApplicable)
        #expect(finding.reason == "the rule applied until 2026-06-01")
        let before = try Fixtures.finding(
            "T-UNTIL", in: Fixtures.evaluate(Self.failing, options: EvaluationOptions(asOf: Fixtures.date("2026-05-31"))))
        #expect(before.status == .unknown)
        #expect(before.missing == ["transparency.support_contact"])
    }

    @Test func sectorRulesApplyOnlyToTheirSector() throws {
        let education = try Fixtures.finding("T-HC-LOCAL", in: Fixtures.evaluate(Self.failing))
        #expect(education.status == .notApplicable)
        #expect(education.reason == "applies to the healthcare sector; the system's sectors are education")
        let healthcare = Fixtures.system("quality: {accuracy: {local_population: false}}\n", sectors: "[healthcare]")
        #expect(try Fixtures.finding("T-HC-LOCAL", in: Fixtures.evaluate(healthcare)).status == .fail)
    }

    @Test func underClassificationIsReported() throws {
        let yaml = Fixtures.system("risk: {level: medium, disruption_impact: [health_or_life]}\n")
        let report = try Fixtures.evaluate(yaml).get()
        let finding = try #require(report.findings.first { $0.rule == "T-RISK-LEVEL-DECLARED" })
        #expect(finding.status == .fail)
        #expect(finding.severity == .high)
        #expect(finding.category == .riskManagement)
        #expect(finding.citation.articleReference == "Art. 17(1)")
        #expect(
            finding.message
                == "The declared value of risk.level is medium, but the law indicates high: Disruption could harm health.")
        #expect(finding.facts.first?.location.description == "system.yaml:10:15")
        #expect(report.derived.first?.value == "high")
        #expect(report.derived.first?.declared == "medium")
    }

    @Test func stricterDeclarationPasses() throws {
        let yaml = Fixtures.system("risk: {level: high, disruption_impact: [moral_harm]}\n")
        let finding = try Fixtures.finding("T-RISK-LEVEL-DECLARED", in: Fixtures.evaluate(yaml))
        #expect(finding.status == .pass)
    }

    @Test func unknownDerivationNamesTheMissingFacts() throws {
        let report = try Fixtures.evaluate(Fixtures.system("risk: {level: medium}\n")).get()
        let finding = try #require(report.findings.first { $0.rule == "T-RISK-LEVEL-DECLARED" })
        #expect(finding.status == .unknown)
        #expect(finding.missing == ["risk.disruption_impact"])
        #expect(report.derived.first?.value == nil)
    }

    @Test func gateFollowsThresholdAndUnknownPolicy() throws {
        // T-NOTICE fails (high); T-REVIEW and others are unknown (medium).
        func gate(_ failOn: GateThreshold, _ unknown: UnknownPolicy) throws -> GateResult {
            try Fixtures.evaluate(
                Self.failing, options: EvaluationOptions(asOf: Fixtures.asOf, failOn: failOn, unknownPolicy: unknown)
            )
            .get().gate
        }
        #expect(try gate(.low, .fail) == .fail)
        #expect(try gate(.critical, .warn) == .pass)
        #expect(try gate(.high, .warn) == .fail)
        #expect(try gate(.never, .fail) == .pass)
        let passingNotice = Self.failing.replacing("provided: false", with: "provided: true")
        let onlyUnknowns = try Fixtures.evaluate(
            passingNotice, options: EvaluationOptions(asOf: Fixtures.asOf, unknownPolicy: .warn)
        ).get()
        #expect(onlyUnknowns.gate == .pass)
        #expect(onlyUnknowns.summary.unknown > 0)
    }

    @Test func findingsAreSortedByStatusSeverityAndID() throws {
        let report = try Fixtures.evaluate(Self.failing).get()
        let order = report.findings.map { "\($0.status.rawValue) \($0.severity.rawValue) \($0.rule)" }
        #expect(
            order == [
                "fail high T-NOTICE",
                "unknown high T-RISK-LEVEL-DECLARED", "unknown medium T-PROCEDURE", "unknown medium T-REVIEW",
                "unknown low T-DATASETS", "unknown info T-INFO",
                "upcoming medium T-LATER",
                "pass critical T-SCORING",
                "not_applicable high T-HC-LOCAL", "not_applicable low T-UNTIL",
            ])
    }
}
