public import ComplianceRules

/// The JSON report (`--format json`, DESIGN §5.1) and its one-system-per-line form (`jsonl`): the
/// report model encoded (see `Report+Codable.swift`), so `Report(json:)` reads it back.
public enum JSONReporter {
    /// The whole report, pretty-printed, ending with a newline.
    public static func render(_ report: Report) -> String {
        var stream = JSONReportStream(header: report)
        return stream.render(systems: report.systems, errors: report.errors)
    }

    /// JSON Lines: one system per line, then one line per input that could not be evaluated.
    public struct LineStream: ReportStream {
        private let detail: Report.Detail

        /// Lines whose `pass` and `not_applicable` findings are written at `detail`.
        public init(detail: Report.Detail = .compact) {
            self.detail = detail
            renderer = Renderer(detail: detail)
        }

        public mutating func begin() -> String { "" }
        private var renderer: Renderer

        public mutating func add(_ system: SystemReport) -> String { renderer.render(system) }
        public func makeRenderer() -> (any SystemRenderer)? { renderer }
        public mutating func add(_ system: SystemReport, rendered: String) -> String { rendered }
        public mutating func add(unevaluated problems: [Diagnostic]) -> String {
            problems.filter { $0.severity == .error }.map(JSONReporter.renderLine).joined()
        }
        public mutating func end() -> String { "" }
    }

    /// A system's line, made on a worker thread.
    struct Renderer: SystemRenderer {
        let detail: Report.Detail
        /// Each rule's constant members, written once by this renderer.
        private var fragments = JSONFragments()

        init(detail: Report.Detail) { self.detail = detail }

        mutating func render(_ system: SystemReport) -> String {
            JSONReportStream.text(
                DetailedSystem(system: system, detail: detail), pretty: false, fragments: &fragments, terminator: "\n")
        }
    }

    /// One system object on one line, ending with a newline (for `jsonl`); `pass` and
    /// `not_applicable` findings compact unless `detail` is `full`.
    public static func renderLine(_ system: SystemReport, detail: Report.Detail = .compact) -> String {
        JSONReportStream.text(DetailedSystem(system: system, detail: detail), pretty: false) + "\n"
    }

    /// One input that could not be evaluated, on one line (for `jsonl`).
    public static func renderLine(_ diagnostic: Diagnostic) -> String {
        "{\"error\":" + JSONReportStream.text(diagnostic, pretty: false) + "}\n"
    }

    /// A pack as other reports' pack lists name it: id, version and, when stated, the date of the
    /// law text.
    static func pack(_ pack: PackInfo) -> JSON {
        var fields: [(String, JSON)] = [("id", .string(pack.id)), ("version", .string(pack.version))]
        if let date = pack.lawVersionDate { fields.append(("law_version_date", .string(date.description))) }
        return .object(fields)
    }
}

/// The statement every report carries.
public enum Disclaimer {
    public static let text =
        "compliance-check gives compliance signals from the facts declared; it is not legal advice. Rules paraphrase the law and say how sure each citation is (basis)."

    /// The statement in the language of `strings`.
    public static func text(_ strings: ReportStrings) -> String { strings("disclaimer.full") }

    /// In a `ru` or `kk` report: one line, in that language, saying that the translations are ours
    /// and not official; `nil` in English.
    public static func translationNotice(_ strings: ReportStrings) -> String? {
        strings.language == .en ? nil : strings("disclaimer.translation")
    }
}
