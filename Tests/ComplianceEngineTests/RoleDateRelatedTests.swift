import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// The rule-language extensions of the EU pack: `bearer:` with the pack's `roles:` (declared roles
/// plus roles added by derived facts), `effective:` dates that depend on facts, and `related:`.
@Suite struct RoleDateRelatedTests {
    static let vocabulary = """
        apiVersion: compliance-check/v1
        kind: Vocabulary
        facts:
          - {path: system, type: object, required: true, meaning: The system.}
          - {path: system.id, type: string, required: true, meaning: Id.}
          - {path: system.name, type: string, required: true, meaning: Name.}
          - {path: system.jurisdictions, type: list, of: string, required: true, meaning: Where.}
          - {path: system.sectors, type: list, of: enum, values: [other], required: true, meaning: Sectors.}
          - {path: op, type: object, meaning: Operator.}
          - {path: op.roles, type: list, of: enum, values: [provider, deployer, importer], meaning: Roles held.}
          - {path: op.rebrands, type: bool, meaning: Puts its own name on the system.}
          - {path: op.route, type: enum, values: [none, a, b], meaning: Route.}
          - {path: op.flag, type: bool, meaning: A flag.}
          - {path: op.notice, type: bool, meaning: Notice given.}

        """

    static let manifest = """
        apiVersion: compliance-check/v1
        kind: RulePack
        id: demo
        namespace: demo
        title: Demo
        jurisdiction: EU
        version: 1.0.0
        instruments:
          - {id: act, title: The Act, effective: 2025-01-01}
        roles:
          fact: op.roles
          added_by: [derived.demo.requalified]
        derive:
          - name: requalified
            values: [none, provider]
            cases:
              - value: provider
                when: {op.roles: {contains: importer}, op.rebrands: true}
                because: Rebranding makes the importer the provider.
                citation: {instrument: act, article: "25", basis: statute}
            default: none

        """

    static func rules(_ body: String) -> String {
        """
        apiVersion: compliance-check/v1
        kind: RuleSet
        sector: all
        rules:
        \(body)
        """
    }

    static let noticeRule = """
          - id: D-1
            title: Notice
            category: transparency
            severity: high
            citation: {instrument: act, article: "50", basis: statute}
            bearer: provider
            effective:
              - {when: {op.route: a}, date: 2027-12-02}
              - {when: {op.route: b}, date: 2028-08-02}
              - {date: 2026-08-02}
            require: {op.notice: true}
            related: [{rule: D-2, relation: subset-of}]
            message: No notice.
            remediation: Give the notice.
            examples:
              pass: [{op: {roles: [provider], route: none, notice: true}}]
              fail: [{op: {roles: [importer], rebrands: true, route: none, notice: false}}]
          - id: D-2
            title: Other notice
            category: transparency
            severity: low
            citation: {instrument: act, article: "51", basis: statute}
            bearer: [deployer, importer]
            require: {op.notice: true}
            message: No notice.
            remediation: Give it.
            examples:
              pass: [{op: {roles: [deployer], notice: true}}]
              fail: [{op: {roles: [importer], notice: false}}]
        """

    static func library(rules: String = noticeRule, manifest: String = manifest) throws(DiagnosticList) -> RuleLibrary {
        try Fixtures.library([
            ("vocabulary.yaml", vocabulary), ("demo/pack.yaml", manifest), ("demo/all.yaml", Self.rules(rules)),
        ])
    }

    static func evaluate(_ facts: String, asOf: String) throws -> SystemReport {
        let engine = try Engine(library: library())
        let yaml = """
            apiVersion: compliance-check/v1
            kind: AISystem
            system: {id: demo, name: Demo, jurisdictions: [EU], sectors: [other]}
            \(facts)

            """
        let options = EvaluationOptions(asOf: Fixtures.date(asOf))
        return try engine.evaluate(Fixtures.document(yaml), options: options, evidenceRoot: nil).get()
    }

    static func errors(_ body: () throws(DiagnosticList) -> RuleLibrary) -> [String] {
        do {
            _ = try body()
            return []
        } catch {
            return error.diagnostics.map(\.message)
        }
    }

    // MARK: Roles

    @Test func ruleAppliesOnlyToItsBearer() throws {
        let report = try Self.evaluate("op: {roles: [deployer], route: none, notice: false}", asOf: "2026-09-01")
        let finding = try #require(report.findings.first { $0.rule == "D-1" })
        #expect(finding.status == .notApplicable)
        #expect(finding.reason == "the duty falls on the provider; the system's roles are deployer")
        #expect(report.findings.first { $0.rule == "D-2" }?.status == .fail)
    }

    @Test func derivedRequalificationAddsTheRole() throws {
        let report = try Self.evaluate(
            "op: {roles: [importer], rebrands: true, route: none, notice: false}", asOf: "2026-09-01")
        #expect(report.findings.first { $0.rule == "D-1" }?.status == .fail)
        #expect(report.derived.first { $0.name == "requalified" }?.value == "provider")
    }

    @Test func undeclaredRolesAreUnknown() throws {
        let report = try Self.evaluate("op: {route: none, notice: false}", asOf: "2026-09-01")
        let finding = try #require(report.findings.first { $0.rule == "D-1" })
        #expect(finding.status == .unknown)
        #expect(finding.missing == ["op.rebrands", "op.roles"])
    }

    @Test func bearerMustBeARoleOfThePack() {
        let bad = Self.noticeRule.replacing("bearer: provider", with: "bearer: provder")
        #expect(
            Self.errors { () throws(DiagnosticList) in try Self.library(rules: bad) }
                == ["unknown role 'provder'; the roles of op.roles are provider, deployer, importer; did you mean 'provider'?"])
        let noRoles = Self.manifest.replacing("roles:\n  fact: op.roles\n  added_by: [derived.demo.requalified]\n", with: "")
        #expect(
            Self.errors { () throws(DiagnosticList) in try Self.library(manifest: noRoles) }.contains(
                "rule D-1 names a bearer but pack.yaml declares no 'roles' (the fact holding the system's roles)"))
    }

    @Test func rolesFactMustBeAListOfEnums() {
        let bad = Self.manifest.replacing("fact: op.roles", with: "fact: op.route")
        #expect(
            Self.errors { () throws(DiagnosticList) in try Self.library(manifest: bad) }.first
                == "roles fact 'op.route' must be a list of enum values (the roles), found enum")
    }

    // MARK: Dates that depend on facts

    @Test func dateChosenByFactsIsReportedAndGatesUpcoming() throws {
        let before = try Self.evaluate("op: {roles: [provider], route: a, notice: false}", asOf: "2027-12-01")
        let upcoming = try #require(before.findings.first { $0.rule == "D-1" })
        #expect(upcoming.status == .upcoming)
        #expect(upcoming.originalStatus == .fail)
        #expect(upcoming.reason == "takes effect on 2027-12-02")
        #expect(upcoming.effective == Fixtures.date("2027-12-02"))

        let after = try Self.evaluate("op: {roles: [provider], route: a, notice: false}", asOf: "2027-12-02")
        let failing = try #require(after.findings.first { $0.rule == "D-1" })
        #expect(failing.status == .fail)
        #expect(failing.effective == Fixtures.date("2027-12-02"))
        #expect(after.gate == .fail)

        let routeB = try Self.evaluate("op: {roles: [provider], route: b, notice: false}", asOf: "2027-12-02")
        #expect(routeB.findings.first { $0.rule == "D-1" }?.status == .upcoming)
        let noRoute = try Self.evaluate("op: {roles: [provider], route: none, notice: false}", asOf: "2026-09-01")
        #expect(noRoute.findings.first { $0.rule == "D-1" }?.effective == Fixtures.date("2026-08-02"))
    }

    @Test func unknownDateIsUnknownOnlyBetweenTheCandidateDates() throws {
        let early = try Self.evaluate("op: {roles: [provider], notice: false}", asOf: "2026-01-01")
        #expect(early.findings.first { $0.rule == "D-1" }?.status == .upcoming)
        let between = try Self.evaluate("op: {roles: [provider], notice: false}", asOf: "2027-01-01")
        let finding = try #require(between.findings.first { $0.rule == "D-1" })
        #expect(finding.status == .unknown)
        #expect(finding.missing == ["op.route"])
        let late = try Self.evaluate("op: {roles: [provider], notice: false}", asOf: "2028-09-01")
        #expect(late.findings.first { $0.rule == "D-1" }?.status == .fail)
    }

    @Test func effectiveCasesAreCheckedStatically() {
        let noDefault = Self.noticeRule.replacing("      - {date: 2026-08-02}\n", with: "")
        #expect(
            Self.errors { () throws(DiagnosticList) in try Self.library(rules: noDefault) }
                == ["rule D-1: the last 'effective' case is the default and takes no 'when'"])
        let badFact = Self.noticeRule.replacing("{when: {op.route: a}", with: "{when: {op.rout: a}")
        #expect(
            Self.errors { () throws(DiagnosticList) in try Self.library(rules: badFact) }
                == ["unknown fact 'op.rout'; did you mean 'op.route'?"])
    }

    @Test func jsonShowsTheDateThatApplied() throws {
        let engine = try Engine(library: Self.library())
        let report = try Self.evaluate("op: {roles: [provider], route: a, notice: false}", asOf: "2027-12-02")
        let json = JSONReporter.render(engine.report([.success(report)], asOf: Fixtures.date("2027-12-02")))
        #expect(json.contains(#""effective": "2027-12-02""#))
    }

    // MARK: Related rules

    @Test func relatedRulesMustExistAndRelationsMustBeKnown() throws {
        #expect(try Self.library().relatedRuleProblems().isEmpty)
        let missing = Self.noticeRule.replacing("{rule: D-2, relation: subset-of}", with: "{rule: D-3, relation: subset-of}")
        #expect(
            try Self.library(rules: missing).relatedRuleProblems().map(\.message)
                == ["rule D-1 is related to 'D-3', which no loaded pack defines; did you mean 'D-1'?"])
        let badRelation = Self.noticeRule.replacing("relation: subset-of", with: "relation: same-as")
        #expect(
            Self.errors { () throws(DiagnosticList) in try Self.library(rules: badRelation) }.first?.hasPrefix(
                "'relation' must be one of") == true)
        let library = try Self.library()
        #expect(library.relatedRules(of: "D-2").map(\.rule) == ["D-1"])
        #expect(library.relatedRules(of: "D-2").map(\.relation) == [.supersetOf])
    }

    @Test func examplesRunWithRoles() throws {
        let engine = try Engine(library: Self.library())
        #expect(engine.checkExamples().map(\.description) == [])
    }
}
