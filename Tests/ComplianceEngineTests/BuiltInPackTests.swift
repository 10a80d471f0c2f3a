import Foundation
import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// The built-in packs: loadable, embedded byte for byte, and every rule behaves on its examples.
@Suite struct BuiltInPackTests {
    static let engine: Engine? = try? Engine.builtIn()
    static let rules: [Rule] = engine?.library.rules ?? []

    @Test func builtInPacksLoad() throws {
        let engine = try Engine.builtIn()
        #expect(engine.library.packs.map(\.id) == ["eu-ai-act", "kz-ai-law"])
        #expect(engine.library.rules.count >= 80)
    }

    @Test(arguments: rules.map(\.id))
    func ruleBehavesOnItsExamples(_ id: String) throws {
        let engine = try #require(Self.engine)
        let rule = try #require(engine.library.rule(id))
        #expect(!rule.examples.pass.isEmpty, "\(id) has no pass example")
        #expect(!rule.examples.fail.isEmpty, "\(id) has no fail example")
        #expect(engine.checkExamples([rule]).map(\.description) == [])
    }

    /// Every rule cites an instrument article and carries a basis; prohibitions cannot be waived.
    @Test(arguments: rules.map(\.id))
    func ruleIsCitedHonestly(_ id: String) throws {
        let rule = try #require(Self.engine?.library.rule(id))
        #expect(!rule.citation.article.isEmpty)
        if rule.category == .prohibitedPractice {
            #expect(!rule.waivable && rule.severity == .critical)
        }
        if rule.citation.basis == .interpretation {
            #expect(rule.description != nil, "\(id): interpretation rules say which duty they apply")
        }
    }

    @Test func embeddedCopyEqualsTheRulesFolder() throws {
        let folder = Fixtures.repositoryRoot + "/rules"
        let onDisk = FileSystem.files(under: folder, extensions: ["yaml"]).map { String($0.dropFirst(folder.count + 1)) }
        #expect(BuiltInRules.files.map(\.path).sorted() == onDisk.sorted())
        for file in BuiltInRules.files {
            let bytes = try FileSystem.read(folder + "/" + file.path, limit: 8 << 20)
            #expect(Array(file.text.utf8) == bytes, "rules/\(file.path) differs from the embedded copy")
        }
    }

    @Test func everyCoreFactOfTheDesignIsDeclared() throws {
        let vocabulary = try BuiltInRules.vocabulary()
        let core = [
            "system.id", "system.name", "system.owner.kind", "system.jurisdictions", "system.sectors", "system.lifecycle",
            "purpose.intended_use", "purpose.output", "purpose.affects_rights", "autonomy.level", "autonomy.human_final_decision",
            "risk.level", "risk.disruption_impact", "risk.management.last_review", "capabilities.synthetic_media",
            "capabilities.biometric_identification", "data.special_categories", "data.datasets.optout_respected",
            "transparency.ai_notice.languages", "transparency.synthetic_labels.machine_readable",
            "rights.objection.response_days",
            "oversight.logging.retention_days", "quality.bias_testing.protected_attributes", "documentation.ethics_assessment",
            "audit.trusted_list.listed",
        ]
        for path in core { #expect(vocabulary.fact(at: path) != nil, "\(path) is not declared") }
        #expect(
            vocabulary.fact(at: "system.owner.kind")?.type
                == .enumeration(["state_body", "quasi_state", "private", "individual"]))
        #expect(
            vocabulary.fact(at: "capabilities.biometric_identification")?.type == .enumeration(["none", "post", "real_time"]))
    }
}
