internal import ComplianceRules

/// Turns file names as the user gave them into SARIF artifact locations relative to a source root:
/// paths are normalised lexically (`./a/../b` is `b`), a file under the root gets a relative URI
/// with `uriBaseId` `%SRCROOT%`, and a file outside it an absolute `file://` URI when one is known.
struct PathResolver {
    /// A path as components, absolute or not.
    struct Path: Equatable {
        var absolute: Bool
        var components: [String]

        /// Lexical normalisation: empty and `.` components dropped, `..` removes its parent where it
        /// can (at an absolute root it is dropped; a relative path keeps leading `..`).
        init(_ text: String) {
            absolute = text.hasPrefix("/")
            components = []
            for part in text.split(separator: "/", omittingEmptySubsequences: true) {
                switch part {
                case ".": continue
                case "..":
                    if let last = components.last, last != ".." {
                        components.removeLast()
                    } else if !absolute {
                        components.append("..")
                    }
                default: components.append(String(part))
                }
            }
        }

        /// `other` resolved against this (absolute) directory.
        func appending(_ other: Path) -> Path {
            other.absolute ? other : Path((absolute ? "/" : "") + (components + other.components).joined(separator: "/"))
        }

        var text: String { (absolute ? "/" : "") + components.joined(separator: "/") }
    }

    /// The root as given (relative to the working directory, or absolute).
    let root: Path
    let workingDirectory: Path?

    init(_ paths: SARIFReporter.Paths) {
        workingDirectory = paths.workingDirectory.map(Path.init).flatMap { $0.absolute ? $0 : nil }
        root = Path(paths.root ?? ".")
    }

    /// `originalUriBaseIds["%SRCROOT%"]`: the root's absolute URI when a root was given and can be
    /// made absolute, else a description (the consumer knows the checkout).
    func rootDescription(given: Bool, strings: ReportStrings = .english) -> JSON {
        let absolute = workingDirectory.map { $0.appending(root) } ?? root
        if given, absolute.absolute {
            return .object([("uri", .string(SARIFReporter.uri(absolute.components.isEmpty ? "/" : absolute.text + "/")))])
        }
        let text =
            root.components.isEmpty
            ? strings("sarif.root.working_directory") : strings("sarif.root.relative", ["root": root.text])
        return .object([("description", .object([("text", .string(text))]))])
    }

    /// The `artifactLocation` of `file`.
    func artifactLocation(_ file: String) -> JSON {
        var path = Path(file)
        var base = root
        if let workingDirectory {
            path = workingDirectory.appending(path)
            base = workingDirectory.appending(root)
        }
        if path.absolute == base.absolute, path.components.count > base.components.count,
            path.components.starts(with: base.components), path.components.first != ".."
        {
            let relative = path.components.dropFirst(base.components.count).joined(separator: "/")
            return .object([
                ("uri", .string(SARIFReporter.uri(relative))), ("uriBaseId", .string(SARIFReporter.sourceRootID)),
            ])
        }
        // Outside the root: an absolute `file://` URI when the path is absolute, else the path as
        // normalised.
        return .object([("uri", .string(SARIFReporter.uri(path.text)))])
    }
}
