import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// Every operator and combinator against true, false and unknown (DESIGN §4.1, §4.2).
@Suite struct OperatorTests {
    /// Parses `condition` against the built-in vocabulary (with one derived fact `derived.t.level`)
    /// and evaluates it on `facts` as of 2026-06-01.
    func evaluate(_ condition: String, on facts: String) throws -> (truth: Truth, missing: [String]) {
        let vocabulary = try BuiltInRules.vocabulary()
        var parser = ConditionParser(vocabulary: vocabulary, derived: ["t.level": ["low", "medium", "high"]])
        let node = Node(try Fixtures.document(condition, file: "condition.yaml"))
        let parsed = parser.condition(node)
        #expect(parser.diagnostics.isEmpty, "\(parser.diagnostics)")
        let condition = try #require(parsed)
        let root = try Fixtures.document(facts).root
        let validated = SystemValidator(vocabulary: vocabulary).validate(Document(file: "s", root: root), partial: true)
        let document = try #require(validated.document)
        let evaluator = ConditionEvaluator(
            asOf: Fixtures.asOf,
            derived: ["t.level": DerivedValue(value: "medium", missing: [], matched: nil)],
            evidence: EvidenceChecker(root: nil))
        let verdict = evaluator.evaluate(condition, in: document.root, at: [])
        return (verdict.truth, verdict.missing)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let condition: String
        let facts: String
        let expected: Truth
        var testDescription: String { "\(condition) on \(facts) is \(expected)" }
    }

    static let cases: [Case] = [
        // equals (scalar shorthand and explicit), not_equals
        Case(condition: "risk.level: high", facts: "risk: {level: high}", expected: .true),
        Case(condition: "risk.level: high", facts: "risk: {level: medium}", expected: .false),
        Case(condition: "risk.level: high", facts: "risk: {}", expected: .unknown),
        Case(condition: "risk.level: {equals: high}", facts: "risk: {level: high}", expected: .true),
        Case(condition: "risk.level: {not_equals: high}", facts: "risk: {level: medium}", expected: .true),
        Case(condition: "risk.level: {not_equals: high}", facts: "risk: {level: high}", expected: .false),
        Case(condition: "risk.level: {not_equals: high}", facts: "{}", expected: .unknown),
        // in, not_in
        Case(condition: "risk.level: {in: [medium, high]}", facts: "risk: {level: high}", expected: .true),
        Case(condition: "risk.level: {in: [medium, high]}", facts: "risk: {level: minimal}", expected: .false),
        Case(condition: "risk.level: {not_in: [medium, high]}", facts: "risk: {level: minimal}", expected: .true),
        Case(condition: "risk.level: {not_in: [medium, high]}", facts: "risk: {level: high}", expected: .false),
        Case(condition: "risk.level: {in: [medium]}", facts: "{}", expected: .unknown),
        // exists is never unknown
        Case(condition: "risk.level: {exists: true}", facts: "risk: {level: high}", expected: .true),
        Case(condition: "risk.level: {exists: true}", facts: "{}", expected: .false),
        Case(condition: "risk.level: {exists: false}", facts: "{}", expected: .true),
        Case(condition: "risk.level: {exists: false}", facts: "risk: {level: high}", expected: .false),
        Case(condition: "risk.level: {exists: true}", facts: "risk: {level: }", expected: .false),
        // contains (lists and strings), contains_any/all/none
        Case(condition: "purpose.users: {contains: clinicians}", facts: "purpose: {users: [clinicians]}", expected: .true),
        Case(condition: "purpose.users: {contains: clinicians}", facts: "purpose: {users: [teachers]}", expected: .false),
        Case(condition: "purpose.users: {contains: clinicians}", facts: "{}", expected: .unknown),
        Case(
            condition: "purpose.intended_use: {contains: X-ray}", facts: "purpose: {intended_use: Reads X-ray images}",
            expected: .true),
        Case(
            condition: "purpose.intended_use: {contains: MRI}", facts: "purpose: {intended_use: Reads X-ray images}",
            expected: .false),
        Case(
            condition: "risk.disruption_impact: {contains_any: [emergency, health_or_life]}",
            facts: "risk: {disruption_impact: [moral_harm, health_or_life]}", expected: .true),
        Case(
            condition: "risk.disruption_impact: {contains_any: [emergency]}", facts: "risk: {disruption_impact: [moral_harm]}",
            expected: .false),
        Case(
            condition: "quality.bias_testing.protected_attributes: {contains_all: [sex, age]}",
            facts: "quality: {bias_testing: {protected_attributes: [age, sex, ethnicity]}}", expected: .true),
        Case(
            condition: "quality.bias_testing.protected_attributes: {contains_all: [sex, age]}",
            facts: "quality: {bias_testing: {protected_attributes: [age]}}", expected: .false),
        Case(
            condition: "data.special_categories: {contains_none: [health]}", facts: "data: {special_categories: [biometric]}",
            expected: .true),
        Case(
            condition: "data.special_categories: {contains_none: [health]}", facts: "data: {special_categories: [health]}",
            expected: .false),
        Case(condition: "data.special_categories: {contains_none: [health]}", facts: "{}", expected: .unknown),
        // gt, gte, lt, lte on ints and dates
        Case(
            condition: "oversight.logging.retention_days: {gte: 1095}", facts: "oversight: {logging: {retention_days: 1095}}",
            expected: .true),
        Case(
            condition: "oversight.logging.retention_days: {gt: 1095}", facts: "oversight: {logging: {retention_days: 1095}}",
            expected: .false),
        Case(
            condition: "rights.objection.response_days: {lte: 3}", facts: "rights: {objection: {response_days: 3}}",
            expected: .true),
        Case(
            condition: "rights.objection.response_days: {lt: 3}", facts: "rights: {objection: {response_days: 3}}",
            expected: .false),
        Case(condition: "rights.objection.response_days: {lt: 3}", facts: "{}", expected: .unknown),
        Case(condition: "risk.classified_on: {gte: 2026-01-18}", facts: "risk: {classified_on: 2026-02-01}", expected: .true),
        Case(condition: "risk.classified_on: {lt: 2026-01-18}", facts: "risk: {classified_on: 2026-02-01}", expected: .false),
        // min_items, max_items
        Case(condition: "system.sectors: {min_items: 2}", facts: "system: {sectors: [healthcare, education]}", expected: .true),
        Case(condition: "system.sectors: {min_items: 2}", facts: "system: {sectors: [healthcare]}", expected: .false),
        Case(condition: "system.sectors: {max_items: 1}", facts: "system: {sectors: [healthcare]}", expected: .true),
        Case(condition: "system.sectors: {max_items: 1}", facts: "{}", expected: .unknown),
        // matches
        Case(
            condition: "transparency.support_contact: {matches: '^[^@]+@[^@]+$'}",
            facts: "transparency: {support_contact: a@b.kz}", expected: .true),
        Case(
            condition: "transparency.support_contact: {matches: '^[^@]+@[^@]+$'}",
            facts: "transparency: {support_contact: call us}", expected: .false),
        Case(condition: "transparency.support_contact: {matches: '@'}", facts: "{}", expected: .unknown),
        // within_days against 2026-06-01
        Case(
            condition: "risk.management.last_review: {within_days: 365}", facts: "risk: {management: {last_review: 2025-06-01}}",
            expected: .true),
        Case(
            condition: "risk.management.last_review: {within_days: 365}", facts: "risk: {management: {last_review: 2025-05-31}}",
            expected: .false),
        Case(
            condition: "risk.management.last_review: {within_days: 365}", facts: "risk: {management: {last_review: 2026-06-02}}",
            expected: .false),
        Case(condition: "risk.management.last_review: {within_days: 365}", facts: "{}", expected: .unknown),
        // every, some, none over a list of objects
        Case(
            condition: "data.datasets: {every: {optout_respected: true}}",
            facts: "data: {datasets: [{name: a, optout_respected: true}, {name: b, optout_respected: true}]}", expected: .true),
        Case(
            condition: "data.datasets: {every: {optout_respected: true}}",
            facts: "data: {datasets: [{name: a, optout_respected: true}, {name: b, optout_respected: false}]}", expected: .false),
        Case(
            condition: "data.datasets: {every: {optout_respected: true}}",
            facts: "data: {datasets: [{name: a, optout_respected: true}, {name: b}]}", expected: .unknown),
        Case(condition: "data.datasets: {every: {optout_respected: true}}", facts: "data: {datasets: []}", expected: .true),
        Case(
            condition: "data.datasets: {some: {contains_personal_data: true}}",
            facts: "data: {datasets: [{name: a, contains_personal_data: false}, {name: b, contains_personal_data: true}]}",
            expected: .true),
        Case(
            condition: "data.datasets: {some: {contains_personal_data: true}}",
            facts: "data: {datasets: [{name: a, contains_personal_data: false}]}", expected: .false),
        Case(
            condition: "data.datasets: {some: {contains_personal_data: true}}", facts: "data: {datasets: [{name: a}]}",
            expected: .unknown),
        Case(
            condition: "data.datasets: {none: {contains_personal_data: true}}",
            facts: "data: {datasets: [{name: a, contains_personal_data: false}]}", expected: .true),
        Case(
            condition: "data.datasets: {none: {contains_personal_data: true}}",
            facts: "data: {datasets: [{name: a, contains_personal_data: true}]}", expected: .false),
        Case(condition: "data.datasets: {none: {contains_personal_data: true}}", facts: "{}", expected: .unknown),
        // evidence (no evidence root: URLs count, files are missing)
        Case(
            condition: "documentation.technical: {evidence: {}}",
            facts: "documentation: {technical: 'https://example.org/t.pdf'}", expected: .true),
        Case(
            condition: "documentation.technical: {evidence: {}}", facts: "documentation: {technical: docs/t.pdf}",
            expected: .false),
        Case(condition: "documentation.technical: {evidence: {}}", facts: "{}", expected: .unknown),
        // derived facts
        Case(condition: "derived.t.level: medium", facts: "{}", expected: .true),
        Case(condition: "derived.t.level: {in: [high]}", facts: "{}", expected: .false),
        // several operators on one fact: all must hold
        Case(
            condition: "oversight.logging.retention_days: {gte: 10, lte: 20}",
            facts: "oversight: {logging: {retention_days: 15}}", expected: .true),
        Case(
            condition: "oversight.logging.retention_days: {gte: 10, lte: 20}",
            facts: "oversight: {logging: {retention_days: 25}}", expected: .false),
    ]

    @Test(arguments: cases)
    func operatorOutcome(_ testCase: Case) throws {
        let result = try evaluate(testCase.condition, on: testCase.facts)
        #expect(result.truth == testCase.expected)
    }

    /// Kleene truth tables of all, any and not; t/f/u made from a fact that is high, medium or absent.
    @Test(arguments: [
        ("all", Truth.true, Truth.true, Truth.true), ("all", .true, .false, .false), ("all", .true, .unknown, .unknown),
        ("all", .false, .unknown, .false), ("all", .unknown, .unknown, .unknown), ("all", .false, .false, .false),
        ("any", .true, .false, .true), ("any", .true, .unknown, .true), ("any", .false, .unknown, .unknown),
        ("any", .false, .false, .false), ("any", .unknown, .unknown, .unknown), ("any", .true, .true, .true),
    ])
    func combinatorTruthTable(_ combinator: String, _ left: Truth, _ right: Truth, _ expected: Truth) throws {
        func operand(_ truth: Truth, _ path: String) -> String {
            switch truth {
            case .true: "{\(path): {exists: true}}"
            case .false: "{\(path): {exists: false}}"
            case .unknown: "{risk.management.last_review: {within_days: 1}}"
            }
        }
        let facts = "risk: {level: high}"
        let condition = "\(combinator): [\(operand(left, "risk.level")), \(operand(right, "risk.level"))]"
        #expect(try evaluate(condition, on: facts).truth == expected)
    }

    @Test(arguments: [(Truth.true, Truth.false), (.false, .true), (.unknown, .unknown)])
    func notSwapsTrueAndFalseAndKeepsUnknown(_ inner: Truth, _ expected: Truth) throws {
        let condition: String
        switch inner {
        case .true: condition = "not: {risk.level: high}"
        case .false: condition = "not: {risk.level: medium}"
        case .unknown: condition = "not: {risk.rationale: {exists: true}, risk.classified_on: {gte: 2026-01-01}}"
        }
        let facts = "risk: {level: high, rationale: x}"
        #expect(try evaluate(condition, on: facts).truth == expected)
    }

    @Test func unknownNamesTheFactsThatWouldDecideIt() throws {
        let result = try evaluate(
            "any: [{risk.level: high}, {data.datasets: {every: {optout_respected: true}}}]",
            on: "data: {datasets: [{name: a}]}")
        #expect(result.truth == .unknown)
        #expect(Set(result.missing) == ["risk.level", "data.datasets.optout_respected"])
    }

    @Test func hostileRegexInputFinishes() throws {
        let long = String(repeating: "a", count: 5_000) + "!"
        let result = try evaluate(
            "transparency.support_contact: {matches: '^(a+)+$'}", on: "transparency: {support_contact: \(long)}")
        #expect(result.truth == .false)
    }
}
