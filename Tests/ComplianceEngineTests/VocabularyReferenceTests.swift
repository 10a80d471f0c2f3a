import Foundation
import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// `docs/system-description.md` is generated from the vocabulary and kept in sync: this test fails
/// when the vocabulary changes and the file is not regenerated (`UPDATE_GOLDEN=1 swift test`, or
/// `compliance-check schema --markdown > docs/system-description.md`).
@Suite struct VocabularyReferenceTests {
    @Test func theCommittedReferenceMatchesTheVocabulary() throws {
        let generated = VocabularyReference.markdown(for: try BuiltInRules.vocabulary())
        let path = Fixtures.repositoryRoot + "/docs/system-description.md"
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(generated.utf8).write(to: URL(fileURLWithPath: path))
            return
        }
        let committed = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        #expect(committed == generated, "docs/system-description.md is stale: regenerate it")
        // Every fact of the vocabulary has its row.
        for fact in try BuiltInRules.vocabulary().facts where fact.parentPath != nil {
            #expect(committed.contains("| `\(fact.path)` |"), "no row for \(fact.path)")
        }
    }
}
