import Foundation
import Testing

/// Writing output never crashes (gate safety): a full disk, a closed descriptor and a broken pipe
/// end the run with exit code 2 and, where stderr is open, `error: cannot write output: …`.
@Suite(
    .enabled(
        if: CLIRunner.binary != nil,
        "the compliance-check binary was not found next to the test bundle; run `swift build` first"))
struct OutputFailureTests {
    /// Runs `script` in bash with `$CC` set to the binary and the repository as working folder;
    /// returns the exit status and stderr.
    static func shell(_ script: String) throws -> (status: Int32, stderr: String) {
        let binary = try #require(CLIRunner.binary)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = CLIRunner.repositoryRoot
        var environment = ProcessInfo.processInfo.environment
        environment["CC_BIN"] = binary.path
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static let run = "\"$CC_BIN\" --no-builtin --rules Tests/CLITests/Golden/rules --as-of 2026-11-29 --no-color"
    static let passing = "Tests/CLITests/Golden/systems/passing.yaml"

    @Test func fullDisk() throws {
        let result = try Self.shell("\(Self.run) \(Self.passing) > /dev/full")
        #expect(result.status == 2)
        #expect(result.stderr == "error: cannot write output: No space left on device\n")
    }

    @Test func closedStdout() throws {
        let result = try Self.shell("\(Self.run) \(Self.passing) >&-")
        #expect(result.status == 2)
        #expect(result.stderr == "error: cannot write output: Bad file descriptor\n")
    }

    /// With stderr closed, a run with warnings cannot tell them: it ends with 2 rather than trap.
    @Test func closedStderr() throws {
        let warned = "Tests/ComplianceEngineTests/Fixtures/hostile/names/terminal-escapes.yaml"
        // bash reports the child's status on fd 3, a copy of the test's stderr.
        let result = try Self.shell("exec 3>&2; \(Self.run) \(warned) 2>&-; echo \"status=$?\" >&3")
        #expect(result.stderr == "status=2\n")
        let quiet = try Self.shell("\(Self.run) \(Self.passing) 2>&-")
        #expect(quiet.status == 0)
    }

    /// SIGPIPE ignored: the broken pipe is a write error, exit 2, and nothing is printed.
    @Test func brokenPipeWithSIGPIPEIgnored() throws {
        let script = """
            trap '' PIPE
            "$CC_BIN" --as-of 2026-11-29 --format jsonl examples examples examples | head -c 10 > /dev/null
            echo "status=${PIPESTATUS[0]}" >&2
            """
        let result = try Self.shell(script)
        #expect(result.stderr == "status=2\n")
    }

    /// A report is written to a temporary file and renamed: none is left behind, and a rerun
    /// replaces the previous report whole.
    @Test func reportsAreReplacedWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cc-reports-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(String(repeating: "old report\n", count: 10_000).utf8).write(to: URL(fileURLWithPath: folder + "/r.md"))
        let result = try Self.shell("\(Self.run) --format jsonl --report markdown=\(folder)/r.md \(Self.passing)")
        #expect(result.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["r.md"])
        let report = String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder + "/r.md")), as: UTF8.self)
        #expect(report.hasPrefix("# Compliance check\n"))
        #expect(!report.contains("old report"))
    }
}

/// `-` reads a system from standard input (the first hour, item 10).
@Suite(
    .enabled(
        if: CLIRunner.binary != nil,
        "the compliance-check binary was not found next to the test bundle; run `swift build` first"))
struct StandardInputTests {
    @Test func aSystemFromStandardInput() throws {
        let result = try OutputFailureTests.shell(
            "\(OutputFailureTests.run) --format jsonl - < \(OutputFailureTests.passing) | head -c 40 >&2")
        #expect(result.stderr == #"{"file":"<stdin>","system":{"id":"demo-p"#)
    }
}
