internal import OrderedCollections

/// Every translation catalogue loaded with a rule library: per pack, the vocabulary's (the files
/// of one language merged) and the report's own strings.
public struct Catalogues: Sendable, Equatable {
    /// Pack catalogues by pack id, then language.
    public var packs: [String: [Language: Catalogue]] = [:]
    /// The vocabulary catalogues of each language, merged (`facts.<path>`).
    public var vocabulary: [Language: Catalogue] = [:]
    /// The report's own strings (`strings.<id>`), English included: `report.en.yaml` is their source.
    public var report: [Language: Catalogue] = [:]
    /// Each vocabulary catalogue file as read, for `rules lint`.
    public var vocabularyFiles: [Catalogue] = []

    public init() {}

    /// The sections a pack catalogue may hold.
    static let packSections = ["pack", "instruments", "rules", "derivations"]

    /// Reads one catalogue file; `nil` (with the problems) when it cannot be used.
    static func read(_ file: RuleSource.File, sections: [String], reader: YAMLReader) -> (Catalogue?, [Diagnostic]) {
        do throws(Diagnostic) {
            let document = try reader.read(file.bytes, file: file.displayName)
            return Catalogue.read(Node(document), sections: sections)
        } catch {
            return (nil, [error])
        }
    }

    /// Reads the top-level `i18n/<name>.<lang>.yaml` files of a source: the vocabulary's
    /// catalogues (merged per language; a fact in two files is an error) and the report strings.
    mutating func readShared(_ files: [RuleSource.File], vocabulary: Bool, report: Bool, reader: YAMLReader)
        -> [Diagnostic]
    {
        var problems: [Diagnostic] = []
        for file in files.sorted(by: { $0.relativePath < $1.relativePath }) {
            let name = String(file.relativePath.dropFirst("i18n/".count))
            let isReport = name.hasPrefix("report.")
            if isReport ? !report : !vocabulary { continue }
            let (catalogue, found) = Self.read(file, sections: [isReport ? "strings" : "facts"], reader: reader)
            problems += found
            guard let catalogue else { continue }
            let stem = name.split(separator: ".").dropLast().last.map(String.init)
            if stem != catalogue.language.rawValue {
                problems.append(
                    .error(
                        "the file name says '\(stem ?? "")' but the catalogue says 'lang: \(catalogue.language.rawValue)'; name it <name>.\(catalogue.language.rawValue).yaml",
                        at: SourceLocation(file: catalogue.file, line: 1, column: 1)))
                continue
            }
            if isReport {
                self.report[catalogue.language] = catalogue
                continue
            }
            vocabularyFiles.append(catalogue)
            var merged =
                self.vocabulary[catalogue.language]
                ?? Catalogue(language: catalogue.language, file: catalogue.file, sections: catalogue.sections, entries: [:])
            for key in catalogue.keys {
                guard let entry = catalogue.entry(key) else { continue }
                if let first = merged.entry(key) {
                    problems.append(
                        .error(
                            "fact '\(key.dropFirst("facts.".count))' is translated in two files",
                            at: entry.location, notes: [.init("first translated here", at: first.location)]))
                    continue
                }
                merged.entries[key] = entry
            }
            self.vocabulary[catalogue.language] = merged
        }
        return problems
    }
}
