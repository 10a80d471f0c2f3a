internal import ComplianceRules
internal import OrderedCollections

/// One system evaluated against every applicable pack: derived facts, one finding per rule,
/// under-classification findings, waivers, the gate.
struct SystemEvaluation {
    let engine: Engine
    let document: Document
    let options: EvaluationOptions
    let evidence: EvidenceChecker

    private var root: Value { document.root }
    /// The engine's words, in its language.
    private var strings: ReportStrings { engine.strings }
    private var words: ExpectationWords { engine.words }

    func run(packs: [RulePack], waivers: [String: Waiver]) -> SystemReport {
        let warnings: [Diagnostic] = []
        let derivedFacts = Self.derive(
            packs.flatMap(\.derivations), root: root, asOf: options.asOf, evidence: evidence, strings: strings, words: words)
        let evaluator = ConditionEvaluator(
            asOf: options.asOf, derived: derivedFacts.values, evidence: evidence, strings: strings, words: words)

        var findings: [Finding] = []
        var scope = Scope(root: root)
        findings.reserveCapacity(packs.reduce(0) { $0 + $1.rules.count + $1.derivations.count })
        for pack in packs {
            for compiled in engine.compiledRules[pack.id] ?? pack.rules.map({ CompiledRule($0, roles: pack.roles) }) {
                findings.append(finding(for: compiled, evaluator: evaluator, scope: &scope))
            }
            for derivation in pack.derivations where derivation.declared != nil {
                findings.append(declaredFinding(derivation, pack: pack, derived: derivedFacts.values))
            }
        }
        for index in findings.indices {
            guard let waiver = waivers[findings[index].rule] else { continue }
            let status = findings[index].status
            guard status == .fail || status == .unknown else { continue }
            findings[index].originalStatus = status
            findings[index].status = .waived
            findings[index].waiver = waiver
            findings[index].reason = strings(
                "reason.waived",
                ["expires": waiver.expires.description, "approver": waiver.approvedBy, "reason": waiver.reason])
        }
        // Sorted by key, then put in that order by swaps: comparing whole findings would copy them
        // at every step, and building a sorted copy would copy every one of them once more.
        Self.permute(&findings, into: Self.sortedOrder(findings))
        let gates = findings.contains { finding in
            switch finding.status {
            case .fail: options.failOn.gates(finding.severity)
            case .unknown: options.unknownPolicy == .fail && options.failOn.gates(finding.severity)
            default: false
            }
        }
        return SystemReport(
            file: document.file,
            systemID: root.value(at: ["system", "id"])?.stringValue ?? "",
            systemName: root.value(at: ["system", "name"])?.stringValue ?? "",
            gate: gates ? .fail : .pass,
            derived: derivedFacts.reports,
            summary: Summary(findings),
            findings: findings,
            warnings: warnings)
    }

    // MARK: Derived facts

    /// Evaluates derivations in order (later ones may read earlier ones); first matching case wins,
    /// and an unknown case before any match makes the fact unknown.
    static func derive(
        _ derivations: [Derivation], root: Value, asOf: CalendarDate, evidence: EvidenceChecker,
        strings: ReportStrings = .english, words: ExpectationWords? = nil
    ) -> (values: [String: DerivedValue], reports: [DerivedFact]) {
        var values: [String: DerivedValue] = [:]
        var reports: [DerivedFact] = []
        for derivation in derivations {
            let evaluator = ConditionEvaluator(asOf: asOf, derived: values, evidence: evidence, strings: strings, words: words)
            var result = DerivedValue(value: derivation.defaultValue, missing: [], matched: nil)
            for candidate in derivation.cases {
                let verdict = evaluator.evaluate(candidate.when, in: root, at: [])
                if verdict.truth == .true {
                    result = DerivedValue(value: candidate.value, missing: [], matched: candidate)
                    break
                }
                if verdict.truth == .unknown {
                    result = DerivedValue(value: nil, missing: unique(verdict.missing), matched: nil)
                    break
                }
            }
            values["\(derivation.namespace).\(derivation.name)"] = result
            let declared = derivation.declared.flatMap { root.value(at: $0.keys)?.stringValue }
            reports.append(
                DerivedFact(
                    namespace: derivation.namespace, name: derivation.name, value: result.value, declared: declared,
                    because: result.value == nil
                        ? nil : (result.matched?.because ?? strings("derived.default", ["value": derivation.defaultValue])),
                    citation: result.matched?.citation, missing: result.missing))
        }
        return (values, reports)
    }

    /// The `<NAMESPACE>-<NAME>-DECLARED` finding: the declared value must not be lower than the
    /// derived one. Its title, severity, category, remediation and date come from the derivation.
    private func declaredFinding(_ derivation: Derivation, pack: RulePack, derived: [String: DerivedValue]) -> Finding {
        let key = "\(derivation.namespace).\(derivation.name)"
        let result = derived[key] ?? DerivedValue(value: nil, missing: [], matched: nil)
        let declaredPath = derivation.declared?.text ?? ""
        let declaredKeys = derivation.declared?.keys ?? []
        let declaredValue = root.value(at: declaredKeys)?.stringValue
        let check = derivation.check
        var text =
            engine.declaredTexts[key] ?? Finding.RuleText(derivation, pack: pack, citation: derivation.cases.first?.citation)
        if let cited = result.matched?.citation, cited != text.fields.citation {
            text = Finding.RuleText(derivation, pack: pack, citation: cited, rank: text.rank)
        }
        var finding = Finding(text: text, status: .pass, message: "")
        let location = document.location(of: declaredKeys.map(PathStep.key))
        if let derivedValue = result.value {
            if let declaredValue {
                let declaredRank = derivation.values.firstIndex(of: declaredValue) ?? 0
                let derivedRank = derivation.values.firstIndex(of: derivedValue) ?? 0
                finding.facts = [
                    .init(
                        path: declaredPath, actual: .string(declaredValue),
                        expected: strings("expected.at_least", ["value": derivedValue]),
                        location: location, note: strings("declared.note", ["value": derivedValue]))
                ]
                if declaredRank < derivedRank {
                    finding.status = .fail
                    finding.message = strings(
                        "declared.fail",
                        [
                            "path": declaredPath, "declared": declaredValue, "derived": derivedValue,
                            "because": result.matched?.because ?? "",
                        ])
                } else {
                    finding.message = strings(
                        "declared.pass", ["path": declaredPath, "declared": declaredValue, "derived": derivedValue])
                }
            } else {
                finding.status = .unknown
                finding.missing = [declaredPath]
                finding.message = strings("declared.missing", ["path": declaredPath, "derived": derivedValue])
                finding.facts = [
                    .init(
                        path: declaredPath, actual: nil, expected: strings("expected.at_least", ["value": derivedValue]),
                        location: location, note: strings("declared.note", ["value": derivedValue]))
                ]
            }
        } else {
            finding.status = .unknown
            finding.missing = result.missing
            finding.message = strings(
                "declared.underivable", ["path": derivation.path, "facts": result.missing.joined(separator: ", ")])
        }
        if let effective = check.effective, options.asOf < effective {
            finding.originalStatus = finding.status
            finding.status = .upcoming
            finding.reason = strings("reason.takes_effect", ["date": effective.description])
        }
        return finding
    }

    // MARK: Rules

    /// What decides whether a rule is in scope, read once per system: its sectors and stage, and the
    /// not-applicable reason of each sector that does not apply.
    struct Scope {
        let sectors: [String]
        let stage: String?
        var sectorReasons: [String: String] = [:]

        init(root: Value) {
            sectors = (root.value(at: ["system", "sectors"])?.listValue ?? []).compactMap(\.stringValue)
            stage = root.value(at: ["system", "lifecycle"])?.stringValue
        }
    }

    func finding(for compiled: CompiledRule, evaluator: ConditionEvaluator, scope: inout Scope) -> Finding {
        // Read through the compiled rule (a class): each field is borrowed, never the whole rule copied.
        let rule = compiled.rule
        let roles = compiled.roles
        evaluator.budget.startRule()
        var finding = Finding(text: compiled.text, status: .pass, message: rule.message)
        if let until = rule.until, options.asOf >= until {
            finding.status = .notApplicable
            finding.reason = strings("reason.until", ["date": until.description])
            return finding
        }
        if rule.sector != "all", !scope.sectors.contains(rule.sector) {
            finding.status = .notApplicable
            if let reason = scope.sectorReasons[rule.sector] {
                finding.reason = reason
            } else {
                let reason = strings(
                    "reason.sector", ["sector": rule.sector, "sectors": scope.sectors.joined(separator: ", ")])
                scope.sectorReasons[rule.sector] = reason
                finding.reason = reason
            }
            return finding
        }
        if let stages = rule.stages {
            // A system that does not declare its stage is treated as in operation.
            let declared = scope.stage
            let stage = declared ?? Self.assumedStage
            if !stages.contains(stage) {
                finding.status = .notApplicable
                finding.reason = strings(
                    declared == nil ? "reason.stage_assumed" : "reason.stage",
                    ["stages": stages.joined(separator: ", "), "stage": stage])
                return finding
            }
        }
        let outcome = Self.decide(rule, roles: roles, evaluator: evaluator, root: root)
        finding.status = outcome.status
        // With `passingDetail` `.noted`, a passing or not-applicable outcome keeps only its noted
        // facts (and no condition reason); its facts are placed once its dates are known.
        let trimmed = options.passingDetail == .noted && (outcome.status == .pass || outcome.status == .notApplicable)
        if !trimmed { finding.facts = outcome.verdict.observations.map { fact($0) } }
        finding.missing = Self.unique(outcome.verdict.missing)
        switch outcome.status {
        case .notApplicable:
            // The condition's reason is worded from the facts when it is read.
            finding.because =
                outcome.reason.map(Finding.Because.text) ?? (trimmed ? .none : .conditionFailed(strings.language))
        case .unknown:
            finding.message = strings("message.unknown", ["facts": finding.missing.joined(separator: ", ")])
        case .pass:
            finding.message = engine.passMessage
        default:
            break
        }
        applyDates(of: rule, to: &finding, evaluator: evaluator)
        if trimmed {
            // A date can make a pass upcoming or unknown: such a finding keeps every fact.
            let stillPassing = finding.status == .pass || finding.status == .notApplicable
            finding.facts = outcome.verdict.observations.compactMap { observation in
                stillPassing && observation.note == nil ? nil : fact(observation)
            }
        }
        return finding
    }

    /// The status of one rule from its bearer, `when` and `require`, ignoring sector and dates.
    static func decide(_ rule: Rule, roles: RoleDeclaration? = nil, evaluator: ConditionEvaluator, root: Value) -> (
        status: Status, verdict: Verdict, reason: String?
    ) {
        if let outcome = bearerOutcome(rule, roles: roles, evaluator: evaluator, root: root) { return outcome }
        if let when = rule.when {
            let applies = evaluator.evaluate(when, in: root, at: [])
            switch applies.truth {
            case .false: return (.notApplicable, applies, nil)
            case .unknown: return (.unknown, applies, nil)
            case .true: break
            }
        }
        let verdict = evaluator.evaluate(rule.require, in: root, at: [])
        switch verdict.truth {
        case .true: return (.pass, verdict, nil)
        case .false: return (.fail, verdict, nil)
        case .unknown: return (.unknown, verdict, nil)
        }
    }

    private func fact(_ observation: FactObservation) -> Finding.Fact {
        Finding.Fact(
            path: observation.dottedPath, actual: observation.actual, expected: observation.expected,
            location: document.location(of: sourcePath(of: observation.path)), note: observation.note,
            role: observation.role)
    }

    /// Where a fact is written: a derived fact points at the owner's declared value it is compared
    /// with (when the derivation names one), so that every location is a line a person can edit.
    private func sourcePath(of path: [PathStep]) -> [PathStep] {
        guard path.count == 3, path[0] == .key("derived"), case .key(let namespace) = path[1], case .key(let name) = path[2]
        else { return path }
        for pack in engine.library.packs {
            if let derivation = pack.derivations.first(where: { $0.namespace == namespace && $0.name == name }) {
                return derivation.declared?.keys.map(PathStep.key) ?? path
            }
        }
        return path
    }

    /// The indices of `findings` in report order: status, then severity (highest first), then rule
    /// id. When every rule id has its rank (the engine's own texts), each finding's place is one
    /// integer and the sort compares integers only.
    static func sortedOrder(_ findings: [Finding]) -> [Int] {
        var ranked: [Int] = []
        ranked.reserveCapacity(findings.count)
        for index in findings.indices {
            guard let rank = findings[index].text.rank, rank < 1 << 32 else { break }
            let severity = 4 - findings[index].severity.rank
            ranked.append(findings[index].status.order << 40 | severity << 32 | rank)
        }
        if ranked.count == findings.count { return findings.indices.sorted { ranked[$0] < ranked[$1] } }
        let keys = findings.map { (order: $0.status.order, severity: $0.severity, text: $0.text) }
        return keys.indices.sorted { lhs, rhs in
            let (left, right) = (keys[lhs], keys[rhs])
            if left.order != right.order { return left.order < right.order }
            if left.severity != right.severity { return left.severity > right.severity }
            return left.text.precedes(right.text)
        }
    }

    /// Rearranges `elements` so that position `i` holds what was at `order[i]` (a permutation of
    /// the indices), following each cycle of the permutation with swaps.
    static func permute<Element>(_ elements: inout [Element], into order: [Int]) {
        var placed = [Bool](repeating: false, count: order.count)
        // Swapped in the buffer: moves, where the array's `swapAt` would copy each element.
        elements.withUnsafeMutableBufferPointer { buffer in
            for start in order.indices where !placed[start] {
                var index = start
                placed[index] = true
                while order[index] != start {
                    buffer.swapAt(index, order[index])
                    index = order[index]
                    placed[index] = true
                }
            }
        }
    }

    /// The lifecycle stage assumed for a system that does not declare `system.lifecycle`.
    static let assumedStage = "production"

    static func unique(_ paths: [String]) -> [String] {
        Array(Set(paths)).sorted()
    }
}
