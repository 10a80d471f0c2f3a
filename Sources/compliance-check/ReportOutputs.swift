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

    /// One renderer per report (`nil` for a report that renders only as it is written), for one
    /// worker thread.
    func makeRenderers() -> Renderers {
        Renderers(targets.map { $0.stream.makeRenderer() })
    }

    /// Adds `system`, with the texts `makeRenderers()` made for it (`nil`: render it now).
    mutating func add(_ system: SystemReport, rendered: [String?]? = nil) throws(Output.WriteFailure) {
        try write { stream, index in
            if let rendered, index < rendered.count, let text = rendered[index] { return stream.add(system, rendered: text) }
            return stream.add(system)
        }
    }

    mutating func add(unevaluated problems: [Diagnostic]) throws(Output.WriteFailure) {
        try write { stream, _ in stream.add(unevaluated: problems) }
    }

    /// Ends every stream and puts each file in place.
    mutating func finish() throws(Output.WriteFailure) {
        try write { stream, _ in stream.end() }
        for index in targets.indices where !targets[index].failed {
            guard let file = targets[index].file else { continue }
            do throws(ReportWriteError) {
                try file.commit()
            } catch {
                fail(index, error)
            }
        }
    }

    /// Each report's renderer for one worker thread.
    struct Renderers: Sendable {
        private var renderers: [(any SystemRenderer)?]

        /// `nil` entries are dropped from the end, so that a run whose reports all render as they
        /// write renders nothing per system.
        init(_ renderers: [(any SystemRenderer)?]) {
            var renderers = renderers
            while let last = renderers.last, last == nil { renderers.removeLast() }
            self.renderers = renderers
        }

        /// Each report's text for `system`, in the order of the reports (shorter when the last
        /// reports render as they write).
        mutating func render(_ system: SystemReport) -> [String?] {
            renderers.indices.map { index in renderers[index]?.render(system) }
        }
    }

    private mutating func write(_ next: (inout any ReportStream, _ index: Int) -> String) throws(Output.WriteFailure) {
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
            try emit(index, next(&targets[index].stream, index))
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
