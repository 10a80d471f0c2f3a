import ComplianceEngine
import ComplianceRules

/// Every report of a run, written system by system: the format on standard output and each
/// `--report FORMAT=FILE`. Files are written to a temporary file and renamed when complete; a file
/// that cannot be written is reported once and given up, the others go on. Nothing is written
/// until the first system or input arrives (so a run that finds nothing writes nothing).
struct ReportOutputs {
    private struct Target {
        var stream: any ReportStream
        /// `nil`: standard output.
        var path: String?
        var file: ReportFile?
        var failed = false
    }

    private var targets: [Target]
    private var begun = false
    /// How many report files could not be written.
    private(set) var unwritten = 0

    init(stdout: any ReportStream, files: [(path: String, stream: any ReportStream)]) {
        targets = [Target(stream: stdout, path: nil)] + files.map { Target(stream: $0.stream, path: $0.path) }
    }

    mutating func add(_ system: SystemReport) throws(Output.WriteFailure) {
        try write { $0.add(system) }
    }

    mutating func add(unevaluated problems: [Diagnostic]) throws(Output.WriteFailure) {
        try write { $0.add(unevaluated: problems) }
    }

    /// Ends every stream and puts each file in place.
    mutating func finish() throws(Output.WriteFailure) {
        try write { $0.end() }
        for index in targets.indices where !targets[index].failed {
            guard let file = targets[index].file else { continue }
            do throws(ReportWriteError) {
                try file.commit()
            } catch {
                fail(index, error)
            }
        }
    }

    private mutating func write(_ next: (inout any ReportStream) -> String) throws(Output.WriteFailure) {
        if !begun {
            begun = true
            for index in targets.indices {
                if let path = targets[index].path, path != "-" {
                    do throws(ReportWriteError) {
                        targets[index].file = try ReportFile(path: path)
                    } catch {
                        fail(index, error)
                    }
                }
                try emit(index, targets[index].stream.begin())
            }
        }
        for index in targets.indices where !targets[index].failed {
            try emit(index, next(&targets[index].stream))
        }
    }

    private mutating func emit(_ index: Int, _ text: String) throws(Output.WriteFailure) {
        guard !text.isEmpty, !targets[index].failed else { return }
        guard let path = targets[index].path, path != "-" else {
            try Output.out(text)
            return
        }
        do throws(ReportWriteError) {
            try targets[index].file?.append(text)
        } catch {
            fail(index, error)
        }
    }

    private mutating func fail(_ index: Int, _ error: ReportWriteError) {
        Output.error(error.description)
        targets[index].file?.discard()
        targets[index].failed = true
        unwritten += 1
    }
}
