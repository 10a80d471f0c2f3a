import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// `rules lint` on translations (issue 13): a missing or extra key, a text whose `{placeholders}`
/// differ from the English, an empty string, a declared language without a catalogue, and a
/// catalogue for an undeclared one, each with `file:line:col`.
@Suite struct TranslationLintTests {
    static let manifest = """
        apiVersion: compliance-check/v1
        kind: RulePack
        id: p
        namespace: p
        title: P pack
        jurisdiction: KZ
        version: 1.0.0
        languages: [en, ru]
        instruments:
          - {id: law, title: Law, effective: 2026-01-18}

        """

    static let rules = """
        apiVersion: compliance-check/v1
        kind: RuleSet
        sector: all
        rules:
          - id: P-01
            title: People are told
            category: transparency
            severity: high
            citation: {instrument: law, article: "1", basis: statute}
            require: {transparency.ai_notice.provided: true}
            message: No notice for {count} people.
            remediation: Show a notice.
            examples:
              pass: [{transparency: {ai_notice: {provided: true}}}]
              fail: [{transparency: {ai_notice: {provided: false}}}]

        """

    static func problems(_ catalogue: String, path: String = "p/i18n/ru.yaml") throws -> [String] {
        let library = try Fixtures.library([("p/pack.yaml", manifest), ("p/rules.yaml", rules), (path, catalogue)])
        // Only the pack's own problems: the built-in vocabulary and report catalogues are checked
        // by the built-in lint test.
        return library.translationProblems().map(\.description).filter { $0.hasPrefix("p/") }
    }

    @Test func aCompleteCatalogueIsClean() throws {
        let catalogue = """
            apiVersion: compliance-check/v1
            kind: Catalogue
            lang: ru
            pack: {title: Пакет P}
            instruments:
              law: {title: Закон}
            rules:
              P-01:
                title: Людям сообщают
                message: Нет уведомления для {count} человек.
                remediation: Покажите уведомление.

            """
        #expect(try Self.problems(catalogue) == [])
        let library = try Fixtures.library([
            ("p/pack.yaml", Self.manifest), ("p/rules.yaml", Self.rules), ("p/i18n/ru.yaml", catalogue),
        ])
        let russian = library.localized(.ru)
        #expect(russian.packs[0].title == "Пакет P")
        #expect(russian.rules[0].message == "Нет уведомления для {count} человек.")
        #expect(russian.packs[0].instruments[0].title == "Закон")
        #expect(library.localized(.kk).rules[0].title == "People are told", "no kk catalogue: English stays")
    }

    @Test func missingExtraEmptyAndPlaceholderProblemsArePositioned() throws {
        let catalogue = """
            apiVersion: compliance-check/v1
            kind: Catalogue
            lang: ru
            pack: {title: Пакет P}
            rules:
              P-01:
                title: ""
                message: Нет уведомления для {people} человек.
                remedy: Покажите уведомление.

            """
        #expect(
            try Self.problems(catalogue) == [
                "p/i18n/ru.yaml:1:1: error: missing 'ru' translation of instruments.law.title\np/pack.yaml:1:1: note: the English text is here",
                "p/i18n/ru.yaml:6:3: error: missing 'ru' translation of rules.P-01.remediation\np/rules.yaml:5:5: note: the English text is here",
                "p/i18n/ru.yaml:7:12: error: empty 'ru' translation of rules.P-01.title",
                "p/i18n/ru.yaml:8:14: error: the placeholders of rules.P-01.message differ from the English: {people}, expected {count}\np/rules.yaml:5:5: note: the English text is here",
                "p/i18n/ru.yaml:9:13: error: extra key rules.P-01.remedy: the English has no such text",
            ])
    }

    @Test func aDeclaredLanguageNeedsACatalogueAndACatalogueNeedsItsLanguage() throws {
        let kazakh = """
            apiVersion: compliance-check/v1
            kind: Catalogue
            lang: kk
            pack: {title: P пакеті}

            """
        #expect(
            try Self.problems(kazakh, path: "p/i18n/kk.yaml") == [
                "p/i18n/kk.yaml:1:1: error: pack 'p' does not declare the language 'kk'; add it to 'languages' in pack.yaml",
                "p/pack.yaml:1:1: error: pack 'p' declares the language 'ru' but has no catalogue i18n/ru.yaml beside its pack.yaml",
            ])
    }

    @Test func aBadLanguageCodeSuggestsKazakh() throws {
        let manifest = Self.manifest.replacing("languages: [en, ru]", with: "languages: [en, kz]")
        #expect(throws: DiagnosticList.self) { try Fixtures.library([("p/pack.yaml", manifest), ("p/rules.yaml", Self.rules)]) }
        do {
            _ = try Fixtures.library([("p/pack.yaml", manifest), ("p/rules.yaml", Self.rules)])
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "p/pack.yaml:8:12: error: 'languages': 'kz' is not one of en, ru, kk; did you mean 'kk' (Kazakh)?"
                ])
        }
    }

    @Test func theBuiltInPacksAndVocabularyAreCompleteInEveryLanguage() throws {
        let library = try RuleLibrary.builtIn()
        #expect(library.translationProblems().map(\.description) == [])
        for pack in library.packs {
            #expect(pack.languages == [.en, .ru, .kk], "\(pack.id)")
            #expect(Set(library.catalogues.packs[pack.id]?.keys.map { $0 } ?? []) == [.ru, .kk], "\(pack.id)")
        }
        #expect(Set(library.catalogues.vocabulary.keys) == [.ru, .kk])
    }

    @Test func theBuiltInReportStringsAreCompleteInEveryLanguage() throws {
        let library = try RuleLibrary.builtIn()
        let report = library.translationProblems().filter { $0.location?.file.contains("i18n/report.") == true }
        #expect(report.map(\.description) == [])
        #expect(Set(library.catalogues.report.keys) == Set(Language.allCases))
    }
}
