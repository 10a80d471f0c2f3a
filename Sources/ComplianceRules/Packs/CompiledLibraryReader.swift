internal import OrderedCollections

/// Reads the compact form `CompiledLibraryWriter` writes (`CompiledLibrary`) back into a
/// `RuleLibrary`: no YAML, no checks (the packs were checked when the form was written). Input that
/// is not exactly what the writer produces ends the read with `Malformed`, never a trap.
struct CompiledLibraryReader {
    /// The input is not a compiled library of this version.
    struct Malformed: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private let table: [String]
    /// How deep values, conditions, marks and types are nested here; bounded, so that no input
    /// can exhaust the stack.
    private var depth = 0
    private static let maxDepth = 256

    private init(bytes: UnsafeBufferPointer<UInt8>, table: [String]) {
        self.bytes = bytes
        self.table = table
    }

    /// The library in `compiled`, the output of `CompiledLibraryWriter.compile`.
    static func read(_ compiled: CompiledLibrary) throws(Malformed) -> RuleLibrary {
        var body = compiled.body
        let result = body.withUTF8 { buffer -> Result<RuleLibrary, Malformed> in
            var reader = CompiledLibraryReader(bytes: buffer, table: compiled.strings)
            do throws(Malformed) {
                return .success(try reader.library())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    // MARK: Primitives

    private mutating func int() throws(Malformed) -> Int {
        var value: UInt = 0
        var shift: UInt = 0
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case 0x60...0x7F:
                guard shift <= UInt(UInt.bitWidth - 5) else { throw Malformed() }
                value |= UInt(byte & 0x1F) << shift
                shift += 5
            case 0x20...0x5F:
                let last = UInt(byte - 0x20)
                guard shift <= UInt(UInt.bitWidth - 6) || last >> (UInt(UInt.bitWidth) - shift) == 0 else {
                    throw Malformed()
                }
                value |= last << shift
                // Zigzag back.
                return Int(bitPattern: value >> 1) ^ -Int(bitPattern: value & 1)
            default:
                throw Malformed()
            }
        }
        throw Malformed()
    }

    private mutating func count() throws(Malformed) -> Int {
        let value = try int()
        guard value >= 0, value <= bytes.count else { throw Malformed() }
        return value
    }

    private mutating func bool() throws(Malformed) -> Bool {
        switch try int() {
        case 0: return false
        case 1: return true
        default: throw Malformed()
        }
    }

    private mutating func string() throws(Malformed) -> String {
        let index = try int()
        guard index >= 0, index < table.count else { throw Malformed() }
        return table[index]
    }

    private mutating func optional<T>(_ read: (inout Self) throws(Malformed) -> T) throws(Malformed) -> T? {
        try bool() ? try read(&self) : nil
    }

    private mutating func array<T>(_ read: (inout Self) throws(Malformed) -> T) throws(Malformed) -> [T] {
        let count = try count()
        var result: [T] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try read(&self)) }
        return result
    }

    /// `read`, one level deeper.
    private mutating func nested<T>(_ read: (inout Self) throws(Malformed) -> T) throws(Malformed) -> T {
        guard depth < Self.maxDepth else { throw Malformed() }
        depth += 1
        defer { depth -= 1 }
        return try read(&self)
    }

    private mutating func strings() throws(Malformed) -> [String] {
        try array { reader throws(Malformed) in try reader.string() }
    }

    private mutating func raw<T: RawRepresentable<String>>(_: T.Type) throws(Malformed) -> T {
        guard let value = T(rawValue: try string()) else { throw Malformed() }
        return value
    }

    private mutating func date() throws(Malformed) -> CalendarDate {
        guard let date = CalendarDate(year: try int(), month: try int(), day: try int()) else { throw Malformed() }
        return date
    }

    private mutating func location() throws(Malformed) -> SourceLocation {
        SourceLocation(file: try string(), line: try int(), column: try int())
    }

    private mutating func mark() throws(Malformed) -> SourceMark {
        SourceMark(line: try int(), column: try int())
    }

    // MARK: Values and documents

    private mutating func value() throws(Malformed) -> Value {
        try nested { reader throws(Malformed) in try reader.unnestedValue() }
    }

    private mutating func unnestedValue() throws(Malformed) -> Value {
        switch try int() {
        case 0: return .null
        case 1: return .bool(try bool())
        case 2: return .int(try int())
        case 3: return .double(Double(bitPattern: UInt64(UInt(bitPattern: try int()))))
        case 4: return .string(try string())
        case 5: return .date(try date())
        case 6: return .list(try values())
        case 7:
            let pairs = try array { reader throws(Malformed) in (try reader.string(), try reader.value()) }
            let entries = ValueMap(pairs)
            guard entries.count == pairs.count else { throw Malformed() }
            return .map(entries)
        default: throw Malformed()
        }
    }

    private mutating func values() throws(Malformed) -> [Value] { try array { reader throws(Malformed) in try reader.value() } }

    private mutating func marks() throws(Malformed) -> MarkTree {
        try nested { reader throws(Malformed) in
            MarkTree(
                mark: try reader.mark(), keys: try reader.array { inner throws(Malformed) in try inner.mark() },
                children: try reader.array { inner throws(Malformed) in try inner.marks() })
        }
    }

    private mutating func document() throws(Malformed) -> Document {
        Document(
            file: try string(), root: try value(), marks: try optional { reader throws(Malformed) in try reader.marks() })
    }

    private mutating func documents() throws(Malformed) -> [Document] {
        try array { reader throws(Malformed) in try reader.document() }
    }

    // MARK: Vocabulary

    private mutating func factType() throws(Malformed) -> FactType {
        try nested { reader throws(Malformed) in try reader.unnestedFactType() }
    }

    private mutating func unnestedFactType() throws(Malformed) -> FactType {
        switch try int() {
        case 0: return .string
        case 1: return .bool
        case 2: return .int
        case 3: return .number
        case 4: return .date
        case 5: return .enumeration(try strings())
        case 6: return .list(try factType())
        case 7: return .object
        case 8: return .evidence
        default: throw Malformed()
        }
    }

    private mutating func fact() throws(Malformed) -> Fact {
        Fact(
            path: try string(), type: try factType(), required: try bool(),
            pattern: try optional { reader throws(Malformed) in try reader.string() },
            minItems: try optional { reader throws(Malformed) in try reader.int() }, meaning: try string(),
            law: try optional { reader throws(Malformed) in try reader.string() },
            example: try optional { reader throws(Malformed) in try reader.value() }, location: try location())
    }

    // MARK: Conditions

    private mutating func reference() throws(Malformed) -> FactReference {
        let text = try string()
        let keys = try strings()
        let kind: FactReference.Kind
        switch try int() {
        case 0: kind = .fact
        case 1: kind = .derived(namespace: try string(), name: try string())
        default: throw Malformed()
        }
        return FactReference(text: text, keys: keys, kind: kind, type: try factType(), vocabularyPath: try string())
    }

    private mutating func condition() throws(Malformed) -> Condition {
        try nested { reader throws(Malformed) in try reader.unnestedCondition() }
    }

    private mutating func unnestedCondition() throws(Malformed) -> Condition {
        switch try int() {
        case 0: return .all(try conditions())
        case 1: return .any(try conditions())
        case 2: return .not(try condition())
        case 3:
            return .predicate(
                Predicate(
                    fact: try reference(), operators: try array { reader throws(Malformed) in try reader.operation() },
                    location: try location()))
        default: throw Malformed()
        }
    }

    private mutating func conditions() throws(Malformed) -> [Condition] {
        try array { reader throws(Malformed) in try reader.condition() }
    }

    private mutating func operation() throws(Malformed) -> Operator {
        switch try int() {
        case 0: return .equals(try value())
        case 1: return .notEquals(try value())
        case 2: return .isIn(try values())
        case 3: return .notIn(try values())
        case 4: return .exists(try bool())
        case 5: return .contains(try value())
        case 6: return .containsAny(try values())
        case 7: return .containsAll(try values())
        case 8: return .containsNone(try values())
        case 9: return .greaterThan(try value())
        case 10: return .greaterThanOrEqual(try value())
        case 11: return .lessThan(try value())
        case 12: return .lessThanOrEqual(try value())
        case 13: return .minItems(try int())
        case 14: return .maxItems(try int())
        case 15:
            guard let pattern = try? Pattern(try string()) else { throw Malformed() }
            return .matches(pattern)
        case 16: return .withinDays(try int())
        case 17: return .every(try condition())
        case 18: return .some(try condition())
        case 19: return .none(try condition())
        case 20:
            return .evidence(
                EvidenceOptions(
                    maxAgeDays: try optional { reader throws(Malformed) in try reader.int() }, requireDate: try bool()))
        default: throw Malformed()
        }
    }

    // MARK: Packs

    private mutating func citation() throws(Malformed) -> Citation {
        Citation(
            instrument: try string(), article: try string(),
            paragraph: try optional { reader throws(Malformed) in try reader.string() },
            subparagraph: try optional { reader throws(Malformed) in try reader.string() },
            basis: try raw(Citation.Basis.self))
    }

    private mutating func instrument() throws(Malformed) -> Instrument {
        Instrument(
            id: try string(), title: try string(), number: try optional { reader throws(Malformed) in try reader.string() },
            adopted: try optional { reader throws(Malformed) in try reader.date() }, effective: try date(),
            url: try optional { reader throws(Malformed) in try reader.string() })
    }

    private mutating func derivation() throws(Malformed) -> Derivation {
        let name = try string()
        let namespace = try string()
        let values = try strings()
        let declared = try optional { reader throws(Malformed) in try reader.reference() }
        let cases = try array { reader throws(Malformed) in
            Derivation.Case(
                value: try reader.string(), when: try reader.condition(), because: try reader.string(),
                citation: try reader.citation())
        }
        let defaultValue = try string()
        let check = DeclaredCheck(
            title: try string(), description: try optional { reader throws(Malformed) in try reader.string() },
            severity: try raw(Severity.self), category: try raw(RuleCategory.self), remediation: try string(),
            effective: try optional { reader throws(Malformed) in try reader.date() })
        return Derivation(
            name: name, namespace: namespace, values: values, declared: declared, cases: cases, defaultValue: defaultValue,
            check: check, location: try location(), writtenTexts: try strings())
    }

    private mutating func rule() throws(Malformed) -> Rule {
        let id = try string()
        let title = try string()
        let description = try optional { reader throws(Malformed) in try reader.string() }
        let category = try raw(RuleCategory.self)
        let severity = try raw(Severity.self)
        let citations = try array { reader throws(Malformed) in try reader.citation() }
        guard !citations.isEmpty else { throw Malformed() }
        let effective = try date()
        let effectiveCases = try array { reader throws(Malformed) in
            EffectiveDate(date: try reader.date(), when: try reader.condition(), location: try reader.location())
        }
        let until = try optional { reader throws(Malformed) in try reader.date() }
        let when = try optional { reader throws(Malformed) in try reader.condition() }
        let require = try condition()
        let waivable = try bool()
        let bearers = try strings()
        let related = try array { reader throws(Malformed) in
            RelatedRule(
                rule: try reader.string(), relation: try reader.raw(RelatedRule.Relation.self), location: try reader.location())
        }
        let message = try string()
        let remediation = try string()
        let examples = RuleExamples(
            asOf: try optional { reader throws(Malformed) in try reader.date() }, pass: try documents(), fail: try documents())
        return Rule(
            id: id, title: title, description: description, category: category, severity: severity, citations: citations,
            effective: effective, effectiveCases: effectiveCases, until: until, when: when, require: require,
            waivable: waivable, bearers: bearers, related: related, message: message, remediation: remediation,
            examples: examples, stages: try optional { reader throws(Malformed) in try reader.strings() },
            sector: try string(), pack: try string(), location: try location())
    }

    private mutating func pack() throws(Malformed) -> RulePack {
        let id = try string()
        let namespace = try string()
        let title = try string()
        let jurisdiction = try string()
        let version = try string()
        let lawVersionDate = try optional { reader throws(Malformed) in try reader.date() }
        let instruments = try array { reader throws(Malformed) in try reader.instrument() }
        let derivations = try array { reader throws(Malformed) in try reader.derivation() }
        let roles = try optional { reader throws(Malformed) in
            RoleDeclaration(
                fact: try reader.reference(), addedBy: try reader.array { inner throws(Malformed) in try inner.reference() },
                roles: try reader.strings())
        }
        return RulePack(
            id: id, namespace: namespace, title: title, jurisdiction: jurisdiction, version: version,
            lawVersionDate: lawVersionDate, instruments: instruments, derivations: derivations, roles: roles,
            rules: try array { reader throws(Malformed) in try reader.rule() },
            languages: try array { reader throws(Malformed) in try reader.raw(Language.self) }, location: try location())
    }

    // MARK: Catalogues

    private mutating func catalogue() throws(Malformed) -> Catalogue {
        let language = try raw(Language.self)
        let file = try string()
        var sections: [String: SourceLocation] = [:]
        let sectionCount = try count()
        sections.reserveCapacity(sectionCount)
        for _ in 0..<sectionCount {
            let key = try string()
            guard sections.updateValue(try location(), forKey: key) == nil else { throw Malformed() }
        }
        var entries: OrderedDictionary<String, Catalogue.Entry> = [:]
        let entryCount = try count()
        entries.reserveCapacity(entryCount)
        for _ in 0..<entryCount {
            let key = try string()
            let entry = Catalogue.Entry(text: try string(), location: try location())
            guard entries.updateValue(entry, forKey: key) == nil else { throw Malformed() }
        }
        return Catalogue(language: language, file: file, sections: sections, entries: entries)
    }

    private mutating func catalogues() throws(Malformed) -> [Language: Catalogue] {
        var result: [Language: Catalogue] = [:]
        let count = try count()
        for _ in 0..<count {
            let language = try raw(Language.self)
            guard result.updateValue(try catalogue(), forKey: language) == nil else { throw Malformed() }
        }
        return result
    }

    private mutating func allCatalogues() throws(Malformed) -> Catalogues {
        var result = Catalogues()
        let count = try count()
        for _ in 0..<count {
            let pack = try string()
            guard result.packs.updateValue(try catalogues(), forKey: pack) == nil else { throw Malformed() }
        }
        result.vocabulary = try catalogues()
        result.report = try catalogues()
        result.vocabularyFiles = try array { reader throws(Malformed) in try reader.catalogue() }
        return result
    }

    private mutating func library() throws(Malformed) -> RuleLibrary {
        let header = Array(CompiledLibrary.header.utf8)
        guard bytes.count >= header.count, bytes.prefix(header.count).elementsEqual(header) else { throw Malformed() }
        position = header.count
        let facts = try array { reader throws(Malformed) in try reader.fact() }
        let packs = try array { reader throws(Malformed) in try reader.pack() }
        let catalogues = try allCatalogues()
        guard position == bytes.count else { throw Malformed() }
        return RuleLibrary(vocabulary: Vocabulary(facts: facts), packs: packs, catalogues: catalogues)
    }
}
