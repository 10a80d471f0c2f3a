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

    @Argument(help: "System files, or folders searched for *.yaml/*.yml files with 'kind: AISystem'.")
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

    @Option(help: ArgumentHelp("A YAML file with a 'waivers:' list applied to every system.", valueName: "FILE"))
    var waivers: String?

    @Option(
        name: .customLong("evidence-root"),
        help: ArgumentHelp("Resolve evidence files here (default: each system file's folder).", valueName: "DIR"))
    var evidenceRoot: String?

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

    @Option(help: "Systems evaluated in parallel (default: all cores).")
    var jobs: Int?

    @Flag(help: "Unknown keys in system files are errors, not warnings.")
    var strict = false

    @Flag(help: "Print only failures and the gate; no warnings.")
    var quiet = false

    @Flag(name: .customLong("no-color"), help: "No ANSI colours, even on a terminal.")
    var noColor = false

    @Flag(help: "Also list passing and not-applicable rules in text output.")
    var verbose = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if markdownLimit < 1_000 { throw ValidationError("--markdown-limit must be at least 1000 bytes") }
        if let asOf, CalendarDate(asOf) == nil { throw ValidationError("--as-of must be a date YYYY-MM-DD, found '\(asOf)'") }
    }

    func run() throws {
        let engine = try rules.engine()
        guard let date = CalendarDate(asOf ?? Output.today) else { throw ExitCode(2) }
        var options = EvaluationOptions(
            asOf: date, failOn: failOn, unknownPolicy: unknown, evidenceRoot: evidenceRoot, strict: strict)
        if let waivers { options.waivers = try loadWaivers(waivers) }

        let candidates = Discovery.candidates(in: paths)
        let batch = Batch(engine: engine, options: options, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let streaming = reports.isEmpty && (format == .jsonl || format == .text)
        let style = TextReporter.Style(color: !noColor && Output.isTerminal, verbose: verbose)
        let shell = engine.report([], options: options)
        var results: [Result<SystemReport, DiagnosticList>] = []
        var checked = 0
        var failures = 0
        var unevaluated = 0
        batch.run(candidates) { result in
            switch result {
            case .success(let system):
                checked += 1
                if system.gate == .fail { failures += 1 }
                if !quiet {
                    for warning in system.warnings { Output.error(warning.description) }
                }
            case .failure(let problems):
                if problems.diagnostics.containsErrors { unevaluated += 1 }
                for problem in problems.diagnostics where !quiet || problem.severity == .error {
                    Output.error(problem.description)
                }
            }
            if streaming {
                switch (format, result) {
                case (.jsonl, .success(let system)): Output.out(JSONReporter.renderLine(system))
                case (.jsonl, .failure(let problems)):
                    for problem in problems.diagnostics where problem.severity == .error {
                        Output.out(JSONReporter.renderLine(problem))
                    }
                case (_, .success(let system)): Output.out(TextReporter.render(system, report: shell, style: style) + "\n")
                default: break
                }
            } else {
                results.append(result)
            }
        }
        if checked == 0, unevaluated == 0 {
            Output.error("error: no system description (kind: AISystem) found in \(paths.joined(separator: ", "))")
            throw ExitCode(2)
        }
        if streaming {
            if format == .text {
                Output.out(
                    TextReporter.footer(
                        checked: checked, failed: failures, unevaluated: unevaluated, report: shell, style: style))
            }
        } else {
            let report = engine.report(results, options: options)
            let settings = OutputSettings(
                sarifPaths: SARIFReporter.Paths(
                    root: sarifRoot, workingDirectory: FileManager.default.currentDirectoryPath),
                markdownLimit: markdownLimit)
            Output.out(format.render(report, style: style, settings: settings))
            for target in reports {
                let plain = TextReporter.Style(verbose: verbose)
                try Output.write(target.format.render(report, style: plain, settings: settings), to: target.file)
            }
        }
        if unevaluated > 0 { throw ExitCode(2) }
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
