import Foundation
import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// Evidence checks of DESIGN §4.3, each with its exact reason.
@Suite struct EvidenceTests {
    /// A fresh evidence root with `docs/procedure.md` (known content) and a sibling file outside it.
    static func makeRoot() throws -> (root: String, outside: String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("cc-evidence-\(UUID().uuidString)")
        let root = base.appendingPathComponent("root")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("docs"), withIntermediateDirectories: true)
        try Data("risk procedure\n".utf8).write(to: root.appendingPathComponent("docs/procedure.md"))
        try Data("secret\n".utf8).write(to: base.appendingPathComponent("outside.md"))
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("docs/link.md").path,
            withDestinationPath: base.appendingPathComponent("outside.md").path)
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("docs/folder.md"), withIntermediateDirectories: true)
        return (root.path, base.appendingPathComponent("outside.md").path)
    }

    func check(_ evidence: Value, options: EvidenceOptions = EvidenceOptions(), root: String?) -> EvidenceChecker.Result {
        EvidenceChecker(root: root).check(evidence, options: options, asOf: Fixtures.asOf)
    }

    @Test func existingFilePasses() throws {
        let root = try Self.makeRoot().root
        let result = check("docs/procedure.md", root: root)
        #expect(result.passed && result.note == nil)
    }

    @Test func matchingHashPasses() throws {
        let root = try Self.makeRoot().root
        let actual = try #require(EvidenceChecker.sha256(ofFile: root + "/docs/procedure.md"))
        #expect(actual.count == 64)
        #expect(check(["file": "docs/procedure.md", "sha256": .string(actual)], root: root).passed)
    }

    @Test func missingFile() throws {
        let root = try Self.makeRoot().root
        let result = check("docs/nothing.md", root: root)
        #expect(!result.passed)
        #expect(result.note == "missing file docs/nothing.md in \(root)")
    }

    @Test func dotDotEscape() throws {
        let root = try Self.makeRoot().root
        let result = check("../outside.md", root: root)
        #expect(!result.passed)
        #expect(result.note == "path ../outside.md escapes the evidence root with '..'")
    }

    @Test func absolutePath() throws {
        let (root, outside) = try Self.makeRoot()
        let result = check(.string(outside), root: root)
        #expect(result.note == "absolute path \(outside) is outside the evidence root")
    }

    @Test func symlinkEscape() throws {
        let root = try Self.makeRoot().root
        let result = check("docs/link.md", root: root)
        #expect(!result.passed)
        #expect(result.note == "docs/link.md resolves outside the evidence root (symbolic link)")
    }

    @Test func directoryIsNotEvidence() throws {
        let root = try Self.makeRoot().root
        #expect(check("docs/folder.md", root: root).note == "docs/folder.md is not a regular file")
    }

    @Test func hashMismatch() throws {
        let root = try Self.makeRoot().root
        let wrong = String(repeating: "0", count: 64)
        let actual = EvidenceChecker.sha256(ofFile: root + "/docs/procedure.md") ?? ""
        let result = check(["file": "docs/procedure.md", "sha256": .string(wrong)], root: root)
        #expect(!result.passed)
        // Only the first 12 hex digits: a mismatch must not reveal the digest of a file the author cannot read.
        #expect(
            result.note == "hash mismatch for docs/procedure.md: sha256 is \(actual.prefix(12))…, expected 000000000000…")
    }

    @Test func stale() throws {
        let root = try Self.makeRoot().root
        let result = check(
            ["file": "docs/procedure.md", "date": .date(Fixtures.date("2025-01-01"))], options: EvidenceOptions(maxAgeDays: 365),
            root: root)
        #expect(result.note == "stale: dated 2025-01-01, more than 365 days before 2026-06-01")
    }

    @Test func undatedWhenAgeIsRequired() throws {
        let root = try Self.makeRoot().root
        let result = check("docs/procedure.md", options: EvidenceOptions(maxAgeDays: 30), root: root)
        #expect(result.note == "no date given; add 'date: YYYY-MM-DD' to the evidence")
    }

    @Test func expired() throws {
        let root = try Self.makeRoot().root
        let result = check(["file": "docs/procedure.md", "expires": .date(Fixtures.date("2026-05-31"))], root: root)
        #expect(result.note == "expired on 2026-05-31")
    }

    @Test func urlIsDeclaredButNotVerified() {
        let result = check("https://example.org/report.pdf", root: nil)
        #expect(result.passed)
        #expect(result.note == "URL https://example.org/report.pdf declared, not verified")
    }

    @Test func theReportNamesTheReason() throws {
        let (root, _) = try Self.makeRoot()
        let yaml = Fixtures.system(
            """
            risk:
              management:
                procedure: {file: ../outside.md, date: 2026-01-01}
            """)
        let finding = try Fixtures.finding("T-PROCEDURE", in: Fixtures.evaluate(yaml, evidenceRoot: root))
        #expect(finding.status == .fail)
        #expect(finding.facts.map(\.note) == ["path ../outside.md escapes the evidence root with '..'"])
        #expect(finding.facts.map(\.location.description) == ["system.yaml:12:16"])
    }
}
