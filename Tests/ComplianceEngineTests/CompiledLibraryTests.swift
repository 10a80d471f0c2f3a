import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// The built-in library the build compiled (read at start-up without YAML or checks) is exactly
/// the one loading and checking the rule files gives, translation catalogues of every language
/// included; the compact form reads back what it wrote.
@Suite struct CompiledLibraryTests {
    @Test func theBuildCompiledTheBuiltInLibrary() throws {
        let compiled = try #require(RuleLibrary.compiledBuiltIn, "the build embedded no compiled library")
        let checked = try RuleLibrary.loadChecked([.builtIn])
        // Compared as a Bool: a failure would otherwise print both libraries (megabytes); the tests
        // below name the part that differs.
        let same = compiled == checked
        #expect(same, "the compiled built-in library differs from the checked one")
        #expect(compiled.packs.map(\.id) == ["eu-ai-act", "kz-ai-law"])
        #expect(compiled.vocabulary.facts.count == checked.vocabulary.facts.count)
        // The catalogues are there, in every language, not just equal because both are empty.
        for pack in compiled.packs {
            #expect(compiled.catalogues.packs[pack.id].map { $0.keys.sorted() } == [.ru, .kk].sorted())
        }
        #expect(compiled.catalogues.vocabulary.keys.sorted() == [.ru, .kk].sorted())
        #expect(compiled.catalogues.report.keys.sorted() == Language.allCases.sorted())
        #expect(!compiled.catalogues.vocabularyFiles.isEmpty)
    }

    @Test func everyBuiltInEntryPointGivesTheCheckedLibrary() throws {
        let checked = try RuleLibrary.loadChecked([.builtIn])
        let entryPoints = [
            ("RuleLibrary.builtIn()", try RuleLibrary.builtIn()),
            ("RuleLibrary.load([.builtIn])", try RuleLibrary.load([.builtIn])),
        ]
        for (name, library) in entryPoints {
            let same = library == checked
            #expect(same, "\(name) differs from the checked library")
        }
        for language in Language.allCases {
            let engine = try Engine.builtIn(language: language)
            let expected = try Engine(library: checked, language: language)
            let same = engine.library == expected.library
            #expect(same, "Engine.builtIn(language: .\(language)) differs from the checked library in that language")
            #expect(engine.sourceTitles == expected.sourceTitles)
        }
    }

    /// Part by part, so that a difference names the rule, derivation, fact or catalogue (the
    /// whole-library comparison above only says that there is one).
    @Test func everyPartIsCompiledAsChecked() throws {
        let compiled = try #require(RuleLibrary.compiledBuiltIn)
        let checked = try RuleLibrary.loadChecked([.builtIn])
        #expect(compiled.rules.map(\.id) == checked.rules.map(\.id))
        let differentRules = zip(compiled.rules, checked.rules).filter { $0 != $1 }.map(\.1.id)
        #expect(differentRules == [])
        let differentPacks = zip(compiled.packs, checked.packs).filter {
            $0.derivations != $1.derivations || $0.roles != $1.roles || $0.instruments != $1.instruments
                || $0.languages != $1.languages
        }
        #expect(differentPacks.map(\.1.id) == [])
        let differentFacts = zip(compiled.vocabulary.facts, checked.vocabulary.facts).filter { $0 != $1 }.map(\.1.path)
        #expect(differentFacts == [])
        let sameVocabulary = compiled.vocabulary == checked.vocabulary
        #expect(sameVocabulary)
        for (pack, catalogues) in checked.catalogues.packs {
            for (language, catalogue) in catalogues {
                #expect(compiled.catalogues.packs[pack]?[language] == catalogue, "catalogue \(language) of \(pack)")
            }
        }
        for language in Language.allCases {
            #expect(compiled.catalogues.vocabulary[language] == checked.catalogues.vocabulary[language])
            #expect(compiled.catalogues.report[language] == checked.catalogues.report[language])
        }
        #expect(compiled.catalogues.vocabularyFiles == checked.catalogues.vocabularyFiles)
    }

    /// The report's own words come from the compiled catalogues; they are the ones the YAML gives.
    @Test func reportStringsAreTheOnesTheCataloguesGive() throws {
        let tables = ReportStrings.readCatalogues()
        #expect(tables.keys.sorted() == Language.allCases.sorted())
        let english = try #require(tables[.en])
        for language in Language.allCases {
            let expected = ReportStrings(language: language, table: tables[language] ?? english, english: english)
            #expect(ReportStrings.builtIn(language) == expected)
        }
    }

    @Test func aChangedBuiltInSourceIsReadAgain() throws {
        var source = RuleSource.builtIn
        source.files.removeAll { $0.relativePath.hasPrefix("eu/") }
        #expect(try RuleLibrary.load([source]).packs.map(\.id) == ["kz-ai-law"])
        var edited = RuleSource.builtIn
        let manifest = try #require(edited.files.firstIndex { $0.relativePath == "kz/pack.yaml" })
        edited.files[manifest].bytes += Array("\nunknown_key: 1\n".utf8)
        #expect(throws: DiagnosticList.self) { try RuleLibrary.load([edited]) }
        let fixtures = try RuleSource.directory(Fixtures.fixtureRules)
        #expect(try RuleLibrary.load([.builtIn, fixtures]).packs.count == 3)
        // A vocabulary given by the caller: the checked path, which takes no vocabulary translations
        // from the sources (as before).
        let given = try RuleLibrary.load([.builtIn], vocabulary: try BuiltInRules.vocabulary())
        #expect(given.catalogues.vocabulary.isEmpty)
        #expect(given.packs == (try RuleLibrary.builtIn()).packs)
    }

    @Test func aLibraryOfOtherPacksRoundTrips() throws {
        let sources = [RuleSource.builtIn, try RuleSource.directory(Fixtures.fixtureRules)]
        let library = try RuleLibrary.loadChecked(sources)
        let compiled = library.compiled()
        let same = RuleLibrary(compiled: compiled) == library
        #expect(same)
        // Same library, same form.
        #expect(try RuleLibrary.loadChecked(sources).compiled() == compiled)
    }

    /// Every shape of value a fact example or rule operand can hold, including strings that need
    /// escaping in the generated Swift literal and numbers at their limits.
    @Test func valuesOfEveryShapeRoundTrip() throws {
        let location = SourceLocation(file: "vocabulary \"ü\"\n.yaml", line: 3, column: 7)
        let examples: [Value] = [
            .null, .bool(true), .bool(false), .int(0), .int(-1), .int(Int.max), .int(Int.min), .double(-0.0),
            .double(3.25), .double(.infinity), .double(1e-300), .string(""), .string("tab\there \\ \"q\" \u{0}\r\n é 中 🙂"),
            .string("\u{2028}\u{7F}\u{85}"), .date(try #require(CalendarDate("2026-02-28"))), .list([]), .map([:]),
            ["a": [1, "b", ["c": .null]], "": .list([.map(["x": 2.5])])],
        ]
        let facts = examples.enumerated().map { index, example in
            Fact(
                path: "section.fact\(index)", type: .string, required: index % 2 == 0,
                pattern: index == 1 ? "^[a-z]+$" : nil, minItems: index == 2 ? 3 : nil, meaning: "meaning \(index)",
                law: index == 3 ? "law" : nil, example: example, location: location)
        }
        let library = RuleLibrary(vocabulary: Vocabulary(facts: facts), packs: [])
        let read = try #require(RuleLibrary(compiled: library.compiled()))
        let same = read == library
        #expect(same)
        #expect(read.vocabulary.facts.map(\.example) == examples)
        #expect(read.vocabulary.patterns.keys.sorted() == ["section.fact1"])
    }

    /// Anything but the writer's exact output is refused, never trapped on.
    @Test func malformedInputIsRefused() throws {
        let library = try RuleLibrary.load([try RuleSource.directory(Fixtures.fixtureRules)])
        let compiled = library.compiled()
        let strings = compiled.strings
        let bytes = Array(compiled.body.utf8)
        func read(_ body: [UInt8], strings: [String] = strings) -> RuleLibrary? {
            RuleLibrary(compiled: CompiledLibrary(strings: strings, body: String(decoding: body, as: UTF8.self)))
        }
        #expect(read(bytes) != nil)
        #expect(read([]) == nil)
        #expect(read(Array("compliance-check/compiled-library/v1\n    ".utf8)) == nil)
        #expect(read(bytes + [0x20]) == nil)
        // A string index past the table.
        #expect(read(bytes, strings: Array(strings.dropLast())) == nil)
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 400)) {
            #expect(read(Array(bytes[..<length])) == nil)
        }
        // A byte changed anywhere (to a longer number, a shorter one, or no number): refused or
        // read as some library, but never a trap.
        let header = CompiledLibrary.header.utf8.count
        for position in stride(from: header, to: bytes.count, by: max(1, bytes.count / 300)) {
            for replacement: UInt8 in [0x7F, 0x5F, 0x20, 0x0A] {
                var changed = bytes
                changed[position] = replacement
                _ = read(changed)
            }
        }
        // The longest numbers: the largest and smallest integers round-trip, one more group is refused.
        let extremes = RuleLibrary(
            vocabulary: Vocabulary(facts: [
                Fact(
                    path: "a", type: .int, meaning: "m", example: .list([.int(Int.max), .int(Int.min)]),
                    location: SourceLocation(file: "f", line: Int.max, column: Int.min))
            ]), packs: [])
        let extremesRead = RuleLibrary(compiled: extremes.compiled())
        #expect(extremesRead == extremes)
        #expect(read(Array(CompiledLibrary.header.utf8) + Array(repeating: 0x7F, count: 13) + [0x20]) == nil)
    }
}
