import ComplianceEngine
import ComplianceRules
import Dispatch
import Foundation

/// Evaluates files on several cores and hands results back in input order, a window at a time,
/// so memory stays flat however many files there are.
struct Batch {
    let engine: Engine
    let options: EvaluationOptions
    let jobs: Int

    /// The file read once, skipped (`nil`) when a searched file is not a system description.
    private func evaluate(_ file: Discovery.Candidate) -> Result<SystemReport, DiagnosticList>? {
        let bytes: [UInt8]
        do throws(Diagnostic) {
            bytes = try FileSystem.read(file.path, limit: YAMLReader.Limits().maxBytes)
        } catch {
            return file.searched ? nil : .failure(DiagnosticList([error]))
        }
        if file.searched, !Discovery.isSystemText(bytes) { return nil }
        return engine.evaluate(bytes: bytes, file: file.path, options: options)
    }

    func run(_ files: [Discovery.Candidate], _ deliver: (Result<SystemReport, DiagnosticList>) -> Void) {
        let window = max(1, jobs) * 8
        var start = 0
        while start < files.count {
            let chunk = Array(files[start..<min(start + window, files.count)])
            let results = Results(count: chunk.count)
            if jobs == 1 || chunk.count == 1 {
                for (index, file) in chunk.enumerated() { results.set(index, evaluate(file)) }
            } else {
                // `jobs` stripes, so no more than `jobs` files are evaluated at once.
                let stripes = min(jobs, chunk.count)
                DispatchQueue.concurrentPerform(iterations: stripes) { stripe in
                    for index in stride(from: stripe, to: chunk.count, by: stripes) {
                        results.set(index, evaluate(chunk[index]))
                    }
                }
            }
            for result in results.all() {
                if let result { deliver(result) }
            }
            start += window
        }
    }
}

/// Result slots filled from several threads.
private final class Results: @unchecked Sendable {
    // `lock` protects `slots`.
    private let lock = NSLock()
    private var slots: [Result<SystemReport, DiagnosticList>??]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<SystemReport, DiagnosticList>?) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    /// Every slot in order; `nil` for a skipped file.
    func all() -> [Result<SystemReport, DiagnosticList>?] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0 ?? nil }
    }
}
