internal import Foundation

/// The few file-system operations the loaders need, in one place.
package enum FileSystem {
    /// The bytes of a file, refusing anything larger than `limit` without reading it all.
    ///
    /// The file is opened without blocking, so that a named pipe with no writer reads as empty
    /// instead of hanging (a pipe with a writer, as in `<(command)`, is read as usual); a folder,
    /// socket or other special file is refused.
    package static func read(_ path: String, limit: Int) throws(Diagnostic) -> [UInt8] {
        let origin = SourceLocation(file: path, line: 1, column: 1)
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: throw .error("no such file", at: origin)
            case EACCES, EPERM: throw .error("cannot be read (permission denied?)", at: origin)
            default: throw .error("cannot be read: \(String(cString: strerror(errno)))", at: origin)
            }
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .error("cannot be read: \(String(cString: strerror(errno)))", at: origin)
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG, S_IFIFO, S_IFCHR:
            break
        case S_IFDIR:
            throw .error("is a directory, not a file", at: origin)
        default:
            throw .error("is not a regular file", at: origin)
        }
        // Blocking reads from here on: a pipe's writer may still be producing.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count <= limit {
            let wanted = min(chunk.count, limit + 1 - bytes.count)
            let count = chunk.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress, wanted) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw .error("cannot be read: \(String(cString: strerror(errno)))", at: origin)
            }
            bytes.append(contentsOf: chunk[..<count])
        }
        guard bytes.count <= limit else {
            throw .error("file is larger than the limit of \(limit) bytes", at: origin)
        }
        return bytes
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
            // Regular files only (following links): not folders, pipes, sockets or devices.
            var status = stat()
            if stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG {
                found.append(path)
            }
        }
        return found.sorted()
    }
}

/// `read(2)`, out of the way of `FileSystem.read`.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
