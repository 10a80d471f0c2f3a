/// The YAML files of one or more rule packs, before they are read: the built-in ones or a folder.
public struct RuleSource: Sendable {
    /// One file: the name used in diagnostics, its path relative to the source root, and its bytes.
    public struct File: Sendable {
        public var displayName: String
        public var relativePath: String
        public var bytes: [UInt8]

        public init(displayName: String, relativePath: String, bytes: [UInt8]) {
            self.displayName = displayName
            self.relativePath = relativePath
            self.bytes = bytes
        }
    }

    public var files: [File] {
        didSet { isBuiltIn = false }
    }

    /// Whether this is `builtIn` unchanged: the files the build also compiled (`RuleLibrary.load`).
    private(set) var isBuiltIn = false

    public init(files: [File]) {
        self.files = files
    }

    /// The packs embedded in this build (from the repository's `rules/`).
    public static var builtIn: RuleSource {
        var source = RuleSource(
            files: BuiltInRules.files.map {
                File(displayName: BuiltInRules.displayName(of: $0.path), relativePath: $0.path, bytes: Array($0.text.utf8))
            })
        source.isBuiltIn = true
        return source
    }

    /// Every `*.yaml` file below `directory`: a pack folder (holding `pack.yaml`) or a folder of
    /// pack folders, optionally with its own `vocabulary.yaml` at the top.
    public static func directory(_ directory: String, limit: Int = YAMLReader.Limits().maxBytes) throws(DiagnosticList)
        -> RuleSource
    {
        guard FileSystem.isDirectory(directory) else {
            throw DiagnosticList([.error("rule folder not found", at: SourceLocation(file: directory, line: 1, column: 1))])
        }
        var files: [File] = []
        var problems: [Diagnostic] = []
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for path in FileSystem.files(under: directory, extensions: ["yaml", "yml"]) {
            do throws(Diagnostic) {
                let bytes = try FileSystem.read(path, limit: limit)
                files.append(File(displayName: path, relativePath: String(path.dropFirst(prefix.count)), bytes: bytes))
            } catch {
                problems.append(error)
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return RuleSource(files: files)
    }
}
