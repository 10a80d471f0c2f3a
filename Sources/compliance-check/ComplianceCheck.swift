import ArgumentParser
import ComplianceEngine
import Foundation

/// The command-line entry point. Parsing errors and usage errors exit with 2, as DESIGN §6 says.
@main
struct ComplianceCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compliance-check",
        abstract: "Check a described AI system against AI law (Kazakhstan's Law No. 230-VIII and more).",
        discussion: """
            Exit codes:
              0  every gate passed
              1  at least one system failed its gate
              2  usage error, or an input that could not be evaluated (bad YAML, schema violation, invalid rule pack)

            A compliance aid, not legal advice.
            """,
        version: ToolInfo.version,
        subcommands: [Check.self, Rules.self, Init.self, Schema.self, Questions.self],
        defaultSubcommand: Check.self
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
            if Output.lostDiagnostics { Foundation.exit(2) }
        } catch {
            if error is Output.WriteFailure { Foundation.exit(2) }
            // A command's own exit code needs no message (`exitCode(for:)` would lay out the help
            // to find that out).
            if let exit = error as? ExitCode, exit != .success {
                Foundation.exit(Output.lostDiagnostics ? max(exit.rawValue, 2) : exit.rawValue)
            }
            let code = exitCode(for: error)
            if code == .success {
                do {
                    try Output.out(fullMessage(for: error) + "\n")
                } catch {
                    Foundation.exit(2)
                }
                Foundation.exit(0)
            }
            if let exit = error as? ExitCode {
                Foundation.exit(Output.lostDiagnostics ? max(exit.rawValue, 2) : exit.rawValue)
            }
            Output.error(fullMessage(for: error))
            Foundation.exit(2)
        }
    }
}
