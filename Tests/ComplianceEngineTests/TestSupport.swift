import Foundation
import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// Shared helpers of the engine tests.
enum Fixtures {
    /// The repository root, found from this file's path.
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let fixtureRules = repositoryRoot + "/Tests/ComplianceEngineTests/Fixtures/rules"

    static let asOf = date("2026-06-01")

    static func date(_ text: String) -> CalendarDate {
        CalendarDate(text) ?? CalendarDate(year: 1970, month: 1, day: 1) ?? asOf
    }

    /// The test pack (with the built-in vocabulary).
    static func engine() throws -> Engine {
        try Engine(library: RuleLibrary.load([RuleSource.directory(fixtureRules)]))
    }

    /// A library from in-memory files: `[(relative path, text)]`.
    static func library(_ files: [(String, String)]) throws(DiagnosticList) -> RuleLibrary {
        let source = RuleSource(
            files: files.map { RuleSource.File(displayName: $0.0, relativePath: $0.0, bytes: Array($0.1.utf8)) })
        return try RuleLibrary.load([source])
    }

    /// Parses YAML text into a document named `file`.
    static func document(_ yaml: String, file: String = "system.yaml") throws -> Document {
        try YAMLReader().read(yaml, file: file)
    }

    /// A minimal valid system header; `body` is appended (top-level keys).
    static func system(_ body: String, sectors: String = "[education]") -> String {
        """
        apiVersion: compliance-check/v1
        kind: AISystem
        system:
          id: demo
          name: Demo
          jurisdictions: [KZ]
          sectors: \(sectors)
        purpose:
          intended_use: Testing.

        """ + body
    }

    /// Evaluates YAML text with the test pack.
    static func evaluate(
        _ yaml: String, options: EvaluationOptions = EvaluationOptions(asOf: asOf), evidenceRoot: String? = nil
    ) throws -> Result<SystemReport, DiagnosticList> {
        try engine().evaluate(document(yaml), options: options, evidenceRoot: evidenceRoot)
    }

    /// An empty report of the test pack, for rendering single systems.
    static func engineReport() throws -> Report {
        try engine().report([], asOf: asOf)
    }

    /// The finding of `rule` in a successful evaluation.
    static func finding(_ rule: String, in result: Result<SystemReport, DiagnosticList>) throws -> Finding {
        let report = try result.get()
        return try #require(report.findings.first { $0.rule == rule })
    }
}
