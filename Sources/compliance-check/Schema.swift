import ArgumentParser
import ComplianceEngine
import ComplianceRules

/// `compliance-check schema`: the JSON Schema of a system description, or of the JSON report.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of a system description, built from the fact vocabulary.",
        discussion: """
            Save it beside your system files, e.g. compliance-check schema > compliance-check.schema.json, and name it \
            in a modeline: # yaml-language-server: $schema=compliance-check.schema.json
            """)

    @OptionGroup var rules: RuleOptions

    @Flag(help: "Forbid unknown keys, as check --strict does (by default they are allowed: check warns about them).")
    var strict = false

    @Flag(help: "Print the schema of the JSON report (compliance-check/report/v2) instead.")
    var report = false

    @Flag(help: "With --report: the schema of the previous JSON report, compliance-check/report/v1 (every finding in full).")
    var v1 = false

    @Flag(help: "Print the system-description reference (Markdown, as docs/system-description.md) instead.")
    var markdown = false

    func validate() throws {
        if report, strict { throw ValidationError("--strict applies to the system description schema, not --report") }
        if markdown, report || strict { throw ValidationError("--markdown takes neither --report nor --strict") }
        if v1, !report { throw ValidationError("--v1 applies to the report schema: use schema --report --v1") }
    }

    func run() throws {
        if report {
            try Output.out(v1 ? ReportSchema.jsonSchemaV1 : ReportSchema.jsonSchema)
            return
        }
        if markdown {
            try Output.out(VocabularyReference.markdown(for: try rules.engine().library.vocabulary))
            return
        }
        try Output.out(SchemaGenerator.jsonSchema(for: try rules.engine().library.vocabulary, strict: strict))
    }
}
