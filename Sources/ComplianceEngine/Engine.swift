public import ComplianceRules

/// Evaluates system descriptions against loaded rule packs and explains every outcome.
///
/// ```swift
/// let engine = try Engine.builtIn()
/// let options = EvaluationOptions(asOf: CalendarDate("2026-11-29")!)
/// let result = engine.evaluate(file: "examples/healthcare/xray-triage.yaml", options: options)
/// ```
public struct Engine: Sendable {
    /// The vocabulary and the packs in use, their texts in `language`.
    public let library: RuleLibrary
    /// The language of every human-readable text the engine and its reports write (DESIGN §10).
    public let language: Language
    /// The report's own words in `language`.
    public let strings: ReportStrings
    /// The English title of every rule and derived check by id, whatever the language: SARIF names
    /// rules after it, so that the name (a machine field) never changes with the language.
    let sourceTitles: [String: String]
    /// What each predicate expects, worded once in `language`.
    let words: ExpectationWords
    /// Each pack's rules as evaluated, by pack id, in the order of its rules, made once; their
    /// texts are shared by every finding.
    let compiledRules: [String: [CompiledRule]]
    /// Each derivation's `<NS>-<NAME>-DECLARED` finding text by `namespace.name`, citing its first
    /// case (a finding whose deciding case cites otherwise gets a box of its own).
    let declaredTexts: [String: Finding.RuleText]
    /// The ids of the `<NS>-<NAME>-DECLARED` findings of the packs in use.
    let declaredIDs: Set<String>
    /// The message of a passing finding, in `language`.
    let passMessage: String

    /// An engine over `library`, keeping only the packs named in `packs` when given, with its
    /// texts in `language` (English where a pack has no translation).
    public init(library: RuleLibrary, packs: [String]? = nil, language: Language = .en) throws(DiagnosticList) {
        self.language = language
        self.strings = ReportStrings.builtIn(language)
        self.passMessage = strings("message.pass")
        var titles: [String: String] = [:]
        for rule in library.rules { titles[rule.id] = rule.title }
        for derivation in library.declaredChecks { titles[derivation.declaredRuleID] = derivation.check.title }
        self.sourceTitles = titles
        var selected = library
        if let packs {
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
            selected = RuleLibrary(
                vocabulary: library.vocabulary, packs: library.packs.filter { packs.contains($0.id) },
                catalogues: library.catalogues)
        }
        self.library = selected.localized(language)
        self.words = ExpectationWords(packs: self.library.packs, strings: strings)
        (self.compiledRules, self.declaredTexts, self.declaredIDs) = Self.compile(self.library)
    }

    /// The rules of every pack as evaluated, the text of every declared-value check, and the ids
    /// of those checks.
    private static func compile(_ library: RuleLibrary) -> (
        rules: [String: [CompiledRule]], declared: [String: Finding.RuleText], declaredIDs: Set<String>
    ) {
        var rules: [String: [CompiledRule]] = [:]
        var declared: [String: Finding.RuleText] = [:]
        let declaredIDs = library.packs.flatMap { $0.derivations.map(\.declaredRuleID) }
        // Every id in ascending order, so that a finding's text knows where its rule sorts.
        let ids = (library.packs.flatMap { $0.rules.map(\.id) } + declaredIDs).sorted()
        var ranks: [String: Int] = [:]
        for (rank, id) in ids.enumerated() where ranks[id] == nil { ranks[id] = rank }
        for pack in library.packs {
            rules[pack.id] = pack.rules.map { CompiledRule($0, roles: pack.roles, rank: ranks[$0.id]) }
            for derivation in pack.derivations where derivation.declared != nil {
                declared["\(derivation.namespace).\(derivation.name)"] = Finding.RuleText(
                    derivation, pack: pack, citation: derivation.cases.first?.citation,
                    rank: ranks[derivation.declaredRuleID])
            }
        }
        return (rules, declared, Set(declaredIDs))
    }

    /// An engine over the built-in vocabulary and packs.
    public static func builtIn(language: Language = .en) throws(DiagnosticList) -> Engine {
        try Engine(library: RuleLibrary.builtIn(), language: language)
    }

    /// The packs as reports name them.
    public var packInfo: [PackInfo] {
        library.packs.map {
            PackInfo(
                id: $0.id, version: $0.version, title: $0.title, jurisdiction: $0.jurisdiction, lawVersionDate: $0.lawVersionDate)
        }
    }

    /// A report of finished evaluations: the systems that could be evaluated and the problems of
    /// those that could not, in the order given, with the settings they were evaluated with.
    /// `report(_:options:)` with the default gate settings.
    public func report(_ results: [Result<SystemReport, DiagnosticList>], asOf: CalendarDate) -> Report {
        report(results, options: EvaluationOptions(asOf: asOf))
    }

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
        var report = Report(
            asOf: options.asOf, settings: Report.Settings(options), packs: packInfo, systems: systems, errors: errors,
            rules: library.rules, instruments: instruments,
            declaredRules: library.packs.flatMap { pack in
                pack.derivations.filter { $0.declared != nil }.map { DeclaredRule($0, pack: pack.id) }
            })
        report.language = language
        report.sourceTitles = sourceTitles
        return report
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
        return evaluate(document, options: options, evidenceRoot: Self.evidenceRoot(of: document.file, options: options))
    }

    /// Where the evidence of the system file `path` is resolved: `options.evidenceRoot`, else the
    /// file's folder.
    public static func evidenceRoot(of path: String, options: EvaluationOptions) -> String {
        if let root = options.evidenceRoot { return root }
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return folder.isEmpty ? (path.hasPrefix("/") ? "/" : ".") : folder
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

        // Waivers: the file's own (unless only reviewed waiver files count) and the shared ones for
        // this system. Shared waivers are checked once per run (`check(sharedWaivers:options:)`);
        // here an invalid one is refused again, so an embedder that skips that check still cannot
        // use it, and an expired one is left out without a warning per system.
        let systemID = normalized.root.value(at: ["system", "id"])?.stringValue ?? ""
        let own = Waiver.read(from: normalized)
        var waiverProblems = own.diagnostics
        if !options.inlineWaivers {
            for waiver in own.waivers {
                warnings.append(
                    Diagnostic.warning(
                        "waiver of \(waiver.rule) in the system file is ignored: only waivers from reviewed waiver files count",
                        at: waiver.location))
            }
        }
        var waivers: [String: Waiver] = [:]
        var inline: Set<String> = []
        for waiver in own.waivers where options.inlineWaivers && !waiver.rule.isEmpty {
            if let problem = problem(with: waiver, options: options, file: document.file) {
                if problem.severity == .error { waiverProblems.append(problem) } else { warnings.append(problem) }
                continue
            }
            if waivers[waiver.rule] == nil { inline.insert(waiver.rule) }
            waivers[waiver.rule] = waivers[waiver.rule] ?? waiver
        }
        for waiver in options.waivers where (waiver.system == nil || waiver.system == systemID) && !waiver.rule.isEmpty {
            if let problem = problem(with: waiver, options: options, file: document.file) {
                if problem.severity == .error { waiverProblems.append(problem) }
                continue
            }
            waivers[waiver.rule] = waivers[waiver.rule] ?? waiver
        }
        if waiverProblems.containsErrors { return .failure(DiagnosticList(waiverProblems)) }

        let packs = applicablePacks(normalized.root)
        if packs.allSatisfy({ $0.rules.isEmpty && $0.derivations.isEmpty }) {
            return .failure(DiagnosticList([noRules(normalized, packs: packs)]))
        }

        let evaluation = SystemEvaluation(
            engine: self, document: normalized, options: options,
            evidence: EvidenceChecker(root: evidenceRoot, limits: .init(options: options), strings: strings))
        var system = evaluation.run(packs: packs, waivers: waivers)
        // An inline waiver that changes nothing is worth saying: the author may believe it covers them.
        for rule in inline.sorted() {
            guard let waiver = waivers[rule] else { continue }
            let finding = system.findings.first { $0.rule == rule }
            let why: String
            switch finding?.status {
            case .waived?: continue
            case nil: why = strings("diagnostic.waiver.other_jurisdiction")
            case .pass?: why = strings("diagnostic.waiver.passed")
            case .notApplicable?: why = strings("diagnostic.waiver.not_applicable")
            case .upcoming?: why = strings("diagnostic.waiver.not_in_effect")
            case .fail?, .unknown?: why = strings("diagnostic.waiver.not_waived")
            }
            warnings.append(
                .warning(strings("diagnostic.waiver.no_effect", ["rule": rule, "why": why]), at: waiver.location))
        }
        system.warnings = warnings + system.warnings
        return .success(system)
    }

    /// The packs whose jurisdiction the system declares.
    func applicablePacks(_ root: Value) -> [RulePack] {
        let jurisdictions = (root.value(at: ["system", "jurisdictions"])?.listValue ?? []).compactMap(\.stringValue)
        return library.packs.filter { jurisdictions.contains($0.jurisdiction) }
    }

    /// The error for a system that no loaded rule would check: passing it would be a silent pass.
    private func noRules(_ document: Document, packs: [RulePack]) -> Diagnostic {
        let jurisdictions = (document.root.value(at: ["system", "jurisdictions"])?.listValue ?? []).compactMap(\.stringValue)
        let location = document.location(of: [.key("system"), .key("jurisdictions")])
        if !packs.isEmpty {
            return .error(
                "the packs for [\(jurisdictions.joined(separator: ", "))] (\(packs.map(\.id).joined(separator: ", "))) hold no rules; nothing would be checked",
                at: location)
        }
        let loaded = library.packs.map { "\($0.jurisdiction) (\($0.id))" }.joined(separator: ", ")
        return .error(
            "no loaded rule pack applies to jurisdictions [\(jurisdictions.joined(separator: ", "))]; nothing would be checked"
                + " (loaded packs: \(loaded.isEmpty ? "none" : loaded))", at: location)
    }

    /// Checks the waivers shared by every system of a run (`--waivers FILE`) once: an unknown or
    /// non-waivable rule and a waiver longer than `options.maxWaiverDays` are errors, an expired
    /// waiver is a warning. Call it before evaluating; evaluation leaves expired shared waivers out
    /// without repeating the warning for each system.
    public func check(sharedWaivers waivers: [Waiver], options: EvaluationOptions) -> [Diagnostic] {
        waivers.compactMap { problem(with: $0, options: options, file: nil) }
    }

    /// Why a waiver cannot be used, or `nil`: an error (unknown or non-waivable rule, too long) or a
    /// warning (expired).
    private func problem(with waiver: Waiver, options: EvaluationOptions, file: String?) -> Diagnostic? {
        let location = waiver.location ?? file.map { SourceLocation(file: $0, line: 1, column: 1) }
        let rule = library.rule(waiver.rule)
        guard rule != nil || declaredIDs.contains(waiver.rule) else {
            let derivedIDs = library.packs.flatMap(\.derivations).map(\.declaredRuleID)
            return .error(
                "waiver names unknown rule '\(waiver.rule)'"
                    + Suggestion.phrase(for: waiver.rule, in: library.rules.map(\.id) + derivedIDs), at: location)
        }
        if let rule, !rule.waivable {
            return .error("rule \(rule.id) cannot be waived (\(rule.category.rawValue)); remove the waiver", at: location)
        }
        if waiver.expires < options.asOf {
            return .warning(
                strings("diagnostic.waiver.expired", ["rule": waiver.rule, "date": waiver.expires.description]), at: location)
        }
        if let limit = options.maxWaiverDays, waiver.expires.days(since: options.asOf) > limit {
            return .error(
                "waiver of \(waiver.rule) expires on \(waiver.expires), more than \(limit) days after \(options.asOf);"
                    + " the policy allows at most \(limit) days", at: location)
        }
        return nil
    }
}
