public import ComplianceRules

/// Evaluates system descriptions against loaded rule packs and explains every outcome.
///
/// ```swift
/// let engine = try Engine.builtIn()
/// let options = EvaluationOptions(asOf: CalendarDate("2026-11-29")!)
/// let result = engine.evaluate(file: "examples/healthcare/xray-triage.yaml", options: options)
/// ```
public struct Engine: Sendable {
    /// The vocabulary and the packs in use.
    public let library: RuleLibrary

    /// An engine over `library`, keeping only the packs named in `packs` when given.
    public init(library: RuleLibrary, packs: [String]? = nil) throws(DiagnosticList) {
        guard let packs else {
            self.library = library
            return
        }
        let known = library.packs.map(\.id)
        let unknown = packs.filter { !known.contains($0) }
        if !unknown.isEmpty {
            throw DiagnosticList(
                unknown.map {
                    .error(
                        "unknown pack '\($0)'; loaded packs: \(known.joined(separator: ", "))"
                            + Suggestion.phrase(for: $0, in: known), at: nil)
                })
        }
        self.library = RuleLibrary(vocabulary: library.vocabulary, packs: library.packs.filter { packs.contains($0.id) })
    }

    /// An engine over the built-in vocabulary and packs.
    public static func builtIn() throws(DiagnosticList) -> Engine {
        try Engine(library: RuleLibrary.builtIn())
    }

    /// The packs as reports name them.
    public var packInfo: [PackInfo] {
        library.packs.map { PackInfo(id: $0.id, version: $0.version, title: $0.title, jurisdiction: $0.jurisdiction) }
    }

    /// A report of finished evaluations: the systems that could be evaluated and the problems of
    /// those that could not, in the order given, with the settings they were evaluated with.
    public func report(_ results: [Result<SystemReport, DiagnosticList>], options: EvaluationOptions) -> Report {
        var systems: [SystemReport] = []
        var errors: [Diagnostic] = []
        for result in results {
            switch result {
            case .success(let system): systems.append(system)
            case .failure(let problems): errors += problems.diagnostics
            }
        }
        var instruments: [String: Instrument] = [:]
        for pack in library.packs {
            for instrument in pack.instruments { instruments[instrument.id] = instrument }
        }
        return Report(
            asOf: options.asOf, settings: Report.Settings(options), packs: packInfo, systems: systems, errors: errors,
            rules: library.rules, instruments: instruments)
    }

    /// Reads, validates and evaluates a system file. Evidence is resolved in the file's folder
    /// unless `options.evidenceRoot` is set.
    public func evaluate(file path: String, options: EvaluationOptions) -> Result<SystemReport, DiagnosticList> {
        do throws(Diagnostic) {
            return evaluate(bytes: try FileSystem.read(path, limit: YAMLReader.Limits().maxBytes), file: path, options: options)
        } catch {
            return .failure(DiagnosticList([error]))
        }
    }

    /// Reads, validates and evaluates the bytes of a system file named `path` (for callers that
    /// have read it already). Evidence is resolved in the file's folder unless
    /// `options.evidenceRoot` is set.
    public func evaluate(bytes: [UInt8], file path: String, options: EvaluationOptions) -> Result<SystemReport, DiagnosticList> {
        let document: Document
        do throws(Diagnostic) {
            document = try YAMLReader().read(bytes, file: path)
        } catch {
            return .failure(DiagnosticList([error]))
        }
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return evaluate(document, options: options, evidenceRoot: options.evidenceRoot ?? (folder.isEmpty ? "." : folder))
    }

    /// Evaluates a description built in code.
    public func evaluate(_ value: Value, name: String = "<memory>", options: EvaluationOptions) -> Result<
        SystemReport, DiagnosticList
    > {
        evaluate(Document(file: name, root: value), options: options, evidenceRoot: options.evidenceRoot)
    }

    /// Validates and evaluates a parsed document; file evidence is resolved in `evidenceRoot`
    /// (`nil`: no file evidence can be found).
    public func evaluate(_ document: Document, options: EvaluationOptions, evidenceRoot: String?) -> Result<
        SystemReport, DiagnosticList
    > {
        let validator = SystemValidator(vocabulary: library.vocabulary, strict: options.strict)
        let checked = validator.validate(document)
        guard let normalized = checked.document else { return .failure(DiagnosticList(checked.diagnostics)) }
        var warnings = checked.diagnostics

        // Waivers: the file's own and the shared ones for this system.
        let systemID = normalized.root.value(at: ["system", "id"])?.stringValue ?? ""
        let own = Waiver.read(from: normalized)
        var waiverProblems = own.diagnostics
        let candidates = own.waivers + options.waivers.filter { $0.system == nil || $0.system == systemID }
        var waivers: [String: Waiver] = [:]
        for waiver in candidates {
            let location = waiver.location ?? SourceLocation(file: document.file, line: 1, column: 1)
            if waiver.rule.isEmpty { continue }
            let rule = library.rule(waiver.rule)
            let isDerivedRule = library.packs.flatMap(\.derivations).contains { $0.declaredRuleID == waiver.rule }
            guard rule != nil || isDerivedRule else {
                let ids = library.rules.map(\.id) + library.packs.flatMap(\.derivations).map(\.declaredRuleID)
                waiverProblems.append(
                    .error(
                        "waiver names unknown rule '\(waiver.rule)'" + Suggestion.phrase(for: waiver.rule, in: ids), at: location)
                )
                continue
            }
            if let rule, !rule.waivable {
                waiverProblems.append(
                    .error("rule \(rule.id) cannot be waived (\(rule.category.rawValue)); remove the waiver", at: location))
                continue
            }
            if waiver.expires < options.asOf {
                warnings.append(
                    Diagnostic.warning("waiver of \(waiver.rule) expired on \(waiver.expires) and is ignored", at: location))
                continue
            }
            waivers[waiver.rule] = waivers[waiver.rule] ?? waiver
        }
        if waiverProblems.containsErrors { return .failure(DiagnosticList(waiverProblems)) }

        let evaluation = SystemEvaluation(
            engine: self, document: normalized, options: options, evidence: EvidenceChecker(root: evidenceRoot))
        var system = evaluation.run(waivers: waivers)
        system.warnings = warnings + system.warnings
        return .success(system)
    }
}
