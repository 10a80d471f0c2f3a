extension RuleLibrary {
    /// What `rules lint` reports about the translations, each at `file:line:col`: a language a
    /// pack declares without a catalogue (or a catalogue for one it does not declare), a missing or
    /// extra key, an empty string, and a text whose `{placeholders}` differ from the English.
    public func translationProblems() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var wanted: Set<Language> = []
        for pack in packs {
            let found = catalogues.packs[pack.id] ?? [:]
            for language in pack.languages where language != .en {
                wanted.insert(language)
                guard let catalogue = found[language] else {
                    problems.append(
                        .error(
                            "pack '\(pack.id)' declares the language '\(language.rawValue)' but has no catalogue i18n/\(language.rawValue).yaml beside its pack.yaml",
                            at: pack.location))
                    continue
                }
                problems += Self.compare(catalogue, with: pack.sourceTexts)
            }
            for (language, catalogue) in found.sorted(by: { $0.key < $1.key })
            where !pack.languages.contains(language) {
                problems.append(
                    .error(
                        "pack '\(pack.id)' does not declare the language '\(language.rawValue)'; add it to 'languages' in pack.yaml",
                        at: SourceLocation(file: catalogue.file, line: 1, column: 1)))
            }
        }
        let vocabularyTexts = vocabulary.sourceTexts
        for language in wanted.sorted() {
            guard let merged = catalogues.vocabulary[language] else {
                problems.append(
                    .error(
                        "the packs declare '\(language.rawValue)' but the vocabulary has no i18n/*.\(language.rawValue).yaml catalogue",
                        at: vocabulary.facts.first?.location))
                continue
            }
            let files = catalogues.vocabularyFiles.filter { $0.language == language }
            // Missing keys are reported once, in the merged catalogue; extra and bad keys per file.
            problems += Self.compare(merged, with: vocabularyTexts, reportExtra: false, reportMissing: true)
            for file in files {
                problems += Self.compare(file, with: vocabularyTexts, reportExtra: true, reportMissing: false)
            }
        }
        if let english = catalogues.report[.en] {
            let source = english.keys.compactMap { key in
                english.entry(key).map { SourceText(key: key, text: $0.text, location: $0.location) }
            }
            problems += Self.compare(english, with: source)
            for language in Set(wanted).union(catalogues.report.keys).sorted() where language != .en {
                guard let catalogue = catalogues.report[language] else {
                    problems.append(
                        .error(
                            "the packs declare '\(language.rawValue)' but there is no i18n/report.\(language.rawValue).yaml",
                            at: SourceLocation(file: english.file, line: 1, column: 1)))
                    continue
                }
                problems += Self.compare(catalogue, with: source)
            }
        }
        return problems.sorted {
            ($0.location?.file ?? "", $0.location?.line ?? 0) < ($1.location?.file ?? "", $1.location?.line ?? 0)
        }
    }

    /// The problems of one catalogue against the English texts it translates.
    static func compare(_ catalogue: Catalogue, with source: [SourceText], reportExtra: Bool = true, reportMissing: Bool = true)
        -> [Diagnostic]
    {
        var problems: [Diagnostic] = []
        let language = catalogue.language.rawValue
        var english: [String: SourceText] = [:]
        for text in source { english[text.key] = text }
        if reportMissing {
            for text in source where catalogue.entry(text.key) == nil {
                problems.append(
                    .error(
                        "missing '\(language)' translation of \(text.key)",
                        at: section(of: text.key, in: catalogue),
                        notes: [.init("the English text is here", at: text.location)]))
            }
        }
        for key in catalogue.keys {
            guard let entry = catalogue.entry(key) else { continue }
            guard let original = english[key] else {
                if reportExtra {
                    problems.append(
                        .error(
                            "extra key \(key): the English has no such text" + Suggestion.phrase(for: key, in: english.keys),
                            at: entry.location))
                }
                continue
            }
            if entry.text.allSatisfy(\.isWhitespace) {
                problems.append(.error("empty '\(language)' translation of \(key)", at: entry.location))
                continue
            }
            let expected = ReportStrings.placeholders(in: original.text)
            let found = ReportStrings.placeholders(in: entry.text)
            if Set(expected) != Set(found) {
                let list = { (names: [String]) in
                    names.isEmpty ? "none" : Set(names).sorted().map { "{\($0)}" }.joined(separator: ", ")
                }
                problems.append(
                    .error(
                        "the placeholders of \(key) differ from the English: \(list(found)), expected \(list(expected))",
                        at: entry.location, notes: [.init("the English text is here", at: original.location)]))
            }
        }
        return problems
    }

    /// Where a missing key belongs: its nearest written section (`rules.KZ-21-01`, `rules`), else
    /// the top of the file.
    private static func section(of key: String, in catalogue: Catalogue) -> SourceLocation {
        var parts = key.split(separator: ".").map(String.init)
        while parts.count > 1 {
            parts.removeLast()
            if let location = catalogue.sections[parts.joined(separator: ".")] { return location }
        }
        return SourceLocation(file: catalogue.file, line: 1, column: 1)
    }
}
