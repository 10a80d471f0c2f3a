/// The report's own words in one language (`rules/i18n/report.<lang>.yaml`): headings, status
/// words, summaries, gate lines, the disclaimers and the engine's explanations, each with
/// `{placeholders}` filled in by name. A key missing in the language falls back to English.
public struct ReportStrings: Sendable, Equatable {
    public let language: Language
    private let table: [String: String]
    private let english: [String: String]

    init(language: Language, table: [String: String], english: [String: String]) {
        self.language = language
        self.table = table
        self.english = english
    }

    /// The built-in strings of `language`.
    public static func builtIn(_ language: Language) -> ReportStrings {
        loaded[language] ?? ReportStrings(language: language, table: [:], english: loaded[.en]?.english ?? [:])
    }

    /// English, the default.
    public static var english: ReportStrings { builtIn(.en) }

    /// Every built-in language, read once from the embedded catalogues: from the compiled built-in
    /// library when the build made one (no YAML read), else from their text.
    private static let loaded: [Language: ReportStrings] = {
        var tables: [Language: [String: String]] = [:]
        if let compiled = RuleLibrary.compiledBuiltIn?.catalogues.report {
            tables = compiled.mapValues { table(of: $0) }
        } else {
            tables = readCatalogues()
        }
        let english = tables[.en] ?? [:]
        var result: [Language: ReportStrings] = [:]
        for language in Language.allCases {
            result[language] = ReportStrings(language: language, table: tables[language] ?? english, english: english)
        }
        return result
    }()

    /// The `strings.` table of each built-in report catalogue, read from its embedded text.
    static func readCatalogues() -> [Language: [String: String]] {
        var tables: [Language: [String: String]] = [:]
        for language in Language.allCases {
            let path = "i18n/report.\(language.rawValue).yaml"
            guard let text = BuiltInRules.text(of: path),
                let document = try? YAMLReader().read(text, file: BuiltInRules.displayName(of: path)),
                let catalogue = Catalogue.read(Node(document), sections: ["strings"]).0
            else { continue }
            tables[language] = table(of: catalogue)
        }
        return tables
    }

    /// The `strings.` entries of a report catalogue, keyed without the prefix.
    static func table(of catalogue: Catalogue) -> [String: String] {
        var table: [String: String] = [:]
        for key in catalogue.keys where key.hasPrefix("strings.") {
            table[String(key.dropFirst("strings.".count))] = catalogue[key]
        }
        return table
    }

    /// The text of `key` with each `{name}` replaced by `values[name]`; the key itself when no
    /// catalogue has it (so a missing string shows, rather than vanishing).
    public func callAsFunction(_ key: String, _ values: KeyValuePairs<String, String> = [:]) -> String {
        let template = table[key] ?? english[key] ?? key
        return Self.fill(template, values)
    }

    /// Whether the language has its own text for `key` (not the English fallback).
    public func has(_ key: String) -> Bool { table[key] != nil }

    /// `template` with each `{name}` replaced by `values[name]`, in one pass (a `{` that names no
    /// value stays as written).
    package static func fill(_ template: String, _ values: KeyValuePairs<String, String>) -> String {
        var template = template
        // Scanned as UTF-8 bytes: `{` and `}` are ASCII and never part of a longer scalar.
        let filled = template.withUTF8 { bytes -> [UInt8]? in
            guard var brace = bytes.firstIndex(of: UInt8(ascii: "{")) else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 64)
            var copied = 0
            while true {
                let nameStart = brace + 1
                if let end = bytes[nameStart...].firstIndex(of: UInt8(ascii: "}")),
                    var value = value(named: UnsafeBufferPointer(rebasing: bytes[nameStart..<end]), in: values)
                {
                    output.append(contentsOf: bytes[copied..<brace])
                    value.withUTF8 { output.append(contentsOf: $0) }
                    copied = end + 1
                }
                guard let next = bytes[max(nameStart, copied)...].firstIndex(of: UInt8(ascii: "{")) else { break }
                brace = next
            }
            output.append(contentsOf: bytes[copied...])
            return output
        }
        guard let filled else { return template }
        return String(decoding: filled, as: UTF8.self)
    }

    /// The value called `name` (a handful of pairs: a look along them beats hashing).
    private static func value(named name: UnsafeBufferPointer<UInt8>, in values: KeyValuePairs<String, String>) -> String? {
        for (key, value) in values where key.utf8.elementsEqual(name) { return value }
        return nil
    }

    /// The `{placeholder}` names a text uses, sorted.
    public static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = after[..<close]
            if !name.isEmpty,
                name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
            {
                names.append(String(name))
                rest = after[after.index(after: close)...]
            } else {
                rest = after
            }
        }
        return names.sorted()
    }
}

extension Citation {
    /// `Art. 17(3)(1)` in the words of `strings` (`ст. 17 п. 3 пп. 1`, `17-бап 3-тармақ 1)-тармақша`).
    public func articleReference(_ strings: ReportStrings) -> String {
        var text = strings("cite.article", ["article": article])
        if let paragraph { text += strings("cite.paragraph", ["paragraph": paragraph]) }
        if let subparagraph { text += strings("cite.subparagraph", ["subparagraph": subparagraph]) }
        return text
    }
}
