import Foundation

/// The benchmark's command-line settings.
struct BenchSettings {
    var examples = "examples"
    var seed: UInt64 = 2026
    var systems = 400
    var repeats = 7
    var cli: String?
    var memoryCounts = [10, 1_000, 10_000, 100_000]
    var work = NSTemporaryDirectory() + "compliance-bench"
    /// Only run the whole pipeline over the corpus `repeats` times (for a profiler).
    var profile = false
    /// Only write this many generated systems into `work` and stop.
    var generate: Int?

    static let usage = """
        usage: compliance-bench [--quick] [--systems N] [--repeat N] [--seed N] [--examples DIR]
                                [--cli PATH | --no-cli] [--memory N,N,...] [--work DIR] [--profile]
                                [--generate N]

        Generates a seeded corpus of system descriptions from examples/ and prints Markdown tables of
        medians (see BENCHMARKS.md). Build and run in release:
          swift build -c release --scratch-path .build-bench
          .build-bench/release/compliance-bench
        --cli defaults to compliance-check beside this binary; --memory '' skips the memory runs;
        --profile only runs the pipeline (for valgrind --tool=callgrind); --generate N only writes N
        generated systems (and their evidence files) into the --work folder.
        """

    init(arguments: [String]) throws {
        cli =
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
                "compliance-check"
            ).path
        var rest = arguments[...]
        func value(_ flag: String) throws -> String {
            guard let next = rest.popFirst() else { throw BenchError("\(flag) needs a value\n\n\(Self.usage)") }
            return next
        }
        func number(_ flag: String) throws -> Int {
            guard let parsed = Int(try value(flag)), parsed > 0 else { throw BenchError("\(flag) needs a positive number") }
            return parsed
        }
        while let flag = rest.popFirst() {
            switch flag {
            case "--quick":
                systems = 60
                repeats = 3
                memoryCounts = [10, 100]
            case "--systems": systems = try number(flag)
            case "--repeat": repeats = try number(flag)
            case "--seed": seed = UInt64(try number(flag))
            case "--examples": examples = try value(flag)
            case "--cli": cli = try value(flag)
            case "--no-cli": cli = nil
            case "--memory": memoryCounts = try value(flag).split(separator: ",").compactMap { Int($0) }
            case "--work": work = try value(flag)
            case "--profile": profile = true
            case "--generate": generate = try number(flag)
            case "--help", "-h": throw BenchError(Self.usage)
            default: throw BenchError("unknown option \(flag)\n\n\(Self.usage)")
            }
        }
        if let path = cli, !FileManager.default.isExecutableFile(atPath: path) {
            throw BenchError("no compliance-check binary at \(path); build it, or pass --cli PATH or --no-cli")
        }
    }
}
