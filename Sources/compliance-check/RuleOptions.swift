import ArgumentParser
import ComplianceEngine
import ComplianceRules

/// Which rule packs to load: shared by every command that evaluates.
struct RuleOptions: ParsableArguments {
    @Option(
        name: .customLong("rules"), help: ArgumentHelp("A folder of rule packs to load (repeatable).", valueName: "DIR"),
        completion: .directory)
    var ruleFolders: [String] = []

    @Flag(name: .customLong("no-builtin"), help: "Do not load the built-in packs.")
    var noBuiltin = false

    @Option(name: .customLong("pack"), help: ArgumentHelp("Use only this pack (repeatable).", valueName: "ID"))
    var packs: [String] = []

    /// The engine over the chosen packs; problems are printed and end the run with exit code 2.
    func engine() throws -> Engine {
        var sources: [RuleSource] = []
        var problems: [Diagnostic] = []
        if !noBuiltin { sources.append(.builtIn) }
        for folder in ruleFolders {
            do throws(DiagnosticList) {
                sources.append(try RuleSource.directory(folder))
            } catch {
                problems += error.diagnostics
            }
        }
        if problems.isEmpty {
            do throws(DiagnosticList) {
                return try Engine(library: try RuleLibrary.load(sources), packs: packs.isEmpty ? nil : packs)
            } catch {
                problems += error.diagnostics
            }
        }
        for problem in problems { Output.error(problem.description) }
        throw ExitCode(2)
    }
}
