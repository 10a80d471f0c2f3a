import Foundation

/// The benchmark's command-line settings.
struct BenchSettings {
    var examples = "examples"
    var seed: UInt64 = 2026
    var systems = 400
    var repeats = 7
    var cli: String?
    /// Corpus sizes of the format table (each format, one job, against the scan; peak RSS).
    var corpusSizes = [2_000]
    var formats = ["text", "json", "jsonl", "sarif", "junit", "markdown", "html", "oscal"]
    /// A child whose peak RSS passes this is killed (a format that keeps every system in memory).
    var rssLimit = 4 << 30
    /// Runs of each single-file command (one-file check beside `--version`).
    var startupRuns = 41
    /// The Python of the peer run (a venv with regopy and cedarpy), if any.
    var peers: String?
    /// Other builds of compliance-check (label, path) timed beside `cli` in the single-file table.
    var compareCLIs: [(label: String, path: String)] = []
    var work = NSTemporaryDirectory() + "compliance-bench"
    /// Only run the whole pipeline over the corpus `repeats` times (for a profiler).
    var profile = false
    /// Only write this many generated systems into `work` and stop.
    var generate: Int?

    static let usage = """
        usage: compliance-bench [--quick] [--systems N] [--repeat N] [--seed N] [--examples DIR]
                                [--cli PATH | --no-cli] [--corpus-sizes N,N,...] [--formats F,F,...]
                                [--rss-limit MIB] [--startup-runs N] [--compare-cli LABEL=PATH]...
                                [--peers PYTHON | --no-peers]
                                [--work DIR] [--profile] [--generate N]

        Generates a seeded corpus of system descriptions from examples/ and prints Markdown tables of
        medians (see BENCHMARKS.md). Build and run in release:
          swift build -c release --scratch-path .build-bench
          .build-bench/release/compliance-bench
        --cli defaults to compliance-check beside this binary. --corpus-sizes (default 2000) are the
        folder sizes the formats (--formats, default all eight) are run on, one job each, against a
        bare libyaml scan of the same files; '' skips them; a run whose peak RSS passes --rss-limit
        (default 4096 MiB) is stopped. --startup-runs (default 41) runs of the one-file check and of
        --version; each --compare-cli adds another build's (e.g. --static-swift-stdlib) beside.
        --peers PYTHON runs bench/peers/run.py with that Python (default: .build-bench-venv/bin/python
        when it exists) on the first corpus size. --profile only runs the pipeline (for valgrind or
        perf); --generate N only writes N generated systems (and their evidence files) into the
        --work folder.
        """

    init(arguments: [String]) throws {
        cli =
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
                "compliance-check"
            ).path
        let venv = ".build-bench-venv/bin/python"
        peers = FileManager.default.isExecutableFile(atPath: venv) ? venv : nil
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
                corpusSizes = [100]
                startupRuns = 11
            case "--systems": systems = try number(flag)
            case "--repeat": repeats = try number(flag)
            case "--seed": seed = UInt64(try number(flag))
            case "--examples": examples = try value(flag)
            case "--cli": cli = try value(flag)
            case "--no-cli": cli = nil
            case "--corpus-sizes": corpusSizes = try value(flag).split(separator: ",").compactMap { Int($0) }
            case "--formats": formats = try value(flag).split(separator: ",").map(String.init)
            case "--rss-limit": rssLimit = try number(flag) << 20
            case "--startup-runs": startupRuns = try number(flag)
            case "--peers": peers = try value(flag)
            case "--no-peers": peers = nil
            case "--compare-cli":
                let text = try value(flag)
                guard let equals = text.firstIndex(of: "=") else { throw BenchError("--compare-cli needs LABEL=PATH") }
                compareCLIs.append((String(text[..<equals]), String(text[text.index(after: equals)...])))
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
