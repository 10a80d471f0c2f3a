package import ComplianceRules
internal import Crypto

/// The system ids seen in a run and where each was first declared, so that two files with one id
/// are an error naming both. Kept small enough for a registry of 100,000 systems: an id is held as
/// the first 16 bytes of its SHA-256 digest (two different ids share them with a probability far
/// below that of a hardware fault), and the first file's path in one byte arena instead of a
/// string of its own.
package struct SystemIDRegistry: Sendable {
    private struct Digest: Hashable, Sendable {
        let high: UInt64
        let low: UInt64
    }

    /// 16 bytes: where the path lies in the arena, and the position (a file of at most 8 MiB has
    /// fewer than 2^32 lines and columns).
    private struct First: Sendable {
        let pathStart: UInt32
        let pathCount: UInt32
        let line: UInt32
        let column: UInt32
    }

    private var firsts: [Digest: First] = [:]
    private var paths: [UInt8] = []

    package init() {}

    /// How many different ids were recorded.
    package var count: Int { firsts.count }

    /// Records `id` as declared at `location`, or returns where it was declared first.
    package mutating func insert(_ id: String, at location: SourceLocation) -> SourceLocation? {
        let digest = Self.digest(id)
        if let first = firsts[digest] {
            let start = Int(first.pathStart)
            let path = String(decoding: paths[start..<(start + Int(first.pathCount))], as: UTF8.self)
            return SourceLocation(file: path, line: Int(first.line), column: Int(first.column))
        }
        // An arena past 4 GiB (some 80 million paths) keeps the digest but not the path; a
        // duplicate of such an id is still found, and named by its id alone.
        let start = paths.count
        let fits = start + location.file.utf8.count <= Int(UInt32.max)
        if fits { paths.append(contentsOf: location.file.utf8) }
        firsts[digest] = First(
            pathStart: UInt32(clamping: start), pathCount: UInt32(clamping: fits ? paths.count - start : 0),
            line: UInt32(clamping: location.line), column: UInt32(clamping: location.column))
        return nil
    }

    private static func digest(_ id: String) -> Digest {
        var high: UInt64 = 0
        var low: UInt64 = 0
        for (index, byte) in SHA256.hash(data: Array(id.utf8)).prefix(16).enumerated() {
            if index < 8 { high = high << 8 | UInt64(byte) } else { low = low << 8 | UInt64(byte) }
        }
        return Digest(high: high, low: low)
    }
}
