import ComplianceEngine
import ComplianceRules
import Foundation

extension Benchmarks {
    /// The same corpus through other policy engines (bench/peers/run.py: OPA Rego via regopy,
    /// Cedar via cedarpy, each with a translation of the Kazakh pack's rules), beside our command
    /// line and our engine in process: systems per second and CPU per rule evaluation, one core.
    func peers(python: String, cli: String, folder: String, paths: [String]) throws {
        let count = paths.count
        let runs = max(1, min(settings.repeats, 3))
        let ours = settings.work + "/peers-ours.jsonl"
        defer { try? FileManager.default.removeItem(atPath: ours) }
        let base = ["check", folder, "--jobs", "1", "--as-of", "2026-06-01"]
        let jsonl = try ChildProcess.run(cli, base + ["--format", "jsonl"], output: .file(ours))
        let text = try ChildProcess.run(cli, base + ["--format", "text"])

        // In process: read + validate + evaluate from the bytes, and evaluate alone.
        let files = try paths.map { try FileSystem.read($0, limit: 8 << 20) }
        let documents = try zip(paths, files).map { path, bytes in try YAMLReader().read(bytes, file: path) }
        var findings = 0
        for document in documents {
            if case .success(let report) = engine.evaluate(document, options: options, evidenceRoot: folder) {
                findings += report.findings.count
            }
        }
        let perSystem = Double(findings) / Double(max(1, count))
        let engine = self.engine
        let options = self.options
        let whole = Measure.median(
            Measure.repeated(runs) {
                for (path, bytes) in zip(paths, files) { _ = engine.evaluate(bytes: bytes, file: path, options: options) }
            }.map(\.cpu))
        let evaluation = Measure.median(
            Measure.repeated(runs) {
                for document in documents { _ = engine.evaluate(document, options: options, evidenceRoot: folder) }
            }.map(\.cpu))

        let results = settings.work + "/peers.json"
        defer { try? FileManager.default.removeItem(atPath: results) }
        let peer = try ChildProcess.run(
            python, ["bench/peers/run.py", "--corpus", folder, "--ours", ours, "--repeat", "\(runs)", "--json"],
            output: .file(results))
        print("### Peers: the same \(count) systems through other policy engines (one core, CPU time)\n")
        print(
            "Peers: bench/peers (translate.py writes the translation, run.py runs it). They evaluate a translation of"
                + " the Kazakh pack's rules that need no derived fact, evidence, regular expression or list quantifier, on"
                + " facts parsed by PyYAML's libyaml loader, two-valued (a missing fact is false), with no validation, no"
                + " evidence checks and no explanation: a failing rule's id is all they return. compliance-check evaluates"
                + " every rule (\(String(format: "%.0f", perSystem)) findings per system), validates the file, checks"
                + " evidence and explains every finding. Agreement: the peer's fail / not-fail against ours, over the"
                + " translated rules' decisions compliance-check made (pass, fail, not applicable).\n")
        print(
            "| engine | rules per system | systems/s (parse + evaluate) | systems/s (evaluate) | µs per rule evaluation | agreement |"
        )
        print("|---|---:|---:|---:|---:|---|")
        let rules = String(format: "%.0f", perSystem)
        for (name, outcome) in [("jsonl", jsonl), ("text", text)] {
            print(
                "| compliance-check CLI, `--format \(name) --jobs 1` (whole process) | \(rules) | "
                    + "\(Format.rate(Double(count) / outcome.cpuSeconds)) | | "
                    + "\(String(format: "%.2f", outcome.cpuSeconds / (Double(count) * perSystem) * 1e6)) | |")
        }
        print(
            "| compliance-check in process (`Engine.evaluate`: read, validate, evaluate) | \(rules) | "
                + "\(Format.rate(Double(count) / whole)) | \(Format.rate(Double(count) / evaluation)) | "
                + "\(String(format: "%.2f", evaluation / (Double(count) * perSystem) * 1e6)) | |")
        guard peer.status == 0, let data = FileManager.default.contents(atPath: results),
            let rows = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else {
            print("| peers | | | | | run.py failed (exit \(peer.status)); run it by hand to see why |\n")
            return
        }
        for row in rows {
            let name = row["engine"] as? String ?? "?"
            if let skipped = row["skipped"] as? String {
                print("| \(name) | | | | | \(skipped) |")
                continue
            }
            let number = { (key: String) in (row[key] as? NSNumber)?.doubleValue ?? .nan }
            let agreement =
                row["compared"] == nil
                ? "" : "\(Int(number("agreed"))) of \(Int(number("compared"))) decisions"
            print(
                "| \(name) | \(Int(number("rules"))) | \(Format.rate(number("systems_per_second"))) | "
                    + "\(Format.rate(number("systems_per_second_evaluation"))) | "
                    + "\(String(format: "%.2f", number("microseconds_per_rule_evaluation"))) | \(agreement) |")
        }
        print()
    }
}
