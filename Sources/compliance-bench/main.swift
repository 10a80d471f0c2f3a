// The benchmark of DESIGN §8 (see BENCHMARKS.md): never run by `swift test`.
import Foundation

do {
    let settings = try BenchSettings(arguments: Array(CommandLine.arguments.dropFirst()))
    let benchmarks = try Benchmarks(settings: settings)
    if let count = settings.generate {
        let paths = try benchmarks.generator.write(count, seed: settings.seed, to: settings.work)
        print("wrote \(paths.count) systems to \(settings.work)")
    } else if settings.profile {
        try benchmarks.profile()
    } else {
        try benchmarks.run()
    }
} catch {
    FileHandle.standardError.write(Data("compliance-bench: \(error)\n".utf8))
    exit(2)
}
