import ArgumentParser
import ComplianceEngine
import ComplianceRules

/// `compliance-check rules list|explain|test|lint`.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List, explain, test and lint rule packs.",
        subcommands: [List.self, Explain.self, Test.self, Lint.self, Catalog.self, Mapping.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List every loaded rule.")
        @OptionGroup var rules: RuleOptions

        func run() throws {
            let engine = try rules.engine()
            try Output.out(RuleExplainer.list(engine.library.packs, strings: engine.strings))
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain one rule in plain words.")
        @Argument(help: "The rule id, e.g. KZ-21-01.") var id: String
        @OptionGroup var rules: RuleOptions

        func run() throws {
            let engine = try rules.engine()
            var instruments: [String: Instrument] = [:]
            for pack in engine.library.packs { for instrument in pack.instruments { instruments[instrument.id] = instrument } }
            if let derivation = engine.library.derivation(declaredRuleID: id) {
                let pack = engine.library.packs.first { $0.namespace == derivation.namespace }?.id ?? derivation.namespace
                try Output.out(
                    RuleExplainer.explain(derivation, pack: pack, instruments: instruments, strings: engine.strings))
                return
            }
            guard let rule = engine.library.rule(id) else {
                let ids = engine.library.rules.map(\.id) + engine.library.declaredChecks.map(\.declaredRuleID)
                Output.error("error: unknown rule '\(id)'" + Suggestion.phrase(for: id, in: ids))
                throw ExitCode(2)
            }
            try Output.out(RuleExplainer.explain(rule, instruments: instruments, strings: engine.strings))
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Run every rule's pass and fail examples (exit 1 when one misbehaves).")
        @Argument(help: "A folder of packs (default: the built-in packs).") var directory: String?

        func run() throws {
            let engine = try RuleOptions.forFolder(directory).engine()
            try RuleOptions.requirePacks(engine, in: directory)
            let rules = engine.library.rules
            // Every example in every language: the outcome must be the one it claims, and the same
            // in each language (only the words may change).
            var problems = engine.checkExamples()
            let english = engine.exampleOutcomes()
            for language in Language.allCases where language != .en {
                let localized = try Engine(library: engine.library, language: language)
                let outcomes = localized.exampleOutcomes()
                for (index, outcome) in outcomes.enumerated() where index < english.count && english[index] != outcome {
                    problems.append(
                        .error(
                            "rule \(outcome.rule): example \(outcome.example) evaluates to \(outcome.status.rawValue) in '\(language.rawValue)' but \(english[index].status.rawValue) in 'en'",
                            at: outcome.location))
                }
            }
            for problem in problems { Output.error(problem.description) }
            let examples = rules.reduce(0) { $0 + $1.examples.pass.count + $1.examples.fail.count }
            let languages = Language.allCases.map(\.rawValue).joined(separator: ", ")
            try Output.out(
                "\(rules.count) rules, \(examples) examples in \(languages): \(examples - problems.count) passed, \(problems.count) failed\n"
            )
            if !problems.isEmpty { throw ExitCode(1) }
        }
    }

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint",
            abstract: "Check rule packs statically (exit 2 on errors) and warn about weak spots.")
        @Argument(help: "A folder of packs (default: the built-in packs).") var directory: String?

        func run() throws {
            let engine = try RuleOptions.forFolder(directory).engine()
            try RuleOptions.requirePacks(engine, in: directory)
            var warnings = 0
            for rule in engine.library.rules {
                if rule.citation.basis == .interpretation, rule.description == nil {
                    Output.error(
                        Diagnostic.warning(
                            "rule \(rule.id) is an interpretation but has no description saying which duty it applies and why",
                            at: rule.location
                        ).description)
                    warnings += 1
                }
            }
            let problems =
                engine.library.relatedRuleProblems() + engine.checkExamples() + engine.library.translationProblems()
            for problem in problems { Output.error(problem.description) }
            try Output.out(
                "\(engine.library.packs.count) pack(s), \(engine.library.rules.count) rules: \(problems.count) error(s), \(warnings) warning(s)\n"
            )
            if !problems.isEmpty { throw ExitCode(2) }
        }
    }
}

extension RuleOptions {
    /// A folder with no pack is an error: linting or testing nothing must not look like success.
    static func requirePacks(_ engine: Engine, in directory: String?) throws {
        guard engine.library.packs.isEmpty else { return }
        Output.error(
            Diagnostic.error(
                "no rule pack found: a pack is a folder with a pack.yaml",
                at: SourceLocation(file: directory ?? "<built-in>", line: 1, column: 1)
            ).description)
        throw ExitCode(2)
    }

    /// Options loading only `directory`, or the built-in packs when `nil`.
    static func forFolder(_ directory: String?) throws -> RuleOptions {
        guard let directory else { return try RuleOptions.parse([]) }
        return try RuleOptions.parse(["--no-builtin", "--rules", directory])
    }
}
