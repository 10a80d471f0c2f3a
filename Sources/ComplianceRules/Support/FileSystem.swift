internal import Foundation

/// The few file-system operations the loaders need, in one place.
package enum FileSystem {
    /// The bytes of a regular file, refusing anything larger than `limit` without reading it all.
    package static func read(_ path: String, limit: Int) throws(Diagnostic) -> [UInt8] {
        let origin = SourceLocation(file: path, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .error("no such file", at: origin)
        }
        guard !isDirectory.boolValue else { throw .error("is a directory, not a file", at: origin) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .error("cannot be read (permission denied?)", at: origin)
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            guard data.count <= limit else {
                throw Diagnostic.error("file is larger than the limit of \(limit) bytes", at: origin)
            }
            return [UInt8](data)
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw .error("cannot be read: \(error.localizedDescription)", at: origin)
        }
    }

    /// Whether `path` names a directory.
    package static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Every regular file below `directory` whose name ends in one of `extensions`, sorted, as
    /// paths that start with `directory`. Symbolic links to directories are not followed.
    package static func files(under directory: String, extensions: [String]) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            guard extensions.contains(where: { relative.hasSuffix(".\($0)") }) else { continue }
            let path = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.append(path)
            }
        }
        return found.sorted()
    }
}
