internal import ComplianceRules

/// Who bears a rule and from when it applies: the parts of applicability that depend on the
/// system's roles and on dates chosen by its facts.
extension SystemEvaluation {
    /// The outcome of a rule's `bearer:` against the system's roles (declared, plus those added by
    /// derived facts): `nil` when the rule binds one of them (or names no bearer), else
    /// `not_applicable` with the reason or `unknown` with the facts that decide it.
    static func bearerOutcome(_ rule: Rule, roles: RoleDeclaration?, evaluator: ConditionEvaluator, root: Value) -> (
        status: Status, verdict: Verdict, reason: String?
    )? {
        guard !rule.bearers.isEmpty, let roles else { return nil }
        let declaredValue = root.value(at: roles.fact.keys).flatMap { $0 == .null ? nil : $0 }
        let declared = declaredValue?.listValue?.compactMap(\.stringValue)
        var held = declared ?? []
        var missing = declared == nil ? [roles.fact.vocabularyPath] : []
        for reference in roles.addedBy {
            guard case .derived(let namespace, let name) = reference.kind else { continue }
            let derived = evaluator.derived["\(namespace).\(name)"]
            if let value = derived?.value {
                if roles.roles.contains(value), !held.contains(value) { held.append(value) }
            } else {
                missing += derived?.missing ?? [reference.text]
            }
        }
        let observation = FactObservation(
            path: roles.fact.keys.map(PathStep.key), actual: declaredValue,
            expected: evaluator.strings(
                "expected.includes", ["roles": rule.bearers.joined(separator: evaluator.strings("list.or"))]),
            note: held == (declared ?? [])
                ? nil : evaluator.strings("note.requalified", ["roles": held.joined(separator: ", ")]))
        if held.contains(where: rule.bearers.contains) { return nil }
        if !missing.isEmpty {
            return (.unknown, Verdict(truth: .unknown, observations: [observation], missing: missing), nil)
        }
        let reason = evaluator.strings(
            "reason.bearer",
            [
                "bearers": rule.bearers.joined(separator: evaluator.strings("list.or")),
                "roles": held.isEmpty ? "none" : held.joined(separator: ", "),
            ])
        return (.notApplicable, Verdict(truth: .false, observations: [observation]), reason)
    }

    /// The date from which a rule applies to this system.
    enum EffectiveOutcome {
        /// The date, and whether it was chosen by a condition on the facts.
        case known(CalendarDate, dependsOnFacts: Bool)
        /// A case before the matching one is unknown: the candidate dates from that case on, and the
        /// facts that would decide.
        case unknown(candidates: [CalendarDate], missing: [String])
    }

    /// The first `effective` case whose condition holds gives the date; the rule's `effective` is
    /// the default.
    static func effectiveDate(of rule: Rule, evaluator: ConditionEvaluator, root: Value) -> EffectiveOutcome {
        for (index, candidate) in rule.effectiveCases.enumerated() {
            let verdict = evaluator.evaluate(candidate.when, in: root, at: [])
            switch verdict.truth {
            case .true: return .known(candidate.date, dependsOnFacts: true)
            case .false: continue
            case .unknown:
                let dates = rule.effectiveCases[index...].map(\.date) + [rule.effective]
                return .unknown(candidates: dates, missing: unique(verdict.missing))
            }
        }
        return .known(rule.effective, dependsOnFacts: !rule.effectiveCases.isEmpty)
    }

    /// Applies the rule's dates to a finding: `upcoming` before the date; `unknown` when the date
    /// depends on undeclared facts and the as-of date falls between the candidate dates.
    func applyDates(of rule: Rule, to finding: inout Finding, evaluator: ConditionEvaluator) {
        let date: CalendarDate
        switch Self.effectiveDate(of: rule, evaluator: evaluator, root: document.root) {
        case .known(let known, let dependsOnFacts):
            date = known
            if dependsOnFacts { finding.effective = known }
        case .unknown(let candidates, let missing):
            let earliest = candidates.min() ?? rule.effective
            let latest = candidates.max() ?? rule.effective
            if options.asOf >= latest {
                finding.effective = latest
                return
            }
            if options.asOf < earliest {
                date = earliest
                break
            }
            if finding.status != .notApplicable {
                finding.status = .unknown
                finding.missing = Self.unique(finding.missing + missing)
                finding.message = evaluator.strings(
                    "message.unknown_date",
                    [
                        "dates": Set(candidates).sorted().map(\.description).joined(separator: ", "),
                        "facts": missing.joined(separator: ", "),
                    ])
            }
            return
        }
        if options.asOf < date {
            // A rule that would not apply anyway stays not applicable: an upcoming duty is one the
            // system will have to meet, and listing the others would bury those.
            if finding.status == .notApplicable {
                // (A finding kept without its condition's reason, `passingDetail` `.noted`, keeps none.)
                if let reason = finding.reason {
                    finding.reason = reason + evaluator.strings("reason.also_takes_effect", ["date": date.description])
                }
                return
            }
            finding.originalStatus = finding.status
            finding.status = .upcoming
            finding.reason = evaluator.strings("reason.takes_effect", ["date": date.description])
        }
    }
}
