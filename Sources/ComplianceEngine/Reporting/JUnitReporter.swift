internal import ComplianceRules

/// JUnit XML for CI test dashboards (`--format junit`, DESIGN §5.3), valid against the common
/// `junit-10.xsd`.
///
/// One `testsuite` per system, one `testcase` per applicable rule (`classname` = `pack.sector`,
/// `name` = rule id and title): `failure` for fail (and for unknown under `--unknown fail`),
/// `skipped` for waived and upcoming. Inputs that could not be evaluated form a testsuite named
/// `inputs` with one erroring testcase per file.
public enum JUnitReporter {
    /// The XML document, ending with a newline.
    public static func render(_ report: Report, unknownPolicy: UnknownPolicy) -> String {
        var suites: [Suite] = report.systems.map { suite($0, report: report, unknownPolicy: unknownPolicy) }
        if !report.errors.isEmpty { suites.append(inputs(report.errors)) }

        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites"
        xml += attribute("name", report.toolName)
        xml += attribute("tests", String(suites.reduce(0) { $0 + $1.cases.count }))
        xml += attribute("failures", String(suites.reduce(0) { $0 + $1.failures }))
        xml += attribute("errors", String(suites.reduce(0) { $0 + $1.errors }))
        xml += attribute("time", "0")
        xml += ">\n"
        for suite in suites { xml += suite.xml }
        xml += "</testsuites>\n"
        return xml
    }

    // MARK: Model

    /// One `testcase`: its attributes and the elements inside it.
    private struct Case {
        var name: String
        var classname: String
        /// Rendered child elements, each on its own line(s).
        var body: [String] = []
        var failed = false
        var errored = false
        var skipped = false

        var xml: String {
            var text = "    <testcase" + attribute("name", name) + attribute("classname", classname) + attribute("time", "0")
            if body.isEmpty { return text + "/>\n" }
            text += ">\n"
            for element in body { text += "      " + element + "\n" }
            return text + "    </testcase>\n"
        }
    }

    /// One `testsuite`.
    private struct Suite {
        var name: String
        var file: String?
        var properties: [(String, String)]
        var cases: [Case]

        var failures: Int { cases.filter(\.failed).count }
        var errors: Int { cases.filter(\.errored).count }
        var skipped: Int { cases.filter(\.skipped).count }

        var xml: String {
            var text = "  <testsuite" + attribute("name", name)
            text += attribute("tests", String(cases.count))
            text += attribute("failures", String(failures))
            text += attribute("errors", String(errors))
            text += attribute("skipped", String(skipped))
            text += attribute("time", "0")
            if let file { text += attribute("file", file) }
            text += ">\n"
            if !properties.isEmpty {
                text += "    <properties>\n"
                for (name, value) in properties {
                    text += "      <property" + attribute("name", name) + attribute("value", value) + "/>\n"
                }
                text += "    </properties>\n"
            }
            for testcase in cases { text += testcase.xml }
            return text + "  </testsuite>\n"
        }
    }

    // MARK: Building

    private static func suite(_ system: SystemReport, report: Report, unknownPolicy: UnknownPolicy) -> Suite {
        var properties: [(String, String)] = [
            ("system.id", system.systemID),
            ("system.name", system.systemName),
            ("as_of", report.asOf.description),
            ("gate", system.gate.rawValue),
        ]
        for fact in system.derived {
            properties.append(("derived.\(fact.namespace).\(fact.name)", fact.value ?? "unknown"))
        }
        var cases: [Case] = []
        for finding in system.findings where finding.status != .notApplicable {
            cases.append(testcase(finding, report: report, unknownPolicy: unknownPolicy))
        }
        return Suite(name: system.systemID, file: system.file, properties: properties, cases: cases)
    }

    private static func testcase(_ finding: Finding, report: Report, unknownPolicy: UnknownPolicy) -> Case {
        var testcase = Case(name: "\(finding.rule) \(finding.title)", classname: "\(finding.pack).\(finding.sector)")
        let say = report.strings
        let cite = say("label.cite") + " " + TextReporter.cite(finding.allCitations, report: report)
        let fix = say("label.fix") + " " + finding.remediation
        switch finding.status {
        case .fail:
            var lines: [String] = []
            for fact in finding.facts {
                let label = fact.role == .required ? "" : say(fact.role == .given ? "label.given" : "label.or") + " "
                lines.append("\(fact.location): \(label)\(TextReporter.factWords(fact, strings: say))")
            }
            lines.append(fix)
            lines.append(cite)
            testcase.body.append(element("failure", message: finding.message, type: finding.severity.rawValue, text: lines))
            testcase.failed = true
        case .unknown:
            let declare = say("junit.declare", ["facts": finding.missing.joined(separator: ", ")])
            if unknownPolicy == .fail {
                let lines = [declare, fix, cite]
                testcase.body.append(
                    element("failure", message: finding.message, type: finding.severity.rawValue, text: lines))
                testcase.failed = true
            } else {
                let note = say("junit.unknown_warn", ["message": finding.message]) + "\n" + declare
                testcase.body.append("<system-out>" + escape(note, attribute: false) + "</system-out>")
            }
        case .waived:
            let message = say("junit.waived", ["reason": finding.reason ?? say("status.waived")])
            testcase.body.append("<skipped" + attribute("message", message) + "/>")
            testcase.skipped = true
        case .upcoming:
            var message = say("junit.upcoming", ["reason": finding.reason ?? say("junit.not_in_force")])
            if let original = finding.originalStatus {
                message += say("junit.would_be", ["status": TextReporter.statusWord(original, say)])
            }
            testcase.body.append("<skipped" + attribute("message", message) + "/>")
            testcase.skipped = true
        case .pass, .notApplicable:
            break
        }
        return testcase
    }

    /// The `inputs` suite: one erroring testcase per file that could not be evaluated.
    private static func inputs(_ diagnostics: [Diagnostic]) -> Suite {
        var files: [String] = []
        var byFile: [String: [Diagnostic]] = [:]
        for diagnostic in diagnostics {
            let file = diagnostic.location?.file ?? "(input)"
            if byFile[file] == nil { files.append(file) }
            byFile[file, default: []].append(diagnostic)
        }
        var cases: [Case] = []
        for file in files {
            let problems = byFile[file] ?? []
            var testcase = Case(name: file, classname: "inputs")
            let lines = problems.map(\.description)
            if let first = problems.first(where: { $0.severity == .error }) {
                testcase.body.append(element("error", message: first.message, type: "input", text: lines))
                testcase.errored = true
            } else {
                testcase.body.append("<system-out>" + escape(lines.joined(separator: "\n"), attribute: false) + "</system-out>")
            }
            cases.append(testcase)
        }
        return Suite(name: "inputs", file: nil, properties: [], cases: cases)
    }

    // MARK: XML

    private static func element(_ name: String, message: String, type: String, text: [String]) -> String {
        "<\(name)" + attribute("message", message) + attribute("type", type) + ">"
            + escape(text.joined(separator: "\n"), attribute: false) + "</\(name)>"
    }

    /// ` name="value"`, escaped.
    private static func attribute(_ name: String, _ value: String) -> String {
        " \(name)=\"\(escape(value, attribute: true))\""
    }

    /// XML 1.0 text or attribute content: markup characters escaped, line breaks and tabs kept in
    /// attributes as character references, characters XML cannot hold replaced by U+FFFD.
    static func escape(_ text: String, attribute: Bool) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where attribute: output += "&quot;"
            case "'" where attribute: output += "&apos;"
            case "\n" where attribute: output += "&#10;"
            case "\r": output += "&#13;"
            case "\t" where attribute: output += "&#9;"
            case "\n", "\t": output.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
