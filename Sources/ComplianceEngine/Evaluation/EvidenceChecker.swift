internal import ComplianceRules
internal import Crypto
internal import Foundation
internal import OrderedCollections

/// Checks evidence (DESIGN §4.3): files must be regular files inside the evidence root (no `..`,
/// absolute path or symlink escape), match their `sha256` when given, and be fresh and unexpired
/// against the as-of date. A URL counts as declared but unverified. Nothing is fetched.
struct EvidenceChecker: Sendable {
    /// The folder file evidence is resolved in, as the caller named it (messages show it so, and
    /// reports do not depend on the checkout); `nil` means no file can be found (rule examples).
    let root: String?

    struct Result: Sendable {
        /// `true`: verified or declared; `false`: the evidence fails; `unknown`: it could not be
        /// checked within the limits (never a pass).
        var truth: Truth
        /// Whether the evidence holds.
        var passed: Bool { truth == .true }
        /// Why it failed, or a remark such as "URL not verified".
        var note: String?

        init(passed: Bool, note: String?) {
            truth = passed ? .true : .false
            self.note = note
        }

        init(truth: Truth, note: String?) {
            self.truth = truth
            self.note = note
        }
    }

    /// Limits and the per-run hash cache.
    let limits: Limits
    /// Per-system state: files already looked at, bytes hashed, the open root.
    private let session: Session

    /// How much evidence may be hashed, and the run's cache.
    struct Limits: Sendable {
        var maxBytesPerFile: Int
        var maxBytesPerSystem: Int
        var cache: EvidenceCache

        init(options: EvaluationOptions) {
            maxBytesPerFile = options.maxEvidenceBytes
            maxBytesPerSystem = options.maxEvidenceBytesPerSystem
            cache = options.evidenceCache
        }

        init() {
            maxBytesPerFile = 256 << 20
            maxBytesPerSystem = 1 << 30
            cache = EvidenceCache()
        }
    }

    /// The words of the notes, in the report's language.
    let say: ReportStrings

    init(root: String?, limits: Limits = Limits(), strings: ReportStrings = .english) {
        self.say = strings
        self.root = root
        self.limits = limits
        self.session = Session(root: root)
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
            return Result(passed: false, note: say("evidence.not_evidence"))
        }
        if let expires, expires <= asOf {
            return Result(passed: false, note: say("evidence.expired", ["date": expires.description]))
        }
        if let date {
            if date > asOf {
                return Result(passed: false, note: say("evidence.future", ["date": date.description, "as_of": asOf.description]))
            }
            if let maxAge = options.maxAgeDays, asOf.days(since: date) > maxAge {
                return Result(
                    passed: false,
                    note: say("evidence.stale", ["date": date.description, "days": String(maxAge), "as_of": asOf.description]))
            }
        } else if options.requireDate || options.maxAgeDays != nil {
            return Result(passed: false, note: say("evidence.no_date"))
        }
        if let url {
            return Result(passed: true, note: say("evidence.url", ["url": url]))
        }
        guard let file else { return Result(passed: false, note: say("evidence.nothing")) }
        return checkFile(file, sha256: sha256)
    }

    private func checkFile(_ file: String, sha256: String?) -> Result {
        guard let root else {
            return Result(passed: false, note: say("evidence.no_root", ["file": file]))
        }
        // A path seen before in this run is not opened again, unless its hash is wanted and not
        // yet known; the hash is always read from the descriptor the safe walk opened. (Only a
        // path that passed the checks below was ever opened, so a known one skips them.)
        let pathKey = EvidenceCache.PathKey(root: root, file: file, language: say.language)
        var probe = limits.cache.probe(pathKey)
        if probe == nil {
            if file.utf8.contains(0) {
                return Result(passed: false, note: say("evidence.nul", ["file": file]))
            }
            if file.hasPrefix("/") {
                return Result(passed: false, note: say("evidence.absolute", ["file": file]))
            }
            if file.split(separator: "/").contains("..") {
                return Result(passed: false, note: say("evidence.dotdot", ["file": file]))
            }
        }
        var descriptor: Int32 = -1
        defer { if descriptor >= 0 { close(descriptor) } }
        if probe == nil || (sha256 != nil && probe?.digestKnown(in: limits.cache) == false) {
            let opened = open(file, root: root)
            if case .file(_, _, let fd) = opened { descriptor = fd }
            probe = opened.withoutDescriptor
            limits.cache.remember(opened, for: pathKey)
        }
        guard case .file(let key, let size, _)? = probe else {
            if case .failed(let note)? = probe { return Result(passed: false, note: note) }
            return Result(passed: false, note: say("evidence.unreadable", ["file": file]))
        }
        guard let expected = sha256 else { return Result(passed: true, note: nil) }
        if size > limits.maxBytesPerFile {
            return Result(
                truth: .unknown,
                note: say(
                    "evidence.too_big", ["file": file, "size": String(size), "limit": String(limits.maxBytesPerFile)])
            )
        }
        guard session.charge(key, size: size, limit: limits.maxBytesPerSystem) else {
            return Result(
                truth: .unknown,
                note: say("evidence.over_budget", ["file": file, "limit": String(limits.maxBytesPerSystem)])
            )
        }
        let digest = limits.cache.hash(of: key) {
            descriptor >= 0 ? Self.sha256(of: descriptor, limit: size) : nil
        }
        guard let actual = digest else {
            return Result(passed: false, note: say("evidence.unreadable", ["file": file]))
        }
        if actual != expected.lowercased() {
            return Result(
                passed: false,
                note: say(
                    "evidence.hash_mismatch",
                    ["file": file, "actual": Self.abbreviated(actual), "expected": Self.abbreviated(expected)]))
        }
        return Result(passed: true, note: nil)
    }

    /// The first 12 hex digits: enough to tell hashes apart, not enough to learn a file the author
    /// cannot read otherwise.
    static func abbreviated(_ digest: String) -> String {
        digest.count > 12 ? String(digest.prefix(12)) + "…" : digest
    }

    /// Opens `file` below the root one component at a time with `openat` and `O_NOFOLLOW`, so no
    /// swap of a folder for a link during the run can lead outside the root; symbolic links inside
    /// the root are resolved explicitly and must stay inside. `O_NONBLOCK` keeps a pipe from
    /// hanging the run; the opened descriptor must be a regular file.
    private func open(_ file: String, root: String) -> Probe {
        guard let rootDescriptor = session.rootDescriptor() else {
            return .failed(say("evidence.root_unopenable", ["root": root]))
        }
        var folders: [Int32] = [rootDescriptor]
        defer { for folder in folders.dropFirst() { close(folder) } }
        var pending = file.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var links = 0
        while !pending.isEmpty {
            let component = pending.removeFirst()
            if component == "." { continue }
            if component == ".." {
                guard folders.count > 1 else { return .failed(say("evidence.symlink_escape", ["file": file])) }
                close(folders.removeLast())
                continue
            }
            let parent = folders[folders.count - 1]
            let descriptor = openat(parent, component, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            if descriptor < 0 {
                let code = errno
                if code == ELOOP || code == EMLINK {
                    links += 1
                    guard links <= 40, let target = Self.readLink(parent, component) else {
                        return .failed(say("evidence.symlink_loop", ["file": file]))
                    }
                    if target.hasPrefix("/") { return .failed(say("evidence.symlink_escape", ["file": file])) }
                    pending = target.split(separator: "/", omittingEmptySubsequences: true).map(String.init) + pending
                    continue
                }
                if code == ENOENT || code == ENOTDIR {
                    return .failed(say("evidence.missing", ["file": file, "root": root]))
                }
                return .failed(say("evidence.unopenable", ["file": file, "reason": String(cString: strerror(code))]))
            }
            var status = stat()
            guard fstat(descriptor, &status) == 0 else {
                close(descriptor)
                return .failed(say("evidence.unreadable", ["file": file]))
            }
            let isFolder = status.st_mode & S_IFMT == S_IFDIR
            if !pending.isEmpty {
                guard isFolder else {
                    close(descriptor)
                    return .failed(say("evidence.missing", ["file": file, "root": root]))
                }
                folders.append(descriptor)
                continue
            }
            guard status.st_mode & S_IFMT == S_IFREG else {
                close(descriptor)
                return .failed(say("evidence.not_regular", ["file": file]))
            }
            return .file(EvidenceCache.Key(status), size: Int(status.st_size), descriptor: descriptor)
        }
        return .failed(say("evidence.not_regular", ["file": file]))
    }

    private static func readLink(_ folder: Int32, _ name: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlinkat(folder, name, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The lower-case hex SHA-256 of an open file, read from the start in chunks, at most `limit`
    /// bytes (the size `fstat` gave; a file that grew meanwhile is hashed as it was).
    static func sha256(of descriptor: Int32, limit: Int) -> String? {
        var hasher = SHA256()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var offset = 0
        while offset < limit {
            let wanted = min(chunk.count, limit - offset)
            let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, wanted, off_t(offset)) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return nil
            }
            if count == 0 { break }
            hasher.update(data: chunk[..<count])
            offset += count
        }
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The lower-case hex SHA-256 of the file at `path` (for tools and tests; checks use the
    /// descriptor the safe walk opened).
    static func sha256(ofFile path: String) -> String? {
        let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        return sha256(of: descriptor, limit: Int(status.st_size))
    }

    /// What opening an evidence path found (the descriptor is -1 once it is stored).
    enum Probe: Sendable {
        case file(EvidenceCache.Key, size: Int, descriptor: Int32)
        case failed(String)

        var withoutDescriptor: Probe {
            if case .file(let key, let size, _) = self { return .file(key, size: size, descriptor: -1) }
            return self
        }

        func digestKnown(in cache: EvidenceCache) -> Bool {
            if case .file(let key, _, _) = self { return cache.contains(key) }
            return true
        }
    }

    /// The state of one system's evidence checks. A system is evaluated on one thread, so this is
    /// never shared between threads.
    final class Session: @unchecked Sendable {
        let root: String?
        private var rootFD: Int32?
        private var rootOpened = false
        private var charged: Set<EvidenceCache.Key> = []
        private var bytes = 0

        init(root: String?) { self.root = root }

        deinit {
            if let rootFD { close(rootFD) }
        }

        /// The root folder, opened once (following links: the root is the caller's choice).
        func rootDescriptor() -> Int32? {
            if !rootOpened, let root {
                rootOpened = true
                let descriptor = Foundation.open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                rootFD = descriptor >= 0 ? descriptor : nil
            }
            return rootFD
        }

        /// Counts a file's bytes against the system's budget once; false when over it.
        func charge(_ key: EvidenceCache.Key, size: Int, limit: Int) -> Bool {
            if charged.contains(key) { return true }
            guard bytes + size <= limit else { return false }
            bytes += size
            charged.insert(key)
            return true
        }
    }
}
