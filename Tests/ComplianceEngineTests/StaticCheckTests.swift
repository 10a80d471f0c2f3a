import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// Each static check of DESIGN §4.1 fails closed with the whole message and its position.
@Suite struct StaticCheckTests {
    static let manifest = """
        apiVersion: compliance-check/v1
        kind: RulePack
        id: p
        namespace: p
        title: P
        jurisdiction: KZ
        version: 1.0.0
        instruments:
          - {id: law, title: Law, effective: 2026-01-18}
        derive:
          - name: level
            values: [low, high]
            cases:
              - value: high
                when: {risk.level: high}
                because: High.
                citation: {instrument: law, article: "1", basis: statute}
            default: low

        """

    /// A rule file holding one rule whose body lines are `body` (indented under `- `).
    static func ruleFile(_ body: String) -> String {
        let indented = body.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        return """
            apiVersion: compliance-check/v1
            kind: RuleSet
            sector: all
            rules:
              - id: P-01
                title: T
                category: transparency
                severity: high
                message: M
                remediation: R
            \(indented)

            """
    }

    static let validTail = """
        citation: {instrument: law, article: "1", basis: statute}
        examples:
          pass: [{risk: {level: high}}]
          fail: [{risk: {level: medium}}]
        """

    func errors(_ rules: String, extra: [(String, String)] = []) -> [String] {
        do {
            _ = try Fixtures.library([("p/pack.yaml", Self.manifest), ("p/all.yaml", rules)] + extra)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func validPackLoads() {
        #expect(errors(Self.ruleFile("require: {risk.level: high}\n" + Self.validTail)) == [])
    }

    @Test func unknownFactPathWithSuggestion() {
        #expect(
            errors(Self.ruleFile("require: {risk.levle: high}\n" + Self.validTail)) == [
                "p/all.yaml:11:15: error: unknown fact 'risk.levle'; did you mean 'risk.level'?"
            ])
    }

    @Test func unknownDerivedFact() {
        #expect(
            errors(Self.ruleFile("require: {derived.p.levl: high}\n" + Self.validTail)) == [
                "p/all.yaml:11:15: error: unknown derived fact 'derived.p.levl'; did you mean 'derived.p.level'?"
            ])
    }

    @Test func operatorNotValidForType() {
        #expect(
            errors(Self.ruleFile("require: {risk.level: {gt: high}}\n" + Self.validTail)) == [
                "p/all.yaml:11:28: error: operator 'gt' does not apply to 'risk.level' of type enum; it needs an int, a number or a date"
            ])
    }

    @Test func operandOfWrongType() {
        #expect(
            errors(Self.ruleFile("require: {oversight.logging.retention_days: {gte: many}}\n" + Self.validTail)) == [
                "p/all.yaml:11:55: error: 'gte' on 'oversight.logging.retention_days' needs an integer, found string 'many'"
            ])
    }

    @Test func enumOperandOutsideValues() {
        #expect(
            errors(Self.ruleFile("require: {risk.level: {in: [high, extreme]}}\n" + Self.validTail)) == [
                "p/all.yaml:11:39: error: 'extreme' is not a value of 'risk.level'; expected one of minimal, medium, high"
            ])
    }

    @Test func unknownOperator() {
        #expect(
            errors(Self.ruleFile("require: {risk.level: {equal: high}}\n" + Self.validTail)) == [
                "p/all.yaml:11:28: error: unknown operator 'equal'; did you mean 'equals'?"
            ])
    }

    @Test func invalidRegex() {
        #expect(
            errors(Self.ruleFile("require: {system.name: {matches: '(a'}}\n" + Self.validTail)) == [
                "p/all.yaml:11:38: error: invalid regular expression: unclosed group (missing ')') (at offset 0)"
            ])
    }

    @Test func duplicateRuleID() {
        let two =
            Self.ruleFile("require: {risk.level: high}\n" + Self.validTail) + """
                  - id: P-01
                    title: T2
                    category: transparency
                    severity: high
                    message: M
                    remediation: R
                    require: {risk.level: high}
                    citation: {instrument: law, article: "1", basis: statute}
                    examples:
                      pass: [{risk: {level: high}}]
                      fail: [{risk: {level: medium}}]

                """
        #expect(
            errors(two) == [
                "p/all.yaml:16:5: error: duplicate rule id 'P-01'\np/all.yaml:5:5: note: first defined here"
            ])
    }

    @Test func unknownInstrument() {
        let body = """
            require: {risk.level: high}
            citation: {instrument: lwa, article: "1", basis: statute}
            examples:
              pass: [{risk: {level: high}}]
              fail: [{risk: {level: medium}}]
            """
        #expect(
            errors(Self.ruleFile(body)) == [
                "p/all.yaml:12:28: error: unknown instrument 'lwa'; declare it under 'instruments' in pack.yaml; did you mean 'law'?"
            ])
    }

    @Test func missingCitation() {
        let body = """
            require: {risk.level: high}
            examples:
              pass: [{risk: {level: high}}]
              fail: [{risk: {level: medium}}]
            """
        #expect(
            errors(Self.ruleFile(body)) == [
                "p/all.yaml:5:5: error: rule P-01 has no citation: every rule cites the law it comes from"
            ])
    }

    @Test func missingExamples() {
        let body = """
            require: {risk.level: high}
            citation: {instrument: law, article: "1", basis: statute}
            examples:
              pass: [{risk: {level: high}}]
            """
        #expect(errors(Self.ruleFile(body)) == ["p/all.yaml:14:7: error: rule P-01 needs at least one 'fail' example"])
    }

    @Test func prohibitedPracticeMustNotBeWaivable() {
        let text = Self.ruleFile("require: {risk.level: high}\n" + Self.validTail).replacing(
            "category: transparency", with: "category: prohibited_practice")
        #expect(
            errors(text) == ["p/all.yaml:5:5: error: rule P-01 is a prohibited practice and must say 'waivable: false'"])
    }

    @Test func exampleWithWrongTypeIsRejected() {
        let body = """
            require: {risk.level: high}
            citation: {instrument: law, article: "1", basis: statute}
            examples:
              pass: [{risk: {level: hihg}}]
              fail: [{risk: {level: medium}}]
            """
        #expect(
            errors(Self.ruleFile(body)) == [
                "p/all.yaml:14:29: error: risk.level: 'hihg' is not allowed; expected one of minimal, medium, high; did you mean 'high'?"
            ])
    }

    @Test func exampleWhoseOutcomeDiffersIsReported() throws {
        let body = """
            require: {risk.level: high}
            citation: {instrument: law, article: "1", basis: statute}
            examples:
              pass: [{risk: {level: medium}}]
              fail: [{risk: {rationale: none given}}]
            """
        let library = try Fixtures.library([("p/pack.yaml", Self.manifest), ("p/all.yaml", Self.ruleFile(body))])
        let problems = try Engine(library: library).checkExamples().map(\.description)
        #expect(
            problems == [
                "p/all.yaml:14:14: error: rule P-01: pass example 1 evaluates to fail",
                "p/all.yaml:15:14: error: rule P-01: fail example 1 evaluates to unknown (missing: risk.level)",
            ])
    }

    @Test func everyProblemOfAFileIsReported() {
        let body = """
            require: {risk.levle: high, oversight.logging.retention_days: {gte: x}}
            citation: {instrument: law, article: "1", basis: statute}
            examples:
              pass: [{risk: {level: high}}]
              fail: [{risk: {level: medium}}]
            """
        #expect(errors(Self.ruleFile(body)).count == 2)
    }

    @Test func derivationCaseValueMustBeDeclared() {
        let manifest = Self.manifest.replacing("- value: high", with: "- value: extreme")
        let result: [String]
        do {
            _ = try Fixtures.library([("p/pack.yaml", manifest)])
            result = []
        } catch {
            result = error.diagnostics.map(\.description)
        }
        #expect(result == ["p/pack.yaml:14:16: error: 'extreme' is not one of the derivation's values: low, high"])
    }
}
