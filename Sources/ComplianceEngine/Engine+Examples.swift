public import ComplianceRules

extension Engine {
    /// The outcome of one rule on one partial description, as a rule example is run: only `when`
    /// and `require`, with the pack's derived facts, no evidence files.
    public func exampleStatus(of rule: Rule, on example: Document, asOf: CalendarDate? = nil) -> (
        status: Status, missing: [String]
    ) {
        let date = asOf ?? rule.examples.asOf ?? rule.effective
        let evidence = EvidenceChecker(root: nil, strings: strings)
        let pack = library.packs.first { $0.id == rule.pack }
        let derivations = pack?.derivations ?? []
        let derived = SystemEvaluation.derive(
            derivations, root: example.root, asOf: date, evidence: evidence, strings: strings, words: words)
        let evaluator = ConditionEvaluator(
            asOf: date, derived: derived.values, evidence: evidence, strings: strings, words: words)
        let outcome = SystemEvaluation.decide(rule, roles: pack?.roles, evaluator: evaluator, root: example.root)
        return (outcome.status, SystemEvaluation.unique(outcome.verdict.missing))
    }

    /// The deciding facts of one rule on one partial description, as a finding lists them (with
    /// their roles, so that an explanation can be rendered the way a report renders it).
    func exampleFacts(of rule: Rule, on example: Document, asOf: CalendarDate? = nil) -> [Finding.Fact] {
        let date = asOf ?? rule.examples.asOf ?? rule.effective
        let evidence = EvidenceChecker(root: nil, strings: strings)
        let derivations = library.packs.first { $0.id == rule.pack }?.derivations ?? []
        let derived = SystemEvaluation.derive(
            derivations, root: example.root, asOf: date, evidence: evidence, strings: strings, words: words)
        let evaluator = ConditionEvaluator(
            asOf: date, derived: derived.values, evidence: evidence, strings: strings, words: words)
        let outcome = SystemEvaluation.decide(rule, evaluator: evaluator, root: example.root)
        return outcome.verdict.observations.map { observation in
            Finding.Fact(
                path: observation.dottedPath, actual: observation.actual, expected: observation.expected,
                location: example.location(of: observation.path), note: observation.note, role: observation.role)
        }
    }

    /// Runs every rule's `pass` and `fail` examples; returns one error per example whose outcome
    /// differs from what it claims (empty when all behave).
    public func checkExamples(_ rules: [Rule]? = nil) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for rule in rules ?? library.rules {
            if rule.examples.pass.isEmpty || rule.examples.fail.isEmpty {
                problems.append(.error("rule \(rule.id) needs at least one pass and one fail example", at: rule.location))
            }
            for (expected, examples) in [(Status.pass, rule.examples.pass), (Status.fail, rule.examples.fail)] {
                for (index, example) in examples.enumerated() {
                    let outcome = exampleStatus(of: rule, on: example)
                    guard outcome.status != expected else { continue }
                    var message =
                        "rule \(rule.id): \(expected.rawValue) example \(index + 1) evaluates to \(outcome.status.rawValue)"
                    if !outcome.missing.isEmpty { message += " (missing: \(outcome.missing.joined(separator: ", ")))" }
                    problems.append(.error(message, at: example.location(of: [])))
                }
            }
        }
        return problems
    }

    /// The outcome of every example of every rule, in order: what `rules test` compares across
    /// languages.
    public func exampleOutcomes() -> [ExampleOutcome] {
        var outcomes: [ExampleOutcome] = []
        for rule in library.rules {
            for (kind, examples) in [("pass", rule.examples.pass), ("fail", rule.examples.fail)] {
                for (index, example) in examples.enumerated() {
                    let outcome = exampleStatus(of: rule, on: example)
                    outcomes.append(
                        ExampleOutcome(
                            rule: rule.id, example: "\(kind) \(index + 1)", status: outcome.status, missing: outcome.missing,
                            location: example.location(of: [])))
                }
            }
        }
        return outcomes
    }
}
