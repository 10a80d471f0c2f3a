import Foundation
import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// Findings and their facts write their own JSON (no `Codable` boxes on the report's hot path).
/// Their `Encodable` conformance for any other encoder goes through that same writing, and their
/// locations are written as `SourceLocation`'s own encoding writes them.
@Suite struct JSONTextEncoderTests {
    /// Every finding of an example with failing, waived, unknown and passing findings.
    static func findings() throws -> [Finding] {
        let engine = try Engine.builtIn()
        let options = EvaluationOptions(asOf: try #require(CalendarDate("2026-11-29")))
        let path = Fixtures.repositoryRoot + "/examples/healthcare/xray-triage.yaml"
        return try engine.evaluate(file: path, options: options).get().findings
    }

    @Test func theDecoderReadsBackEveryWrittenFinding() throws {
        let findings = try Self.findings()
        #expect(Set(findings.map(\.status)).count >= 3)
        for finding in findings {
            let text = try JSONTextEncoder.encode(finding, pretty: false)
            #expect(try JSONTreeDecoder.decode(Finding.self, from: try JSONParser.parse(text)) == finding, "\(text)")
        }
    }

    /// Foundation's encoder does not keep key order (so a mapping fact value would come back
    /// reordered): compare with keys sorted.
    @Test func foundationAndOurEncoderWriteTheSameObjects() throws {
        for finding in try Self.findings() {
            let ours = try JSONParser.parse(try JSONTextEncoder.encode(finding, pretty: false))
            let data = try JSONEncoder().encode(finding)
            let theirs = try JSONParser.parse(String(decoding: data, as: UTF8.self))
            #expect(Self.sorted(ours) == Self.sorted(theirs), "\(finding.rule)")
        }
    }

    @Test func aFactsLocationIsWrittenAsSourceLocationEncodesItself() throws {
        let facts = try Self.findings().flatMap(\.facts)
        #expect(!facts.isEmpty)
        for fact in facts {
            guard case .object(let fields) = try JSONParser.parse(try JSONTextEncoder.encode(fact, pretty: false)),
                let location = fields.first(where: { $0.0 == "location" })?.1
            else {
                Issue.record("no location in \(fact.path)")
                continue
            }
            let own = try JSONParser.parse(try JSONTextEncoder.encode(fact.location, pretty: false))
            #expect(location.rendered(pretty: false) == own.rendered(pretty: false))
        }
    }

    /// Objects with their keys sorted, so that two encoders' key orders compare equal.
    static func sorted(_ json: JSON) -> JSON {
        switch json {
        case .array(let elements): .array(elements.map(sorted))
        case .object(let entries): .object(entries.sorted { $0.0 < $1.0 }.map { ($0.0, sorted($0.1)) })
        default: json
        }
    }
}
