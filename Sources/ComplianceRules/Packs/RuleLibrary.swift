/// The vocabulary and every loaded rule pack, checked (DESIGN §4): what the engine compiles.
public struct RuleLibrary: Sendable, Equatable {
    public let vocabulary: Vocabulary
    public let packs: [RulePack]
    /// The translations loaded with the packs and the vocabulary (DESIGN §10).
    public var catalogues: Catalogues

    public init(vocabulary: Vocabulary, packs: [RulePack], catalogues: Catalogues = Catalogues()) {
        self.vocabulary = vocabulary
        self.packs = packs
        self.catalogues = catalogues
    }

    /// Every rule of every pack.
    public var rules: [Rule] { packs.flatMap(\.rules) }

    /// The rule with `id`.
    public func rule(_ id: String) -> Rule? {
        for pack in packs {
            if let rule = pack.rules.first(where: { $0.id == id }) { return rule }
        }
        return nil
    }

    /// The file, at the top of a rule source, whose facts extend the vocabulary in use.
    public static let vocabularyExtension = "vocabulary-extension.yaml"

    /// The built-in vocabulary and packs.
    public static func builtIn() throws(DiagnosticList) -> RuleLibrary {
        if let compiledBuiltIn { return compiledBuiltIn }
        return try loadChecked([.builtIn])
    }

    /// Loads packs from `sources`. The vocabulary is the first `vocabulary.yaml` found at the top of
    /// a source, else `vocabulary`, else the built-in one; a `vocabulary-extension.yaml` at the top
    /// of a source adds its facts to it. Every problem of every file is reported.
    ///
    /// The built-in source alone is not read again: the build loaded and checked it with
    /// `loadChecked` and embedded the result (`compiledBuiltIn`), which equals what it would give.
    public static func load(_ sources: [RuleSource], vocabulary: Vocabulary? = nil) throws(DiagnosticList) -> RuleLibrary {
        if vocabulary == nil, sources.count == 1, sources[0].isBuiltIn, let compiledBuiltIn {
            return compiledBuiltIn
        }
        return try loadChecked(sources, vocabulary: vocabulary)
    }

    /// `load` reading and checking every file, the built-in ones too: what the build runs to
    /// compile the built-in library, and what `load` runs for any other sources.
    package static func loadChecked(_ sources: [RuleSource], vocabulary: Vocabulary? = nil) throws(DiagnosticList)
        -> RuleLibrary
    {
        var diagnostics: [Diagnostic] = []
        let reader = YAMLReader()
        var chosen = vocabulary
        var catalogues = Catalogues()
        // The vocabulary's translations come from the source that gives the vocabulary.
        var vocabularySource: RuleSource? = vocabulary == nil ? nil : RuleSource(files: [])
        if chosen == nil {
            for source in sources {
                guard let file = source.files.first(where: { $0.relativePath == "vocabulary.yaml" }) else { continue }
                vocabularySource = source
                do {
                    chosen = try Vocabulary.load(try reader.read(file.bytes, file: file.displayName))
                } catch let error as Diagnostic {
                    diagnostics.append(error)
                } catch let error as DiagnosticList {
                    diagnostics.append(contentsOf: error.diagnostics)
                } catch {
                    diagnostics.append(.error("\(error)", at: nil))
                }
                break
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        var vocabulary: Vocabulary
        if let chosen { vocabulary = chosen } else { vocabulary = try BuiltInRules.vocabulary() }
        // Facts added to the vocabulary in use (a library user's own facts), merged in; a fact
        // declared twice is an error.
        for source in sources {
            for file in source.files where file.relativePath == Self.vocabularyExtension {
                do {
                    vocabulary = try Vocabulary.load(try reader.read(file.bytes, file: file.displayName), extending: vocabulary)
                } catch let error as Diagnostic {
                    diagnostics.append(error)
                } catch let error as DiagnosticList {
                    diagnostics.append(contentsOf: error.diagnostics)
                } catch {
                    diagnostics.append(.error("\(error)", at: nil))
                }
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        let shared = { (source: RuleSource) in source.files.filter { Self.isSharedCatalogue($0.relativePath) } }
        diagnostics += catalogues.readShared(
            shared(vocabularySource ?? .builtIn), vocabulary: true, report: false, reader: reader)
        for source in sources {
            diagnostics += catalogues.readShared(shared(source), vocabulary: false, report: true, reader: reader)
        }
        var packCatalogues: [(file: RuleSource.File, manifest: String)] = []

        // Group each source's files by pack folder.
        var loader = PackLoader(vocabulary: vocabulary, reader: reader)
        var groups: [(manifest: RuleSource.File, sectorFiles: [RuleSource.File])] = []
        for source in sources {
            var folders: [String: (manifest: RuleSource.File?, sectorFiles: [RuleSource.File])] = [:]
            for file in source.files where file.relativePath != "vocabulary.yaml" && file.relativePath != Self.vocabularyExtension
            {
                let parts = file.relativePath.split(separator: "/")
                if Self.isSharedCatalogue(file.relativePath) { continue }
                if parts.count >= 2, parts[parts.count - 2] == "i18n" {
                    // `<pack>/i18n/<lang>.yaml`: the catalogue of the pack whose manifest is in `<pack>`.
                    let folder = parts.dropLast(2).map { "\($0)/" }.joined()
                    let manifest = String(file.displayName.dropLast(file.relativePath.count)) + folder + "pack.yaml"
                    packCatalogues.append((file, manifest))
                    continue
                }
                let folder = parts.dropLast().joined(separator: "/")
                if parts.last == "pack.yaml" {
                    folders[folder, default: (nil, [])].manifest = file
                } else {
                    folders[folder, default: (nil, [])].sectorFiles.append(file)
                }
            }
            for folder in folders.keys.sorted() {
                guard let group = folders[folder] else { continue }
                guard let manifest = group.manifest else {
                    for file in group.sectorFiles {
                        loader.diagnostics.append(
                            .error(
                                "rule file is not in a pack folder: put it beside a pack.yaml",
                                at: SourceLocation(file: file.displayName, line: 1, column: 1)))
                    }
                    continue
                }
                groups.append((manifest, group.sectorFiles.sorted { $0.relativePath < $1.relativePath }))
            }
        }
        let packs = loader.load(groups)
        diagnostics.append(contentsOf: loader.diagnostics)
        for (file, manifest) in packCatalogues {
            let (catalogue, problems) = Catalogues.read(file, sections: Catalogues.packSections, reader: reader)
            diagnostics += problems
            guard let catalogue else { continue }
            let start = SourceLocation(file: catalogue.file, line: 1, column: 1)
            guard let pack = packs.first(where: { $0.location.file == manifest }) else {
                diagnostics.append(.error("translation catalogue is not beside a pack: put it in <pack>/i18n/", at: start))
                continue
            }
            if file.relativePath.split(separator: "/").last != "\(catalogue.language.rawValue).yaml" {
                diagnostics.append(
                    .error(
                        "a catalogue with 'lang: \(catalogue.language.rawValue)' must be named \(catalogue.language.rawValue).yaml",
                        at: start))
                continue
            }
            catalogues.packs[pack.id, default: [:]][catalogue.language] = catalogue
        }
        if diagnostics.containsErrors { throw DiagnosticList(diagnostics) }
        return RuleLibrary(vocabulary: vocabulary, packs: packs, catalogues: catalogues)
    }

    /// `i18n/<name>.<lang>.yaml` at the top of a source: a vocabulary or report catalogue (a pack's
    /// own catalogue is `i18n/<lang>.yaml`, with one dot).
    static func isSharedCatalogue(_ relativePath: String) -> Bool {
        let parts = relativePath.split(separator: "/")
        return parts.count == 2 && parts[0] == "i18n" && parts[1].split(separator: ".").count >= 3
    }
}
