internal import ComplianceRules
internal import OrderedCollections

/// The value of a derived fact for one system.
struct DerivedValue: Sendable {
    /// `nil` when the derivation is unknown.
    var value: String?
    /// The facts that would decide it, when unknown.
    var missing: [String]
    /// The deciding case, when a case matched.
    var matched: Derivation.Case?
}

/// Evaluates checked conditions against one system's facts with three-valued logic.
struct ConditionEvaluator {
    let asOf: CalendarDate
    /// Derived facts by `namespace.name`.
    var derived: [String: DerivedValue]
    let evidence: EvidenceChecker
    /// The pattern-matching work this system may still do.
    let budget = MatchBudget()
    /// The words of expectations (`at least high`) in the report's language.
    var strings: ReportStrings = .english
    /// The engine's predicates worded once (in `strings`' language), when the evaluator has them.
    var words: ExpectationWords?

    func evaluate(_ condition: Condition, in scope: Value, at scopePath: [PathStep]) -> Verdict {
        switch condition {
        case .all(let parts):
            // One part is its own verdict, with no list made.
            if parts.count == 1 { return .alone(evaluate(parts[0], in: scope, at: scopePath)) }
            return .combine(all: parts.map { evaluate($0, in: scope, at: scopePath) })
        case .any(let parts):
            if parts.count == 1 { return .alone(evaluate(parts[0], in: scope, at: scopePath)) }
            var verdicts = parts.map { evaluate($0, in: scope, at: scopePath) }
            if verdicts.count > 1, !verdicts.contains(where: { $0.truth != .false }) {
                Self.assignRoles(&verdicts, parts: parts)
            }
            return .combine(any: verdicts)
        case .not(let part):
            var verdict = evaluate(part, in: scope, at: scopePath)
            verdict.truth = verdict.truth.negated
            if verdict.truth == .false {
                verdict.observations = Self.negated(verdict.observations, of: part, strings: strings)
            } else {
                for index in verdict.observations.indices {
                    verdict.observations[index].expected = Self.negation(
                        of: verdict.observations[index].expected, strings: strings)
                }
            }
            return verdict
        case .predicate(let predicate):
            return evaluate(predicate, in: scope, at: scopePath)
        }
    }

    private func evaluate(_ predicate: Predicate, in scope: Value, at scopePath: [PathStep]) -> Verdict {
        // `predicate.fact` is read field by field: binding it would copy each of its strings.
        var actual: Value?
        var derivedMissing: [String]?
        if let key = predicate.fact.derivedKey {
            let derivedValue = derived[key]
            actual = derivedValue?.value.map(Value.string)
            derivedMissing = derivedValue?.missing
        } else {
            actual = scope.value(at: predicate.fact.keys)
            if actual == .null { actual = nil }
        }
        // Only an absent fact needs the list of facts that would decide it.
        let missingWhenAbsent = actual == nil ? derivedMissing ?? [predicate.fact.vocabularyPath] : []
        let place =
            scopePath.isEmpty
            ? Place(path: predicate.fact.steps, dotted: predicate.fact.dottedKeys) : Place(path: scopePath + predicate.fact.steps)
        var verdict: Verdict
        if predicate.operators.count == 1 {
            let expected =
                words?.words(predicate, 0, asOf: asOf) ?? Self.expectation(predicate.operators[0], asOf: asOf, strings: strings)
            verdict = .alone(apply(predicate.operators[0], to: actual, at: place, expected: expected, missing: missingWhenAbsent))
        } else {
            var parts: [Verdict] = []
            parts.reserveCapacity(predicate.operators.count)
            for (index, operation) in predicate.operators.enumerated() {
                let expected =
                    words?.words(predicate, index, asOf: asOf) ?? Self.expectation(operation, asOf: asOf, strings: strings)
                parts.append(apply(operation, to: actual, at: place, expected: expected, missing: missingWhenAbsent))
            }
            verdict = Verdict.combine(all: parts)
        }
        // No one sets a derived fact: it is a premise that follows from the facts it is derived from.
        if case .derived = predicate.fact.kind {
            for index in verdict.observations.indices { verdict.observations[index].role = .given }
        }
        return verdict
    }

    /// Where a predicate reads its fact: the path, and its dotted form when made already.
    struct Place {
        var path: [PathStep]
        var dotted: String?
    }

    private func apply(_ operation: Operator, to actual: Value?, at place: Place, expected: String, missing: [String])
        -> Verdict
    {
        let path = place.path
        func observation(_ actual: Value?, note: String?) -> FactObservation {
            FactObservation(path: path, actual: actual, expected: expected, note: note, dotted: place.dotted)
        }
        func verdict(_ truth: Truth, note: String? = nil) -> Verdict {
            Verdict(truth: truth, observations: [observation(actual, note: note)])
        }
        if case .exists(let wanted) = operation {
            return verdict(Truth((actual != nil) == wanted))
        }
        guard let actual else {
            return Verdict(truth: .unknown, observations: [observation(nil, note: nil)], missing: missing)
        }
        switch operation {
        case .exists:
            return verdict(.true)
        case .equals(let operand):
            return verdict(Truth(Self.equal(actual, operand)))
        case .notEquals(let operand):
            return verdict(Truth(!Self.equal(actual, operand)))
        case .isIn(let operands):
            return verdict(Truth(operands.contains { Self.equal(actual, $0) }))
        case .notIn(let operands):
            return verdict(Truth(!operands.contains { Self.equal(actual, $0) }))
        case .contains(let operand):
            if case .string(let text) = actual, case .string(let needle) = operand {
                return verdict(Truth(text.contains(needle)))
            }
            return verdict(Truth((actual.listValue ?? []).contains { Self.equal($0, operand) }))
        case .containsAny(let operands):
            let elements = actual.listValue ?? []
            return verdict(Truth(operands.contains { operand in elements.contains { Self.equal($0, operand) } }))
        case .containsAll(let operands):
            let elements = actual.listValue ?? []
            return verdict(Truth(operands.allSatisfy { operand in elements.contains { Self.equal($0, operand) } }))
        case .containsNone(let operands):
            let elements = actual.listValue ?? []
            return verdict(Truth(!operands.contains { operand in elements.contains { Self.equal($0, operand) } }))
        case .greaterThan(let operand):
            return verdict(Self.compare(actual, operand).map { Truth($0 > 0) } ?? .false)
        case .greaterThanOrEqual(let operand):
            return verdict(Self.compare(actual, operand).map { Truth($0 >= 0) } ?? .false)
        case .lessThan(let operand):
            return verdict(Self.compare(actual, operand).map { Truth($0 < 0) } ?? .false)
        case .lessThanOrEqual(let operand):
            return verdict(Self.compare(actual, operand).map { Truth($0 <= 0) } ?? .false)
        case .minItems(let count):
            return verdict(Truth((actual.listValue?.count ?? 0) >= count))
        case .maxItems(let count):
            return verdict(Truth((actual.listValue?.count ?? 0) <= count))
        case .matches(let pattern):
            guard case .string(let text) = actual else { return verdict(.false) }
            // Bounded work: an input too long, or a match over the budget, is undecided, never a
            // silent `false` that `not:` would turn into a pass.
            let length = text.unicodeScalars.count
            let refusal: String?
            if length > Self.maxMatchInput {
                refusal = "\(length) characters, over the \(Self.maxMatchInput) a pattern is matched against"
            } else {
                refusal = budget.spend(pattern.cost(forLength: length))
            }
            if let refusal {
                return Verdict(
                    truth: .unknown, observations: [observation(actual, note: refusal)],
                    missing: [place.dotted ?? path.dottedPath])
            }
            return verdict(Truth(pattern.matches(text)))
        case .withinDays(let days):
            guard case .date(let date) = actual else { return verdict(.false) }
            let age = asOf.days(since: date)
            return verdict(Truth(age >= 0 && age <= days))
        case .every(let inner), .some(let inner), .none(let inner):
            return quantified(operation, inner, over: actual, path: path, expected: expected)
        case .evidence(let options):
            let check = evidence.check(actual, options: options, asOf: asOf)
            guard check.truth != .unknown else {
                // Over a limit: undecided, never a pass; the fact itself is what to look at.
                return Verdict(
                    truth: .unknown, observations: [observation(actual, note: check.note)],
                    missing: [place.dotted ?? path.dottedPath])
            }
            return verdict(check.truth, note: check.note)
        }
    }

    /// Longest string `matches` will read (longer input is unknown).
    static let maxMatchInput = 10_000

    private func quantified(_ operation: Operator, _ inner: Condition, over actual: Value, path: [PathStep], expected: String)
        -> Verdict
    {
        let elements = actual.listValue ?? []
        var verdicts: [Verdict] = []
        verdicts.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            verdicts.append(evaluate(inner, in: element, at: path + [.index(index)]))
        }
        var result: Verdict
        switch operation {
        case .every:
            result = .combine(all: verdicts)
        case .some:
            result = .combine(any: verdicts)
        default:
            result = .combine(any: verdicts)
            result.truth = result.truth.negated
            // `none` failed: an element met the condition; say what about it must change.
            if result.truth == .false {
                result.observations = verdicts.filter { $0.truth == .true }.flatMap {
                    Self.negated($0.observations, of: inner, strings: strings)
                }
            }
        }
        if verdicts.isEmpty {
            result.observations = [FactObservation(path: path, actual: actual, expected: expected, note: nil)]
        }
        return result
    }

    /// What a negated expectation asks for, worded so that it reads forwards: `true` and `false`
    /// swap; anything else is "other than …".
    static func negation(of expected: String, strings: ReportStrings = .english) -> String {
        switch expected {
        case "true": return "false"
        case "false": return "true"
        default:
            if strings.language == .en {
                for (prefix, opposite) in opposites where expected.hasPrefix(prefix) {
                    // "declared" and "not declared" are whole expectations, the others prefixes.
                    if prefix.hasSuffix(" ") || expected == prefix { return opposite + expected.dropFirst(prefix.count) }
                }
            }
            return otherThan(expected, strings: strings)
        }
    }

    /// English expectations and their opposites, tried in order (made once, not on every negation).
    private static let opposites: [(String, String)] = [
        ("not declared", "declared"), ("declared", "not declared"),
        ("none of ", "one of "), ("one of ", "none of "),
        ("contains none of ", "contains any of "), ("contains any of ", "contains none of "),
        ("contains all of ", "lacking one of "), ("contains ", "not containing "),
        ("more than ", "at most "), ("at most ", "more than "), ("at least ", "less than "), ("less than ", "at least "),
        ("matches ", "not matching "), ("not ", ""),
    ]

    /// "other than …" in the words of `strings`, or what an "other than …" expectation excluded.
    private static func otherThan(_ expected: String, strings: ReportStrings) -> String {
        let marker = "\u{0}"
        let template = strings("expected.other_than", ["value": marker]).split(
            separator: marker, omittingEmptySubsequences: false)
        if template.count == 2, expected.count > template[0].count + template[1].count,
            expected.hasPrefix(template[0]), expected.hasSuffix(template[1])
        {
            let inner = expected.dropFirst(template[0].count).dropLast(template[1].count)
            if inner.hasPrefix("("), inner.hasSuffix(")") { return String(inner.dropFirst().dropLast()) }
            return String(inner)
        }
        return strings("expected.other_than", ["value": expected.contains(" ") ? "(\(expected))" : expected])
    }

    /// The observations of a failed negation (`not`, or `none` over a list): what held, each
    /// expectation turned around; when what held was an `all`, changing any one part is enough, so
    /// the first part is what to change and the others are alternatives (De Morgan).
    static func negated(_ observations: [FactObservation], of part: Condition, strings: ReportStrings = .english)
        -> [FactObservation]
    {
        var result = observations
        for index in result.indices { result[index].expected = negation(of: result[index].expected, strings: strings) }
        if case .all(let parts) = part, parts.count > 1 {
            var seenRequirement = false
            for index in result.indices where result[index].role != .given {
                result[index].role = seenRequirement ? .alternative : .required
                seenRequirement = true
            }
        }
        return result
    }

    // MARK: Roles in a failed `any`

    /// Marks what each part of a failed `any` means to a reader: a `not` part or a test of a
    /// derived fact is a premise ("given"): `any: [not: A, B]` is how a rule writes "if A then B";
    /// of the other parts the first is required and each later one an alternative. When every part
    /// is a premise, they stay as they are (the condition itself asks for the negation).
    static func assignRoles(_ verdicts: inout [Verdict], parts: [Condition]) {
        let premises = parts.map(isPremise)
        guard premises.contains(false) else { return }
        var seenRequirement = false
        for index in verdicts.indices {
            let role: FactRole
            if premises[index] {
                role = .given
            } else {
                role = seenRequirement ? .alternative : .required
                seenRequirement = true
            }
            verdicts[index].observations = verdicts[index].observations.map { observation in
                var marked = observation
                switch (role, observation.role) {
                case (.given, _), (_, .given): marked.role = .given
                case (.alternative, _), (_, .alternative): marked.role = .alternative
                default: marked.role = .required
                }
                return marked
            }
        }
    }

    /// A part that states when the rest applies rather than what to do: a `not`, or a test of a
    /// derived fact (which no one sets directly). A negative operator (`not_equals`, `contains_none`)
    /// is a requirement like any other: "the basis is not none" is what must change.
    static func isPremise(_ condition: Condition) -> Bool {
        switch condition {
        case .not:
            return true
        case .predicate(let predicate):
            if case .derived = predicate.fact.kind { return true }
            return false
        case .all(let parts):
            return !parts.isEmpty && parts.allSatisfy(isPremise)
        case .any:
            return false
        }
    }

    // MARK: Comparison

    /// Equality across int and double, and between dates and date strings.
    static func equal(_ lhs: Value, _ rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.int(let a), .double(let b)): Double(a) == b
        case (.double(let a), .int(let b)): a == Double(b)
        case (.date(let a), .string(let b)): a.description == b
        case (.string(let a), .date(let b)): a == b.description
        default: lhs == rhs
        }
    }

    /// The sign of `lhs - rhs` for numbers and dates, or `nil` when they are not comparable.
    static func compare(_ lhs: Value, _ rhs: Value) -> Int? {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): a < b ? -1 : (a > b ? 1 : 0)
        case (.date(let a), .date(let b)): a < b ? -1 : (a > b ? 1 : 0)
        default:
            numeric(lhs).flatMap { a in numeric(rhs).map { b in a < b ? -1 : (a > b ? 1 : 0) } }
        }
    }

    private static func numeric(_ value: Value) -> Double? {
        switch value {
        case .int(let number): Double(number)
        case .double(let number): number.isNaN ? nil : number
        default: nil
        }
    }

    // MARK: Words

    static func expectation(_ operation: Operator, asOf: CalendarDate?, strings: ReportStrings = .english) -> String {
        func list(_ values: [Value]) -> String { values.map(\.description).joined(separator: ", ") }
        func say(_ key: String, _ values: KeyValuePairs<String, String> = [:]) -> String { strings("expected.\(key)", values) }
        switch operation {
        case .equals(let value): return value.description
        case .notEquals(let value): return say("not", ["value": value.description])
        case .isIn(let values): return say("one_of", ["values": list(values)])
        case .notIn(let values): return say("none_of", ["values": list(values)])
        case .exists(let flag): return say(flag ? "declared" : "not_declared")
        case .contains(let value): return say("contains", ["value": value.description])
        case .containsAny(let values): return say("contains_any", ["values": list(values)])
        case .containsAll(let values): return say("contains_all", ["values": list(values)])
        case .containsNone(let values): return say("contains_none", ["values": list(values)])
        case .greaterThan(let value): return say("more_than", ["value": value.description])
        case .greaterThanOrEqual(let value): return say("at_least", ["value": value.description])
        case .lessThan(let value): return say("less_than", ["value": value.description])
        case .lessThanOrEqual(let value): return say("at_most", ["value": value.description])
        case .minItems(let count): return say("min_items", ["count": String(count)])
        case .maxItems(let count): return say("max_items", ["count": String(count)])
        case .matches(let pattern): return say("matches", ["pattern": pattern.source])
        case .withinDays(let days):
            return say("within_days", ["days": String(days), "date": asOf?.description ?? say("as_of_date")])
        case .every: return say("every")
        case .some: return say("some")
        case .none: return say("none")
        case .evidence(let options):
            if let days = options.maxAgeDays { return say("evidence_dated", ["days": String(days)]) }
            return say(options.requireDate ? "evidence_with_date" : "evidence")
        }
    }
}
