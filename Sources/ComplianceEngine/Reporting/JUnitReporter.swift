public import ComplianceRules

/// JUnit XML for CI test dashboards (`--format junit`, DESIGN §5.3), valid against the common
/// `junit-10.xsd`.
///
/// One `testsuite` per system, one `testcase` per applicable rule (`classname` = `pack.sector`,
/// `name` = rule id and title): `failure` for fail (and for unknown under `--unknown fail`),
/// `skipped` for waived and upcoming (the unknown policy is the report's `settings`). Inputs that could not be evaluated form a testsuite named
/// `inputs` with one erroring testcase per file.
///
/// Consumers: a report of one suite has that `testsuite` as its root, the form Ant's `junitreport`
/// reads (it skips a `testsuites` root); several suites sit under `testsuites`. Rules are not timed
/// (outputs are deterministic), so each testcase carries a nominal `time` of 0.001 s, and suites
/// the sum: tools that divide by the total time (junit2html's matrix) need it above zero.
public enum JUnitReporter {
    /// The nominal time of one testcase, in milliseconds.
    static let nominalMilliseconds = 1

    /// The XML document, ending with a newline.
    public static func render(_ report: Report) -> String {
        var stream = Stream(header: report)
        return stream.render(systems: report.systems, errors: report.errors)
    }

    /// The JUnit document written system by system. The first suite is held back until a second
    /// one shows whether the root is that one `testsuite` (a run of one system) or a `testsuites`
    /// element; a streamed `testsuites` root names the tool but carries no totals (they are known
    /// only at the end; each suite carries its own, which is what consumers add up).
    public struct Stream: ReportStream {
        private let header: Report
        private var pending: Suite?
        private var rootOpen = false
        private var errors: [Diagnostic] = []

        public init(header: Report) { self.header = header }

        public mutating func begin() -> String { "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" }

        public mutating func add(_ system: SystemReport) -> String {
            emit(JUnitReporter.suite(system, report: header, unknownPolicy: header.settings.unknownPolicy))
        }

        public mutating func add(unevaluated problems: [Diagnostic]) -> String {
            errors += problems
            return ""
        }

        public mutating func end() -> String {
            var text = errors.isEmpty ? "" : emit(inputs(errors))
            if rootOpen { return text + "</testsuites>\n" }
            if let pending { text += pending.xml(indent: "") }
            return text
        }

        /// The text for one more suite.
        private mutating func emit(_ suite: Suite) -> String {
            if rootOpen { return suite.xml(indent: "  ") }
            guard let first = pending else {
                pending = suite
                return ""
            }
            pending = nil
            rootOpen = true
            return "<testsuites" + attribute("name", header.toolName) + ">\n" + first.xml(indent: "  ")
                + suite.xml(indent: "  ")
        }
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

        func xml(indent: String) -> String {
            var text =
                indent + "<testcase" + attribute("name", name) + attribute("classname", classname)
                + attribute("time", seconds(1))
            if body.isEmpty { return text + "/>\n" }
            text += ">\n"
            for element in body { text += indent + "  " + element + "\n" }
            return text + indent + "</testcase>\n"
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

        func xml(indent: String) -> String {
            var text = indent + "<testsuite" + attribute("name", name)
            text += attribute("tests", String(cases.count))
            text += attribute("failures", String(failures))
            text += attribute("errors", String(errors))
            text += attribute("skipped", String(skipped))
            text += attribute("time", seconds(cases.count))
            if let file { text += attribute("file", file) }
            text += ">\n"
            if !properties.isEmpty {
                text += indent + "  <properties>\n"
                for (name, value) in properties {
                    text += indent + "    <property" + attribute("name", name) + attribute("value", value) + "/>\n"
                }
                text += indent + "  </properties>\n"
            }
            for testcase in cases { text += testcase.xml(indent: indent + "  ") }
            return text + indent + "</testsuite>\n"
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

    /// The nominal time of `count` testcases in seconds: `0.001`, `0.046`, `1.200`.
    static func seconds(_ count: Int) -> String {
        let milliseconds = count * nominalMilliseconds
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

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
