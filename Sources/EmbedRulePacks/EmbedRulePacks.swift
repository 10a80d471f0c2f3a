import Foundation
import PackagePlugin

/// Embeds every `rules/**/*.yaml` file of the package into the target as Swift source, so that the
/// built-in rule packs travel inside the library and the binary with no files beside them; and the
/// library loaded and checked from them, compiled, so that start-up reads it without parsing YAML.
@main
struct EmbedRulePacks: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let rules = context.package.directoryURL.appending(path: "rules")
        var files: [URL] = []
        if let walker = FileManager.default.enumerator(at: rules, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "yaml" {
                files.append(url)
            }
        }
        files.sort { $0.path() < $1.path() }
        let texts = context.pluginWorkDirectoryURL.appending(path: "BundledRuleFiles.swift")
        let compiled = context.pluginWorkDirectoryURL.appending(path: "CompiledBuiltInLibrary.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) rule file(s)",
                executable: try context.tool(named: "embed-rule-packs").url,
                arguments: [texts.path(), compiled.path(), rules.path()] + files.map { $0.path() },
                inputFiles: files,
                outputFiles: [texts, compiled]
            )
        ]
    }
}
