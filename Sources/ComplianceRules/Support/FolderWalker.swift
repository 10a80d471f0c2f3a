internal import Foundation

/// A lazy, depth-first walk of a folder for files with given extensions, sorted by name within
/// each folder (so the order is stable and memory holds only the folders on the current path).
///
/// Names are read as raw bytes: a name that is not valid UTF-8 is still found, opened by its
/// bytes, and shown with `\xFF`-style escapes. Symbolic links to files are followed; links to
/// folders are not. A matching entry that is not a regular file, and a folder that cannot be
/// listed, are reported (never skipped silently), because either may hide an input.
package struct FolderWalker: Sequence, IteratorProtocol {
    /// One entry found.
    package struct Entry: Sendable {
        /// The path as bytes, for opening.
        package var raw: [UInt8]
        /// The path for people: UTF-8 as is, other bytes as `\xFF`.
        package var path: String
        package var kind: Kind
        /// Device and inode of a file (after following a link).
        package var identity: FileIdentity?
    }

    package enum Kind: Sendable, Equatable {
        /// A regular file (or a link to one).
        case file
        /// A matching name that is a pipe, socket, device or dangling link.
        case special
        /// A folder that could not be listed, with the `errno`.
        case unreadableFolder(Int32)
    }

    /// A folder being walked: its names, sorted, in one byte arena (a folder of 100,000 systems
    /// keeps 100,000 short names; one array each would cost three times the memory).
    private struct Frame {
        var folder: [UInt8]
        var bytes: [UInt8]
        var names: [Range<Int>]
        var next = 0

        func name(_ index: Int) -> [UInt8] { Array(bytes[names[index]]) }
    }

    private let extensions: [[UInt8]]
    private var stack: [Frame] = []
    private var pending: Entry?

    /// Walks `folder`, yielding entries whose names end in `.ext` for one of `extensions`.
    package init(folder: String, extensions: [String]) {
        self.extensions = extensions.map { Array(".\($0)".utf8) }
        var root = Array(folder.utf8)
        while root.count > 1, root.last == UInt8(ascii: "/") { root.removeLast() }
        enter(root)
    }

    package mutating func next() -> Entry? {
        if let pending {
            self.pending = nil
            return pending
        }
        while !stack.isEmpty {
            let top = stack.count - 1
            guard stack[top].next < stack[top].names.count else {
                stack.removeLast()
                continue
            }
            let name = stack[top].name(stack[top].next)
            stack[top].next += 1
            let path = Self.join(stack[top].folder, name)
            var status = stat()
            guard Self.status(of: path, following: false, into: &status) else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                enter(path)
                if let pending {
                    self.pending = nil
                    return pending
                }
            case S_IFREG:
                if matches(name) {
                    return Entry(raw: path, path: Self.display(path), kind: .file, identity: FileIdentity(status))
                }
            case S_IFLNK:
                guard matches(name) else { continue }
                var target = stat()
                if Self.status(of: path, following: true, into: &target), target.st_mode & S_IFMT == S_IFDIR { continue }
                let isFile = Self.status(of: path, following: true, into: &target) && target.st_mode & S_IFMT == S_IFREG
                return Entry(
                    raw: path, path: Self.display(path), kind: isFile ? .file : .special,
                    identity: isFile ? FileIdentity(target) : nil)
            default:
                if matches(name) { return Entry(raw: path, path: Self.display(path), kind: .special, identity: nil) }
            }
        }
        return nil
    }

    /// Lists `folder` and pushes it; a folder that cannot be listed becomes the pending entry.
    private mutating func enter(_ folder: [UInt8]) {
        guard let directory = opendir(folder.cString) else {
            pending = Entry(raw: folder, path: Self.display(folder), kind: .unreadableFolder(errno), identity: nil)
            return
        }
        defer { closedir(directory) }
        var bytes: [UInt8] = []
        var names: [Range<Int>] = []
        while let entry = readdir(directory) {
            withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                let name = buffer.prefix { $0 != 0 }
                if name.elementsEqual([UInt8(ascii: ".")]) || name.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) {
                    return
                }
                // A regular file without a matching extension is never an input: not kept.
                if entry.pointee.d_type == UInt8(DT_REG), !matches(Array(name)) { return }
                names.append(bytes.count..<(bytes.count + name.count))
                bytes.append(contentsOf: name)
            }
        }
        names.sort { bytes[$0].lexicographicallyPrecedes(bytes[$1]) }
        stack.append(Frame(folder: folder, bytes: bytes, names: names))
    }

    private func matches(_ name: [UInt8]) -> Bool {
        extensions.contains { name.count > $0.count && name.suffix($0.count).elementsEqual($0) }
    }

    private static func join(_ folder: [UInt8], _ name: [UInt8]) -> [UInt8] {
        folder.last == UInt8(ascii: "/") ? folder + name : folder + [UInt8(ascii: "/")] + name
    }

    /// `lstat` (`following: false`) or `stat` of a path; false when it fails.
    private static func status(of path: [UInt8], following: Bool, into status: inout stat) -> Bool {
        following ? stat(path.cString, &status) == 0 : lstat(path.cString, &status) == 0
    }

    /// The path as text: valid UTF-8 as is; each byte of an invalid sequence as `\xFF`.
    package static func display(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var output = ""
        var index = 0
        while index < bytes.count {
            // The longest valid UTF-8 sequence starting here (1 to 4 bytes), else one escaped byte.
            var decoded: String?
            var length = 1
            for candidate in 1...4 where index + candidate <= bytes.count {
                if let text = String(validating: bytes[index..<index + candidate], as: UTF8.self) {
                    decoded = text
                    length = candidate
                    break
                }
            }
            if let decoded {
                output += decoded
            } else {
                output += "\\x" + (bytes[index] < 16 ? "0" : "") + String(bytes[index], radix: 16, uppercase: true)
            }
            index += length
        }
        return output
    }
}

extension [UInt8] {
    /// The bytes as a NUL-terminated C string.
    package var cString: [CChar] { map { CChar(bitPattern: $0) } + [0] }
}

/// A file's identity on its device, to notice the same file reached twice.
package struct FileIdentity: Sendable, Hashable {
    package var device: UInt64
    package var inode: UInt64

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
