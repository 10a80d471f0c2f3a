import Foundation
import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// Every catalogue uses the glossary's term where the English uses the glossary's English term
/// (issue 13, `docs/glossary.md`): the law's own words, not a free paraphrase.
@Suite struct GlossaryTests {
    /// One row of the glossary: the English forms, the stems a translation must contain, its scope.
    struct Term {
        var english: [String]
        var checks: [Language: [String]]
        var scope: String
    }

    /// The rows of the glossary's tables that have a scope.
    static func terms() throws -> [Term] {
        let text = try String(contentsOfFile: Fixtures.repositoryRoot + "/docs/glossary.md", encoding: .utf8)
        var terms: [Term] = []
        for line in text.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 8, ["kz", "eu"].contains(cells[7]) else { continue }
            func alternatives(_ cell: String) -> [String] {
                cell == "—" ? [] : cell.replacing("`", with: "").components(separatedBy: " / ")
            }
            terms.append(
                Term(
                    english: cells[0].components(separatedBy: " / "),
                    checks: [.ru: alternatives(cells[5]), .kk: alternatives(cells[6])], scope: cells[7]))
        }
        return terms
    }

    /// A case-insensitive pattern for `stem`, where `…` stands for any letters.
    static func pattern(_ stem: String, wordStart: Bool) throws -> NSRegularExpression {
        let parts = stem.components(separatedBy: "…").map(NSRegularExpression.escapedPattern(for:))
        let body = parts.joined(separator: "[\\p{L}-]*")
        return try NSRegularExpression(pattern: (wordStart ? "(?<![\\p{L}])" : "") + body, options: [.caseInsensitive])
    }

    static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Every translated text of the built-in catalogues with its English source, by scope.
    static func pairs(_ library: RuleLibrary) -> [(
        scope: String, language: Language, key: String, english: String, text: String, where: String
    )] {
        var pairs: [(String, Language, String, String, String, String)] = []
        func add(_ scope: String, _ catalogue: Catalogue, _ sources: [SourceText]) {
            for source in sources {
                guard let entry = catalogue.entry(source.key) else { continue }
                pairs.append((scope, catalogue.language, source.key, source.text, entry.text, entry.location.description))
            }
        }
        for pack in library.packs {
            let scope = pack.namespace == "eu" ? "eu" : "kz"
            for catalogue in (library.catalogues.packs[pack.id] ?? [:]).values { add(scope, catalogue, pack.sourceTexts) }
        }
        for catalogue in library.catalogues.vocabularyFiles {
            add(catalogue.file.contains("vocabulary-eu") ? "eu" : "kz", catalogue, library.vocabulary.sourceTexts)
        }
        if let english = library.catalogues.report[.en] {
            let sources = english.keys.compactMap { key in
                english.entry(key).map { SourceText(key: key, text: $0.text, location: $0.location) }
            }
            for (language, catalogue) in library.catalogues.report where language != .en { add("kz", catalogue, sources) }
        }
        return pairs
    }

    @Test func everyCatalogueUsesTheGlossaryTerms() throws {
        let terms = try Self.terms()
        #expect(terms.count >= 15, "the glossary's tables were not read")
        let library = try RuleLibrary.builtIn()
        let pairs = Self.pairs(library)
        #expect(!pairs.isEmpty)
        var problems: [String] = []
        for term in terms {
            let english = try term.english.map { try Self.pattern($0, wordStart: true) }
            for pair in pairs where pair.scope == term.scope && english.contains(where: { Self.matches($0, pair.english) }) {
                let stems = term.checks[pair.language] ?? []
                guard !stems.isEmpty else { continue }
                let found = try stems.contains { Self.matches(try Self.pattern($0, wordStart: false), pair.text) }
                if !found {
                    problems.append(
                        "\(pair.where): \(pair.key) (\(pair.language.rawValue)) does not say \(stems.joined(separator: " or ")) for '\(term.english[0])'"
                    )
                }
            }
        }
        #expect(problems == [], "\(problems.count) text(s) do not use the glossary's term:\n\(problems.joined(separator: "\n"))")
    }

    @Test func theCheckFindsAParaphrase() throws {
        let owner = try #require(try Self.terms().first { $0.english.contains("owner") })
        let stem = try Self.pattern(try #require(owner.checks[.ru]?.first), wordStart: false)
        #expect(Self.matches(stem, "Собственнику системы следует…"))
        #expect(!Self.matches(stem, "Хозяин системы должен…"))
    }
}
