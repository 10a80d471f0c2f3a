import ComplianceEngine
import ComplianceRules
import Dispatch
import Foundation

/// The measurements of DESIGN §8, each printed as a Markdown table of medians.
struct Benchmarks {
    let settings: BenchSettings
    let engine: Engine
    let generator: SystemGenerator
    let options: EvaluationOptions
    let cores = ProcessInfo.processInfo.activeProcessorCount

    init(settings: BenchSettings) throws {
        self.settings = settings
        engine = try Engine.builtIn()
        generator = try SystemGenerator(examples: settings.examples, vocabulary: engine.library.vocabulary)
        guard let asOf = CalendarDate(year: 2026, month: 6, day: 1) else { throw BenchError("bad as-of date") }
        options = EvaluationOptions(asOf: asOf)
    }

    func run() throws {
        print("## compliance-bench\n")
        print("seed \(settings.seed), \(settings.systems) generated systems in memory, \(settings.repeats) timed runs per figure")
        print("(after one warm-up run), \(cores) cores, load average at start \(Measure.loadAverage())\n")
        let corpus = (0..<settings.systems).map { generator.system($0, seed: settings.seed) }
        try sanity(corpus)
        packLoading()
        try stages(corpus)
        try throughput(corpus)
        try hostile()
        if let cli = settings.cli {
            try commandLine(cli)
            if !settings.corpusSizes.isEmpty { try formats(cli) }
        }
        print("load average at end \(Measure.loadAverage())")
    }

    // MARK: Corpus

    /// Every generated system must be valid and evaluated; prints the corpus's shape.
    private func sanity(_ corpus: [[UInt8]]) throws {
        var gates: [String: Int] = [:]
        var findings = 0
        var failures: [String] = []
        for (index, bytes) in corpus.enumerated() {
            let document = try YAMLReader().read(bytes, file: "system-\(index).yaml")
            switch engine.evaluate(document, options: options, evidenceRoot: nil) {
            case .success(let report):
                gates[report.gate.rawValue, default: 0] += 1
                findings += report.findings.count
            case .failure(let problems):
                failures.append(problems.description)
            }
        }
        guard failures.isEmpty else {
            throw BenchError("\(failures.count) generated systems are invalid; the first:\n\(failures[0])")
        }
        let sizes = corpus.map(\.count).sorted()
        print("### Corpus\n")
        print("| systems | bytes (min / median / max) | total | gate pass / fail | findings per system |")
        print("|---:|---:|---:|---:|---:|")
        print(
            "| \(corpus.count) | \(sizes[0]) / \(sizes[sizes.count / 2]) / \(sizes[sizes.count - 1]) | "
                + "\(Format.bytes(sizes.reduce(0, +))) | \(gates["pass", default: 0]) / \(gates["fail", default: 0]) | "
                + "\(findings / max(1, corpus.count)) |\n")
    }

    // MARK: Packs

    private func packLoading() {
        let vocabulary = Measure.repeated(settings.repeats) { _ = try? BuiltInRules.vocabulary() }
        let checked = Measure.repeated(settings.repeats) { _ = try? RuleLibrary.loadChecked([.builtIn]) }
        let compiled = Measure.repeated(settings.repeats) { _ = RuleLibrary.readCompiledBuiltIn() }
        let source = Measure.repeated(settings.repeats) { _ = RuleSource.builtIn }
        let load = Measure.repeated(settings.repeats) { _ = try? Engine.builtIn() }
        let examples = Measure.repeated(settings.repeats) { _ = engine.checkExamples() }
        let packs = engine.library.packs.map { "\($0.id) \($0.rules.count)" }.joined(separator: ", ")
        print("### Rule packs (built-in: \(packs) rules)\n")
        print("| step | median wall | median CPU |")
        print("|---|---:|---:|")
        let rows: [(String, [Measure.Sample])] = [
            ("vocabulary: read and check", vocabulary),
            ("vocabulary + packs + catalogues: read YAML, check (`RuleLibrary.loadChecked`, what the build runs)", checked),
            ("the built-in files as a `RuleSource` (their text copied)", source),
            ("the library the build compiled, read back (what start-up runs once)", compiled),
            ("`Engine.builtIn()` once the compiled library is read (English)", load),
            ("run every rule's examples (`rules test`)", examples),
        ]
        for (name, samples) in rows {
            print(
                "| \(name) | \(Format.duration(Measure.median(samples.map(\.wall)))) | "
                    + "\(Format.duration(Measure.median(samples.map(\.cpu)))) |")
        }
        print()
    }

    // MARK: Stages against the libyaml floor

    private func stages(_ corpus: [[UInt8]]) throws {
        let bytes = corpus.reduce(0) { $0 + $1.count }
        let reader = YAMLReader()
        let validator = SystemValidator(vocabulary: engine.library.vocabulary)
        var sink = 0
        let work: [() throws -> Void] = [
            { for system in corpus { sink &+= try YAMLReader.scanEventCount(system) } },
            { for system in corpus { sink &+= try reader.read(system, file: "s.yaml").file.count } },
            {
                for system in corpus {
                    let document = try reader.read(system, file: "s.yaml")
                    sink &+= validator.validate(document).diagnostics.count
                }
            },
            {
                for system in corpus {
                    let document = try reader.read(system, file: "s.yaml")
                    if case .success(let report) = engine.evaluate(document, options: options, evidenceRoot: nil) {
                        sink &+= report.findings.count
                    }
                }
            },
            {
                for system in corpus {
                    let document = try reader.read(system, file: "s.yaml")
                    if case .success(let report) = engine.evaluate(document, options: options, evidenceRoot: nil) {
                        sink &+= JSONReporter.renderLine(report).utf8.count
                    }
                }
            },
        ]
        // Round-robin: every stage sees the same moments of a busy machine.
        for stage in work { try stage() }
        var samples = Array(repeating: [Measure.Sample](), count: work.count)
        for _ in 0..<settings.repeats {
            for (index, stage) in work.enumerated() { samples[index].append(try Measure.time(stage)) }
        }
        let (scan, read, validate, pipeline, reported) = (samples[0], samples[1], samples[2], samples[3], samples[4])
        let floor = Measure.median(scan.map(\.cpu))
        print("### Our pipeline against a bare libyaml event scan of the same bytes (one core)\n")
        print("Each stage includes the ones above it. Ratio = median CPU time of the stage / median CPU time of the scan;")
        print("the target is a whole pipeline of at most 2× the scan.\n")
        print("| stage | median CPU per system | throughput | ratio to scan |")
        print("|---|---:|---:|---:|")
        let rows: [(String, [Measure.Sample])] = [
            ("libyaml event scan (the floor)", scan),
            ("(a) read: YAML reader → `Document`", read),
            ("(b) read + validate against the vocabulary", validate),
            ("(c) whole pipeline: read + validate + evaluate (`Engine.evaluate`)", pipeline),
            ("(c) + JSON line of the report", reported),
        ]
        for (name, samples) in rows {
            let cpu = Measure.median(samples.map(\.cpu))
            print(
                "| \(name) | \(Format.duration(cpu / Double(corpus.count))) | \(Format.bytes(Int(Double(bytes) / cpu)))/s | "
                    + "\(String(format: "%.1f", cpu / floor))× |")
        }
        print()
        if sink == 42 { print("") }  // keeps the work from being optimised away
    }

    // MARK: Systems per second

    private func throughput(_ corpus: [[UInt8]]) throws {
        let folder = settings.work + "/throughput"
        try? FileManager.default.removeItem(atPath: folder)
        let paths = try generator.write(corpus.count, seed: settings.seed, to: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let engine = self.engine
        let options = self.options
        let inMemoryOne = Measure.repeated(settings.repeats) {
            for system in corpus { _ = Self.evaluate(system, engine: engine, options: options) }
        }
        let inMemoryAll = Measure.repeated(settings.repeats) {
            Self.parallel(corpus.count, cores: cores) { _ = Self.evaluate(corpus[$0], engine: engine, options: options) }
        }
        let filesOne = Measure.repeated(settings.repeats) {
            for path in paths { _ = engine.evaluate(file: path, options: options) }
        }
        let filesAll = Measure.repeated(settings.repeats) {
            Self.parallel(paths.count, cores: cores) { _ = engine.evaluate(file: paths[$0], options: options) }
        }
        print("### Systems per second (whole pipeline, median wall time)\n")
        print("In memory: `Engine.evaluate` over documents read from bytes, no evidence root. Files: `Engine.evaluate(file:)`")
        print("over the same systems written to \(settings.work), evidence resolved beside them (`docs/`).\n")
        print("| input | 1 core | \(cores) cores | speed-up |")
        print("|---|---:|---:|---:|")
        let rows: [(String, [Measure.Sample], [Measure.Sample])] = [
            ("in memory", inMemoryOne, inMemoryAll), ("files", filesOne, filesAll),
        ]
        for (name, one, all) in rows {
            let single = Double(corpus.count) / Measure.median(one.map(\.wall))
            let multi = Double(corpus.count) / Measure.median(all.map(\.wall))
            print("| \(name) | \(Format.rate(single)) | \(Format.rate(multi)) | \(String(format: "%.2f", multi / single))× |")
        }
        print()
    }

    static func evaluate(_ bytes: [UInt8], engine: Engine, options: EvaluationOptions) -> Bool {
        guard let document = try? YAMLReader().read(bytes, file: "s.yaml") else { return false }
        if case .success = engine.evaluate(document, options: options, evidenceRoot: nil) { return true }
        return false
    }

    /// Runs `body` for `0..<count` on `cores` threads, striped.
    static func parallel(_ count: Int, cores: Int, _ body: @Sendable (Int) -> Void) {
        let stripes = max(1, min(cores, count))
        DispatchQueue.concurrentPerform(iterations: stripes) { stripe in
            for index in stride(from: stripe, to: count, by: stripes) { body(index) }
        }
    }

    // MARK: The command line

    /// The one-file check beside `--version` (process start-up alone), run alternately so that
    /// both see the same moments of the machine: median, spread and what the check adds.
    private func commandLine(_ cli: String) throws {
        let folder = settings.work + "/cli"
        try? FileManager.default.removeItem(atPath: folder)
        let file = try generator.write(1, seed: settings.seed, to: folder)[0]
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let example = settings.examples + "/healthcare/xray-triage.yaml"
        let runs: [(String, [String])] = [
            ("`compliance-check --version` (process start-up)", ["--version"]),
            (
                "`compliance-check examples/healthcare/xray-triage.yaml --as-of 2026-11-29 --format jsonl`",
                [example, "--as-of", "2026-11-29", "--format", "jsonl"]
            ),
            (
                "`compliance-check examples/healthcare/xray-triage.yaml --as-of 2026-11-29` (text)",
                [example, "--as-of", "2026-11-29"]
            ),
            (
                "`compliance-check check FILE --format json` (a generated system)",
                ["check", file, "--format", "json", "--as-of", "2026-06-01"]
            ),
        ]
        var programs = runs.map { (name: $0.0, program: cli, arguments: $0.1) }
        for other in settings.compareCLIs {
            programs += runs.prefix(2).map { (name: $0.0 + " — \(other.label)", program: other.path, arguments: $0.1) }
        }
        func time(_ run: (name: String, program: String, arguments: [String])) throws -> ChildProcess.Outcome {
            try ChildProcess.run(run.program, run.arguments, sampleMemory: false)
        }
        for run in programs { _ = try time(run) }
        var samples = Array(repeating: [ChildProcess.Outcome](), count: programs.count)
        for _ in 0..<settings.startupRuns {
            for (index, run) in programs.enumerated() { samples[index].append(try time(run)) }
        }
        print("### Single-file command line (release binary, spawned, wall clock from spawn to exit)\n")
        print(
            "\(settings.startupRuns) runs of each, alternating; load average \(Measure.loadAverage()). The issue's target: a one-file"
                + " check in at most 12 ms.\n")
        print("| command | median | min | 10th–90th percentile | median CPU | exit status |")
        print("|---|---:|---:|---:|---:|---:|")
        for (run, outcomes) in zip(programs, samples) {
            let name = run.name
            let walls = outcomes.map(\.seconds).sorted()
            let low = walls[walls.count / 10]
            let high = walls[(walls.count * 9) / 10]
            print(
                "| \(name) | \(Format.duration(Measure.median(walls))) | \(Format.duration(walls[0])) | "
                    + "\(Format.duration(low))–\(Format.duration(high)) | \(Format.duration(Measure.median(outcomes.map(\.cpuSeconds)))) | "
                    + "\(outcomes[0].status) |")
        }
        print()
    }
}

extension Benchmarks {
    /// The whole pipeline over the corpus, `repeats` times, nothing else: what a profiler should see.
    func profile() throws {
        let corpus = (0..<settings.systems).map { generator.system($0, seed: settings.seed) }
        var evaluated = 0
        for _ in 0..<settings.repeats {
            for system in corpus where Self.evaluate(system, engine: engine, options: options) { evaluated += 1 }
        }
        print("evaluated \(evaluated) systems")
    }
}

extension Benchmarks {
    /// How long the worst inputs the limits allow take: they must end quickly, never hang.
    func hostile() throws {
        print("### Hostile inputs at the limits (one core, median wall)\n")
        print("| input | outcome | median wall |")
        print("|---|---|---:|")
        let reader = YAMLReader()
        func row(_ name: String, _ body: () -> String) {
            var outcome = ""
            let samples = Measure.repeated(settings.repeats) { outcome = body() }
            print("| \(name) | \(outcome) | \(Format.duration(Measure.median(samples.map(\.wall)))) |")
        }
        func refusal(_ bytes: [UInt8]) -> String {
            do {
                let document = try reader.read(bytes, file: "h.yaml")
                switch engine.evaluate(document, options: options, evidenceRoot: nil) {
                case .success(let report): return "evaluated, \(report.findings.count) findings"
                case .failure(let problems): return "refused: " + (problems.diagnostics.first?.message ?? "")
                }
            } catch {
                return "refused: " + error.message
            }
        }
        let header = Array(
            """
            apiVersion: compliance-check/v1
            kind: AISystem
            system: {id: h, name: H, jurisdictions: [KZ], sectors: [education]}
            purpose:
              intended_use: Hostile.

            """.utf8)
        // The largest program the pattern compiler accepts, over the longest input `matches` reads.
        let candidates = [1000, 900, 800, 700, 600, 500, 400, 300].map { "(a|b|c|d|e|f|g|h){\($0)}$" }
        if let source = candidates.first(where: { (try? Pattern($0)) != nil }), let pattern = try? Pattern(source) {
            let text = String(repeating: "a", count: 9_999) + "!"
            let shown = source.replacingOccurrences(of: "|", with: "\\|")
            row("regex `\(shown)` (the largest of its kind accepted) on 10,000 characters") {
                pattern.matches(text) ? "matches" : "no match"
            }
        }
        var bomb = "lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1..<9 {
            bomb += "lol\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        row("billion laughs (9 levels of 9 aliases)") { refusal(header + Array(bomb.utf8)) }
        let deep = "deep: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        row("lists nested 100,000 deep") { refusal(header + Array(deep.utf8)) }
        let users = "  users:\n" + String(repeating: "    - citizens\n", count: 100_000)
        row("a list of 100,000 items (read, validated, evaluated)") { refusal(header + Array(users.utf8)) }
        let big = header + Array(repeating: UInt8(ascii: "#"), count: 8 * 1024 * 1024)
        row("a file of 8 MiB + 200 bytes") { refusal(big) }
        print()
    }
}
