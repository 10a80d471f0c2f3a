public import ComplianceRules

/// What counts as a system description, for the command line and for embedders alike.
///
/// Files named directly are always evaluated (a wrong `kind` is then a validation error). Folders
/// are walked lazily for `*.yaml`/`*.yml` files, and each one found is decided by **parsing** it:
/// - `kind: AISystem` (however it is quoted, tagged or anchored) is a system;
/// - our `apiVersion` (`compliance-check/…`) with another `kind` is an error, not a skip;
/// - another document that parses is skipped, with the reason (for `--verbose`);
/// - a file that does not parse is an error when its bytes name our `apiVersion` or `AISystem`,
///   otherwise it is skipped (Helm templates and other YAML-like files);
/// - a file that cannot be read, a special file and a folder that cannot be listed are errors.
public enum SystemDiscovery {
    /// The path that names standard input, and the file name reports give it.
    public static let standardInput = "-"
    public static let standardInputName = "<stdin>"

    /// Our `apiVersion` prefix.
    public static let apiVersionPrefix = "compliance-check/"
    /// The `kind` of a system description.
    public static let kind = "AISystem"

    /// A file to look at: named on the command line, or found in a folder.
    public struct Candidate: Sendable {
        /// The path as people read it (bytes that are not UTF-8 are shown as `\xFF`).
        public var path: String
        /// Found by searching a folder (so it may be skipped when it is not a system).
        public var searched: Bool
        /// The path's bytes, for opening a name that is not UTF-8.
        var raw: [UInt8]
        /// Why it cannot be read at all, found while walking (a special file, an unlistable folder).
        var problem: String?

        /// A file named by the caller (`-`: standard input, reported as `<stdin>`).
        public init(path: String) {
            self.path = path == SystemDiscovery.standardInput ? SystemDiscovery.standardInputName : path
            self.searched = false
            self.raw = Array(path.utf8)
        }

        init(entry: FolderWalker.Entry) {
            path = entry.path
            searched = true
            raw = entry.raw
            switch entry.kind {
            case .file: problem = nil
            case .special: problem = "is not a regular file"
            case .unreadableFolder(let code): problem = "folder cannot be read: \(FileSystem.describe(errno: code))"
            }
        }
    }

    /// What a candidate turned out to be.
    public enum Classification: Sendable {
        /// A system description, parsed (evaluate it with `Engine.evaluate(_:options:evidenceRoot:)`).
        case system(Document)
        /// Not a system description; the reason says why.
        case skipped(String)
        /// It cannot be checked: the problems say why.
        case invalid(DiagnosticList)
    }

    /// The candidates for `paths`: files as given, folders walked lazily (sorted by name within
    /// each folder). A file reached twice (named twice, or through two folders) comes once.
    public static func candidates(in paths: [String]) -> Candidates { Candidates(paths: paths) }

    /// The lazy sequence of candidates of `candidates(in:)`.
    public struct Candidates: Sequence, IteratorProtocol {
        private var paths: ArraySlice<String>
        private var walker: FolderWalker?
        private var seen: Set<FileIdentity> = []
        private var seenNamed: Set<String> = []

        init(paths: [String]) { self.paths = paths[...] }

        public mutating func next() -> Candidate? {
            while true {
                if var current = walker {
                    let entry = current.next()
                    walker = current
                    if let entry {
                        if let identity = entry.identity, !seen.insert(identity).inserted { continue }
                        return Candidate(entry: entry)
                    }
                    walker = nil
                }
                guard let path = paths.popFirst() else { return nil }
                if FileSystem.isDirectory(path) {
                    walker = FolderWalker(folder: path, extensions: ["yaml", "yml"])
                } else if seenNamed.insert(path).inserted {
                    if let identity = FileSystem.identity(of: path), !seen.insert(identity).inserted { continue }
                    return Candidate(path: path)
                }
            }
        }
    }

    /// Reads and parses a candidate once and decides what it is.
    public static func classify(_ candidate: Candidate, limits: YAMLReader.Limits = YAMLReader.Limits())
        -> Classification
    {
        let origin = SourceLocation(file: candidate.path, line: 1, column: 1)
        if let problem = candidate.problem { return .invalid(DiagnosticList([.error(problem, at: origin)])) }
        let bytes: [UInt8]
        do throws(Diagnostic) {
            if !candidate.searched, candidate.raw == Array(standardInput.utf8) {
                bytes = try FileSystem.readStandardInput(limit: limits.maxBytes, display: candidate.path)
            } else {
                bytes = try FileSystem.read(raw: candidate.raw, display: candidate.path, limit: limits.maxBytes)
            }
        } catch {
            return .invalid(DiagnosticList([error]))
        }
        let document: Document
        do throws(Diagnostic) {
            document = try YAMLReader(limits: limits).read(bytes, file: candidate.path)
        } catch {
            guard candidate.searched, !namesUs(bytes) else { return .invalid(DiagnosticList([error])) }
            return .skipped("not a YAML document we can read (\(error.message))")
        }
        guard candidate.searched else { return .system(document) }
        let kind = document.root["kind"]?.stringValue
        let apiVersion = document.root["apiVersion"]?.stringValue
        if kind == Self.kind { return .system(document) }
        if let apiVersion, apiVersion.hasPrefix(apiVersionPrefix) {
            let found = document.root["kind"].map { $0.stringValue.map { "'\($0)'" } ?? "a \($0.typeName)" } ?? "none"
            let location = document.location(of: [.key(kind == nil ? "apiVersion" : "kind")])
            return .invalid(
                DiagnosticList([
                    .error(
                        "expected kind '\(Self.kind)', found \(found)", at: location)
                ]))
        }
        if let kind { return .skipped("kind '\(kind)' is not \(Self.kind)") }
        return .skipped("no 'apiVersion: \(apiVersionPrefix)v1' and no 'kind: \(Self.kind)'")
    }

    /// Whether unparsable bytes still claim to be ours, so that a broken system is not skipped.
    static func namesUs(_ bytes: [UInt8]) -> Bool {
        contains(bytes, Array(apiVersionPrefix.utf8)) || contains(bytes, Array(kind.utf8))
    }

    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var index = 0
        while index + needle.count <= bytes.count {
            if bytes[index] == first, bytes[index..<index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
