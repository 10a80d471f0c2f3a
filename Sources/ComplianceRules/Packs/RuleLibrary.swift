/// The vocabulary and every loaded rule pack, checked (DESIGN §4): what the engine compiles.
public struct RuleLibrary: Sendable {
    public let vocabulary: Vocabulary
    public let packs: [RulePack]

    public init(vocabulary: Vocabulary, packs: [RulePack]) {
        self.vocabulary = vocabulary
        self.packs = packs
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
        try load([.builtIn])
    }

    /// Loads packs from `sources`. The vocabulary is the first `vocabulary.yaml` found at the top of
    /// a source, else `vocabulary`, else the built-in one; a `vocabulary-extension.yaml` at the top
    /// of a source adds its facts to it. Every problem of every file is reported.
    public static func load(_ sources: [RuleSource], vocabulary: Vocabulary? = nil) throws(DiagnosticList) -> RuleLibrary {
        var diagnostics: [Diagnostic] = []
        let reader = YAMLReader()
        var chosen = vocabulary
        if chosen == nil {
            for source in sources {
                guard let file = source.files.first(where: { $0.relativePath == "vocabulary.yaml" }) else { continue }
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

        // Group each source's files by pack folder.
        var loader = PackLoader(vocabulary: vocabulary, reader: reader)
        var groups: [(manifest: RuleSource.File, sectorFiles: [RuleSource.File])] = []
        for source in sources {
            var folders: [String: (manifest: RuleSource.File?, sectorFiles: [RuleSource.File])] = [:]
            for file in source.files where file.relativePath != "vocabulary.yaml" && file.relativePath != Self.vocabularyExtension
            {
                let parts = file.relativePath.split(separator: "/")
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
        if diagnostics.containsErrors { throw DiagnosticList(diagnostics) }
        return RuleLibrary(vocabulary: vocabulary, packs: packs)
    }
}
