import Foundation
import Testing

/// End-to-end runs of the `compliance-check` binary compared, whole, with golden transcripts.
///
/// The runs use a fixture pack (`Golden/rules/demo`), not the built-in packs, so editing the
/// Kazakhstan pack does not change them. Regenerate after an intended change with
/// `UPDATE_GOLDEN=1 swift test --filter CLITests`, then review the diff.
@Suite(
    .enabled(
        if: CLIRunner.binary != nil,
        "the compliance-check binary was not found next to the test bundle; run `swift build` first"))
struct GoldenTests {
    static let expected = CLIRunner.repositoryRoot.appendingPathComponent("\(GoldenCase.golden)/expected")
    static let updating = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"

    @Test(arguments: GoldenCase.all)
    func transcript(_ golden: GoldenCase) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cli-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        let arguments = golden.arguments.map { $0.replacing("$TMP", with: scratch.path) }
        let output = try CLIRunner.run(arguments)
        var transcript = "$ compliance-check " + golden.arguments.joined(separator: " ") + "\n"
        transcript += "exit status: \(output.status)\n"
        transcript += Self.section("stdout", output.stdout)
        transcript += Self.section("stderr", output.stderr)
        for file in golden.writes {
            let url = scratch.appendingPathComponent(file)
            let contents =
                FileManager.default.fileExists(atPath: url.path)
                ? String(decoding: try Data(contentsOf: url), as: UTF8.self) : "(not written)\n"
            transcript += Self.section("file $TMP/\(file)", contents)
        }
        transcript = transcript.replacing(scratch.path, with: "$TMP")
        // Outputs should name files relative to the current directory; should an absolute path of
        // the checkout slip in, keep the golden machine-independent (the diff still shows it).
        let roots = Set([CLIRunner.repositoryRoot.path, CLIRunner.repositoryRoot.resolvingSymlinksInPath().path])
        for root in roots.sorted(by: { $0.count > $1.count }) {
            transcript = transcript.replacing(root, with: "<repo>")
        }

        let file = Self.expected.appendingPathComponent("\(golden.name).txt")
        if Self.updating {
            try FileManager.default.createDirectory(at: Self.expected, withIntermediateDirectories: true)
            try Data(transcript.utf8).write(to: file)
            return
        }
        let stored = try #require(
            try? Data(contentsOf: file),
            "no golden file \(GoldenCase.golden)/expected/\(golden.name).txt; run UPDATE_GOLDEN=1 swift test --filter CLITests")
        let expected = String(decoding: stored, as: UTF8.self)
        #expect(
            transcript == expected,
            """
            output differs from \(GoldenCase.golden)/expected/\(golden.name).txt \
            (\(Self.firstDifference(transcript, expected))); if intended, run \
            UPDATE_GOLDEN=1 swift test --filter CLITests and review the diff
            """)
    }

    @Test func everyGoldenFileBelongsToACase() throws {
        let names = Set(GoldenCase.all.map { "\($0.name).txt" })
        let present = (try? FileManager.default.contentsOfDirectory(atPath: Self.expected.path)) ?? []
        let stale = present.filter { !names.contains($0) }.sorted()
        if Self.updating {
            for name in stale { try FileManager.default.removeItem(at: Self.expected.appendingPathComponent(name)) }
            return
        }
        #expect(stale == [], "golden files without a case; remove them or run UPDATE_GOLDEN=1")
    }

    /// `line N: expected "…", got "…"` for the first line that differs.
    private static func firstDifference(_ actual: String, _ expected: String) -> String {
        let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(got.count, want.count) {
            let lhs = index < got.count ? String(got[index]) : "<end>"
            let rhs = index < want.count ? String(want[index]) : "<end>"
            if lhs != rhs { return "line \(index + 1): expected \"\(rhs)\", got \"\(lhs)\"" }
        }
        return "no line differs"
    }

    /// `--- title` then the text; a missing final newline is marked so it is not lost.
    private static func section(_ title: String, _ text: String) -> String {
        var section = "--- \(title)\n" + text
        if !text.isEmpty, !text.hasSuffix("\n") { section += "\n\\ no newline at end\n" }
        return section
    }
}
