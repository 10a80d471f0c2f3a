internal import OrderedCollections

/// Writes a checked `RuleLibrary` in the compact form the build embeds (`CompiledLibrary`, which
/// describes the form), read back by `CompiledLibraryReader`.
struct CompiledLibraryWriter {
    private var body: [UInt8] = Array(CompiledLibrary.header.utf8)
    private var strings: [String] = []
    private var stringIndex: [String: Int] = [:]

    /// The compiled form of `library`.
    static func compile(_ library: RuleLibrary) -> CompiledLibrary {
        var writer = CompiledLibraryWriter()
        writer.write(library)
        return CompiledLibrary(strings: writer.strings, body: String(decoding: writer.body, as: UTF8.self))
    }

    // MARK: Primitives

    private mutating func int(_ value: Int) {
        // Zigzag: 0, -1, 1, -2, ... become 0, 1, 2, 3, ...
        var rest = UInt(bitPattern: (value << 1) ^ (value >> (Int.bitWidth - 1)))
        while rest >= 0x40 {
            body.append(0x60 | UInt8(rest & 0x1F))
            rest >>= 5
        }
        body.append(0x20 + UInt8(rest))
    }

    private mutating func bool(_ value: Bool) { int(value ? 1 : 0) }

    private mutating func string(_ value: String) {
        if let index = stringIndex[value] {
            int(index)
        } else {
            stringIndex[value] = strings.count
            int(strings.count)
            strings.append(value)
        }
    }

    private mutating func optional<T>(_ value: T?, _ write: (inout Self, T) -> Void) {
        guard let value else { return int(0) }
        int(1)
        write(&self, value)
    }

    private mutating func array<T>(_ values: [T], _ write: (inout Self, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }

    private mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }

    private mutating func date(_ value: CalendarDate) {
        int(value.year)
        int(value.month)
        int(value.day)
    }

    private mutating func location(_ value: SourceLocation) {
        string(value.file)
        int(value.line)
        int(value.column)
    }

    private mutating func mark(_ value: SourceMark) {
        int(value.line)
        int(value.column)
    }

    // MARK: Values and documents

    private mutating func value(_ value: Value) {
        switch value {
        case .null: int(0)
        case .bool(let flag):
            int(1)
            bool(flag)
        case .int(let number):
            int(2)
            int(number)
        case .double(let number):
            int(3)
            int(Int(bitPattern: UInt(number.bitPattern)))
        case .string(let text):
            int(4)
            string(text)
        case .date(let day):
            int(5)
            date(day)
        case .list(let elements):
            int(6)
            array(elements) { $0.value($1) }
        case .map(let entries):
            int(7)
            int(entries.count)
            for (key, entry) in entries {
                string(key)
                self.value(entry)
            }
        }
    }

    private mutating func marks(_ tree: MarkTree) {
        mark(tree.mark)
        array(tree.keys) { $0.mark($1) }
        array(tree.children) { $0.marks($1) }
    }

    private mutating func document(_ document: Document) {
        string(document.file)
        value(document.root)
        optional(document.marks) { $0.marks($1) }
    }

    // MARK: Vocabulary

    private mutating func factType(_ type: FactType) {
        switch type {
        case .string: int(0)
        case .bool: int(1)
        case .int: int(2)
        case .number: int(3)
        case .date: int(4)
        case .enumeration(let values):
            int(5)
            strings(values)
        case .list(let element):
            int(6)
            factType(element)
        case .object: int(7)
        case .evidence: int(8)
        }
    }

    private mutating func fact(_ fact: Fact) {
        string(fact.path)
        factType(fact.type)
        bool(fact.required)
        optional(fact.pattern) { $0.string($1) }
        optional(fact.minItems) { $0.int($1) }
        string(fact.meaning)
        optional(fact.law) { $0.string($1) }
        optional(fact.example) { $0.value($1) }
        location(fact.location)
    }

    // MARK: Conditions

    private mutating func reference(_ reference: FactReference) {
        string(reference.text)
        strings(reference.keys)
        switch reference.kind {
        case .fact: int(0)
        case .derived(let namespace, let name):
            int(1)
            string(namespace)
            string(name)
        }
        factType(reference.type)
        string(reference.vocabularyPath)
    }

    private mutating func condition(_ condition: Condition) {
        switch condition {
        case .all(let parts):
            int(0)
            array(parts) { $0.condition($1) }
        case .any(let parts):
            int(1)
            array(parts) { $0.condition($1) }
        case .not(let part):
            int(2)
            self.condition(part)
        case .predicate(let predicate):
            int(3)
            reference(predicate.fact)
            array(predicate.operators) { $0.operation($1) }
            location(predicate.location)
        }
    }

    private mutating func values(_ values: [Value]) { array(values) { $0.value($1) } }

    private mutating func operation(_ operation: Operator) {
        switch operation {
        case .equals(let operand):
            int(0)
            value(operand)
        case .notEquals(let operand):
            int(1)
            value(operand)
        case .isIn(let operands):
            int(2)
            values(operands)
        case .notIn(let operands):
            int(3)
            values(operands)
        case .exists(let flag):
            int(4)
            bool(flag)
        case .contains(let operand):
            int(5)
            value(operand)
        case .containsAny(let operands):
            int(6)
            values(operands)
        case .containsAll(let operands):
            int(7)
            values(operands)
        case .containsNone(let operands):
            int(8)
            values(operands)
        case .greaterThan(let operand):
            int(9)
            value(operand)
        case .greaterThanOrEqual(let operand):
            int(10)
            value(operand)
        case .lessThan(let operand):
            int(11)
            value(operand)
        case .lessThanOrEqual(let operand):
            int(12)
            value(operand)
        case .minItems(let count):
            int(13)
            int(count)
        case .maxItems(let count):
            int(14)
            int(count)
        case .matches(let pattern):
            int(15)
            string(pattern.source)
        case .withinDays(let days):
            int(16)
            int(days)
        case .every(let part):
            int(17)
            condition(part)
        case .some(let part):
            int(18)
            condition(part)
        case .none(let part):
            int(19)
            condition(part)
        case .evidence(let options):
            int(20)
            optional(options.maxAgeDays) { $0.int($1) }
            bool(options.requireDate)
        }
    }

    // MARK: Packs

    private mutating func citation(_ citation: Citation) {
        string(citation.instrument)
        string(citation.article)
        optional(citation.paragraph) { $0.string($1) }
        optional(citation.subparagraph) { $0.string($1) }
        string(citation.basis.rawValue)
    }

    private mutating func instrument(_ instrument: Instrument) {
        string(instrument.id)
        string(instrument.title)
        optional(instrument.number) { $0.string($1) }
        optional(instrument.adopted) { $0.date($1) }
        date(instrument.effective)
        optional(instrument.url) { $0.string($1) }
    }

    private mutating func derivation(_ derivation: Derivation) {
        string(derivation.name)
        string(derivation.namespace)
        strings(derivation.values)
        optional(derivation.declared) { $0.reference($1) }
        array(derivation.cases) { writer, item in
            writer.string(item.value)
            writer.condition(item.when)
            writer.string(item.because)
            writer.citation(item.citation)
        }
        string(derivation.defaultValue)
        let check = derivation.check
        string(check.title)
        optional(check.description) { $0.string($1) }
        string(check.severity.rawValue)
        string(check.category.rawValue)
        string(check.remediation)
        optional(check.effective) { $0.date($1) }
        location(derivation.location)
        strings(derivation.writtenTexts)
    }

    private mutating func rule(_ rule: Rule) {
        string(rule.id)
        string(rule.title)
        optional(rule.description) { $0.string($1) }
        string(rule.category.rawValue)
        string(rule.severity.rawValue)
        array(rule.citations) { $0.citation($1) }
        date(rule.effective)
        array(rule.effectiveCases) { writer, item in
            writer.date(item.date)
            writer.condition(item.when)
            writer.location(item.location)
        }
        optional(rule.until) { $0.date($1) }
        optional(rule.when) { $0.condition($1) }
        condition(rule.require)
        bool(rule.waivable)
        strings(rule.bearers)
        array(rule.related) { writer, link in
            writer.string(link.rule)
            writer.string(link.relation.rawValue)
            writer.location(link.location)
        }
        string(rule.message)
        string(rule.remediation)
        optional(rule.examples.asOf) { $0.date($1) }
        array(rule.examples.pass) { $0.document($1) }
        array(rule.examples.fail) { $0.document($1) }
        optional(rule.stages) { $0.strings($1) }
        string(rule.sector)
        string(rule.pack)
        location(rule.location)
    }

    private mutating func pack(_ pack: RulePack) {
        string(pack.id)
        string(pack.namespace)
        string(pack.title)
        string(pack.jurisdiction)
        string(pack.version)
        optional(pack.lawVersionDate) { $0.date($1) }
        array(pack.instruments) { $0.instrument($1) }
        array(pack.derivations) { $0.derivation($1) }
        optional(pack.roles) { writer, roles in
            writer.reference(roles.fact)
            writer.array(roles.addedBy) { $0.reference($1) }
            writer.strings(roles.roles)
        }
        array(pack.rules) { $0.rule($1) }
        array(pack.languages) { $0.string($1.rawValue) }
        location(pack.location)
    }

    // MARK: Catalogues

    private mutating func catalogue(_ catalogue: Catalogue) {
        string(catalogue.language.rawValue)
        string(catalogue.file)
        // Sorted: a dictionary's order is not the same from one run to the next.
        array(catalogue.sections.sorted { $0.key < $1.key }) { writer, section in
            writer.string(section.key)
            writer.location(section.value)
        }
        int(catalogue.entries.count)
        for (key, entry) in catalogue.entries {
            string(key)
            string(entry.text)
            location(entry.location)
        }
    }

    private mutating func catalogues(_ byLanguage: [Language: Catalogue]) {
        array(byLanguage.sorted { $0.key < $1.key }) { writer, item in
            writer.string(item.key.rawValue)
            writer.catalogue(item.value)
        }
    }

    private mutating func catalogues(_ catalogues: Catalogues) {
        array(catalogues.packs.sorted { $0.key < $1.key }) { writer, item in
            writer.string(item.key)
            writer.catalogues(item.value)
        }
        self.catalogues(catalogues.vocabulary)
        self.catalogues(catalogues.report)
        array(catalogues.vocabularyFiles) { $0.catalogue($1) }
    }

    private mutating func write(_ library: RuleLibrary) {
        array(library.vocabulary.facts) { $0.fact($1) }
        array(library.packs) { $0.pack($1) }
        catalogues(library.catalogues)
    }
}
