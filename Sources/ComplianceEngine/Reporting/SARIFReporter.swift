public import ComplianceRules

/// SARIF 2.1.0 for code-scanning dashboards (`--format sarif`, DESIGN §5.2).
///
/// One run; every loaded rule once in `tool.driver.rules` (plus the derived `…-DECLARED` rules that
/// have findings); one result per `fail`, `unknown` and `waived` finding, the waived ones carrying an
/// external suppression with the waiver's justification. Locations are normalised paths relative to
/// the source root, `uriBaseId` `%SRCROOT%` (declared in `originalUriBaseIds`); fingerprints are
/// `<system id>/<rule id>`, stable across runs.
public enum SARIFReporter {
    /// The base id of every artifact location under the source root.
    public static let sourceRootID = "%SRCROOT%"

    /// Where artifact URIs are relative to.
    public struct Paths: Sendable, Hashable {
        /// The source root (`--sarif-root`): a directory, absolute or relative to
        /// `workingDirectory`; `nil` is the working directory (in CI, the checkout).
        public var root: String?
        /// The absolute directory the files of the report were named from; needed only to relate
        /// relative file names to an absolute root (and the other way round).
        public var workingDirectory: String?

        public init(root: String? = nil, workingDirectory: String? = nil) {
            self.root = root
            self.workingDirectory = workingDirectory
        }
    }

    /// The JSON schema the output follows.
    static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The key of `partialFingerprints`.
    static let fingerprintKey = "complianceCheck/v1"

    /// The SARIF log, pretty-printed, ending with a newline.
    public static func render(_ report: Report, paths: Paths = Paths()) -> String {
        var stream = Stream(header: report, paths: paths)
        return stream.render(systems: report.systems, errors: report.errors)
    }

    /// A system's results, comma-separated, four levels in, made on a worker thread (the stream
    /// puts the separator before them).
    struct Renderer: SystemRenderer {
        let header: Report
        let resolver: PathResolver
        let index: [String: Int]

        static func isResult(_ finding: Finding) -> Bool {
            finding.status == .fail || finding.status == .unknown || finding.status == .waived
        }

        mutating func render(_ system: SystemReport) -> String {
            var text = ""
            for finding in system.findings where Self.isResult(finding) {
                let json = SARIFReporter.result(
                    finding, system: system, ruleIndex: index[finding.rule], report: header, resolver: resolver)
                text += (text.isEmpty ? "" : ",\n        ") + json.rendered(pretty: true, indent: 4)
            }
            return text
        }
    }

    /// The SARIF log written system by system: the rules first (every rule of the loaded packs,
    /// then their derived `…-DECLARED` checks), then each system's results, then the invocation
    /// (whether every input could be evaluated) and the run's properties, which are known last.
    public struct Stream: ReportStream {
        private let header: Report
        private let paths: Paths
        private let resolver: PathResolver
        private var renderer: Renderer
        private var tally = StreamTally()
        private var results = 0

        public init(header: Report, paths: Paths = Paths()) {
            self.header = header
            self.paths = paths
            resolver = PathResolver(paths)
            var index: [String: Int] = [:]
            for (position, descriptor) in SARIFReporter.ruleDescriptors(header).enumerated() {
                index[descriptor.id] = index[descriptor.id] ?? position
            }
            renderer = Renderer(header: header, resolver: resolver, index: index)
        }

        public mutating func begin() -> String {
            let driver: [(String, JSON)] = [
                ("name", .string(header.toolName)),
                ("version", .string(header.toolVersion)),
                ("semanticVersion", .string(header.toolVersion)),
                ("rules", .array(SARIFReporter.ruleDescriptors(header).map(\.json))),
            ]
            var text = "{\n"
            text += Self.field("$schema", .string(schemaURI), indent: 1) + ",\n"
            text += Self.field("version", .string("2.1.0"), indent: 1) + ",\n"
            text += "  \"runs\": [\n    {\n"
            text += Self.field("tool", .object([("driver", .object(driver))]), indent: 3) + ",\n"
            text +=
                Self.field(
                    "originalUriBaseIds",
                    .object([(sourceRootID, resolver.rootDescription(given: paths.root != nil, strings: header.strings))]),
                    indent: 3) + ",\n"
            text += Self.field("columnKind", .string("unicodeCodePoints"), indent: 3) + ",\n"
            return text + "      \"results\": ["
        }

        public mutating func add(_ system: SystemReport) -> String {
            add(system, rendered: renderer.render(system))
        }

        public func makeRenderer() -> (any SystemRenderer)? { renderer }

        public mutating func add(_ system: SystemReport, rendered: String) -> String {
            tally.add(system)
            guard !rendered.isEmpty else { return "" }
            let separator = results == 0 ? "\n        " : ",\n        "
            results += system.findings.count(where: Renderer.isResult)
            return separator + rendered
        }

        public mutating func add(unevaluated problems: [Diagnostic]) -> String {
            tally.add(unevaluated: problems)
            return ""
        }

        public mutating func end() -> String {
            var invocation: [(String, JSON)] = [("executionSuccessful", .bool(!tally.errors.containsErrors))]
            if !tally.errors.isEmpty {
                let resolver = self.resolver
                invocation.append(
                    ("toolExecutionNotifications", .array(tally.errors.map { notification($0, resolver: resolver) })))
            }
            var fields: [(String, JSON)] = [
                ("as_of", .string(header.asOf.description)),
                ("lang", .string(header.language.rawValue)),
                ("gate", .string(tally.gate.rawValue)),
                ("packs", .array(header.packs.map(JSONReporter.pack))),
                ("disclaimer", .string(Disclaimer.text(header.strings))),
            ]
            if let notice = Disclaimer.translationNotice(header.strings) {
                fields.append(("translation_notice", .string(notice)))
            }
            let properties: JSON = .object(fields)
            var text = results == 0 ? "],\n" : "\n      ],\n"
            text += Self.field("invocations", .array([.object(invocation)]), indent: 3) + ",\n"
            text += Self.field("properties", properties, indent: 3) + "\n"
            return text + "    }\n  ]\n}\n"
        }

        /// `"key": value` as a member of an object nested `indent - 1` levels deep.
        private static func field(_ key: String, _ value: JSON, indent: Int) -> String {
            String(repeating: "  ", count: indent) + JSON.string(key).rendered(pretty: false) + ": "
                + value.rendered(pretty: true, indent: indent)
        }
    }

    // MARK: Rules

    /// A rule as `tool.driver.rules` lists it.
    struct Descriptor {
        var id: String
        var json: JSON
    }

    /// Every rule of the report, then the derived `…-DECLARED` checks of its packs, by id, each once.
    static func ruleDescriptors(_ report: Report) -> [Descriptor] {
        var descriptors: [Descriptor] = []
        var seen: Set<String> = []
        for rule in report.rules where seen.insert(rule.id).inserted {
            descriptors.append(
                descriptor(
                    id: rule.id, title: rule.title, description: rule.description ?? rule.message,
                    remediation: rule.remediation, citations: rule.citations, severity: rule.severity,
                    category: rule.category, pack: rule.pack, sector: rule.sector, report: report))
        }
        for rule in report.declaredRules.sorted(by: { $0.id < $1.id }) where seen.insert(rule.id).inserted {
            descriptors.append(
                descriptor(
                    id: rule.id, title: rule.title, description: rule.description ?? report.strings("sarif.declared_description"),
                    remediation: rule.remediation,
                    citations: rule.citations, severity: rule.severity, category: rule.category, pack: rule.pack,
                    sector: "all", report: report))
        }
        return descriptors
    }

    private static func descriptor(
        id: String, title: String, description: String, remediation: String, citations: [Citation], severity: Severity,
        category: RuleCategory, pack: String, sector: String, report: Report
    ) -> Descriptor {
        let say = report.strings
        let cite = TextReporter.cite(citations, report: report)
        var tags: [String] = []
        let jurisdiction = report.packs.first { $0.id == pack }?.jurisdiction
        for tag in [category.rawValue, sector, jurisdiction].compactMap({ $0 }) where !tags.contains(tag) {
            tags.append(tag)
        }
        var fields: [(String, JSON)] = [
            ("id", .string(id)),
            ("name", .string(identifier(report.sourceTitles[id] ?? title))),
            ("shortDescription", .object([("text", .string(title))])),
            ("fullDescription", .object([("text", .string(description))])),
            ("defaultConfiguration", .object([("level", .string(level(severity)))])),
            (
                "help",
                .object([
                    ("text", .string(say("sarif.help", ["fix": remediation, "cite": cite]))),
                    (
                        "markdown",
                        .string(
                            say(
                                "sarif.help_markdown",
                                ["fix": MarkdownReporter.text(remediation), "cite": MarkdownReporter.text(cite)]))
                    ),
                ])
            ),
        ]
        if let url = citations.first.flatMap({ report.instruments[$0.instrument]?.url }) {
            fields.append(("helpUri", .string(url)))
        }
        fields.append(
            (
                "properties",
                .object([
                    ("tags", .array(tags.map(JSON.string))),
                    ("security-severity", .string(securitySeverity(severity))),
                    ("severity", .string(severity.rawValue)),
                    ("pack", .string(pack)),
                ])
            ))
        return Descriptor(id: id, json: .object(fields))
    }

    // MARK: Results

    static func result(
        _ finding: Finding, system: SystemReport, ruleIndex: Int?, report: Report, resolver: PathResolver
    ) -> JSON {
        let decided = finding.originalStatus ?? finding.status
        var fields: [(String, JSON)] = [("ruleId", .string(finding.rule))]
        if let ruleIndex { fields.append(("ruleIndex", .int(ruleIndex))) }
        fields.append(("level", .string(decided == .unknown ? "warning" : level(finding.severity))))
        fields.append(("message", .object([("text", .string(message(finding, report.strings)))])))
        let location = finding.location ?? SourceLocation(file: system.file, line: 1, column: 1)
        fields.append(("locations", .array([self.location(location, resolver: resolver)])))
        fields.append(("partialFingerprints", .object([(fingerprintKey, .string("\(system.systemID)/\(finding.rule)"))])))
        if let waiver = finding.waiver {
            let say = report.strings
            var justification = waiver.reason + " (" + say("sarif.approved_by", ["approver": waiver.approvedBy])
            if let ticket = waiver.ticket { justification += say("sarif.ticket", ["ticket": ticket]) }
            justification += say("sarif.expires", ["date": waiver.expires.description]) + ")"
            fields.append(
                (
                    "suppressions",
                    .array([
                        .object([
                            ("kind", .string("external")), ("status", .string("accepted")),
                            ("justification", .string(justification)),
                        ])
                    ])
                ))
        }
        var properties: [(String, JSON)] = [
            ("status", .string(finding.status.rawValue)),
            ("system", .string(system.systemID)),
            ("file", .string(system.file)),
            ("severity", .string(finding.severity.rawValue)),
            ("citation", .string(TextReporter.cite(finding.citation, report: report))),
        ]
        if finding.allCitations.count > 1 {
            properties.append(("citations", .array(finding.allCitations.map { .string(TextReporter.cite($0, report: report)) })))
        }
        if let original = finding.originalStatus { properties.append(("original_status", .string(original.rawValue))) }
        if !finding.missing.isEmpty { properties.append(("missing", .array(finding.missing.map(JSON.string)))) }
        fields.append(("properties", .object(properties)))
        return .object(fields)
    }

    /// The finding's message, with the deciding facts or the facts to declare.
    private static func message(_ finding: Finding, _ say: ReportStrings) -> String {
        let decided = finding.originalStatus ?? finding.status
        var text = finding.message
        if decided == .unknown, !finding.missing.isEmpty, !text.contains(finding.missing[0]) {
            text += " " + say("sarif.declare", ["facts": finding.missing.joined(separator: ", ")])
        }
        if decided == .fail, !finding.facts.isEmpty {
            let facts = finding.facts.map {
                say(
                    "sarif.fact",
                    ["path": $0.path, "actual": $0.actual?.description ?? say("fact.absent"), "expected": $0.expected])
            }
            text += " (" + facts.joined(separator: "; ") + ")"
        }
        if let waiver = finding.waiver {
            text += " " + say("sarif.waived", ["expires": waiver.expires.description, "approver": waiver.approvedBy])
        }
        return text
    }

    private static func location(_ location: SourceLocation, resolver: PathResolver) -> JSON {
        .object([
            (
                "physicalLocation",
                .object([
                    ("artifactLocation", resolver.artifactLocation(location.file)),
                    (
                        "region",
                        .object([
                            ("startLine", .int(max(1, location.line))), ("startColumn", .int(max(1, location.column))),
                        ])
                    ),
                ])
            )
        ])
    }

    static func notification(_ diagnostic: Diagnostic, resolver: PathResolver) -> JSON {
        var fields: [(String, JSON)] = []
        if let location = diagnostic.location {
            fields.append(("locations", .array([self.location(location, resolver: resolver)])))
        }
        fields.append(("message", .object([("text", .string(diagnostic.message))])))
        let level: String
        switch diagnostic.severity {
        case .error: level = "error"
        case .warning: level = "warning"
        case .note: level = "note"
        }
        fields.append(("level", .string(level)))
        return .object(fields)
    }

    // MARK: Helpers

    /// `error` for critical and high, `warning` for medium and low, `note` for info.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium, .low: "warning"
        case .info: "note"
        }
    }

    /// The 0–10 score code-scanning tools sort by, as a string (GitHub rejects a JSON number).
    static func securitySeverity(_ severity: Severity) -> String {
        switch severity {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        case .info: "0.0"
        }
    }

    /// A relative URI reference for a file as the user named it (`file://` for absolute paths),
    /// percent-encoding what a URI cannot hold.
    static func uri(_ file: String) -> String {
        var encoded = ""
        for byte in file.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            case _ where "-._~/!$&'()*+,;=@".utf8.contains(byte):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: ":") where !encoded.isEmpty && encoded.contains("/"):
                encoded += ":"
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return file.hasPrefix("/") ? "file://" + encoded : encoded
    }

    /// `PeopleAreToldThatAnAISystemProvidesTheService` from a title.
    static func identifier(_ title: String) -> String {
        var name = ""
        for word in title.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }) {
            guard let first = word.first else { continue }
            name += first.uppercased() + word.dropFirst()
        }
        return name.isEmpty ? "Rule" : name
    }
}
