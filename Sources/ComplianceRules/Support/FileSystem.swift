internal import Foundation

/// The few file-system operations the loaders need, in one place.
package enum FileSystem {
    /// The bytes of a file, refusing anything larger than `limit` without reading it all.
    ///
    /// The file is opened without blocking, so that a named pipe with no writer reads as empty
    /// instead of hanging (a pipe with a writer, as in `<(command)`, is read as usual); a folder,
    /// socket or other special file is refused.
    package static func read(_ path: String, limit: Int) throws(Diagnostic) -> [UInt8] {
        try read(raw: Array(path.utf8), display: path, limit: limit)
    }

    /// `read(_:limit:)` for a path given as bytes (a name that need not be UTF-8), shown as `display`.
    package static func read(raw path: [UInt8], display: String, limit: Int) throws(Diagnostic) -> [UInt8] {
        let origin = SourceLocation(file: display, line: 1, column: 1)
        if path.contains(0) { throw .error("the path contains a NUL byte", at: origin) }
        let descriptor = open(path.cString, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: throw .error("no such file", at: origin)
            case ENAMETOOLONG: throw .error("cannot be read: the path is too long", at: origin)
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
        // Blocking reads from here on: a pipe's writer may still be producing. (A regular file
        // never blocks, so it is left as it is.)
        let regular = status.st_mode & S_IFMT == S_IFREG
        if !regular { _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK) }
        // Read straight into the result, sized by `fstat` for a regular file (one byte more, to
        // see a file that grew), growing it for a pipe or a file that grew while being read.
        let stated = regular ? Int(clamping: status.st_size) : 0
        let most = limit < Int.max ? limit + 1 : limit
        var bytes = [UInt8](repeating: 0, count: max(4096, stated < most ? stated + 1 : most))
        var filled = 0
        while filled <= limit {
            if filled == bytes.count {
                bytes.append(contentsOf: repeatElement(0, count: min(max(bytes.count, 64 * 1024), most - filled)))
            }
            let wanted = min(bytes.count - filled, most - filled)
            let count = bytes.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress.map { $0 + filled }, wanted) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw .error("cannot be read: \(String(cString: strerror(errno)))", at: origin)
            }
            filled += count
            // A regular file that gives less than asked for is at its end: no read to learn it.
            if regular, count < wanted { break }
        }
        bytes.removeSubrange(filled...)
        guard filled <= limit else {
            throw .error("file is larger than the limit of \(limit) bytes", at: origin)
        }
        return bytes
    }

    /// The bytes of standard input (a system piped in as `-`), refusing more than `limit`.
    package static func readStandardInput(limit: Int, display: String) throws(Diagnostic) -> [UInt8] {
        let origin = SourceLocation(file: display, line: 1, column: 1)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count <= limit {
            let wanted = min(chunk.count, limit + 1 - bytes.count)
            let count = chunk.withUnsafeMutableBytes { readBytes(STDIN_FILENO, $0.baseAddress, wanted) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw .error("cannot be read: \(String(cString: strerror(errno)))", at: origin)
            }
            bytes.append(contentsOf: chunk[..<count])
        }
        guard bytes.count <= limit else { throw .error("input is larger than the limit of \(limit) bytes", at: origin) }
        return bytes
    }

    /// The words of an `errno` value ("No such file or directory").
    package static func describe(errno code: Int32) -> String { String(cString: strerror(code)) }

    /// Device and inode of the file `path` names (following links), or `nil`.
    package static func identity(of path: String) -> FileIdentity? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return FileIdentity(status)
    }

    /// Whether `path` names a directory.
    package static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Every regular file below `directory` whose name ends in one of `extensions`, sorted by name
    /// within each folder, as paths that start with `directory`. Symbolic links to directories are
    /// not followed; special files and unreadable folders are left out (see `FolderWalker` for a
    /// walk that reports them).
    package static func files(under directory: String, extensions: [String]) -> [String] {
        FolderWalker(folder: directory, extensions: extensions).filter { $0.kind == .file }.map(\.path)
    }
}

/// `read(2)`, out of the way of `FileSystem.read`.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
