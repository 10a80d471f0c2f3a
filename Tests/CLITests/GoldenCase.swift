import Testing

/// One command-line run whose whole output is kept as a golden transcript in
/// `Tests/CLITests/Golden/expected/<name>.txt`.
struct GoldenCase: Sendable, CustomTestStringConvertible {
    /// The transcript's file name, without `.txt`.
    var name: String
    /// Arguments after the binary; `$TMP` stands for a scratch folder of the run.
    var arguments: [String]
    /// Files the run writes into `$TMP`, appended to the transcript.
    var writes: [String] = []

    var testDescription: String { name }

    static let golden = "Tests/CLITests/Golden"
    static let rules = "\(golden)/rules"
    static let passing = "\(golden)/systems/passing.yaml"
    static let failing = "\(golden)/systems/failing.yaml"
    static let invalid = "\(golden)/systems/invalid.yaml"

    /// Options every run shares: only the fixture pack, a fixed date, no colour.
    static let common = ["--no-builtin", "--rules", rules, "--as-of", "2026-11-29", "--no-color"]

    /// Every format at every exit code, plus gate options, usage errors and `--report`.
    static let all: [GoldenCase] = {
        var cases: [GoldenCase] = []
        for format in ["text", "json", "jsonl", "sarif", "junit", "markdown"] {
            cases.append(GoldenCase(name: "\(format)-exit0", arguments: common + ["--format", format, passing]))
            cases.append(GoldenCase(name: "\(format)-exit1", arguments: common + ["--format", format, passing, failing]))
            cases.append(
                GoldenCase(name: "\(format)-exit2", arguments: common + ["--format", format, passing, failing, invalid]))
        }
        cases += [
            GoldenCase(name: "default-format-check-subcommand", arguments: ["check"] + common + [failing]),
            // `--detail full`: every finding with its rule's text, as report/v1 wrote them.
            GoldenCase(name: "json-detail-full", arguments: common + ["--format", "json", "--detail", "full", passing, failing]),
            GoldenCase(
                name: "jsonl-detail-full", arguments: common + ["--format", "jsonl", "--detail", "full", passing, failing]),
            GoldenCase(name: "schema-report-v1", arguments: ["schema", "--report", "--v1"]),
            GoldenCase(name: "junit-unknown-warn", arguments: common + ["--format", "junit", "--unknown", "warn", failing]),
            GoldenCase(
                name: "fail-on-critical-unknown-warn",
                arguments: common + ["--fail-on", "critical", "--unknown", "warn", failing]),
            GoldenCase(name: "folder", arguments: common + ["\(golden)/systems"]),
            GoldenCase(name: "usage-fail-on-bogus", arguments: common + ["--fail-on", "bogus", passing]),
            GoldenCase(name: "usage-report-bogus", arguments: common + ["--report", "pdf=out.pdf", passing]),
            GoldenCase(name: "missing-file", arguments: common + ["\(golden)/systems/does-not-exist.yaml"]),
            GoldenCase(
                name: "report-two-files",
                arguments: common + [
                    "--format", "markdown", "--report", "sarif=$TMP/report.sarif", "--report", "junit=$TMP/report.xml",
                    passing, failing,
                ],
                writes: ["report.sarif", "report.xml"]),
            GoldenCase(
                name: "sarif-root",
                arguments: common + [
                    "--format", "sarif", "--sarif-root", "Tests/CLITests",
                    "./Tests/CLITests/../CLITests/Golden/systems/failing.yaml",
                ]),
            GoldenCase(
                name: "markdown-limit",
                arguments: common + ["--format", "markdown", "--markdown-limit", "2000", passing, failing, invalid]),
        ]
        // A system both packs reach: findings grouped by pack, one fix for related rules.
        let twoPacks = common + ["--rules", "\(golden)/two-packs/rules"]
        for format in ["text", "markdown"] {
            cases.append(
                GoldenCase(
                    name: "two-packs-\(format)", arguments: twoPacks + ["--format", format, "\(golden)/two-packs/kz-eu.yaml"]))
        }
        cases += gateSafety
        cases += exchange
        return cases
    }()

    static let hostile = "Tests/ComplianceEngineTests/Fixtures/hostile"

    /// Gate safety: what a pull request could slip past the gate, or forge in its log.
    static let gateSafety: [GoldenCase] = {
        let names = "\(hostile)/names"
        return [
            // Every spelling of `kind: AISystem` in a folder is checked; the skipped files are listed.
            GoldenCase(
                name: "gate-folder-discovery",
                arguments: common + ["--format", "jsonl", "--verbose", "\(hostile)/discovery"]),
            GoldenCase(name: "gate-duplicate-ids", arguments: common + ["--format", "jsonl", "\(hostile)/duplicate-ids"]),
            // Control characters, forged workflow commands, bidi overrides and mentions stay inert.
            GoldenCase(name: "gate-hostile-text", arguments: common + ["\(names)/terminal-escapes.yaml"]),
            GoldenCase(
                name: "gate-hostile-markdown",
                arguments: common + ["--format", "markdown", "\(names)/terminal-escapes.yaml", "\(names)/no-pack.yaml"]),
            // No pack applies: an error in every format, never a pass.
            GoldenCase(name: "gate-no-pack-sarif", arguments: common + ["--format", "sarif", "\(names)/no-pack.yaml"]),
            GoldenCase(name: "gate-no-pack-junit", arguments: common + ["--format", "junit", "\(names)/no-pack.yaml"]),
            GoldenCase(name: "gate-no-pack-text", arguments: common + ["\(names)/no-pack.yaml"]),
            GoldenCase(name: "gate-init-unknown-jurisdiction", arguments: ["init", "--jurisdiction", "FR"]),
            GoldenCase(name: "gate-lint-no-pack", arguments: ["rules", "lint", "\(golden)/systems/docs"]),
            GoldenCase(name: "gate-evidence-root-empty", arguments: common + ["--evidence-root", "", passing]),
            GoldenCase(name: "gate-evidence-root-file", arguments: common + ["--evidence-root", passing, passing]),
            // The first hour: --report lists the formats, a mistyped command is named, --quiet keeps
            // only failing systems, --color always colours even a file.
            GoldenCase(name: "usage-report-no-file", arguments: common + ["--report", "sarif", passing]),
            GoldenCase(name: "mistyped-command", arguments: ["chek", passing]),
            GoldenCase(name: "quiet-folder", arguments: common + ["--quiet", "\(golden)/systems"]),
            GoldenCase(
                name: "color-always",
                arguments: ["--no-builtin", "--rules", rules, "--as-of", "2026-11-29", "--color", "always", failing]),
            // --verbose says why each rule does not apply, and the text says which URLs were not verified.
            GoldenCase(name: "verbose-reasons", arguments: common + ["--verbose", passing]),
            GoldenCase(name: "gate-jobs-huge", arguments: common + ["--jobs", "1152921504606846976", passing]),
            // A report that cannot be written: the others still are, and the exit is 2.
            GoldenCase(
                name: "gate-report-missing-folder",
                arguments: common + [
                    "--format", "jsonl", "--report", "sarif=$TMP/missing/report.sarif", "--report", "junit=$TMP/report.xml",
                    passing,
                ],
                writes: ["report.xml"]),
            // Waiver policy: inline waivers ignored, a shared waiver for no checked system, too long.
            GoldenCase(
                name: "gate-no-inline-waivers",
                arguments: common + [
                    "--format", "jsonl", "--no-inline-waivers", "--waivers", "\(names)/waivers.yaml",
                    "\(names)/inline-waiver.yaml",
                ]),
            GoldenCase(
                name: "gate-max-waiver-days",
                arguments: common + [
                    "--max-waiver-days", "30", "--waivers", "\(names)/waivers.yaml", "\(names)/inline-waiver.yaml",
                ]),
        ] + languages
    }()

    /// The failing example in Russian and Kazakh in every format, the language of `rules list` and
    /// `rules explain`, and the hint for `--lang kz` (issue 13).
    static let languages: [GoldenCase] = {
        var cases: [GoldenCase] = []
        for language in ["ru", "kk"] {
            for format in ["text", "json", "sarif", "junit", "markdown", "html"] {
                cases.append(
                    GoldenCase(
                        name: "lang-\(language)-\(format)", arguments: common + ["--lang", language, "--format", format, failing])
                )
            }
            let rulesOnly = ["--no-builtin", "--rules", rules, "--lang", language]
            cases.append(GoldenCase(name: "lang-\(language)-rules-list", arguments: ["rules", "list"] + rulesOnly))
            cases.append(
                GoldenCase(name: "lang-\(language)-rules-explain", arguments: ["rules", "explain", "DEMO-16-01"] + rulesOnly))
            cases.append(
                GoldenCase(
                    name: "lang-\(language)-rules-explain-declared",
                    arguments: ["rules", "explain", "DEMO-RISK-LEVEL-DECLARED"] + rulesOnly))
        }
        cases.append(GoldenCase(name: "lang-usage-kz", arguments: common + ["--lang", "kz", failing]))
        cases.append(GoldenCase(name: "lang-rules-test", arguments: ["rules", "test", rules]))
        cases.append(
            GoldenCase(
                name: "lang-kk-questions",
                arguments: ["questions", failing, "--no-builtin", "--rules", rules, "--as-of", "2026-11-29", "--lang", "kk"]))
        for language in ["ru", "kk"] {
            cases.append(
                GoldenCase(
                    name: "lang-\(language)-init",
                    arguments: ["init", "--sector", "healthcare", "--jurisdiction", "KZ", "--lang", language]))
        }
        return cases
    }()
}
