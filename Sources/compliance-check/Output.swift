import Foundation

/// Writing to stdout, stderr and files; nothing else in the tool touches them.
enum Output {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Writes `text` to `path` (`-` for stdout).
    static func write(_ text: String, to path: String) throws {
        if path == "-" {
            out(text)
            return
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
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
