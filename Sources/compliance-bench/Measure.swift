import Foundation

/// Clocks and medians. Single-thread work is timed with the thread's CPU clock as well as the wall
/// clock, so that figures taken on a busy machine stay comparable; parallel work with the wall clock.
enum Measure {
    /// Seconds on the monotonic wall clock.
    static func wall() -> Double { seconds(CLOCK_MONOTONIC) }

    /// Seconds of CPU time used by the calling thread.
    static func threadCPU() -> Double { seconds(CLOCK_THREAD_CPUTIME_ID) }

    private static func seconds(_ clock: clockid_t) -> Double {
        var spec = timespec()
        clock_gettime(clock, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// One timed run: wall and thread-CPU seconds.
    struct Sample {
        var wall: Double
        var cpu: Double
    }

    /// Runs `body` once and times it.
    static func time(_ body: () throws -> Void) rethrows -> Sample {
        let wallStart = wall()
        let cpuStart = threadCPU()
        try body()
        return Sample(wall: wall() - wallStart, cpu: threadCPU() - cpuStart)
    }

    /// Runs `body` `repeats` times (after one warm-up run) and returns every sample.
    static func repeated(_ repeats: Int, warmUp: Bool = true, _ body: () throws -> Void) rethrows -> [Sample] {
        if warmUp { try body() }
        return try (0..<repeats).map { _ in try time(body) }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The load averages of the machine (1, 5, 15 minutes), from /proc/loadavg.
    static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}
