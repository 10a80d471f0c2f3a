/// Reads pack manifests and sector files into checked `RulePack`s, collecting every problem.
struct PackLoader {
    let vocabulary: Vocabulary
    let reader: YAMLReader
    var diagnostics: [Diagnostic] = []

    init(vocabulary: Vocabulary, reader: YAMLReader) {
        self.vocabulary = vocabulary
        self.reader = reader
    }

    private struct Manifest {
        var id: String
        var namespace: String
        var title: String
        var jurisdiction: String
        var version: String
        var lawVersionDate: CalendarDate?
        var instruments: [Instrument]
        var derive: Node?
        var roles: Node?
        var languages: [Language]
        var location: SourceLocation
    }

    private mutating func parse(_ file: RuleSource.File) -> Node? {
        do throws(Diagnostic) {
            return Node(try reader.read(file.bytes, file: file.displayName))
        } catch {
            diagnostics.append(error)
            return nil
        }
    }

    mutating func load(_ groups: [(manifest: RuleSource.File, sectorFiles: [RuleSource.File])]) -> [RulePack] {
        var manifests: [(Manifest, [RuleSource.File])] = []
        var packIDs: [String: SourceLocation] = [:]
        var namespaces: [String: SourceLocation] = [:]
        for group in groups {
            guard let node = parse(group.manifest), let manifest = manifest(node) else { continue }
            if let first = packIDs[manifest.id] {
                diagnostics.append(
                    .error(
                        "duplicate pack id '\(manifest.id)'", at: manifest.location, notes: [.init("first used here", at: first)])
                )
                continue
            }
            packIDs[manifest.id] = manifest.location
            // One namespace per pack: a second pack with the same namespace would replace the first
            // one's derived facts and silently switch its findings off.
            if let first = namespaces[manifest.namespace] {
                diagnostics.append(
                    .error(
                        "namespace '\(manifest.namespace)' is already used by another pack; each pack needs its own, or its derived facts would replace the other's",
                        at: manifest.location, notes: [.init("first used here", at: first)]))
                continue
            }
            namespaces[manifest.namespace] = manifest.location
            manifests.append((manifest, group.sectorFiles))
        }

        // Derived facts are visible to every condition of every pack.
        var derivedValues: [String: [String]] = [:]
        for (manifest, _) in manifests {
            for entry in manifest.derive?.elements ?? [] {
                if let name = entry["name"]?.value.stringValue, let values = entry["values"]?.value.listValue {
                    derivedValues["\(manifest.namespace).\(name)"] = values.compactMap(\.stringValue)
                }
            }
        }

        var packs: [RulePack] = []
        var ruleIDs: [String: SourceLocation] = [:]
        for (manifest, sectorFiles) in manifests {
            var conditions = ConditionParser(vocabulary: vocabulary, derived: derivedValues)
            let entries = manifest.derive?.elements ?? []
            let names = entries.map { $0["name"]?.value.stringValue.map { "\(manifest.namespace).\($0)" } }
            var derivations: [Derivation] = []
            for (index, entry) in entries.enumerated() {
                conditions.notYetDerived = Set(names[index...].compactMap { $0 })
                if let derivation = derivation(entry, manifest: manifest, conditions: &conditions) {
                    derivations.append(derivation)
                }
            }
            conditions.notYetDerived = []
            var derivedNames: Set<String> = []
            for derivation in derivations {
                if !derivedNames.insert(derivation.name).inserted {
                    diagnostics.append(
                        .error("duplicate derived fact '\(manifest.namespace).\(derivation.name)'", at: manifest.location))
                }
                guard derivation.declared != nil else { continue }
                let id = derivation.declaredRuleID
                if let first = ruleIDs[id] {
                    diagnostics.append(
                        .error(
                            "the derived finding id '\(id)' of '\(manifest.namespace).\(derivation.name)' is already used",
                            at: manifest.location, notes: [.init("first defined here", at: first)]))
                }
                ruleIDs[id] = ruleIDs[id] ?? manifest.location
            }
            let roles = manifest.roles.flatMap { self.roles($0, manifest: manifest, conditions: &conditions) }
            var rules: [Rule] = []
            for file in sectorFiles {
                guard let node = parse(file) else { continue }
                rules += sectorRules(node, manifest: manifest, roles: roles, conditions: &conditions)
            }
            diagnostics.append(contentsOf: conditions.diagnostics)
            for rule in rules {
                if let first = ruleIDs[rule.id] {
                    diagnostics.append(
                        .error(
                            "duplicate rule id '\(rule.id)'", at: rule.location, notes: [.init("first defined here", at: first)]))
                }
                ruleIDs[rule.id] = ruleIDs[rule.id] ?? rule.location
            }
            packs.append(
                RulePack(
                    id: manifest.id, namespace: manifest.namespace, title: manifest.title,
                    jurisdiction: manifest.jurisdiction, version: manifest.version,
                    lawVersionDate: manifest.lawVersionDate, instruments: manifest.instruments,
                    derivations: derivations, roles: roles, rules: rules, languages: manifest.languages,
                    location: manifest.location))
        }
        return packs
    }

    // MARK: Manifest

    private mutating func manifest(_ node: Node) -> Manifest? {
        var fields = FieldReader(node, context: "the pack manifest")
        Vocabulary.checkHeader(&fields, kind: "RulePack")
        let id = fields.string("id", required: true)
        let namespace = fields.string("namespace", required: true)
        let title = fields.string("title", required: true)
        let jurisdiction = fields.string("jurisdiction", required: true)
        let version = fields.string("version", required: true)
        let lawVersionDate = fields.date("law_version_date")
        var instruments: [Instrument] = []
        if let list = fields.node("instruments", required: true) {
            if list.elements.isEmpty { fields.error("'instruments' must list at least one instrument", at: list.location) }
            for element in list.elements {
                var item = FieldReader(element, context: "an instrument")
                let instrumentID = item.string("id", required: true)
                let instrumentTitle = item.string("title", required: true)
                let number = item.string("number")
                let adopted = item.date("adopted")
                let effective = item.date("effective", required: true)
                let url = item.string("url")
                item.rejectUnknownKeys()
                fields.append(item.diagnostics)
                if let instrumentID, let instrumentTitle, let effective {
                    instruments.append(
                        Instrument(
                            id: instrumentID, title: instrumentTitle, number: number, adopted: adopted,
                            effective: effective, url: url))
                }
            }
        }
        let derive = fields.node("derive")
        let roles = fields.node("roles")
        var languages: [Language] = [.en]
        if let codes = fields.strings("languages") {
            let location = node["languages"]?.location ?? node.location
            languages = []
            for code in codes {
                guard let language = Language(rawValue: code) else {
                    let hint = Language.suggestion(for: code).map { "; did you mean '\($0.rawValue)' (\($0.englishName))?" } ?? ""
                    fields.error(
                        "'languages': '\(code)' is not one of \(Language.allCases.map(\.rawValue).joined(separator: ", "))\(hint)",
                        at: location)
                    continue
                }
                if !languages.contains(language) { languages.append(language) }
            }
            if !languages.contains(.en) {
                fields.error("'languages' must include 'en': the English text of the pack is the source", at: location)
            }
        }
        if let derive, derive.value.listValue == nil {
            fields.error("'derive' must be a list", at: derive.location)
        }
        if let namespace,
            namespace.isEmpty
                || !namespace.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
        {
            fields.error(
                "'namespace' must be lower-case letters, digits or '_', found '\(namespace)'", at: node.keyLocation("namespace"))
        }
        fields.rejectUnknownKeys(allowed: ["apiVersion", "kind", "description"])
        diagnostics.append(contentsOf: fields.diagnostics)
        guard let id, let namespace, let title, let jurisdiction, let version, !fields.diagnostics.containsErrors else {
            return nil
        }
        return Manifest(
            id: id, namespace: namespace, title: title, jurisdiction: jurisdiction, version: version,
            lawVersionDate: lawVersionDate, instruments: instruments, derive: derive, roles: roles,
            languages: languages, location: node.location)
    }

    /// The manifest's `roles: {fact: <list-of-enum fact>, added_by: [derived.<namespace>.<name>, ...]}`.
    private mutating func roles(_ node: Node, manifest: Manifest, conditions: inout ConditionParser) -> RoleDeclaration? {
        var fields = FieldReader(node, context: "'roles'")
        let path = fields.string("fact", required: true)
        let added = fields.strings("added_by") ?? []
        fields.rejectUnknownKeys()
        var declaration: RoleDeclaration?
        if let path, let fact = conditions.reference(path, at: node["fact"]?.location ?? node.location, scope: "") {
            if case .list(.enumeration(let roles)) = fact.type, fact.kind == .fact {
                declaration = RoleDeclaration(fact: fact, addedBy: [], roles: roles)
            } else {
                fields.error(
                    "roles fact '\(path)' must be a list of enum values (the roles), found \(fact.type)",
                    at: node["fact"]?.location ?? node.location)
            }
        }
        let addedNodes = node["added_by"]?.elements ?? []
        for (text, element) in zip(added, addedNodes) {
            guard let reference = conditions.reference(text, at: element.location, scope: "") else { continue }
            guard case .derived(let namespace, _) = reference.kind, namespace == manifest.namespace else {
                fields.error(
                    "'added_by' names derived facts of this pack (derived.\(manifest.namespace).<name>), found '\(text)'",
                    at: element.location)
                continue
            }
            if let roles = declaration?.roles, let values = reference.type.allowedValues {
                let strays = values.filter { !roles.contains($0) && $0 != "none" }
                if !strays.isEmpty {
                    fields.error(
                        "derived fact '\(text)' adds roles, so its values must be roles or 'none'; not roles: \(strays.joined(separator: ", "))",
                        at: element.location)
                    continue
                }
            }
            declaration?.addedBy.append(reference)
        }
        diagnostics.append(contentsOf: fields.diagnostics)
        return fields.diagnostics.containsErrors ? nil : declaration
    }

    private mutating func citation(_ node: Node, manifest: Manifest) -> Citation? {
        var fields = FieldReader(node, context: "a citation")
        let instrument = fields.string("instrument", required: true)
        let article = fields.string("article", required: true)
        let paragraph = fields.string("paragraph")
        let subparagraph = fields.string("subparagraph")
        let basis = fields.choice("basis", Citation.Basis.allCases.map(\.rawValue), required: true)
        fields.rejectUnknownKeys()
        if let instrument, !manifest.instruments.contains(where: { $0.id == instrument }) {
            fields.error(
                "unknown instrument '\(instrument)'; declare it under 'instruments' in pack.yaml"
                    + Suggestion.phrase(for: instrument, in: manifest.instruments.map(\.id)),
                at: node["instrument"]?.location ?? node.location)
        }
        diagnostics.append(contentsOf: fields.diagnostics)
        guard let instrument, let article, let basis, let basisValue = Citation.Basis(rawValue: basis),
            !fields.diagnostics.containsErrors
        else { return nil }
        return Citation(
            instrument: instrument, article: article, paragraph: paragraph, subparagraph: subparagraph, basis: basisValue)
    }

    private mutating func derivation(_ node: Node, manifest: Manifest, conditions: inout ConditionParser) -> Derivation? {
        var fields = FieldReader(node, context: "a derivation")
        let name = fields.string("name", required: true)
        let values = fields.strings("values") ?? []
        if values.isEmpty { fields.error("a derivation needs a non-empty 'values' list, lowest first", at: node.location) }
        let declaredPath = fields.string("declared")
        let defaultValue = fields.string("default", required: true)
        var check = DeclaredCheck.defaults(name: name ?? "", declaredPath: declaredPath ?? "")
        if let title = fields.string("title") { check.title = title }
        check.description = fields.string("description")
        if let severity = fields.choice("severity", Severity.allCases.map(\.rawValue)).flatMap(Severity.init) {
            check.severity = severity
        }
        if let category = fields.choice("category", RuleCategory.allCases.map(\.rawValue)).flatMap(RuleCategory.init) {
            check.category = category
        }
        if let remediation = fields.string("remediation") { check.remediation = remediation }
        check.effective = fields.date("effective")
        var cases: [Derivation.Case] = []
        if let list = fields.node("cases", required: true) {
            for element in list.elements {
                var item = FieldReader(element, context: "a derivation case")
                let value = item.string("value", required: true)
                let when = item.node("when", required: true).flatMap { conditions.condition($0) }
                let because = item.string("because", required: true)
                let citationNode = item.node("citation", required: true)
                item.rejectUnknownKeys()
                fields.append(item.diagnostics)
                let citation = citationNode.flatMap { self.citation($0, manifest: manifest) }
                if let value, !values.contains(value) {
                    fields.error(
                        "'\(value)' is not one of the derivation's values: \(values.joined(separator: ", "))",
                        at: element["value"]?.location ?? element.location)
                }
                if let value, let when, let because, let citation {
                    cases.append(.init(value: value, when: when, because: because, citation: citation))
                }
            }
        }
        var declared: FactReference?
        if let declaredPath {
            let location = node["declared"]?.location ?? node.location
            declared = conditions.reference(declaredPath, at: location, scope: "")
            if let declared, declared.type.allowedValues.map(Set.init) != Set(values) || declared.type.elementType != nil {
                fields.error(
                    "declared fact '\(declaredPath)' must be an enum with the same values as the derivation (\(values.joined(separator: ", ")))",
                    at: location)
            }
        }
        if let defaultValue, !values.contains(defaultValue) {
            fields.error(
                "default '\(defaultValue)' is not one of the derivation's values", at: node["default"]?.location ?? node.location)
        }
        fields.rejectUnknownKeys()
        diagnostics.append(contentsOf: fields.diagnostics)
        guard let name, let defaultValue, !fields.diagnostics.containsErrors else { return nil }
        if check.effective == nil {
            let instrument = cases.first?.citation.instrument ?? manifest.instruments.first?.id
            check.effective = manifest.instruments.first { $0.id == instrument }?.effective
        }
        var derivation = Derivation(
            name: name, namespace: manifest.namespace, values: values, declared: declared, cases: cases,
            defaultValue: defaultValue, check: check, location: node.location)
        derivation.writtenTexts = ["title", "description", "remediation"].filter { node[$0] != nil }
        return derivation
    }

    // MARK: Sector files and rules

    private mutating func sectorRules(
        _ node: Node, manifest: Manifest, roles: RoleDeclaration?, conditions: inout ConditionParser
    ) -> [Rule] {
        var fields = FieldReader(node, context: "the rule file")
        Vocabulary.checkHeader(&fields, kind: "RuleSet")
        let sectors = ["all"] + (vocabulary.fact(at: "system.sectors")?.type.allowedValues ?? [])
        let sector = fields.choice("sector", sectors, required: true)
        _ = fields.string("description")
        var rules: [Rule] = []
        if let list = fields.node("rules", required: true) {
            if list.value.listValue == nil { fields.error("'rules' must be a list", at: list.location) }
            for element in list.elements {
                if let rule = rule(
                    element, sector: sector ?? "all", manifest: manifest, roles: roles, conditions: &conditions)
                {
                    rules.append(rule)
                }
            }
        }
        fields.rejectUnknownKeys()
        diagnostics.append(contentsOf: fields.diagnostics)
        return rules
    }

    static func isValidRuleID(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty }) else { return false }
        let upperOrDigit: (Unicode.Scalar) -> Bool = { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
        guard let first = parts[0].unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
        return parts.allSatisfy { $0.unicodeScalars.allSatisfy(upperOrDigit) }
    }

    private mutating func rule(
        _ node: Node, sector: String, manifest: Manifest, roles: RoleDeclaration?, conditions: inout ConditionParser
    ) -> Rule? {
        var fields = FieldReader(node, context: "a rule")
        let id = fields.string("id", required: true)
        if let id, !Self.isValidRuleID(id) {
            fields.error(
                "rule id '\(id)' must be upper-case words joined by '-', like KZ-21-01", at: node["id"]?.location ?? node.location
            )
        }
        let context = id.map { "rule \($0)" } ?? "a rule"
        let title = fields.string("title", required: true)
        let description = fields.string("description")
        let category = fields.choice("category", RuleCategory.allCases.map(\.rawValue), required: true)
        let severity = fields.choice("severity", Severity.allCases.map(\.rawValue), required: true)
        var citations: [Citation] = []
        let single = fields.node("citation")
        let several = fields.node("citations")
        switch (single, several) {
        case (let one?, nil):
            if let citation = citation(one, manifest: manifest) { citations = [citation] }
        case (nil, let list?):
            if list.elements.isEmpty { fields.error("'citations' must list at least one citation", at: list.location) }
            citations = list.elements.compactMap { citation($0, manifest: manifest) }
        case (.some, .some):
            fields.error("\(context) has both 'citation' and 'citations'; use one", at: node.location)
        case (nil, nil):
            fields.error("\(context) has no citation: every rule cites the law it comes from", at: node.location)
        }
        var effective: CalendarDate?
        var effectiveCases: [EffectiveDate] = []
        if let effectiveNode = node["effective"], effectiveNode.value.listValue != nil {
            _ = fields.node("effective")
            (effective, effectiveCases) = self.effectiveCases(effectiveNode, context: context, conditions: &conditions)
        } else {
            effective = fields.date("effective")
        }
        let until = fields.date("until")
        let bearers = self.bearers(fields.node("bearer"), context: context, roles: roles, fields: &fields)
        let related = self.related(fields.node("related"), id: id, fields: &fields)
        let when = fields.node("when").flatMap { conditions.condition($0) }
        let requireNode = fields.node("require", required: true)
        let require = requireNode.flatMap { conditions.condition($0) }
        let waivable = fields.bool("waivable") ?? true
        let stages = fields.strings("stages")
        let stageValues = vocabulary.fact(at: "system.lifecycle")?.type.allowedValues ?? []
        for stage in stages ?? [] where !stageValues.contains(stage) {
            fields.error(
                "\(context): stage '\(stage)' is not a value of system.lifecycle (\(stageValues.joined(separator: ", ")))"
                    + Suggestion.phrase(for: stage, in: stageValues),
                at: node["stages"]?.location ?? node.location)
        }
        if let stages, stages.isEmpty {
            fields.error(
                "\(context): 'stages' must list at least one lifecycle stage", at: node["stages"]?.location ?? node.location)
        }
        let message = fields.string("message", required: true)
        let remediation = fields.string("remediation", required: true)
        let examples = self.examples(fields.node("examples"), context: context, at: node.location, fields: &fields)
        fields.rejectUnknownKeys()
        if category == RuleCategory.prohibitedPractice.rawValue, waivable {
            fields.error("\(context) is a prohibited practice and must say 'waivable: false'", at: node.location)
        }
        if let effective, let until, until <= effective || effectiveCases.contains(where: { until <= $0.date }) {
            fields.error("\(context): 'until' must be after 'effective'", at: node["until"]?.location ?? node.location)
        }
        diagnostics.append(contentsOf: fields.diagnostics)
        guard let id, let title, let category, let categoryValue = RuleCategory(rawValue: category), let severity,
            let severityValue = Severity(rawValue: severity), let require, let message, let remediation,
            let first = citations.first, let instrument = manifest.instruments.first(where: { $0.id == first.instrument }),
            !fields.diagnostics.containsErrors
        else { return nil }
        if requireNode != nil, node["when"] != nil, when == nil { return nil }
        return Rule(
            id: id, title: title, description: description, category: categoryValue, severity: severityValue,
            citations: citations, effective: effective ?? instrument.effective, effectiveCases: effectiveCases,
            until: until, when: when, require: require, waivable: waivable, bearers: bearers, related: related,
            message: message, remediation: remediation, examples: examples, stages: stages, sector: sector,
            pack: manifest.id,
            location: node.location)
    }

    /// `effective:` as a list of `{date, when}` cases ending with a `{date}` default: returns the
    /// default date and the conditional cases.
    private mutating func effectiveCases(_ node: Node, context: String, conditions: inout ConditionParser) -> (
        CalendarDate?, [EffectiveDate]
    ) {
        let elements = node.elements
        guard !elements.isEmpty else {
            diagnostics.append(.error("\(context): 'effective' must be a date or a non-empty list of cases", at: node.location))
            return (nil, [])
        }
        var cases: [EffectiveDate] = []
        var fallback: CalendarDate?
        for (index, element) in elements.enumerated() {
            var item = FieldReader(element, context: "an effective-date case")
            let date = item.date("date", required: true)
            let whenNode = item.node("when")
            item.rejectUnknownKeys()
            let isLast = index == elements.count - 1
            if isLast, whenNode != nil {
                item.error(
                    "\(context): the last 'effective' case is the default and takes no 'when'", at: element.location)
            }
            if !isLast, whenNode == nil {
                item.error(
                    "\(context): every 'effective' case but the last needs a 'when' (only the last is the default)",
                    at: element.location)
            }
            diagnostics.append(contentsOf: item.diagnostics)
            guard let date else { continue }
            if isLast {
                fallback = date
            } else if let whenNode, let when = conditions.condition(whenNode) {
                cases.append(EffectiveDate(date: date, when: when, location: element.location))
            }
        }
        return (fallback, cases)
    }

    /// `bearer:` a role or a list of roles, each one of the pack's `roles`.
    private mutating func bearers(_ node: Node?, context: String, roles: RoleDeclaration?, fields: inout FieldReader)
        -> [String]
    {
        guard let node else { return [] }
        var names: [(String, SourceLocation)] = []
        switch node.value {
        case .string(let name): names = [(name, node.location)]
        case .list:
            for element in node.elements {
                if case .string(let name) = element.value {
                    names.append((name, element.location))
                } else {
                    fields.error("'bearer' must list role names", at: element.location)
                }
            }
            if names.isEmpty { fields.error("'bearer' must name at least one role", at: node.location) }
        default:
            fields.error("'bearer' must be a role or a list of roles, found \(node.value.typeName)", at: node.location)
        }
        guard let roles else {
            if !names.isEmpty {
                fields.error(
                    "\(context) names a bearer but pack.yaml declares no 'roles' (the fact holding the system's roles)",
                    at: node.location)
            }
            return []
        }
        for (name, location) in names where !roles.roles.contains(name) {
            fields.error(
                "unknown role '\(name)'; the roles of \(roles.fact.text) are \(roles.roles.joined(separator: ", "))"
                    + Suggestion.phrase(for: name, in: roles.roles), at: location)
        }
        return names.map(\.0)
    }

    /// `related: [{rule: ID, relation: equivalent-to|subset-of|superset-of|intersects-with}]`; that
    /// the named rules exist is checked by `rules lint` once every pack is loaded.
    private mutating func related(_ node: Node?, id: String?, fields: inout FieldReader) -> [RelatedRule] {
        guard let node else { return [] }
        guard node.value.listValue != nil else {
            fields.error("'related' must be a list of {rule, relation}", at: node.location)
            return []
        }
        var links: [RelatedRule] = []
        for element in node.elements {
            var item = FieldReader(element, context: "a related rule")
            let rule = item.string("rule", required: true)
            let relation = item.choice("relation", RelatedRule.Relation.allCases.map(\.rawValue), required: true)
            item.rejectUnknownKeys()
            if let rule, !Self.isValidRuleID(rule) {
                item.error("'\(rule)' is not a rule id", at: element["rule"]?.location ?? element.location)
            }
            if let rule, rule == id {
                item.error("a rule cannot be related to itself", at: element["rule"]?.location ?? element.location)
            }
            fields.append(item.diagnostics)
            if let rule, let relation, let value = RelatedRule.Relation(rawValue: relation), !item.diagnostics.containsErrors {
                links.append(RelatedRule(rule: rule, relation: value, location: element.location))
            }
        }
        return links
    }

    private mutating func examples(_ node: Node?, context: String, at location: SourceLocation, fields: inout FieldReader)
        -> RuleExamples
    {
        guard let node else {
            fields.error("\(context) has no examples: give at least one 'pass' and one 'fail' example", at: location)
            return RuleExamples()
        }
        var items = FieldReader(node, context: "examples")
        let asOf = items.date("as_of")
        let validator = SystemValidator(vocabulary: vocabulary, strict: true)
        func documents(_ key: String) -> [Document] {
            guard let list = items.node(key) else {
                items.error("\(context) needs at least one '\(key)' example", at: node.location)
                return []
            }
            guard list.value.listValue != nil, !list.elements.isEmpty else {
                items.error("'\(key)' must be a non-empty list of partial system descriptions", at: list.location)
                return []
            }
            var result: [Document] = []
            for element in list.elements {
                let document = Document(file: element.file, root: element.value, marks: element.marks)
                let checked = validator.validate(document, partial: true)
                items.append(checked.diagnostics)
                if let normalized = checked.document { result.append(normalized) }
            }
            return result
        }
        let pass = documents("pass")
        let fail = documents("fail")
        items.rejectUnknownKeys()
        fields.append(items.diagnostics)
        return RuleExamples(asOf: asOf, pass: pass, fail: fail)
    }
}
