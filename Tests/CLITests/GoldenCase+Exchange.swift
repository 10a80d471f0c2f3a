/// Golden runs of the HTML report and the OSCAL documents (issue 14).
extension GoldenCase {
    static let exchange: [GoldenCase] = {
        var cases: [GoldenCase] = []
        for format in ["html", "oscal"] {
            cases.append(GoldenCase(name: "\(format)-exit0", arguments: common + ["--format", format, passing]))
            cases.append(GoldenCase(name: "\(format)-exit1", arguments: common + ["--format", format, passing, failing]))
            cases.append(
                GoldenCase(name: "\(format)-exit2", arguments: common + ["--format", format, passing, failing, invalid]))
        }
        let names = "\(hostile)/names"
        cases += [
            // The whole-report path (--report) writes what streaming to stdout writes.
            GoldenCase(
                name: "html-report-file",
                arguments: common + ["--format", "json", "--report", "html=$TMP/report.html", passing, failing],
                writes: ["report.html"]),
            // Control characters, bidi overrides, markup and mentions in names: shown, never run.
            GoldenCase(
                name: "html-hostile", arguments: common + ["--format", "html", "\(names)/terminal-escapes.yaml"]),
            GoldenCase(
                name: "oscal-catalog", arguments: ["rules", "catalog", "--format", "oscal", "--no-builtin", "--rules", rules]),
            GoldenCase(name: "oscal-catalog-several-packs", arguments: ["rules", "catalog", "--format", "oscal"]),
            // The built-in packs: the EU pack's related: links to Kazakh rules.
            GoldenCase(name: "oscal-mapping", arguments: ["rules", "mapping", "--format", "oscal"]),
            GoldenCase(
                name: "oscal-mapping-none",
                arguments: ["rules", "mapping", "--format", "oscal", "--no-builtin", "--rules", rules]),
        ]
        return cases
    }()
}
