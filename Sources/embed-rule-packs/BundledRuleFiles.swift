/// This tool's stand-in for the generated file of the same name that ComplianceRules compiles: the
/// rule files named on the command line, for the linked ComplianceRules code (`RuleSource.builtIn`)
/// to load and check. Set once by main.swift before anything reads it.
enum BundledRuleFiles {
    nonisolated(unsafe) static var all: [(path: String, text: String)] = []
}
