import ComplianceRules

/// Finds the system files named on the command line.
enum Discovery {
    /// Files are taken as given; folders are searched for `*.yaml`/`*.yml` files whose top level
    /// says `kind: AISystem`. The result is sorted within each folder and deduplicated.
    static func systemFiles(in paths: [String]) -> (files: [String], problems: [Diagnostic]) {
        var files: [String] = []
        let problems: [Diagnostic] = []
        var seen: Set<String> = []
        for path in paths {
            if FileSystem.isDirectory(path) {
                for file in FileSystem.files(under: path, extensions: ["yaml", "yml"]) where isSystemFile(file) {
                    if seen.insert(file).inserted { files.append(file) }
                }
            } else if seen.insert(path).inserted {
                files.append(path)
            }
        }
        return (files, problems)
    }

    /// Whether a line of the file's top level reads `kind: AISystem` (read cheaply, without parsing).
    private static func isSystemFile(_ path: String) -> Bool {
        guard let bytes = try? FileSystem.read(path, limit: YAMLReader.Limits().maxBytes) else { return true }
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
