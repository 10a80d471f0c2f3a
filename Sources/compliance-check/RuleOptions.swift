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

    @Option(
        name: .customLong("lang"),
        help: ArgumentHelp(
            "Language of the human-readable text: en, ru or kk (ids, fact paths and JSON keys never change).",
            valueName: "LANG"),
        completion: .list(Language.allCases.map(\.rawValue)),
        transform: Language.argument)
    var language: Language = .en

    /// The engine over the chosen packs; problems are printed and end the run with exit code 2.
    func engine() throws -> Engine {
        var sources: [RuleSource] = []
        var problems: [Diagnostic] = []
        if !noBuiltin, !ruleFolders.isEmpty { sources.append(.builtIn) }
        for folder in ruleFolders {
            do throws(DiagnosticList) {
                sources.append(try RuleSource.directory(folder))
            } catch {
                problems += error.diagnostics
            }
        }
        if problems.isEmpty {
            do throws(DiagnosticList) {
                // The built-in packs alone: the library the build compiled, without copying their text.
                let library = ruleFolders.isEmpty && !noBuiltin ? try RuleLibrary.builtIn() : try RuleLibrary.load(sources)
                return try Engine(library: library, packs: packs.isEmpty ? nil : packs, language: language)
            } catch {
                problems += error.diagnostics
            }
        }
        for problem in problems { Output.error(problem.description) }
        throw ExitCode(2)
    }
}

extension Language {
    /// `--lang`: a language code, with a hint for the country code `kz` (Kazakh is `kk`).
    static func argument(_ text: String) throws -> Language {
        if let language = Language(rawValue: text) { return language }
        let hint = suggestion(for: text).map { "; did you mean '\($0.rawValue)' (\($0.englishName))?" } ?? ""
        throw ValidationError("'\(text)' is not a language; use en, ru or kk\(hint)")
    }
}
