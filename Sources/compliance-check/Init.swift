import ArgumentParser
import ComplianceEngine
import ComplianceRules
import Foundation

/// `compliance-check init`: a commented system description to fill in, from the vocabulary.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented system description template built from the fact vocabulary.",
        discussion: "Required facts hold example values; optional facts are left empty (undeclared) with their meaning and law.")

    @Option(
        name: .customLong("sector"), help: ArgumentHelp("A sector the system is used in (repeatable).", valueName: "S"),
        completion: .list(["governance", "social_policy", "education", "healthcare", "other"]))
    var sectors: [String] = []

    @Option(
        name: .customLong("jurisdiction"),
        help: ArgumentHelp("Where the system is used: ISO 3166-1 alpha-2 code, or EU (repeatable).", valueName: "J"),
        completion: .list(["KZ", "EU"]))
    var jurisdictions: [String] = []

    @Option(
        name: .shortAndLong, help: ArgumentHelp("Write the template to FILE instead of stdout.", valueName: "FILE"),
        completion: .file(extensions: ["yaml", "yml"]))
    var output: String?

    @Flag(help: "Overwrite the --output file if it exists.")
    var force = false

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let engine = try rules.engine()
        let vocabulary = engine.library.vocabulary
        let sectors = try Self.checked(
            unique(sectors), against: vocabulary.fact(at: "system.sectors"), option: "--sector", uppercase: false)
        let jurisdictions = try Self.checked(
            unique(jurisdictions), against: vocabulary.fact(at: "system.jurisdictions"), option: "--jurisdiction",
            uppercase: true)
        // A template for a jurisdiction no loaded pack covers would describe a system nothing checks.
        let covered = engine.library.packs.map(\.jurisdiction)
        for jurisdiction in jurisdictions where !covered.contains(jurisdiction) {
            throw Self.usage(
                "--jurisdiction: no loaded rule pack covers '\(jurisdiction)'; loaded packs cover: "
                    + (covered.isEmpty ? "none" : covered.joined(separator: ", ")))
        }
        let file = output.flatMap { $0 == "-" ? nil : $0 } ?? "system.yaml"
        let text = TemplateGenerator.template(
            for: vocabulary, sectors: sectors, jurisdictions: jurisdictions, file: file, strings: engine.strings)
        guard let output, output != "-" else {
            try Output.out(text)
            return
        }
        if !force, FileManager.default.fileExists(atPath: output) {
            Output.error("error: \(output) already exists; use --force to overwrite it")
            throw ExitCode(2)
        }
        do throws(ReportWriteError) {
            try Output.write(text, to: output)
        } catch {
            Output.error("error: cannot write \(output): \(error.reason)")
            throw ExitCode(2)
        }
    }

    private func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }

    /// Prints a usage error and returns the exit code 2 to throw.
    private static func usage(_ message: String) -> ExitCode {
        Output.error("error: \(message)\nSee 'compliance-check init --help'.")
        return ExitCode(2)
    }

    /// The values, or a usage error naming the allowed values (the fact's enum values or pattern).
    private static func checked(_ values: [String], against fact: ComplianceRules.Fact?, option: String, uppercase: Bool) throws
        -> [String]
    {
        guard let fact else { return values }
        for value in values {
            if let allowed = fact.type.allowedValues, !allowed.contains(value) {
                throw usage(
                    "\(option): '\(value)' is not a value of \(fact.path); expected one of \(allowed.joined(separator: ", "))"
                        + Suggestion.phrase(for: value, in: allowed))
            }
            if let source = fact.pattern, let pattern = try? Pattern(source), !pattern.matches(value) {
                let hint = uppercase && pattern.matches(value.uppercased()) ? "; did you mean '\(value.uppercased())'?" : ""
                throw usage("\(option): '\(value)' does not match \(source)\(hint)")
            }
        }
        return values
    }
}
