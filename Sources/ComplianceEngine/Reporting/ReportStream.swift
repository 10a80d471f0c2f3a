public import ComplianceRules

/// A report written one system at a time: `begin` before the first system, `add` for each system
/// (or each input that could not be evaluated), `end` after the last. Each call returns the text
/// to append, so a batch of any size is written with memory that does not grow with it. The
/// whole-report `render` functions of the reporters are this stream run over `Report.systems`, so
/// the two can never differ.
public protocol ReportStream {
    mutating func begin() -> String
    mutating func add(_ system: SystemReport) -> String
    mutating func add(unevaluated problems: [Diagnostic]) -> String
    mutating func end() -> String
    /// A renderer of the per-system text of this stream for one worker thread (each worker makes
    /// its own), or `nil` when this stream renders only in `add(_:)`. What it renders depends on the
    /// system and on how the stream was made, never on the systems before it, so a batch can render
    /// on the threads that evaluate and keep only the writing in input order.
    func makeRenderer() -> (any SystemRenderer)?
    /// What `add(_:)` returns for `system`, given `rendered`: the text a renderer from
    /// `makeRenderer()` made for it. `add(_:)` is this with the stream's own renderer, so the two
    /// give the same bytes.
    mutating func add(_ system: SystemReport, rendered: String) -> String
}

/// The part of a stream's `add(_:)` that can run away from the stream: one system's text.
public protocol SystemRenderer: Sendable {
    mutating func render(_ system: SystemReport) -> String
}

extension ReportStream {
    /// By default a stream renders in `add(_:)`.
    public func makeRenderer() -> (any SystemRenderer)? { nil }

    public mutating func add(_ system: SystemReport, rendered: String) -> String { add(system) }

    /// The whole text for `systems` and `errors` (grouped by file, one input each), in that order.
    mutating func render(systems: [SystemReport], errors: [Diagnostic]) -> String {
        var text = begin()
        for system in systems { text += add(system) }
        var files: [String] = []
        var byFile: [String: [Diagnostic]] = [:]
        for error in errors {
            let file = error.location?.file ?? ""
            if byFile[file] == nil { files.append(file) }
            byFile[file, default: []].append(error)
        }
        for file in files { text += add(unevaluated: byFile[file] ?? []) }
        return text + end()
    }
}

/// Counts of what a stream has seen, for the parts written at the end (gate, totals).
struct StreamTally: Sendable {
    var systems = 0
    var failed = 0
    var unevaluated = 0
    var errors: [Diagnostic] = []

    mutating func add(_ system: SystemReport) {
        systems += 1
        if system.gate == .fail { failed += 1 }
    }

    mutating func add(unevaluated problems: [Diagnostic]) {
        if problems.containsErrors { unevaluated += 1 }
        errors += problems
    }

    /// The run's gate, as `Report.gate` computes it.
    var gate: GateResult {
        if errors.containsErrors { return .error }
        return failed > 0 ? .fail : .pass
    }
}
