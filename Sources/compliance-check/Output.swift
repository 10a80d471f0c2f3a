import Foundation

/// Writing to stdout, stderr and files; nothing else in the tool touches them.
///
/// Everything goes through `write(2)` in a loop: a full disk, a closed descriptor or a broken pipe
/// ends the run with `error: cannot write output: …` and exit code 2, never a trap.
enum Output {
    /// Standard output could not be written: the run stops (exit 2). A broken pipe ends quietly.
    struct WriteFailure: Error {
        var code: Int32
    }

    /// Set when standard error could not be written; the run then ends with exit code 2.
    nonisolated(unsafe) static var lostDiagnostics = false

    static func out(_ text: String) throws(WriteFailure) {
        let code = writeAll(STDOUT_FILENO, text)
        guard code == 0 else {
            if code != EPIPE { error("error: cannot write output: \(String(cString: strerror(code)))") }
            throw WriteFailure(code: code)
        }
    }

    /// A line on standard error. A failure to write it is remembered, not fatal: the run goes on
    /// and ends with exit code 2.
    static func error(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        if writeAll(STDERR_FILENO, line) != 0 { lostDiagnostics = true }
    }

    /// Writes `text` to `path` (`-` for stdout) through a temporary file in the same folder that is
    /// renamed over `path` once complete, so a failed write never leaves a truncated report in place
    /// of the previous one. Throws the reason, as `strerror` words it.
    static func write(_ text: String, to path: String) throws(ReportWriteError) {
        if path == "-" {
            do throws(WriteFailure) {
                try out(text)
            } catch {
                throw ReportWriteError(path: path, reason: String(cString: strerror(error.code)))
            }
            return
        }
        let writer = try ReportFile(path: path)
        do throws(ReportWriteError) {
            try writer.append(text)
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
    }

    /// Writes all of `text` to `descriptor`, retrying short writes and interruptions; returns 0 or
    /// the `errno` of the failure.
    static func writeAll(_ descriptor: Int32, _ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { buffer -> Int32 in
            guard var pointer = buffer.baseAddress else { return 0 }
            var remaining = buffer.count
            while remaining > 0 {
                let written = Foundation.write(descriptor, pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if written == 0 { return EIO }
                pointer += written
                remaining -= written
            }
            return 0
        }
    }

    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Today in UTC, for the default `--as-of`.
    static var today: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        let year = parts.year ?? 1970
        let month = parts.month ?? 1
        let day = parts.day ?? 1
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}

/// A report file that could not be written: `error: cannot write report FILE: reason`.
struct ReportWriteError: Error, CustomStringConvertible {
    var path: String
    var reason: String

    var description: String { "error: cannot write report \(path): \(reason)" }
}

/// A report written to a temporary file beside its destination and renamed into place on
/// `commit`, so readers never see a partial report.
final class ReportFile {
    let path: String
    private let temporary: String
    private let descriptor: Int32
    private var closed = false

    init(path: String) throws(ReportWriteError) {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(folder).\(name).XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else {
            throw ReportWriteError(path: path, reason: String(cString: strerror(errno)))
        }
        self.descriptor = descriptor
        self.temporary = template.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { String(cString: $0) } ?? ""
        }
        // mkstemp creates the file for the owner only; a report is as readable as any new file.
        let mask = umask(0)
        umask(mask)
        fchmod(descriptor, 0o666 & ~mask)
    }

    func append(_ text: String) throws(ReportWriteError) {
        let code = Output.writeAll(descriptor, text)
        if code != 0 { throw ReportWriteError(path: path, reason: String(cString: strerror(code))) }
    }

    /// Flushes, closes and renames the temporary file over `path`.
    func commit() throws(ReportWriteError) {
        if fsync(descriptor) != 0, errno != EINVAL {
            throw ReportWriteError(path: path, reason: String(cString: strerror(errno)))
        }
        closed = true
        if close(descriptor) != 0 {
            unlink(temporary)
            throw ReportWriteError(path: path, reason: String(cString: strerror(errno)))
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ReportWriteError(path: path, reason: reason)
        }
    }

    /// Removes the temporary file after a failure.
    func discard() {
        if !closed { close(descriptor) }
        closed = true
        unlink(temporary)
    }
}
