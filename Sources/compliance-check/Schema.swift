import ArgumentParser
import ComplianceEngine
import ComplianceRules

/// `compliance-check schema`: the JSON Schema of a system description.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (draft 2020-12) of a system description, built from the fact vocabulary.",
        discussion: "Save it beside your system files, e.g. compliance-check schema > compliance-check.schema.json")

    @OptionGroup var rules: RuleOptions

    func run() throws {
        try Output.out(SchemaGenerator.jsonSchema(for: try rules.engine().library.vocabulary))
    }
}
