import Foundation
import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// Reports in Russian and Kazakh (issue 13): no English sentence leaks into them, the text
/// report's columns line up by characters, Kazakh letters survive every format byte for byte, and
/// machine fields stay the same in every language.
@Suite struct LanguageReportTests {
    static let demoRules = Fixtures.repositoryRoot + "/Tests/CLITests/Golden/rules"
    static let demoSystems = ["failing.yaml", "passing.yaml"].map {
        Fixtures.repositoryRoot + "/Tests/CLITests/Golden/systems/" + $0
    }
    static let asOf = Fixtures.date("2026-11-29")

    /// Every human-readable output of `files` in `language`: text (verbose), Markdown, JUnit, the
    /// text a reader sees of the HTML report, and the human fields of the JSON and SARIF reports.
    static func outputs(_ engine: Engine, files: [String]) throws -> [(format: String, text: String)] {
        let options = EvaluationOptions(asOf: asOf)
        let report = engine.report(files.map { engine.evaluate(file: $0, options: options) }, asOf: asOf)
        var style = TextReporter.Style(verbose: true)
        style.strings = engine.strings
        var outputs: [(String, String)] = [
            ("text", TextReporter.render(report, style: style)),
            ("markdown", MarkdownReporter.render(report)),
            ("junit", JUnitReporter.render(report)),
            ("html", visibleText(of: HTMLReporter.render(report))),
        ]
        for (format, json) in [("json", JSONReporter.render(report)), ("sarif", SARIFReporter.render(report))] {
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
            outputs.append((format, humanStrings(in: object).joined(separator: "\n")))  // one value a line
        }
        return outputs
    }

    /// What a reader of an HTML page sees: the page without its stylesheet, script and tags, with
    /// the character references the reporter writes turned back into characters.
    static func visibleText(of html: String) -> String {
        var text = html
        for element in ["style", "script"] {
            while let open = text.range(of: "<\(element)>"), let close = text.range(of: "</\(element)>") {
                text.removeSubrange(open.lowerBound..<close.upperBound)
            }
        }
        text = text.replacing(/<[^>]*>/, with: " ")
        for (reference, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacing(reference, with: character)
        }
        return text
    }

    /// The JSON string values a person reads (not ids, paths, keys or status values).
    static func humanStrings(in object: Any, key: String = "") -> [String] {
        let human: Set<String> = [
            "title", "message", "remediation", "because", "expected", "note", "reason", "text", "markdown", "disclaimer",
            "translation_notice",
        ]
        switch object {
        case let map as [String: Any]: return map.keys.sorted().flatMap { humanStrings(in: map[$0] as Any, key: $0) }
        case let list as [Any]: return list.flatMap { humanStrings(in: $0, key: key) }
        case let text as String: return human.contains(key) ? [text] : []
        default: return []
        }
    }

    /// Runs of three or more English words in `text`, after removing the input's own data (every
    /// string value of the system files: names, purposes, waiver reasons). A token with a digit,
    /// `.`, `_`, `-`, `/` or backticks (ids, fact paths, values, files) breaks a run, and so does
    /// punctuation that ends a phrase.
    static func englishRuns(in text: String, data: [String]) -> [String] {
        var text = text
        for value in data.sorted(by: { $0.count > $1.count }) where value.count > 3 {
            // As written, and as Markdown escapes it.
            for form in [value, MarkdownReporter.text(value)] { text = text.replacing(form, with: " ") }
        }
        var runs: [String] = []
        var run: [String] = []
        func flush() {
            if run.count >= 3 { runs.append(run.joined(separator: " ")) }
            run = []
        }
        func scan(_ token: Substring) {
            let word = token.trimmingCharacters(in: CharacterSet(charactersIn: "()[]{}<>*\\\"'«»|"))
            let isEnglish =
                word.count >= 2 && word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
            let stripped = word.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:!?"))
            let endsPhrase = stripped != word
            if isEnglish
                || (endsPhrase && stripped.count >= 2
                    && stripped.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) })
            {
                run.append(String(stripped))
                if endsPhrase { flush() }
            } else {
                flush()
            }
        }
        // A line ends a run: a value closing one line and a word opening the next are no sentence.
        for line in text.split(whereSeparator: \.isNewline) {
            flush()
            for token in line.split(whereSeparator: \.isWhitespace) { scan(token) }
        }
        flush()
        return runs
    }

    /// Every string value of a YAML system file.
    static func data(of file: String) throws -> [String] {
        let document = try YAMLReader().read(try FileSystem.read(file, limit: 1 << 20), file: file)
        func strings(_ value: Value) -> [String] {
            switch value {
            case .string(let text): [text]
            case .list(let items): items.flatMap(strings)
            case .map(let entries): entries.map(\.value).flatMap(strings)
            default: []
            }
        }
        return strings(document.root)
    }

    @Test(arguments: [Language.ru, .kk])
    func noEnglishSentenceLeaksIntoTheDemoReports(_ language: Language) throws {
        let library = try RuleLibrary.load([RuleSource.directory(Self.demoRules)])
        let engine = try Engine(library: library, language: language)
        let data = try Self.demoSystems.flatMap(Self.data)
        for (format, text) in try Self.outputs(engine, files: Self.demoSystems) {
            #expect(Self.englishRuns(in: text, data: data) == [], "\(language.rawValue) \(format)")
        }
        // The detector itself finds English: the same outputs in English are full of it.
        let english = try Engine(library: library)
        let text = try Self.outputs(english, files: Self.demoSystems)[0].text
        #expect(Self.englishRuns(in: text, data: data).contains("Write down how risks are identified"))
    }

    /// The example systems of the repository (Kazakhstan and EU), each run in the language.
    static let examples: [String] = {
        let root = Fixtures.repositoryRoot + "/examples"
        return FileSystem.files(under: root, extensions: ["yaml"]).filter {
            !$0.hasSuffix("waivers.yaml")
        }.sorted()
    }()

    @Test(arguments: [Language.ru, .kk])
    func noEnglishSentenceLeaksIntoTheBuiltInReports(_ language: Language) throws {
        let engine = try Engine(library: RuleLibrary.builtIn(), language: language)
        let files = try Self.examples.filter { try Self.data(of: $0).contains("AISystem") }
        #expect(files.count >= 8)
        let data = try files.flatMap(Self.data)
        for (format, text) in try Self.outputs(engine, files: files) {
            let runs = Self.englishRuns(in: text, data: data)
            #expect(runs == [], "\(language.rawValue) \(format): \(runs.count) English run(s)")
        }
    }

    /// The HTML report names its language, shows every word of its own from the catalogue (no key
    /// and no unfilled placeholder shows), and in Russian and Kazakh carries the translation notice.
    @Test(arguments: [Language.en, .ru, .kk])
    func theHTMLReportIsInTheLanguage(_ language: Language) throws {
        let library = try RuleLibrary.load([RuleSource.directory(Self.demoRules)])
        let engine = try Engine(library: library, language: language)
        let options = EvaluationOptions(asOf: Self.asOf)
        let report = engine.report(Self.demoSystems.map { engine.evaluate(file: $0, options: options) }, asOf: Self.asOf)
        let html = HTMLReporter.render(report)
        let strings = ReportStrings.builtIn(language)
        #expect(html.contains("<html lang=\"\(language.rawValue)\">"))
        let text = Self.visibleText(of: html)
        #expect(!text.contains("html."), "a catalogue key shows instead of its text")
        #expect(text.firstMatch(of: /\{[a-z_]+\}/) == nil, "an unfilled placeholder shows")
        #expect(text.contains(strings("html.heading")))
        #expect(text.contains(Disclaimer.text(strings)))
        if let notice = Disclaimer.translationNotice(strings) {
            #expect(html.contains("<p class=\"disclaimer\">\(HTML.text(notice))</p>"))
        } else {
            #expect(language == .en)
        }
    }

    @Test(arguments: [Language.en, .ru, .kk])
    func detailLabelsLineUpByCharacters(_ language: Language) throws {
        let labels = TextReporter.Labels(ReportStrings.builtIn(language))
        let widths = [labels.cite, labels.date, labels.fact, labels.fix, labels.note, labels.or].map(\.count)
        #expect(Set(widths).count == 1, "\(language.rawValue): \(widths)")
        // In Cyrillic and Kazakh the byte counts differ, so counting bytes would misalign them.
        if language != .en {
            #expect(Set([labels.cite, labels.fix].map(\.utf8.count)).count == 2)
        }
    }

    @Test func kazakhLettersSurviveEveryFormatByteForByte() throws {
        let letters = "әғқңөұүһі ӘҒҚҢӨҰҮҺІ"
        let library = try Fixtures.library([
            (
                "p/pack.yaml",
                """
                apiVersion: compliance-check/v1
                kind: RulePack
                id: p
                namespace: p
                title: P
                jurisdiction: KZ
                version: 1.0.0
                languages: [en, kk]
                instruments:
                  - {id: law, title: Law, number: 230-VIII, effective: 2026-01-18}

                """
            ),
            (
                "p/rules.yaml",
                """
                apiVersion: compliance-check/v1
                kind: RuleSet
                sector: all
                rules:
                  - id: P-01
                    title: People are told
                    category: transparency
                    severity: high
                    citation: {instrument: law, article: "21", paragraph: "1", basis: statute}
                    require: {transparency.ai_notice.provided: true}
                    message: No notice.
                    remediation: Show a notice.
                    examples:
                      pass: [{transparency: {ai_notice: {provided: true}}}]
                      fail: [{transparency: {ai_notice: {provided: false}}}]

                """
            ),
            (
                "p/i18n/kk.yaml",
                """
                apiVersion: compliance-check/v1
                kind: Catalogue
                lang: kk
                pack: {title: "Пакет \(letters)"}
                instruments:
                  law: {title: "Заң \(letters)"}
                rules:
                  P-01:
                    title: "Хабарланады \(letters)"
                    message: "Хабарлама жоқ \(letters)"
                    remediation: "Хабарлама көрсетіңіз \(letters)"

                """
            ),
        ])
        let engine = try Engine(library: library, language: .kk)
        let system = try Fixtures.document(Fixtures.system("transparency: {ai_notice: {provided: false}}\n"))
        let result = engine.evaluate(system, options: EvaluationOptions(asOf: Self.asOf), evidenceRoot: nil)
        let report = engine.report([result], asOf: Self.asOf)
        let bytes = Array(letters.utf8)
        let outputs = [
            ("text", TextReporter.render(report)), ("json", JSONReporter.render(report)),
            ("jsonl", JSONReporter.renderLine(try result.get())), ("sarif", SARIFReporter.render(report)),
            ("junit", JUnitReporter.render(report)), ("markdown", MarkdownReporter.render(report)),
            ("html", HTMLReporter.render(report)),
        ]
        for (format, output) in outputs {
            let utf8 = Array(output.utf8)
            let found = utf8.indices.contains { start in
                start + bytes.count <= utf8.count && Array(utf8[start..<start + bytes.count]) == bytes
            }
            #expect(found, "\(format) does not carry the Kazakh letters byte for byte")
        }
        #expect(JSONReporter.render(report).contains("\"lang\": \"kk\""))
    }

    /// The `init` template in Russian and Kazakh differs from the English only in its comments, and
    /// every fact's comment carries the translated meaning.
    @Test(arguments: [Language.ru, .kk])
    func theTemplateIsTheSameYAMLWithTranslatedComments(_ language: Language) throws {
        let library = try RuleLibrary.builtIn()
        func template(_ language: Language) -> String {
            TemplateGenerator.template(
                for: library.localized(language).vocabulary, sectors: ["healthcare"], jurisdictions: ["KZ"],
                strings: .builtIn(language))
        }
        func code(_ text: String) -> [Substring] {
            text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
        }
        let english = template(.en)
        let translated = template(language)
        #expect(code(translated) == code(english))
        let meaning = try #require(library.catalogues.vocabulary[language]?["facts.system.owner"])
        let firstWords = meaning.split(separator: " ").prefix(3).joined(separator: " ")
        #expect(translated.contains("# " + firstWords), "the owner's meaning in \(language.rawValue)")
        #expect(!translated.contains("Identity of the AI system"))
    }

    @Test func machineFieldsDoNotChangeWithTheLanguage() throws {
        let library = try RuleLibrary.load([RuleSource.directory(Self.demoRules)])
        var shapes: [[String]] = []
        for language in Language.allCases {
            let engine = try Engine(library: library, language: language)
            let options = EvaluationOptions(asOf: Self.asOf)
            let report = engine.report(Self.demoSystems.map { engine.evaluate(file: $0, options: options) }, asOf: Self.asOf)
            shapes.append(
                report.systems.flatMap { system in
                    [system.systemID, system.gate.rawValue]
                        + system.findings.map {
                            "\($0.rule) \($0.status.rawValue) \($0.severity.rawValue) \($0.missing) \($0.facts.map(\.path))"
                        }
                })
            let english = try Engine(library: library).exampleOutcomes()
            #expect(engine.exampleOutcomes() == english)
        }
        #expect(shapes[0] == shapes[1] && shapes[1] == shapes[2])
    }
}
