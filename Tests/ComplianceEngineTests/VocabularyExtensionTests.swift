import Foundation
import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// A library user adds facts to the built-in vocabulary with `vocabulary-extension.yaml` beside
/// their own pack, instead of replacing the vocabulary (the first hour, item 8).
@Suite struct VocabularyExtensionTests {
    static let extensionFile = """
        apiVersion: compliance-check/v1
        kind: Vocabulary
        facts:
          - path: company
            type: object
            meaning: Facts of our own company policy.
          - path: company.review_board_approved
            type: bool
            meaning: The company's AI review board approved the system.
        """

    static let pack = """
        apiVersion: compliance-check/v1
        kind: RulePack
        id: company-policy
        namespace: company
        title: Company AI policy
        jurisdiction: KZ
        version: 1.0.0
        instruments:
          - {id: policy, title: Company AI policy, effective: 2026-01-01}
        """

    static let rules = """
        apiVersion: compliance-check/v1
        kind: RuleSet
        sector: all
        rules:
          - id: CO-1
            title: The review board approved the system
            category: documentation
            severity: medium
            citation: {instrument: policy, article: "1", basis: statute}
            require: {company.review_board_approved: true}
            message: The review board has not approved the system.
            remediation: Ask the review board for approval.
            examples:
              pass: [{company: {review_board_approved: true}}]
              fail: [{company: {review_board_approved: false}}]
        """

    static func source(_ extensionText: String) -> RuleSource {
        RuleSource(files: [
            .init(
                displayName: "ours/vocabulary-extension.yaml", relativePath: "vocabulary-extension.yaml",
                bytes: Array(extensionText.utf8)),
            .init(displayName: "ours/company/pack.yaml", relativePath: "company/pack.yaml", bytes: Array(pack.utf8)),
            .init(displayName: "ours/company/all.yaml", relativePath: "company/all.yaml", bytes: Array(rules.utf8)),
        ])
    }

    @Test func extensionFactsAreAddedToTheBuiltInVocabulary() throws {
        let library = try RuleLibrary.load([.builtIn, Self.source(Self.extensionFile)])
        #expect(library.packs.map(\.id) == ["eu-ai-act", "kz-ai-law", "company-policy"])
        #expect(library.vocabulary.fact(at: "company.review_board_approved")?.type == .bool)
        #expect(library.vocabulary.fact(at: "system.id") != nil)
        let yaml = Fixtures.system("company: {review_board_approved: false}", sectors: "[other]")
        let report = try Engine(library: library).evaluate(
            Fixtures.document(yaml), options: EvaluationOptions(asOf: Fixtures.asOf), evidenceRoot: nil
        ).get()
        #expect(report.findings.first { $0.rule == "CO-1" }?.status == .fail)
        #expect(report.warnings.isEmpty)
    }

    @Test func aFactTheBaseDeclaresIsAnError() throws {
        let clash = Self.extensionFile + "\n  - {path: system.id, type: string, meaning: Ours.}\n"
        let result = Result { () throws(DiagnosticList) in try RuleLibrary.load([.builtIn, Self.source(clash)]) }
        guard case .failure(let problems) = result else {
            Issue.record("a fact declared twice was accepted")
            return
        }
        #expect(problems.diagnostics.first?.message == "fact 'system.id' is declared twice")
        #expect(problems.diagnostics.first?.location?.file == "ours/vocabulary-extension.yaml")
        #expect(problems.diagnostics.first?.notes.first?.location?.file == "rules/vocabulary.yaml")
    }
}
