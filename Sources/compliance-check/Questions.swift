import ArgumentParser
import ComplianceEngine
import ComplianceRules

/// `compliance-check questions PATH`: the facts a system still has to declare.
struct Questions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "questions",
        abstract: "List the facts a system still has to declare, ranked by how many rules each decides.",
        discussion: "Exit codes: 0 the list was printed (however long), 2 usage error or a file that could not be evaluated.")

    @Argument(help: "A system description file.", completion: .file(extensions: ["yaml", "yml"]))
    var path: String

    @Option(
        name: .customLong("as-of"), help: ArgumentHelp("Evaluate as of this date (default: today, UTC).", valueName: "YYYY-MM-DD")
    )
    var asOf: String?

    @OptionGroup var rules: RuleOptions

    func validate() throws {
        if let asOf, CalendarDate(asOf) == nil { throw ValidationError("--as-of must be a date YYYY-MM-DD, found '\(asOf)'") }
    }

    func run() throws {
        let engine = try rules.engine()
        guard let date = CalendarDate(asOf ?? Output.today) else { throw ExitCode(2) }
        switch engine.evaluate(file: path, options: EvaluationOptions(asOf: date)) {
        case .success(let system):
            for warning in system.warnings { Output.error(warning.description) }
            try Output.out(
                Questionnaire.render(
                    Questionnaire.questions(for: system, vocabulary: engine.library.vocabulary), strings: engine.strings))
        case .failure(let problems):
            for problem in problems.diagnostics { Output.error(problem.description) }
            throw ExitCode(2)
        }
    }
}
