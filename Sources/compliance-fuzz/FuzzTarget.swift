import ComplianceEngine
import ComplianceRules
import Foundation

/// What the fuzzer runs on every input: the bytes as a system description (read, validated,
/// evaluated with the built-in packs at a fixed as-of date, reported) and as rule-pack files (a
/// sector file beside the built-in Kazakhstan manifest, a manifest, a vocabulary). Any input must
/// end in a result or in diagnostics; a trap, a crash or a hang is a bug.
enum FuzzTarget {
    /// The as-of date of every evaluation, so that runs are reproducible.
    static let asOf = CalendarDate(year: 2026, month: 6, day: 1)

    /// The built-in engine, loaded once per process.
    static let engine: Engine? = try? Engine.builtIn()

    /// The built-in Kazakhstan manifest, so that fuzzed sector files are loaded into a real pack.
    static let manifest: RuleSource.File? = BuiltInRules.text(of: "kz/pack.yaml").map {
        RuleSource.File(displayName: "rules/kz/pack.yaml", relativePath: "kz/pack.yaml", bytes: Array($0.utf8))
    }

    /// A small folder with one evidence file, so evidence checks touch the file system.
    static let evidenceRoot: String = {
        let folder = NSTemporaryDirectory() + "compliance-fuzz-evidence"
        try? FileManager.default.createDirectory(atPath: folder + "/docs", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: folder + "/docs/risk-procedure.pdf", contents: Data("procedure\n".utf8))
        return folder
    }()

    /// A valid system evaluated with every pack the fuzzer manages to load.
    static let probe: Document? = try? YAMLReader().read(
        """
        apiVersion: compliance-check/v1
        kind: AISystem
        system: {id: probe, name: Probe, jurisdictions: [KZ], sectors: [healthcare, education], owner: {kind: state_body}}
        purpose: {intended_use: Fuzzing., users: [citizens], affects_rights: true, output: decision}
        capabilities: {interacts_with_people: true, automated_profiling: true}
        risk: {level: medium, disruption_impact: [health_or_life], management: {procedure: docs/risk-procedure.pdf}}
        data: {personal_data: true, special_categories: [health]}
        """, file: "probe.yaml")

    /// Runs every consumer over `bytes`; returns one line saying how each ended, for the replayer.
    @discardableResult
    static func run(_ bytes: [UInt8]) -> [String] {
        [system(bytes), sectorFile(bytes), manifestFile(bytes), vocabularyFile(bytes)]
    }

    /// The bytes as `system.yaml`: read, validate (whole and as a rule example), evaluate, report.
    static func system(_ bytes: [UInt8]) -> String {
        guard let engine, let asOf else { return "system: no built-in engine" }
        let document: Document
        do {
            document = try YAMLReader().read(bytes, file: "fuzz.yaml")
        } catch {
            return "system: refused: \(error.description)"
        }
        _ = SystemValidator(vocabulary: engine.library.vocabulary, strict: true).validate(document, partial: true)
        let result = engine.evaluate(document, options: EvaluationOptions(asOf: asOf), evidenceRoot: evidenceRoot)
        let report = engine.report([result], options: EvaluationOptions(asOf: asOf))
        let rendered = JSONReporter.render(report).utf8.count + TextReporter.render(report).utf8.count
        switch result {
        case .success(let system):
            _ = JSONReporter.renderLine(system)
            return "system: evaluated, gate \(system.gate.rawValue), \(system.findings.count) findings (\(rendered) bytes)"
        case .failure(let problems):
            return "system: refused: \(problems.diagnostics.first?.description ?? "no diagnostic")"
        }
    }

    /// The bytes as a sector file of the built-in Kazakhstan pack; a loaded pack runs its examples
    /// and evaluates the probe system.
    static func sectorFile(_ bytes: [UInt8]) -> String {
        guard let engine, let manifest, let asOf else { return "sector file: no built-in pack" }
        let file = RuleSource.File(displayName: "fuzz/sector.yaml", relativePath: "kz/fuzz.yaml", bytes: bytes)
        let library: RuleLibrary
        do {
            library = try RuleLibrary.load([RuleSource(files: [manifest, file])], vocabulary: engine.library.vocabulary)
        } catch {
            return "sector file: refused: \(error.diagnostics.first?.description ?? "no diagnostic")"
        }
        guard let fuzzed = try? Engine(library: library) else { return "sector file: loaded, no engine" }
        let problems = fuzzed.checkExamples()
        var outcome = "sector file: loaded \(library.rules.count) rules, \(problems.count) example problems"
        if let probe {
            let result = fuzzed.evaluate(probe, options: EvaluationOptions(asOf: asOf), evidenceRoot: evidenceRoot)
            _ = JSONReporter.render(fuzzed.report([result], options: EvaluationOptions(asOf: asOf)))
            if case .success(let system) = result { outcome += ", probe gate \(system.gate.rawValue)" }
        }
        return outcome
    }

    /// The bytes as a pack manifest with no sector files.
    static func manifestFile(_ bytes: [UInt8]) -> String {
        guard let engine else { return "manifest: no built-in engine" }
        let file = RuleSource.File(displayName: "fuzz/pack.yaml", relativePath: "fuzz/pack.yaml", bytes: bytes)
        do {
            let library = try RuleLibrary.load([RuleSource(files: [file])], vocabulary: engine.library.vocabulary)
            return "manifest: loaded \(library.packs.count) pack(s)"
        } catch {
            return "manifest: refused: \(error.diagnostics.first?.description ?? "no diagnostic")"
        }
    }

    /// The bytes as `vocabulary.yaml`.
    static func vocabularyFile(_ bytes: [UInt8]) -> String {
        do {
            let vocabulary = try Vocabulary.load(try YAMLReader().read(bytes, file: "fuzz/vocabulary.yaml"))
            return "vocabulary: loaded \(vocabulary.facts.count) facts"
        } catch let error as Diagnostic {
            return "vocabulary: refused: \(error.description)"
        } catch let error as DiagnosticList {
            return "vocabulary: refused: \(error.diagnostics.first?.description ?? "no diagnostic")"
        } catch {
            return "vocabulary: refused: \(error)"
        }
    }

    /// Replays files (or every file below folders) through `run`, printing one block per file:
    /// the corpus replayer of the normal build. Returns the exit status.
    static func replay(_ arguments: [String]) -> Int32 {
        if arguments.isEmpty || arguments.contains("--help") || arguments.contains("-h") {
            print(
                """
                usage: compliance-fuzz FILE|FOLDER...
                Runs the fuzz target over each file (the corpus replayer). Build with fuzz/run.sh to fuzz.
                """)
            return arguments.isEmpty ? 2 : 0
        }
        var status: Int32 = 0
        for path in arguments.flatMap(files(at:)) {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot be read")
                status = 1
                continue
            }
            print(path)
            for line in run([UInt8](data)) { print("  " + line) }
        }
        return status
    }

    private static func files(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [path]
        }
        let children = (try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? []
        return children.sorted().map { path + "/" + $0 }.filter {
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0, isDirectory: &folder) && !folder.boolValue
        }
    }
}
