import ArgumentParser
import ComplianceEngine
import ComplianceRules
import Foundation

/// The exchange formats of `rules catalog` and `rules mapping`.
enum ExchangeFormat: String, CaseIterable, ExpressibleByArgument {
    case oscal
}

extension Rules {
    /// `rules catalog --format oscal`: an OSCAL catalog per pack.
    struct Catalog: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "catalog",
            abstract: "Write each loaded pack as an OSCAL catalog.",
            discussion:
                "With one pack (or one --pack) the catalog goes to stdout; with several, --output DIR writes DIR/<pack id>.catalog.json for each."
        )
        @Option(help: "The format: oscal.") var format: ExchangeFormat = .oscal
        @Option(
            help: ArgumentHelp("Write one <pack id>.catalog.json per pack into this folder.", valueName: "DIR"),
            completion: .directory)
        var output: String?
        @OptionGroup var rules: RuleOptions

        func run() throws {
            let packs = try rules.engine().library.packs
            try RuleOptions.requirePacks(packs)
            guard let output else {
                guard packs.count == 1, let pack = packs.first else {
                    Output.error(
                        "error: \(packs.count) packs are loaded (\(packs.map(\.id).joined(separator: ", "))); choose one with --pack ID or write them all with --output DIR"
                    )
                    throw ExitCode(2)
                }
                try Output.out(OSCALCatalog.render(pack))
                return
            }
            // The folder is made if it does not exist yet, as `mkdir -p` would.
            var folder = output.hasPrefix("/") ? "/" : ""
            for component in output.split(separator: "/") {
                folder += component + "/"
                if mkdir(folder, 0o777) != 0, errno != EEXIST {
                    Output.error(
                        "error: cannot create folder \(SafeText.escaped(folder)): \(String(cString: strerror(errno)))")
                    throw ExitCode(2)
                }
            }
            var failed = false
            for pack in packs {
                let path = (output.hasSuffix("/") ? output : output + "/") + OSCALCatalog.fileName(of: pack)
                do throws(ReportWriteError) {
                    try Output.write(OSCALCatalog.render(pack), to: path)
                } catch {
                    Output.error(error.description)
                    failed = true
                }
            }
            if failed { throw ExitCode(2) }
        }
    }

    /// `rules mapping --format oscal`: the related-rule links between packs as an OSCAL mapping
    /// collection.
    struct Mapping: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mapping",
            abstract: "Write the related-rule links between packs as an OSCAL mapping collection.")
        @Option(help: "The format: oscal.") var format: ExchangeFormat = .oscal
        @OptionGroup var rules: RuleOptions

        func run() throws {
            let library = try rules.engine().library
            guard let mapping = OSCALMapping.render(library) else {
                Output.error("error: no loaded rule declares a related rule of a loaded pack; there is nothing to map")
                throw ExitCode(2)
            }
            try Output.out(mapping)
        }
    }
}

extension RuleOptions {
    /// No pack loaded is an error for the exchange commands.
    static func requirePacks(_ packs: [RulePack]) throws {
        guard packs.isEmpty else { return }
        Output.error("error: no rule pack is loaded")
        throw ExitCode(2)
    }
}
