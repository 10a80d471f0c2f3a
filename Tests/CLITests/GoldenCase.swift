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
        return cases
    }()
}
