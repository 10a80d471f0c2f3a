import Foundation

/// Runs a program as a child process (stdout and stderr to /dev/null) and reports its wall time,
/// exit status and peak resident memory.
///
/// The peak is the child's own `VmHWM` (/proc/PID/status), polled every 2 ms until it exits: the
/// `ru_maxrss` that `wait4` reports is no use here, because Linux carries the high-water mark of
/// the address space a process had before `execve` into it, and a spawned child starts in (a copy
/// of) this benchmark's address space, which is larger than the program measured.
enum ChildProcess {
    struct Outcome {
        var status: Int32
        var seconds: Double
        /// Peak resident set size in bytes.
        var maxRSS: Int
    }

    static func run(_ program: String, _ arguments: [String]) throws -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = Measure.wall()
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchError("cannot run \(program): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var peak = 0
        while true {
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid { break }
            if waited < 0, errno != EINTR { throw BenchError("waitpid failed: \(String(cString: strerror(errno)))") }
            if let mark = highWaterMark(of: pid) { peak = max(peak, mark) }
            usleep(2000)
        }
        let seconds = Measure.wall() - start
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Outcome(status: exit, seconds: seconds, maxRSS: peak)
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
