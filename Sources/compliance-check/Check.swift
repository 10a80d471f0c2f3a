public import ArgumentParser
import ComplianceEngine
import ComplianceRules
import Dispatch
import Foundation

/// `compliance-check [check] PATH...`: evaluate system descriptions and gate on the result.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate system descriptions against the rule packs (the default command).",
        discussion: "Exit codes: 0 every gate passed, 1 a gate failed, 2 usage error or an input that could not be evaluated.")

    @Argument(
        help: "System files, or folders searched for *.yaml/*.yml files that parse as 'kind: AISystem'.",
        completion: .file())
    var paths: [String]

    @OptionGroup var rules: RuleOptions

    @Option(help: "Output format on stdout: text, json, jsonl, sarif, junit, markdown.")
    var format: ReportFormat = .text

    @Option(name: .customLong("report"), help: ArgumentHelp("Also write FORMAT to FILE (repeatable).", valueName: "FORMAT=FILE"))
    var reports: [ReportTarget] = []

    @Option(name: .customLong("fail-on"), help: "Lowest severity that fails the gate: critical, high, medium, low, never.")
    var failOn: GateThreshold = .low

    @Option(help: "How unknown outcomes gate: fail or warn.")
    var unknown: UnknownPolicy = .fail

    @Option(
        name: .customLong("as-of"), help: ArgumentHelp("Evaluate as of this date (default: today, UTC).", valueName: "YYYY-MM-DD")
    )
    var asOf: String?

    @Option(
        help: ArgumentHelp("A YAML file with a 'waivers:' list applied to every system.", valueName: "FILE"),
        completion: .file())
    var waivers: String?

    @Flag(
        name: .customLong("no-inline-waivers"),
        help: "Only waivers from --waivers files count; waivers written in system files are reported as ignored.")
    var noInlineWaivers = false

    @Option(
        name: .customLong("max-waiver-days"),
        help: ArgumentHelp("A waiver that expires more than N days after the as-of date is an error.", valueName: "N"))
    var maxWaiverDays: Int?

    @Option(
        name: .customLong("evidence-root"),
        help: ArgumentHelp("Resolve evidence files here (default: each system file's folder).", valueName: "DIR"),
        completion: .directory)
    var evidenceRoot: String?

    @Option(
        name: .customLong("max-evidence-bytes"),
        help: ArgumentHelp(
            "Hash at most N bytes of one evidence file (default 268435456); a larger file's hash check is unknown.",
            valueName: "N"))
    var maxEvidenceBytes: Int?

    @Option(help: "Systems evaluated in parallel, 1 to 1024 (default: all cores).")
    var jobs: Int?

    @Flag(help: "Unknown keys in system files are errors, not warnings.")
    var strict = false

    @Flag(help: "Print only failures and the gate; no warnings.")
    var quiet = false

    @Flag(name: .customLong("no-color"), help: "No ANSI colours, even on a terminal.")
    var noColor = false

    @Flag(help: "Also list passing and not-applicable rules in text output, and the files a folder search skipped.")
    var verbose = false

    /// Most parallel jobs: more would only cost memory (and 2^60 would overflow the window size).
    static let maxJobs = 1024

    func validate() throws {
        if let jobs, !(1...Self.maxJobs).contains(jobs) {
            throw ValidationError("--jobs must be between 1 and \(Self.maxJobs), found \(jobs)")
        }
        if let asOf, CalendarDate(asOf) == nil { throw ValidationError("--as-of must be a date YYYY-MM-DD, found '\(asOf)'") }
        if let evidenceRoot {
            if evidenceRoot.isEmpty { throw ValidationError("--evidence-root must name a folder, found an empty path") }
            if !FileManager.default.fileExists(atPath: evidenceRoot) {
                throw ValidationError("--evidence-root '\(evidenceRoot)' does not exist")
            }
            if !FileSystem.isDirectory(evidenceRoot) {
                throw ValidationError("--evidence-root '\(evidenceRoot)' is not a folder")
            }
        }
        if let maxWaiverDays, maxWaiverDays < 0 {
            throw ValidationError("--max-waiver-days must be 0 or more, found \(maxWaiverDays)")
        }
        if let maxEvidenceBytes, maxEvidenceBytes < 0 {
            throw ValidationError("--max-evidence-bytes must be 0 or more, found \(maxEvidenceBytes)")
        }
    }

    func run() throws {
        let engine = try rules.engine()
        guard let date = CalendarDate(asOf ?? Output.today) else { throw ExitCode(2) }
        var options = EvaluationOptions(
            asOf: date, failOn: failOn, unknownPolicy: unknown, evidenceRoot: evidenceRoot, strict: strict)
        options.inlineWaivers = !noInlineWaivers
        options.maxWaiverDays = maxWaiverDays
        if let maxEvidenceBytes { options.maxEvidenceBytes = maxEvidenceBytes }
        if let waivers {
            options.waivers = try loadWaivers(waivers)
            // Checked once for the run: an expired shared waiver warns once, not once per system.
            let problems = engine.check(sharedWaivers: options.waivers, options: options)
            for problem in problems where !quiet || problem.severity == .error { Output.error(problem.description) }
            if problems.containsErrors { throw ExitCode(2) }
        }
        var ledger = WaiverLedger(options.waivers, asOf: date)

        let batch = Batch(engine: engine, options: options, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let streaming = reports.isEmpty && (format == .jsonl || format == .text)
        let style = TextReporter.Style(
            color: !noColor && Output.isTerminal, verbose: verbose, failOn: failOn, unknownPolicy: unknown,
            strings: engine.strings)
        let shell = engine.report([], asOf: date)
        var results: [Result<SystemReport, DiagnosticList>] = []
        var checked = 0
        var failures = 0
        var unevaluated = 0
        // Where each system id was first seen: two files with one id would collide in every report.
        var ids: [String: SourceLocation] = [:]
        do {
            try batch.run(SystemDiscovery.candidates(in: paths)) { (outcome) throws(Output.WriteFailure) in
                var result: Result<SystemReport, DiagnosticList>
                switch outcome {
                case .skipped(let path, let reason):
                    if verbose {
                        Output.error(
                            Diagnostic(.note, "skipped: \(reason)", at: SourceLocation(file: path, line: 1, column: 1))
                                .description)
                    }
                    return
                case .failed(let problems):
                    result = .failure(problems)
                case .evaluated(let system, let idLocation):
                    if let first = ids[system.systemID] {
                        result = .failure(
                            DiagnosticList([
                                .error(
                                    "system id '\(system.systemID)' is also the id of \(first.file); each system in a run needs its own id",
                                    at: idLocation, notes: [.init("first used here", at: first)])
                            ]))
                    } else {
                        ids[system.systemID] = idLocation
                        result = .success(system)
                    }
                }
                switch result {
                case .success(let system):
                    checked += 1
                    ledger.record(system)
                    if system.gate == .fail { failures += 1 }
                    if !quiet {
                        for warning in system.warnings where warning.contains(": warning: ") { Output.error(warning) }
                    }
                case .failure(let problems):
                    if problems.diagnostics.containsErrors { unevaluated += 1 }
                    for problem in problems.diagnostics where !quiet || problem.severity == .error {
                        Output.error(problem.description)
                    }
                }
                if streaming {
                    switch (format, result) {
                    case (.jsonl, .success(let system)): try Output.out(JSONReporter.renderLine(system))
                    case (.jsonl, .failure(let problems)):
                        for problem in problems.diagnostics where problem.severity == .error {
                            try Output.out(JSONReporter.renderLine(problem))
                        }
                    case (_, .success(let system)):
                        try Output.out(TextReporter.render(system, report: shell, style: style) + "\n")
                    default: break
                    }
                } else {
                    results.append(result)
                }
            }
            if !quiet {
                for problem in ledger.diagnostics() { Output.error(problem.description) }
            }
            if checked == 0, unevaluated == 0 {
                Output.error(
                    "error: no system description (kind: AISystem) found in \(paths.map(SafeText.escaped).joined(separator: ", "))"
                        + (verbose ? "" : "; --verbose lists the files that were skipped"))
                throw ExitCode(2)
            }
            if streaming {
                if format == .text {
                    try Output.out(
                        TextReporter.footer(
                            checked: checked, failed: failures, unevaluated: unevaluated, asOf: date, style: style))
                }
            } else {
                let report = engine.report(results, asOf: date)
                try Output.out(format.render(report, style: style, unknownPolicy: unknown))
                var unwritten = 0
                for target in reports {
                    let plain = TextReporter.Style(
                        verbose: verbose, failOn: failOn, unknownPolicy: unknown, strings: engine.strings)
                    do throws(ReportWriteError) {
                        try Output.write(target.format.render(report, style: plain, unknownPolicy: unknown), to: target.file)
                    } catch {
                        // The other reports are still written; the run ends with exit code 2.
                        Output.error(error.description)
                        unwritten += 1
                    }
                }
                if unwritten > 0 { throw ExitCode(2) }
            }
        } catch is Output.WriteFailure {
            throw ExitCode(2)
        }
        if unevaluated > 0 || Output.lostDiagnostics { throw ExitCode(2) }
        if failures > 0 { throw ExitCode(1) }
    }

    private func loadWaivers(_ path: String) throws -> [Waiver] {
        let reader = YAMLReader()
        let document: Document
        do throws(Diagnostic) {
            document = try reader.read(try FileSystem.read(path, limit: reader.limits.maxBytes), file: path)
        } catch {
            Output.error(error.description)
            throw ExitCode(2)
        }
        guard document.root["waivers"] != nil else {
            Output.error(
                Diagnostic.error("a waivers file needs a top-level 'waivers:' list", at: document.location(of: [])).description)
            throw ExitCode(2)
        }
        let loaded = Waiver.read(from: document)
        for problem in loaded.diagnostics { Output.error(problem.description) }
        if loaded.diagnostics.containsErrors { throw ExitCode(2) }
        return loaded.waivers
    }
}

extension GateThreshold: ExpressibleByArgument {}
extension UnknownPolicy: ExpressibleByArgument {}
