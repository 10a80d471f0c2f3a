/// Parses and type-checks conditions against the vocabulary and the derived facts (DESIGN §4.1),
/// collecting every problem with its position.
struct ConditionParser {
    let vocabulary: Vocabulary
    /// Derived facts by `namespace.name`, with their ordered values.
    let derived: [String: [String]]
    private(set) var diagnostics: [Diagnostic] = []
    /// Derived facts (`namespace.name`) that may not be read here: while a pack's derivations are
    /// parsed, the one being parsed and those after it, since derivations are evaluated in order
    /// (this refuses cycles and self-references).
    var notYetDerived: Set<String> = []

    init(vocabulary: Vocabulary, derived: [String: [String]]) {
        self.vocabulary = vocabulary
        self.derived = derived
    }

    static let operatorNames = [
        "equals", "not_equals", "in", "not_in", "exists", "contains", "contains_any", "contains_all",
        "contains_none", "gt", "gte", "lt", "lte", "min_items", "max_items", "matches", "within_days", "every",
        "some", "none", "evidence",
    ]
    static let combinators = ["all", "any", "not"]

    private mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    /// A condition mapping; `scope` is "" at the document root or the vocabulary path of a list of
    /// objects inside `every`/`some`/`none`.
    mutating func condition(_ node: Node, scope: String = "") -> Condition? {
        guard case .map = node.value else {
            error("a condition must be a mapping of fact paths and combinators, found \(node.value.typeName)", at: node.location)
            return nil
        }
        let entries = node.entries
        if entries.isEmpty {
            error("a condition must not be empty", at: node.location)
            return nil
        }
        var parts: [Condition] = []
        var failed = false
        for entry in entries {
            let part: Condition?
            switch entry.key {
            case "all", "any":
                part = combinator(entry.key, entry.node, scope: scope)
            case "not":
                part = condition(entry.node, scope: scope).map(Condition.not)
            default:
                part = predicate(path: entry.key, at: entry.keyLocation, entry.node, scope: scope)
            }
            if let part { parts.append(part) } else { failed = true }
        }
        if failed { return nil }
        return parts.count == 1 ? parts[0] : .all(parts)
    }

    private mutating func combinator(_ name: String, _ node: Node, scope: String) -> Condition? {
        guard case .list(let list) = node.value, !list.isEmpty else {
            error("'\(name)' needs a non-empty list of conditions", at: node.location)
            return nil
        }
        var parts: [Condition] = []
        var failed = false
        for element in node.elements {
            if let part = condition(element, scope: scope) { parts.append(part) } else { failed = true }
        }
        if failed { return nil }
        return name == "all" ? .all(parts) : .any(parts)
    }

    /// Resolves a written path to a fact reference.
    mutating func reference(_ path: String, at location: SourceLocation, scope: String) -> FactReference? {
        let keys = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if keys.contains(where: \.isEmpty) {
            error("'\(path)' is not a dotted fact path", at: location)
            return nil
        }
        if keys.first == "derived" {
            guard keys.count == 3 else {
                error("a derived fact is written derived.<namespace>.<name>, found '\(path)'", at: location)
                return nil
            }
            let key = "\(keys[1]).\(keys[2])"
            guard let values = derived[key] else {
                let suggestion = Suggestion.closest(to: key, in: derived.keys.sorted())
                error(
                    "unknown derived fact '\(path)'" + (suggestion.map { "; did you mean 'derived.\($0)'?" } ?? ""),
                    at: location)
                return nil
            }
            if notYetDerived.contains(key) {
                error(
                    "derived fact '\(path)' is read before it is derived; a derivation may read only the derivations listed before it",
                    at: location)
                return nil
            }
            return FactReference(
                text: path, keys: keys, kind: .derived(namespace: keys[1], name: keys[2]), type: .enumeration(values),
                vocabularyPath: path)
        }
        let full = scope.isEmpty ? path : "\(scope).\(path)"
        guard let fact = vocabulary.fact(at: full) else {
            // Suggest among the facts of the same parent, else among all paths.
            let parent = full.split(separator: ".").dropLast().joined(separator: ".")
            var candidates = vocabulary.children(of: parent).map(\.path)
            if Suggestion.closest(to: full, in: candidates) == nil { candidates = vocabulary.facts.map(\.path) }
            var suggestion = Suggestion.closest(to: full, in: candidates)
            if let found = suggestion, !scope.isEmpty, found.hasPrefix(scope + ".") {
                suggestion = String(found.dropFirst(scope.count + 1))
            }
            let within = scope.isEmpty ? "" : " in the elements of \(scope)"
            error("unknown fact '\(path)'\(within)" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""), at: location)
            return nil
        }
        return FactReference(text: path, keys: keys, kind: .fact, type: fact.type, vocabularyPath: full)
    }

    private mutating func predicate(path: String, at location: SourceLocation, _ node: Node, scope: String) -> Condition? {
        guard let fact = reference(path, at: location, scope: scope) else { return nil }
        var operators: [Operator] = []
        var failed = false
        switch node.value {
        case .map:
            if node.entries.isEmpty {
                error("'\(path)' needs at least one operator", at: node.location)
                return nil
            }
            for entry in node.entries {
                if let operation = operation(entry.key, entry.node, at: entry.keyLocation, fact: fact) {
                    operators.append(operation)
                } else {
                    failed = true
                }
            }
        case .list:
            error(
                "'\(path)': a list is not a value to compare; use in, contains_any or contains_all", at: node.location)
            return nil
        default:
            // A scalar is shorthand for `equals`.
            guard let operation = operation("equals", node, at: node.location, fact: fact) else { return nil }
            operators.append(operation)
        }
        if failed { return nil }
        return .predicate(Predicate(fact: fact, operators: operators, location: location))
    }

    // MARK: Operators

    private mutating func operation(_ name: String, _ node: Node, at location: SourceLocation, fact: FactReference) -> Operator? {
        let type = fact.type
        func unfit(_ expected: String) -> Operator? {
            error("operator '\(name)' does not apply to '\(fact.text)' of type \(type); it needs \(expected)", at: location)
            return nil
        }
        let isScalar: Bool
        switch type {
        case .string, .bool, .int, .number, .date, .enumeration: isScalar = true
        default: isScalar = false
        }
        switch name {
        case "equals", "not_equals":
            guard isScalar else { return unfit("a single value (string, bool, int, number, date or enum)") }
            guard let value = operand(node, type: type, fact: fact, operator: name) else { return nil }
            return name == "equals" ? .equals(value) : .notEquals(value)
        case "in", "not_in":
            guard isScalar else { return unfit("a single value (string, bool, int, number, date or enum)") }
            guard let values = operands(node, type: type, fact: fact, operator: name) else { return nil }
            return name == "in" ? .isIn(values) : .notIn(values)
        case "exists":
            guard case .bool(let flag) = node.value else {
                error("'exists' takes true or false, found \(node.value.typeName)", at: node.location)
                return nil
            }
            return .exists(flag)
        case "contains":
            switch type {
            case .list(let element) where element != .object:
                return operand(node, type: element, fact: fact, operator: name).map(Operator.contains)
            case .string:
                return operand(node, type: .string, fact: fact, operator: name).map(Operator.contains)
            default:
                return unfit("a list of values or a string")
            }
        case "contains_any", "contains_all", "contains_none":
            guard case .list(let element) = type, element != .object else { return unfit("a list of values") }
            guard let values = operands(node, type: element, fact: fact, operator: name) else { return nil }
            switch name {
            case "contains_any": return .containsAny(values)
            case "contains_all": return .containsAll(values)
            default: return .containsNone(values)
            }
        case "gt", "gte", "lt", "lte":
            guard type.isOrdered else { return unfit("an int, a number or a date") }
            guard let value = operand(node, type: type, fact: fact, operator: name) else { return nil }
            switch name {
            case "gt": return .greaterThan(value)
            case "gte": return .greaterThanOrEqual(value)
            case "lt": return .lessThan(value)
            default: return .lessThanOrEqual(value)
            }
        case "min_items", "max_items":
            guard case .list = type else { return unfit("a list") }
            guard let count = count(node, operator: name) else { return nil }
            return name == "min_items" ? .minItems(count) : .maxItems(count)
        case "within_days":
            guard type == .date else { return unfit("a date") }
            return count(node, operator: name).map(Operator.withinDays)
        case "matches":
            guard type == .string || type.allowedValues != nil && type.elementType == nil else { return unfit("a string") }
            guard case .string(let source) = node.value else {
                error("'matches' takes a regular expression string, found \(node.value.typeName)", at: node.location)
                return nil
            }
            do throws(Pattern.SyntaxError) {
                return .matches(try Pattern(source))
            } catch {
                self.error("invalid regular expression: \(error)", at: node.location)
                return nil
            }
        case "every", "some", "none":
            guard type == .list(.object) else { return unfit("a list of objects") }
            guard let inner = condition(node, scope: fact.vocabularyPath) else { return nil }
            switch name {
            case "every": return .every(inner)
            case "some": return .some(inner)
            default: return .none(inner)
            }
        case "evidence":
            guard type == .evidence else { return unfit("an evidence fact") }
            var fields = FieldReader(node, context: "'evidence' options")
            let maxAge = fields.int("max_age_days")
            let requireDate = fields.bool("require_date") ?? false
            fields.rejectUnknownKeys()
            if let maxAge, maxAge < 0 { fields.error("'max_age_days' must not be negative", at: node.location) }
            diagnostics.append(contentsOf: fields.diagnostics)
            if fields.diagnostics.containsErrors { return nil }
            return .evidence(EvidenceOptions(maxAgeDays: maxAge, requireDate: requireDate))
        default:
            error(
                "unknown operator '\(name)'" + Suggestion.phrase(for: name, in: Self.operatorNames), at: location)
            return nil
        }
    }

    private mutating func count(_ node: Node, operator name: String) -> Int? {
        guard case .int(let count) = node.value, count >= 0 else {
            error("'\(name)' takes a non-negative integer, found '\(node.value)'", at: node.location)
            return nil
        }
        return count
    }

    private mutating func operands(_ node: Node, type: FactType, fact: FactReference, operator name: String) -> [Value]? {
        guard case .list = node.value else {
            error("'\(name)' takes a list of values, found \(node.value.typeName)", at: node.location)
            return nil
        }
        var values: [Value] = []
        var failed = false
        for element in node.elements {
            if let value = operand(element, type: type, fact: fact, operator: name) {
                values.append(value)
            } else {
                failed = true
            }
        }
        return failed ? nil : values
    }

    /// One operand, checked against the fact's (element) type; dates become `.date`.
    private mutating func operand(_ node: Node, type: FactType, fact: FactReference, operator name: String) -> Value? {
        let value = node.value
        func wrong(_ expected: String) -> Value? {
            error(
                "'\(name)' on '\(fact.text)' needs \(expected), found \(value.typeName) '\(value)'", at: node.location)
            return nil
        }
        switch type {
        case .string:
            return value.stringValue != nil ? value : wrong("a string")
        case .bool:
            if case .bool = value { return value }
            return wrong("true or false")
        case .int:
            if case .int = value { return value }
            return wrong("an integer")
        case .number:
            switch value {
            case .int: return value
            case .double(let number) where number.isFinite: return value
            default: return wrong("a finite number")
            }
        case .date:
            if case .date = value { return value }
            if case .string(let text) = value, let date = CalendarDate(text) { return .date(date) }
            return wrong("a date YYYY-MM-DD")
        case .enumeration(let allowed):
            guard case .string(let text) = value else { return wrong("one of \(allowed.joined(separator: ", "))") }
            guard allowed.contains(text) else {
                error(
                    "'\(text)' is not a value of '\(fact.text)'; expected one of \(allowed.joined(separator: ", "))"
                        + Suggestion.phrase(for: text, in: allowed), at: node.location)
                return nil
            }
            return value
        case .evidence, .object, .list:
            return wrong("a value of a scalar fact")
        }
    }
}
