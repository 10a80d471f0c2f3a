internal import ComplianceRules
internal import Foundation

/// SHA-256 digests of evidence files already hashed in a run, keyed by device, inode, size and
/// modification time, so each file is read at most once however many systems list it; and what
/// opening each evidence path below each root found, so each path is walked at most once per run
/// (one open per path, not one per system that lists it). Shared by every system evaluated with the
/// same `EvaluationOptions`; safe to use from several threads.
public final class EvidenceCache: @unchecked Sendable {
    /// A file as `fstat` identifies it; a changed file gets a new key.
    struct Key: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var seconds: Int64
        var nanoseconds: Int64

        init(_ status: stat) {
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
            size = Int64(status.st_size)
            seconds = Int64(status.st_mtim.tv_sec)
            nanoseconds = Int64(status.st_mtim.tv_nsec)
        }
    }

    /// An evidence path below a root, with the language its notes are worded in.
    struct PathKey: Hashable, Sendable {
        var root: String
        var file: String
        var language: Language
    }

    // `lock` protects `digests` and `probes`.
    private let lock = NSLock()
    private var digests: [Key: String] = [:]
    private var probes: [PathKey: EvidenceChecker.Probe] = [:]
    /// The most paths remembered: past it the remembered paths are forgotten and walked again when
    /// listed, so a registry whose systems each keep their own evidence cannot grow the run's
    /// memory without bound. (Forgetting changes no outcome: a walk finds what it found before.)
    let probeLimit: Int

    public init() { probeLimit = 1 << 16 }

    init(probeLimit: Int) { self.probeLimit = probeLimit }

    /// How many files have been hashed.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return digests.count
    }

    /// Whether the digest of `key` is known.
    func contains(_ key: Key) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return digests[key] != nil
    }

    /// How many evidence paths have been opened.
    var probeCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return probes.count
    }

    /// What opening `path` found earlier in the run (never with an open descriptor).
    func probe(_ path: PathKey) -> EvidenceChecker.Probe? {
        lock.lock()
        defer { lock.unlock() }
        return probes[path]
    }

    /// Remembers what opening `path` found.
    func remember(_ probe: EvidenceChecker.Probe, for path: PathKey) {
        lock.lock()
        if probes.count >= probeLimit { probes.removeAll(keepingCapacity: true) }
        probes[path] = probe.withoutDescriptor
        lock.unlock()
    }

    /// The digest of the file `key` names, computed by `compute` the first time.
    func hash(of key: Key, compute: () -> String?) -> String? {
        lock.lock()
        let known = digests[key]
        lock.unlock()
        if let known { return known }
        guard let digest = compute() else { return nil }
        lock.lock()
        digests[key] = digest
        lock.unlock()
        return digest
    }
}
