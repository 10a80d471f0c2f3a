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
}

extension ReportStream {
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
