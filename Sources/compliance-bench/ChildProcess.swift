import Foundation

/// Runs a program as a child process and reports its wall time, CPU time, exit status, peak
/// resident memory and how many bytes it wrote to stdout (read from a pipe and dropped, or written
/// to a file); stderr goes to /dev/null.
///
/// The peak is the child's own `VmHWM` (/proc/PID/status), polled every 2 ms until it exits: the
/// `ru_maxrss` that `wait4` reports is no use here, because Linux carries the high-water mark of
/// the address space a process had before `execve` into it, and a spawned child starts in (a copy
/// of) this benchmark's address space, which is larger than the program measured. A child whose
/// peak passes `rssLimit` is killed, so that a format that keeps every system cannot take the
/// shared machine's memory; its outcome says so.
enum ChildProcess {
    struct Outcome {
        var status: Int32
        var seconds: Double
        /// User + system CPU seconds of the child (every thread).
        var cpuSeconds: Double
        /// Peak resident set size in bytes.
        var maxRSS: Int
        /// Bytes written to stdout.
        var outputBytes: Int
        /// Killed because its peak RSS passed the limit.
        var killedOverLimit: Bool
    }

    /// Where the child's stdout goes.
    enum Output {
        /// /dev/null (nothing counted).
        case discard
        /// A pipe read and dropped by this process, counting the bytes.
        case count
        /// A file at this path.
        case file(String)
    }

    /// With `sampleMemory` false (and stdout not counted) it blocks in `wait4` instead of polling
    /// every 2 ms, so that the wall time of a short run is exact; `maxRSS` is then 0.
    static func run(
        _ program: String, _ arguments: [String], output: Output = .discard, rssLimit: Int = .max, sampleMemory: Bool = true
    ) throws -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipeEnds: [Int32] = [-1, -1]
        switch output {
        case .discard: posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        case .file(let path): posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        case .count:
            guard pipe(&pipeEnds) == 0 else { throw BenchError("pipe failed: \(String(cString: strerror(errno)))") }
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
            posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = Measure.wall()
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, environ)
        if pipeEnds[1] >= 0 { close(pipeEnds[1]) }
        defer { if pipeEnds[0] >= 0 { close(pipeEnds[0]) } }
        guard spawned == 0 else { throw BenchError("cannot run \(program): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        var peak = 0
        var outputBytes = 0
        var killed = false
        var open = pipeEnds[0] >= 0
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var reaped = false
        while !sampleMemory, !open, !reaped {
            let waited = wait4(pid, &status, 0, &usage)
            if waited == pid { reaped = true }
            if waited < 0, errno != EINTR { throw BenchError("wait4 failed: \(String(cString: strerror(errno)))") }
        }
        while !reaped {
            if open {
                // Drain the pipe, waking at least every 2 ms to sample the memory peak.
                var descriptor = pollfd(fd: pipeEnds[0], events: Int16(POLLIN), revents: 0)
                if poll(&descriptor, 1, 2) > 0 {
                    let count = buffer.withUnsafeMutableBytes { read(pipeEnds[0], $0.baseAddress, $0.count) }
                    if count > 0 {
                        outputBytes += count
                    } else if count == 0 || errno != EINTR {
                        open = false
                    }
                }
            } else {
                usleep(2000)
            }
            let waited = wait4(pid, &status, WNOHANG, &usage)
            if waited == pid {
                reaped = true
                break
            }
            if waited < 0, errno != EINTR { throw BenchError("wait4 failed: \(String(cString: strerror(errno)))") }
            if let mark = highWaterMark(of: pid) { peak = max(peak, mark) }
            if peak > rssLimit, !killed {
                kill(pid, SIGKILL)
                killed = true
            }
        }
        // What the child wrote just before it ended.
        while open {
            let count = buffer.withUnsafeMutableBytes { read(pipeEnds[0], $0.baseAddress, $0.count) }
            if count > 0 { outputBytes += count } else { open = false }
        }
        let seconds = Measure.wall() - start
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let cpu =
            Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) / 1e6
        return Outcome(
            status: exit, seconds: seconds, cpuSeconds: cpu, maxRSS: peak, outputBytes: outputBytes, killedOverLimit: killed)
    }

    /// `VmHWM` of a running process in bytes, or `nil` once it has gone.
    private static func highWaterMark(of pid: pid_t) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.dropFirst(6).filter(\.isNumber)
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }
}
