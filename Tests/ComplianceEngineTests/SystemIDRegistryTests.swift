import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// The run's system ids, kept compact: a second file with an id gets the first file's location
/// back (path, line, column), different ids never collide, and each id is kept once.
@Suite struct SystemIDRegistryTests {
    @Test func aRepeatedIDGivesTheFirstLocation() {
        var registry = SystemIDRegistry()
        let first = SourceLocation(file: "registry/Қазақ/ministry-a.yaml", line: 3, column: 7)
        #expect(registry.insert("kz-moh-triage", at: first) == nil)
        #expect(registry.insert("kz-moh-triage-2", at: SourceLocation(file: "b.yaml", line: 3, column: 7)) == nil)
        #expect(registry.insert("kz-moh-triage", at: SourceLocation(file: "c.yaml", line: 9, column: 1)) == first)
        #expect(registry.count == 2)
    }

    @Test func tenThousandIDsStayDistinct() {
        var registry = SystemIDRegistry()
        for number in 0..<10_000 {
            let location = SourceLocation(file: "systems/\(number).yaml", line: number + 1, column: 5)
            #expect(registry.insert("system-\(number)", at: location) == nil)
        }
        #expect(registry.count == 10_000)
        let again = registry.insert("system-4321", at: SourceLocation(file: "x.yaml", line: 1, column: 1))
        #expect(again == SourceLocation(file: "systems/4321.yaml", line: 4322, column: 5))
    }
}
