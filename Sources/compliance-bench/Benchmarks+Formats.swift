import ComplianceEngine
import ComplianceRules
import Foundation

extension Benchmarks {
    /// Every output format over the same folder of generated systems, one job each (what a format
    /// costs, not how well it spreads over cores): the whole process's CPU time against a bare
    /// libyaml scan of the same files, its wall time, peak RSS and output size. The first corpus
    /// size also feeds the peer run.
    func formats(_ cli: String) throws {
        // Peak RSS growth per system of each format at the sizes already run, to say what a stopped
        // run would have needed.
        var growth: [String: (count: Int, bytes: Int)] = [:]
        for count in settings.corpusSizes {
            let folder = settings.work + "/formats-\(count)"
            try? FileManager.default.removeItem(atPath: folder)
            let paths = try generator.write(count, seed: settings.seed &+ UInt64(count), to: folder)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let size = paths.reduce(0) { total, path in
                total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
            }
            let runs = count >= 20_000 ? 1 : max(1, min(settings.repeats, 5))
            // The same command on the first system alone: what the memory grows from.
            let single = settings.work + "/formats-one"
            try? FileManager.default.removeItem(atPath: single)
            try FileManager.default.createDirectory(atPath: single, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: single) }
            try FileManager.default.copyItem(atPath: paths[0], toPath: single + "/system-0.yaml")
            try FileManager.default.copyItem(atPath: folder + "/docs", toPath: single + "/docs")

            // The floor: read every file and pull its libyaml events, building nothing.
            var events = 0
            let scan = try Measure.repeated(runs, warmUp: count < 20_000) {
                for path in paths {
                    events &+= try YAMLReader.scanEventCount(try FileSystem.read(path, limit: 8 << 20))
                }
            }
            let floor = Measure.median(scan.map(\.cpu))
            if events == 42 { print("") }  // keeps the scan from being optimised away

            print("### Every format over \(count) systems, one job (`check DIR --format F --jobs 1`)\n")
            print(
                "\(count) generated systems, \(Format.bytes(size)) (\(Format.bytes(size / max(1, count))) each); \(runs) run(s) per"
                    + " format, medians; load average \(Measure.loadAverage()). Cost = the child's user + system CPU time"
                    + " (every thread) / the CPU time of a bare libyaml event scan of the same files in this process"
                    + " (read + scan: \(Format.duration(floor)), \(Format.bytes(Int(Double(size) / floor)))/s). Peak RSS ="
                    + " the child's `VmHWM`; a run past \(settings.rssLimit >> 20) MiB is stopped. Growth = (peak RSS − the"
                    + " peak RSS of the same command on the first system alone) / (systems − 1).\n")
            print(
                "| format | cost vs scan | CPU | wall | systems/s (one core) | peak RSS | growth per system | output per system |"
            )
            print("|---|---:|---:|---:|---:|---:|---:|---:|")
            for format in settings.formats {
                let arguments = ["check", folder, "--format", format, "--jobs", "1", "--as-of", "2026-06-01"]
                var one = arguments
                one[1] = single
                let base = try ChildProcess.run(cli, one).maxRSS
                let outcomes = try (0..<runs).map { _ in
                    try ChildProcess.run(cli, arguments, output: .count, rssLimit: settings.rssLimit)
                }
                if let stopped = outcomes.first(where: \.killedOverLimit) {
                    let estimate = growth[format].map {
                        "; at the growth of \($0.count) systems it needs ≈ \(Format.bytes(base + $0.bytes * count))"
                    }
                    print(
                        "| \(format) | stopped after \(Format.duration(stopped.seconds)) | | | | > \(Format.bytes(settings.rssLimit))"
                            + "\(estimate ?? "") | | |")
                    continue
                }
                guard outcomes.allSatisfy({ $0.status <= 1 }) else {
                    throw BenchError("compliance-check --format \(format) exited with \(outcomes.map(\.status)) on \(folder)")
                }
                let cpu = Measure.median(outcomes.map(\.cpuSeconds))
                let wall = Measure.median(outcomes.map(\.seconds))
                let rss = Int(Measure.median(outcomes.map { Double($0.maxRSS) }))
                growth[format] = (count, max(0, rss - base) / max(1, count - 1))
                print(
                    "| \(format) | **\(String(format: "%.1f", cpu / floor))×** | \(Format.duration(cpu)) | \(Format.duration(wall)) | "
                        + "\(Format.rate(Double(count) / cpu)) | \(Format.bytes(rss)) | \(Format.bytes(max(0, rss - base) / max(1, count - 1))) | "
                        + "\(Format.bytes(outcomes[0].outputBytes / max(1, count))) |")
            }
            print()
            if count == settings.corpusSizes.first, let python = settings.peers {
                try peers(python: python, cli: cli, folder: folder, paths: paths)
            }
        }
    }
}
