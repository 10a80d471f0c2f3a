import ComplianceRules

/// Finds the system files named on the command line.
enum Discovery {
    /// A file to evaluate.
    struct Candidate {
        var path: String
        /// Found by searching a folder: evaluated only when its text says `kind: AISystem`.
        var searched: Bool
    }

    /// Files are taken as given; folders are searched for `*.yaml`/`*.yml` files (whose
    /// `kind: AISystem` is checked when they are read, by `isSystemText`). Sorted within each
    /// folder and deduplicated.
    static func candidates(in paths: [String]) -> [Candidate] {
        var found: [Candidate] = []
        var seen: Set<String> = []
        for path in paths {
            if FileSystem.isDirectory(path) {
                for file in FileSystem.files(under: path, extensions: ["yaml", "yml"]) where seen.insert(file).inserted {
                    found.append(Candidate(path: file, searched: true))
                }
            } else if seen.insert(path).inserted {
                found.append(Candidate(path: path, searched: false))
            }
        }
        return found
    }

    /// Whether a line of the text's top level reads `kind: AISystem` (checked cheaply, without parsing).
    static func isSystemText(_ bytes: [UInt8]) -> Bool {
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line[...]
            if trimmed.hasPrefix("kind:"), trimmed.dropFirst(5).trimmingPrefix(while: { $0 == " " }).hasPrefix("AISystem") {
                return true
            }
        }
        return false
    }
}

extension Substring {
    fileprivate func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring {
        var copy = self
        while let first = copy.first, predicate(first) { copy = copy.dropFirst() }
        return copy
    }
}
