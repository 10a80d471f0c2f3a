internal import ComplianceRules
internal import Crypto
internal import Foundation
internal import OrderedCollections

/// Checks evidence (DESIGN §4.3): files must be regular files inside the evidence root (no `..`,
/// absolute path or symlink escape), match their `sha256` when given, and be fresh and unexpired
/// against the as-of date. A URL counts as declared but unverified. Nothing is fetched.
struct EvidenceChecker: Sendable {
    /// The folder file evidence is resolved in (symbolic links resolved); `nil` means no file can
    /// be found (rule examples).
    let root: String?
    /// The folder as the caller named it, for messages (so reports do not depend on the checkout).
    let displayRoot: String?

    struct Result: Sendable {
        var passed: Bool
        /// Why it failed, or a remark such as "URL not verified".
        var note: String?
    }

    init(root: String?) {
        self.root = root.map { Self.canonical($0) ?? $0 }
        self.displayRoot = root
    }

    func check(_ value: Value, options: EvidenceOptions, asOf: CalendarDate) -> Result {
        var file: String?
        var url: String?
        var sha256: String?
        var date: CalendarDate?
        var expires: CalendarDate?
        switch value {
        case .string(let text):
            if text.hasPrefix("https://") { url = text } else { file = text }
        case .map(let entries):
            file = entries["file"]?.stringValue
            url = entries["url"]?.stringValue
            sha256 = entries["sha256"]?.stringValue
            if case .date(let day)? = entries["date"] { date = day }
            if case .date(let day)? = entries["expires"] { expires = day }
        default:
            return Result(passed: false, note: "not an evidence value")
        }
        if let expires, expires <= asOf {
            return Result(passed: false, note: "expired on \(expires)")
        }
        if let date {
            if date > asOf { return Result(passed: false, note: "dated \(date), after the as-of date \(asOf)") }
            if let maxAge = options.maxAgeDays, asOf.days(since: date) > maxAge {
                return Result(passed: false, note: "stale: dated \(date), more than \(maxAge) days before \(asOf)")
            }
        } else if options.requireDate || options.maxAgeDays != nil {
            return Result(passed: false, note: "no date given; add 'date: YYYY-MM-DD' to the evidence")
        }
        if let url {
            return Result(passed: true, note: "URL \(url) declared, not verified")
        }
        guard let file else { return Result(passed: false, note: "no file or url given") }
        return checkFile(file, sha256: sha256)
    }

    private func checkFile(_ file: String, sha256: String?) -> Result {
        guard let root else {
            return Result(passed: false, note: "missing file \(file) (no evidence root)")
        }
        if file.hasPrefix("/") {
            return Result(passed: false, note: "absolute path \(file) is outside the evidence root")
        }
        if file.split(separator: "/").contains("..") {
            return Result(passed: false, note: "path \(file) escapes the evidence root with '..'")
        }
        let joined = root.hasSuffix("/") ? root + file : root + "/" + file
        guard FileManager.default.fileExists(atPath: joined) else {
            return Result(passed: false, note: "missing file \(file) in \(displayRoot ?? root)")
        }
        guard let resolved = Self.canonical(joined) else {
            return Result(passed: false, note: "cannot resolve \(file)")
        }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        guard resolved == root || resolved.hasPrefix(prefix) else {
            return Result(passed: false, note: "\(file) resolves outside the evidence root (symbolic link)")
        }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolved),
            attributes[.type] as? FileAttributeType == .typeRegular
        else {
            return Result(passed: false, note: "\(file) is not a regular file")
        }
        guard let expected = sha256 else { return Result(passed: true, note: nil) }
        guard let actual = Self.sha256(ofFile: resolved) else {
            return Result(passed: false, note: "\(file) cannot be read")
        }
        if actual != expected {
            return Result(passed: false, note: "hash mismatch for \(file): sha256 is \(actual), expected \(expected)")
        }
        return Result(passed: true, note: nil)
    }

    /// The path with symbolic links and `.`/`..` resolved, or `nil` when it does not exist.
    static func canonical(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The lower-case hex SHA-256 of a file, read in chunks.
    static func sha256(ofFile path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 20)
            } catch {
                return nil
            }
            // `nil` or empty data is the end of the file.
            guard let chunk, !chunk.isEmpty else { break }
            hasher.update(data: chunk)
        }
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
