import ComplianceEngine
import ComplianceRules
import Dispatch
import Foundation

/// Evaluates files on several cores and hands results back in input order, a window at a time,
/// so memory stays flat however many files there are (the candidates are walked lazily). Each
/// worker also renders what it evaluated, for the reports that can render away from the writing
/// (`ReportStream.makeRenderer`), so that only the writing is left in input order.
struct Batch {
    let engine: Engine
    let options: EvaluationOptions
    let jobs: Int
    /// Each report's renderer (`ReportOutputs.makeRenderers()`); every worker keeps its own copy
    /// for the run.
    var renderers = ReportOutputs.Renderers([])

    /// What became of one candidate.
    enum Outcome: Sendable {
        /// Evaluated; `idLocation` is where its `system.id` is written, `rendered` each report's
        /// text for it (`nil`: a report that renders as it writes).
        case evaluated(SystemReport, idLocation: SourceLocation, rendered: [String?])
        case failed(DiagnosticList)
        /// A searched file that is not a system description, and why.
        case skipped(path: String, reason: String)
    }

    /// The file read and parsed once (`SystemDiscovery.classify`), then evaluated.
    private func evaluate(_ candidate: SystemDiscovery.Candidate, renderers: inout ReportOutputs.Renderers) -> Outcome {
        switch SystemDiscovery.classify(candidate) {
        case .skipped(let reason):
            return .skipped(path: candidate.path, reason: reason)
        case .invalid(let problems):
            return .failed(problems)
        case .system(let document):
            let root = Engine.evidenceRoot(of: document.file, options: options)
            switch engine.evaluate(document, options: options, evidenceRoot: root) {
            case .success(let system):
                return .evaluated(
                    system, idLocation: document.location(of: [.key("system"), .key("id")]),
                    rendered: renderers.render(system))
            case .failure(let problems):
                return .failed(problems)
            }
        }
    }

    func run<Failure: Error>(
        _ candidates: SystemDiscovery.Candidates, _ deliver: (Outcome) throws(Failure) -> Void
    ) throws(Failure) {
        let window = max(1, jobs) * 8
        let workers = Workers(count: max(1, jobs), renderers: renderers)
        var candidates = candidates
        while true {
            var chunk: [SystemDiscovery.Candidate] = []
            while chunk.count < window, let next = candidates.next() { chunk.append(next) }
            if chunk.isEmpty { return }
            let results = Results(count: chunk.count)
            if jobs == 1 || chunk.count == 1 {
                for (index, file) in chunk.enumerated() { results.set(index, evaluate(file, renderers: &workers.slots[0])) }
            } else {
                // `jobs` stripes, so no more than `jobs` files are evaluated at once.
                let stripes = min(jobs, chunk.count)
                let work = chunk
                DispatchQueue.concurrentPerform(iterations: stripes) { stripe in
                    // A stripe is one worker at a time: it alone touches its renderers.
                    for index in stride(from: stripe, to: work.count, by: stripes) {
                        results.set(index, evaluate(work[index], renderers: &workers.slots[stripe]))
                    }
                }
            }
            for result in results.all() {
                if let result { try deliver(result) }
            }
        }
    }
}

/// Each worker's renderers, kept for the whole run; slot `i` is used by stripe `i` only, never by
/// two threads at once.
private final class Workers: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<ReportOutputs.Renderers>

    init(count: Int, renderers: ReportOutputs.Renderers) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: renderers)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }
}

/// Result slots filled from several threads.
private final class Results: @unchecked Sendable {
    // `lock` protects `slots`.
    private let lock = NSLock()
    private var slots: [Batch.Outcome?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Batch.Outcome) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    /// Every slot in order.
    func all() -> [Batch.Outcome?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
