import Foundation
import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// The gate cannot be slipped past (hostile corpus, `Fixtures/hostile`): every system file in a
/// folder is seen, zero rules is not a pass, evidence stays inside its root, packs cannot switch
/// each other off, pattern work is bounded, waivers say when they do nothing.
@Suite struct GateSafetyTests {
    static let hostile = HostileCorpusTests.folder

    /// How discovery classified every candidate under `folder`, one line each, paths relative to it.
    static func classify(_ folder: String) -> String {
        var lines: [String] = []
        for candidate in SystemDiscovery.candidates(in: [folder]) {
            let name = String(candidate.path.dropFirst(folder.count + 1))
            switch SystemDiscovery.classify(candidate) {
            case .system(let document):
                lines.append("\(name): system \(document.root.value(at: ["system", "id"])?.stringValue ?? "?")")
            case .skipped(let reason): lines.append("\(name): skipped: \(reason)")
            case .invalid(let problems):
                lines.append(problems.description.replacingOccurrences(of: folder + "/", with: ""))
            }
        }
        return lines.joined(separator: "\n")
    }

    static func scratch() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gate-safety-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    // MARK: 1. A folder run sees every system file

    /// Each spelling of `kind: AISystem` is a system (a text match skipped all eight); a misspelt
    /// kind under our apiVersion and a broken file that names us are errors; other YAML is skipped
    /// with its reason.
    @Test func discoveryDecidesByParsing() {
        #expect(
            Self.classify(Self.hostile + "/discovery") == """
                broken-system.yaml:5:1: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at \
                line 4, column 30)
                helm-template.yaml: skipped: not a YAML document we can read (a mapping key must be a plain string, not a list, \
                mapping or alias)
                kind-anchor.yaml: system d-anchor
                kind-cr-only.yaml: system d-cr-only
                kind-double-quoted.yaml: system d-double-quoted
                kind-explicit-key.yaml: system d-explicit-key
                kind-misspelt.yaml:3:7: error: expected kind 'AISystem', found 'AiSystem'
                kind-quoted-key.yaml: system d-quoted-key
                kind-single-quoted.yaml: system d-single-quoted
                kind-tab.yaml: system d-tab
                kind-tag.yaml: system d-tag
                no-api-version.yaml: skipped: no 'apiVersion: compliance-check/v1' and no 'kind: AISystem'
                other-kind.yaml: skipped: kind 'Deployment' is not AISystem
                """)
    }

    /// A file that cannot be read is an error with its path, never a skip: over the size limit, a
    /// path longer than PATH_MAX, a pipe named `*.yaml`. A name that is not UTF-8 is still found and
    /// shown with escapes. (Permission errors cannot be produced for root, which runs CI.)
    @Test func unreadableFilesAreErrors() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let system = Fixtures.system("").replacingOccurrences(of: "id: demo", with: "id: raw-name")
        // A file name with the byte 0xFF (not UTF-8), written through its bytes.
        let rawName = Array((folder + "/bad-").utf8) + [0xFF] + Array(".yaml".utf8)
        let descriptor = open(rawName.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(descriptor >= 0)
        _ = Array(system.utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        try Data(repeating: UInt8(ascii: "#"), count: 8 << 20 + 1).write(to: URL(fileURLWithPath: folder + "/huge.yaml"))
        #expect(mkfifo(folder + "/pipe.yaml", 0o644) == 0)
        var deep = folder
        while deep.utf8.count < 4200 {
            deep += "/" + String(repeating: "d", count: 200)
            #expect(mkdir(deep, 0o755) == 0 || errno == ENAMETOOLONG)
        }
        #expect(
            Self.classify(folder) == """
                bad-\\xFF.yaml: system raw-name
                huge.yaml:1:1: error: file is larger than the limit of 8388608 bytes
                pipe.yaml:1:1: error: is not a regular file
                """)
        // Named directly, a path over PATH_MAX is an error naming it.
        let long = String(repeating: "x/", count: 2100) + "s.yaml"
        guard case .invalid(let problems) = SystemDiscovery.classify(.init(path: long)) else {
            Issue.record("a path over PATH_MAX was not refused")
            return
        }
        #expect(problems.description == "\(long):1:1: error: cannot be read: the path is too long")
    }

    /// A file reached twice (named, and inside a named folder) is evaluated once.
    @Test func aFileReachedTwiceComesOnce() {
        let folder = Self.hostile + "/discovery"
        let paths = SystemDiscovery.candidates(in: [folder + "/kind-tab.yaml", folder, folder + "/kind-tab.yaml"]).map(\.path)
        #expect(paths.count == 13)
        #expect(paths.first == folder + "/kind-tab.yaml")
        #expect(paths.filter { $0.hasSuffix("kind-tab.yaml") }.count == 1)
    }

    // MARK: 2. Zero rules is not a pass

    @Test func noPackForTheJurisdictionIsAnError() throws {
        let yaml = Fixtures.system("").replacingOccurrences(of: "jurisdictions: [KZ]", with: "jurisdictions: [FR]")
        let result = try Fixtures.evaluate(yaml)
        #expect(
            HostileCorpusTests.refusal(result) == """
                system.yaml:6:18: error: no loaded rule pack applies to jurisdictions [FR]; nothing would be checked \
                (loaded packs: KZ (test-pack))
                """)
    }

    @Test func aPackWithNoRulesIsAnError() throws {
        let library = try Fixtures.library([
            (
                "empty/pack.yaml",
                """
                apiVersion: compliance-check/v1
                kind: RulePack
                id: empty
                namespace: empty
                title: No rules
                jurisdiction: KZ
                version: 0.0.1
                instruments: [{id: law, title: A law, effective: 2026-01-01}]
                """
            )
        ])
        let result = try Engine(library: library).evaluate(
            Fixtures.document(Fixtures.system("")), options: EvaluationOptions(asOf: Fixtures.asOf), evidenceRoot: nil)
        #expect(
            HostileCorpusTests.refusal(result)
                == "system.yaml:6:18: error: the packs for [KZ] (empty) hold no rules; nothing would be checked")
    }

    // MARK: 5. Evidence stays inside its root

    /// An evidence root with links: a link inside the root to a file inside it resolves; a link
    /// out of the root, a link to a folder out of it, and `..` through a link to a folder are refused.
    static func linkedRoot() throws -> String {
        let root = try scratch()
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/docs/inner", withIntermediateDirectories: true)
        try Data("procedure\n".utf8).write(to: URL(fileURLWithPath: root + "/docs/procedure.md"))
        try manager.createSymbolicLink(atPath: root + "/docs/alias.md", withDestinationPath: "procedure.md")
        try manager.createSymbolicLink(atPath: root + "/docs/up.md", withDestinationPath: "inner/../procedure.md")
        try manager.createSymbolicLink(atPath: root + "/docs/passwd.md", withDestinationPath: "/etc/passwd")
        try manager.createSymbolicLink(atPath: root + "/etc", withDestinationPath: "/etc")
        try manager.createSymbolicLink(atPath: root + "/docs/sneaky", withDestinationPath: "../..")
        try manager.createSymbolicLink(atPath: root + "/docs/loop", withDestinationPath: "loop")
        return root
    }

    static func note(_ file: String, root: String, sha256: String? = nil, limits: EvidenceChecker.Limits = .init())
        -> String
    {
        let value: Value = sha256.map { ["file": .string(file), "sha256": .string($0)] } ?? ["file": .string(file)]
        let checker = EvidenceChecker(root: root, limits: limits)
        let result = checker.check(value, options: EvidenceOptions(), asOf: Fixtures.asOf)
        return "\(result.truth): \(result.note ?? "-")"
    }

    @Test func linksAreResolvedInsideTheRootOnly() throws {
        let root = try Self.linkedRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(Self.note("docs/alias.md", root: root) == "true: -")
        #expect(Self.note("docs/up.md", root: root) == "true: -")
        #expect(
            Self.note("docs/passwd.md", root: root) == "false: docs/passwd.md resolves outside the evidence root (symbolic link)")
        #expect(Self.note("etc/passwd", root: root) == "false: etc/passwd resolves outside the evidence root (symbolic link)")
        #expect(
            Self.note("docs/sneaky/etc/passwd", root: root)
                == "false: docs/sneaky/etc/passwd resolves outside the evidence root (symbolic link)")
        #expect(Self.note("docs/loop", root: root) == "false: docs/loop cannot be resolved (too many symbolic links)")
        #expect(Self.note("docs/inner", root: root) == "false: docs/inner is not a regular file")
    }

    /// Over the per-file cap the hash check is unknown, never a pass; within it, the hash is read
    /// once per run however many systems or entries list the file.
    @Test func hashingIsCappedAndCached() throws {
        let root = try Self.linkedRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let digest = EvidenceChecker.sha256(ofFile: root + "/docs/procedure.md") ?? ""
        var limits = EvidenceChecker.Limits()
        limits.maxBytesPerFile = 4
        #expect(
            Self.note("docs/procedure.md", root: root, sha256: digest, limits: limits)
                == "unknown: docs/procedure.md is 10 bytes, over the 4 bytes hashed per file; its hash was not checked")
        limits.maxBytesPerFile = 100
        limits.maxBytesPerSystem = 15
        let checker = EvidenceChecker(root: root, limits: limits)
        func check(_ file: String) -> String {
            let value: Value = ["file": .string(file), "sha256": .string(digest)]
            let result = checker.check(value, options: EvidenceOptions(), asOf: Fixtures.asOf)
            return "\(result.truth): \(result.note ?? "-")"
        }
        // The same file through three names is charged once (10 bytes), so all pass the 15-byte budget.
        #expect(check("docs/procedure.md") == "true: -")
        #expect(check("docs/alias.md") == "true: -")
        #expect(check("./docs/up.md") == "true: -")
        #expect(limits.cache.count == 1)
    }

    /// Each evidence path is walked once per run: the systems after the first that list it reuse
    /// what the walk found (a regular file and its hash, or why it failed), with the same words.
    @Test func eachEvidencePathIsOpenedOncePerRun() throws {
        let root = try Self.linkedRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let digest = EvidenceChecker.sha256(ofFile: root + "/docs/procedure.md") ?? ""
        let limits = EvidenceChecker.Limits()
        var notes: [String] = []
        for _ in 0..<3 {
            // A new checker per system, sharing the run's cache, as the engine makes them.
            let checker = EvidenceChecker(root: root, limits: limits)
            for value: Value in [
                ["file": "docs/procedure.md", "sha256": .string(digest)], "docs/missing.md", "docs/procedure.md",
            ] {
                let result = checker.check(value, options: EvidenceOptions(), asOf: Fixtures.asOf)
                notes.append("\(result.truth): \(result.note ?? "-")")
            }
        }
        #expect(limits.cache.probeCount == 2)
        #expect(limits.cache.count == 1)
        let perSystem = ["true: -", "false: missing file docs/missing.md in \(root)", "true: -"]
        #expect(notes == perSystem + perSystem + perSystem)
    }

    /// The remembered paths are bounded: past the limit they are forgotten and walked again, with
    /// the same outcomes.
    @Test func rememberedEvidencePathsAreBounded() throws {
        let root = try Self.linkedRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var limits = EvidenceChecker.Limits()
        limits.cache = EvidenceCache(probeLimit: 2)
        var notes: [String] = []
        for file in ["docs/procedure.md", "docs/alias.md", "docs/missing.md", "docs/procedure.md", "./docs/up.md"] {
            let result = EvidenceChecker(root: root, limits: limits).check(
                .string(file), options: EvidenceOptions(), asOf: Fixtures.asOf)
            notes.append("\(result.truth): \(result.note ?? "-")")
            #expect(limits.cache.probeCount <= 2)
        }
        #expect(notes == ["true: -", "true: -", "false: missing file docs/missing.md in \(root)", "true: -", "true: -"])
    }

    /// The host of an evidence URL, as the check for a missing host reads it.
    @Test func urlHosts() {
        let hosts = [
            "https://example.kz/a.pdf", "https://user@example.kz:8443/x", "https://a@b@host?q=1", "https:///notice.png",
            "https://host#frag", "no scheme", "https://host:",
        ].map { String(SystemValidator.urlHost($0)) }
        #expect(hosts == ["example.kz", "example.kz", "host", "", "host", "", "host"])
    }

    /// A NUL in an evidence path and an https URL without a host are validation errors.
    @Test func evidenceReferencesAreValidated() throws {
        let yaml = Fixtures.system(
            """
            transparency:
              system_card: "docs/card.md\\0.pdf"
              ai_notice: {provided: true, evidence: "https:///notice.png"}
            """)
        #expect(
            HostileCorpusTests.refusal(try Fixtures.evaluate(yaml)) == """
                system.yaml:11:16: error: transparency.system_card: evidence contains a NUL character, which would cut the path \
                short
                system.yaml:12:41: error: transparency.ai_notice.evidence: evidence URL 'https:///notice.png' has no host
                """)
    }

    // MARK: 6. Packs cannot switch off other packs

    static let hostilePacks = HostileCorpusTests.folder + "/packs"

    @Test func aSecondPackWithTheSameNamespaceIsRefused() throws {
        let result = Result { () throws(DiagnosticList) in
            try RuleLibrary.load([.builtIn, try RuleSource.directory(Self.hostilePacks + "/namespace-kz")])
        }
        guard case .failure(let problems) = result else {
            Issue.record("a pack reusing namespace 'kz' was loaded")
            return
        }
        #expect(
            problems.description.replacingOccurrences(of: Self.hostilePacks + "/", with: "") == """
                namespace-kz/shadow/pack.yaml:3:1: error: namespace 'kz' is already used by another pack; each pack needs its \
                own, or its derived facts would replace the other's
                rules/kz/pack.yaml:4:1: note: first used here
                """)
    }

    @Test func aDerivedFindingIDCollisionIsRefused() throws {
        let result = Result { () throws(DiagnosticList) in
            try RuleLibrary.load([.builtIn, try RuleSource.directory(Self.hostilePacks + "/derived-id-collision")])
        }
        guard case .failure(let problems) = result else {
            Issue.record("a derivation whose finding id is KZ-RISK-LEVEL-DECLARED was loaded")
            return
        }
        #expect(
            problems.description.replacingOccurrences(of: Self.hostilePacks + "/", with: "") == """
                derived-id-collision/shadow/pack.yaml:3:1: error: the derived finding id 'KZ-RISK-LEVEL-DECLARED' of \
                'kz_risk.level' is already used
                rules/kz/pack.yaml:4:1: note: first defined here
                """)
    }

    /// `not: {matches: …}` cannot pass by padding the input past the cap: the match is unknown.
    @Test func paddingCannotNegateAMatch() throws {
        let engine = try HostileCorpusTests.packEngine("regex-negated")
        #expect(try HostileCorpusTests.statuses(engine, name: "Harmless") == ["H-NEG-01 pass"])
        #expect(try HostileCorpusTests.statuses(engine, name: "Forbidden") == ["H-NEG-01 fail"])
        let padded = "Forbidden" + String(repeating: "x", count: 10_000)
        #expect(try HostileCorpusTests.statuses(engine, name: padded) == ["H-NEG-01 unknown"])
    }

    /// Pattern work over the per-rule budget is unknown with the reason.
    @Test func matchBudget() {
        let budget = MatchBudget()
        #expect(budget.spend(3_000_000) == "the match would take 3000000 steps, over the 2000000 allowed per match")
        for _ in 0..<5 { #expect(budget.spend(2_000_000) == nil) }
        #expect(budget.spend(1) == "over the 10000000 pattern-matching steps allowed per rule")
        budget.startRule()
        #expect(budget.spend(1) == nil)
    }

    // MARK: 7. Waivers say when they do nothing

    static func waiver(_ rule: String, system: String? = nil, expires: String = "2026-09-30", line: Int) -> Waiver {
        Waiver(
            rule: rule, reason: "r", approvedBy: "a", expires: Fixtures.date(expires), system: system,
            location: SourceLocation(file: "waivers.yaml", line: line, column: 5))
    }

    @Test func sharedWaiversAreCheckedOnceAndReportedOnce() throws {
        let engine = try Fixtures.engine()
        var options = EvaluationOptions(asOf: Fixtures.asOf)
        options.maxWaiverDays = 180
        let shared = [
            Self.waiver("T-NOTICE", expires: "2026-01-31", line: 1),
            Self.waiver("T-NOTICE", expires: "2027-06-01", line: 2),
            Self.waiver("T-NOTICE", system: "nobody", line: 3),
            Self.waiver("T-NOTICE", line: 4),
        ]
        #expect(
            engine.check(sharedWaivers: shared, options: options).map(\.description) == [
                "waivers.yaml:1:5: warning: waiver of T-NOTICE expired on 2026-01-31 and is ignored",
                "waivers.yaml:2:5: error: waiver of T-NOTICE expires on 2027-06-01, more than 180 days after 2026-06-01;"
                    + " the policy allows at most 180 days",
            ])
        options.waivers = [shared[2], shared[3]]
        var ledger = WaiverLedger(options.waivers, asOf: options.asOf)
        // Two systems that pass the notice rule: the waiver waives nothing, said once for the run.
        for id in ["one", "two"] {
            let yaml = Fixtures.system("capabilities: {interacts_with_people: true}\ntransparency: {ai_notice: {provided: true}}")
                .replacingOccurrences(of: "id: demo", with: "id: \(id)")
            let report = try Fixtures.evaluate(yaml, options: options).get()
            #expect(report.warnings.isEmpty)
            ledger.record(report)
        }
        #expect(
            ledger.diagnostics().map(\.description) == [
                "waivers.yaml:3:5: warning: waiver of T-NOTICE for system 'nobody' matches no checked system",
                "waivers.yaml:4:5: warning: waiver of T-NOTICE had no effect on any checked system: the rule passed, did"
                    + " not apply, or is not in effect yet",
            ])
    }

    @Test func inlineWaiversThatDoNothingAreReported() throws {
        let yaml = Fixtures.system(
            """
            capabilities: {interacts_with_people: true}
            transparency: {ai_notice: {provided: true}}
            waivers:
              - {rule: T-NOTICE, reason: r, approved_by: a, expires: 2026-12-31}
            """)
        let report = try Fixtures.evaluate(yaml).get()
        let warnings = report.warnings.map(\.description)
        #expect(warnings == ["system.yaml:13:5: warning: waiver of T-NOTICE has no effect: the rule passed"])
    }

    @Test func inlineWaiversCanBeSwitchedOff() throws {
        let yaml = Fixtures.system(
            """
            capabilities: {interacts_with_people: true}
            transparency: {ai_notice: {provided: false}}
            waivers:
              - {rule: T-NOTICE, reason: r, approved_by: a, expires: 2026-12-31}
            """)
        var options = EvaluationOptions(asOf: Fixtures.asOf)
        options.inlineWaivers = false
        let result = try Fixtures.evaluate(yaml, options: options)
        #expect(try Fixtures.finding("T-NOTICE", in: result).status == .fail)
        #expect(
            try result.get().warnings.map(\.description) == [
                "system.yaml:13:5: warning: waiver of T-NOTICE in the system file is ignored: only waivers from reviewed"
                    + " waiver files count"
            ])
    }
}

/// What the text report says about evidence (issue: the first hour, item 12).
@Suite struct EvidenceWordingTests {
    @Test func unverifiedURLsAreNamedAndFailuresSayWhatIsWrong() throws {
        let yaml = Fixtures.system(
            """
            risk:
              management:
                procedure: {url: "https://example.kz/procedure.pdf", date: 2026-05-01}
            """)
        let report = try Fixtures.evaluate(yaml).get()
        let text = TextReporter.render(report, report: try Fixtures.engineReport(), style: .init())
        #expect(
            text.contains(
                "  note: evidence URL(s) declared, not verified: risk.management.procedure (T-PROCEDURE)\n"))
        let missing = try Fixtures.evaluate(
            Fixtures.system("risk:\n  management:\n    procedure: {file: docs/none.md, date: 2026-05-01}"),
            evidenceRoot: Fixtures.repositoryRoot + "/Tests/CLITests/Golden/systems"
        ).get()
        let failed = TextReporter.render(missing, report: try Fixtures.engineReport(), style: .init())
        #expect(
            failed.contains(
                "    fact: risk.management.procedure: missing file docs/none.md in \(Fixtures.repositoryRoot)/Tests/CLITests/Golden/systems\n"
            ))
    }
}
