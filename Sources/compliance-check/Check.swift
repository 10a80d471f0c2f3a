public import ArgumentParser
import ComplianceEngine
import ComplianceRules
import Dispatch
import Foundation

/// `compliance-check [check] PATH...`: evaluate system descriptions and gate on the result.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Evaluate system descriptions against the rule packs (the default command).",
        discussion: "Exit codes: 0 every gate passed, 1 a gate failed, 2 usage error or an input that could not be evaluated.")

    @Argument(
        help: "System files, or folders searched for *.yaml/*.yml files that parse as 'kind: AISystem'.",
        completion: .file())
    var paths: [String]

    @OptionGroup var rules: RuleOptions

    @Option(help: "Output format on stdout: text, json, jsonl, sarif, junit, markdown, html, oscal.")
    var format: ReportFormat = .text

    @Option(
        name: .customLong("report"),
        help: ArgumentHelp(
            "Also write FORMAT to FILE (repeatable); formats: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "FORMAT=FILE"))
    var reportArguments: [String] = []

    /// The `--report` targets (checked in `validate`).
    var reports: [ReportTarget] { reportArguments.compactMap(ReportTarget.init(argument:)) }

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

    @Option(
        name: .customLong("sarif-root"),
        help: ArgumentHelp(
            "SARIF artifact URIs are relative to this directory (uriBaseId %SRCROOT%; default: the current directory).",
            valueName: "DIR"))
    var sarifRoot: String?

    @Option(
        name: .customLong("markdown-limit"),
        help: ArgumentHelp(
            "Cap Markdown output at this many bytes, leaving out whole system sections (default: 1000000, under GitHub's 1 MiB job-summary limit).",
            valueName: "BYTES"))
    var markdownLimit = MarkdownReporter.defaultLimit

    @Option(help: "Systems evaluated in parallel, 1 to 1024 (default: all cores).")
    var jobs: Int?

    @Flag(help: "Unknown keys in system files are errors, not warnings.")
    var strict = false

    @Option(
        help: ArgumentHelp(
            "JSON and JSONL findings: compact (pass and not_applicable findings carry only the rule id, status and reason or deciding facts) or full (every finding carries its rule's text).",
            valueName: "compact|full"))
    var detail: Report.Detail = .compact

    @Flag(help: "Print only failing and unevaluated systems and the gate, in every format; no warnings.")
    var quiet = false

    @Option(help: "ANSI colours: auto (a terminal, unless NO_COLOR is set or TERM is dumb), always or never.")
    var color: ColorChoice = .auto

    @Flag(name: .customLong("no-color"), help: "Same as --color never.")
    var noColor = false

    @Flag(help: "Also list passing and not-applicable rules in text output, and the files a folder search skipped.")
    var verbose = false

    /// Most parallel jobs: more would only cost memory (and 2^60 would overflow the window size).
    static let maxJobs = 1024

    func validate() throws {
        if let jobs, !(1...Self.maxJobs).contains(jobs) {
            throw ValidationError("--jobs must be between 1 and \(Self.maxJobs), found \(jobs)")
        }
        if markdownLimit < 1_000 { throw ValidationError("--markdown-limit must be at least 1000 bytes") }
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
        for argument in reportArguments where ReportTarget(argument: argument) == nil {
            let formats = ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
            guard let equals = argument.firstIndex(of: "="), argument.index(after: equals) != argument.endIndex else {
                throw ValidationError("--report needs FORMAT=FILE, found '\(argument)'; formats: \(formats)")
            }
            let format = String(argument[..<equals])
            throw ValidationError(
                "--report: unknown format '\(format)'\(Suggestion.phrase(for: format, in: ReportFormat.allCases.map(\.rawValue))); formats: \(formats)"
            )
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
        // The text report alone shows no passing or not-applicable detail but evidence notes.
        if format == .text, reports.isEmpty, !verbose { options.passingDetail = .noted }
        if let waivers {
            options.waivers = try loadWaivers(waivers)
            // Checked once for the run: an expired shared waiver warns once, not once per system.
            let problems = engine.check(sharedWaivers: options.waivers, options: options)
            for problem in problems where !quiet || problem.severity == .error { Output.error(problem.description) }
            if problems.containsErrors { throw ExitCode(2) }
        }
        var ledger = WaiverLedger(options.waivers, asOf: date)

        try refuseMistypedCommand()
        let colored =
            noColor ? false : color.enabled(terminal: Output.isTerminal, environment: ProcessInfo.processInfo.environment)
        var header = engine.report([], options: options)
        header.settings.detail = detail
        let settings = OutputSettings(
            sarifPaths: SARIFReporter.Paths(root: sarifRoot, workingDirectory: FileManager.default.currentDirectoryPath),
            markdownLimit: markdownLimit)
        // One path for every format and every file: each report is a stream fed system by system,
        // so memory does not grow with the batch.
        var outputs = ReportOutputs(
            stdout: format.stream(
                header: header, style: TextReporter.Style(color: colored, verbose: verbose, strings: engine.strings),
                settings: settings, quiet: quiet),
            files: reports.map {
                (
                    path: $0.file,
                    stream: $0.format.stream(
                        header: header, style: TextReporter.Style(verbose: verbose, strings: engine.strings), settings: settings,
                        quiet: quiet)
                )
            })
        var batch = Batch(engine: engine, options: options, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        batch.renderers = outputs.makeRenderers()
        var checked = 0
        var failures = 0
        var unevaluated = 0
        // Where each system id was first seen: two files with one id would collide in every report.
        var ids = SystemIDRegistry()
        do {
            try batch.run(SystemDiscovery.candidates(in: paths)) { (outcome) throws(Output.WriteFailure) in
                switch outcome {
                case .skipped(let path, let reason):
                    if verbose {
                        Output.error(
                            Diagnostic(.note, "skipped: \(reason)", at: SourceLocation(file: path, line: 1, column: 1))
                                .description)
                    }
                case .failed(let problems):
                    unevaluated += problems.diagnostics.containsErrors ? 1 : 0
                    for problem in problems.diagnostics where !quiet || problem.severity == .error {
                        Output.error(problem.description)
                    }
                    try outputs.add(unevaluated: problems.diagnostics)
                case .evaluated(let system, let idLocation, let rendered):
                    if let first = ids.insert(system.systemID, at: idLocation) {
                        let problem = Diagnostic.error(
                            "system id '\(system.systemID)' is also the id of \(first.file); each system in a run needs its own id",
                            at: idLocation, notes: [.init("first used here", at: first)])
                        unevaluated += 1
                        Output.error(problem.description)
                        try outputs.add(unevaluated: [problem])
                        return
                    }
                    checked += 1
                    ledger.record(system)
                    if system.gate == .fail { failures += 1 }
                    if !quiet {
                        for warning in system.warnings { Output.error(warning.description) }
                    }
                    // --quiet: passing systems are counted (text) but kept out of every output.
                    if quiet, system.gate == .pass, format != .text { return }
                    try outputs.add(system, rendered: rendered)
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
            try outputs.finish()
            // A report that could not be written: the others still were; the run ends with exit code 2.
            if outputs.unwritten > 0 { throw ExitCode(2) }
        } catch is Output.WriteFailure {
            throw ExitCode(2)
        }
        if unevaluated > 0 || Output.lostDiagnostics { throw ExitCode(2) }
        if failures > 0 { throw ExitCode(1) }
    }

    /// `compliance-check chek file.yaml`: a first path that is neither a file nor a folder but is
    /// close to a command name was most likely a mistyped command.
    private func refuseMistypedCommand() throws {
        guard let first = paths.first, first != "-", !FileManager.default.fileExists(atPath: first),
            !first.contains("/"), !first.contains(".")
        else { return }
        let commands = ["check", "rules", "init", "schema", "questions"]
        guard let command = Suggestion.closest(to: first, in: commands) else { return }
        Output.error("error: '\(SafeText.escaped(first))' is neither a file nor a command; did you mean '\(command)'?")
        throw ExitCode(2)
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
extension Report.Detail: ExpressibleByArgument {}

/// `--color`: when to write ANSI colours.
enum ColorChoice: String, CaseIterable, ExpressibleByArgument {
    case auto
    case always
    case never

    /// `auto` colours a terminal unless `NO_COLOR` is set (to anything non-empty) or `TERM=dumb`.
    func enabled(terminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: terminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        }
    }
}
extension UnknownPolicy: ExpressibleByArgument {}
