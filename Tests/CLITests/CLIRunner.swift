import Foundation

/// Runs the built `compliance-check` binary with the repository root as the current directory, so
/// paths in its output stay relative.
enum CLIRunner {
    /// What one run printed and how it ended.
    struct Output: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The repository root (this file is `Tests/CLITests/CLIRunner.swift`).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary SwiftPM built beside the test bundle (`.build/<config>/compliance-check`), or the
    /// one `COMPLIANCE_CHECK_BINARY` names.
    static let binary: URL? = {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["COMPLIANCE_CHECK_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var folders: [URL] = []
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        if let first = CommandLine.arguments.first {
            folders.append(URL(fileURLWithPath: first).deletingLastPathComponent())
        }
        for folder in folders {
            let candidate = folder.appendingPathComponent("compliance-check")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    /// Runs the binary with `arguments`; stdout and stderr go through files, so a large output can
    /// never block the child.
    static func run(_ arguments: [String]) throws -> Output {
        guard let binary else { throw RunError.noBinary }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        guard FileManager.default.createFile(atPath: outURL.path, contents: nil),
            FileManager.default.createFile(atPath: errURL.path, contents: nil)
        else { throw RunError.scratch(scratch.path) }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        var environment = ProcessInfo.processInfo.environment
        // The usage text of argument errors wraps at the terminal width: pin it.
        environment["COLUMNS"] = "100"
        environment["LINES"] = "40"
        environment.removeValue(forKey: "NO_COLOR")
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Why a run could not start.
    enum RunError: Error, CustomStringConvertible {
        case noBinary
        case scratch(String)

        var description: String {
            switch self {
            case .noBinary: "the compliance-check binary was not found next to the test bundle"
            case .scratch(let path): "cannot create files in \(path)"
            }
        }
    }
}
