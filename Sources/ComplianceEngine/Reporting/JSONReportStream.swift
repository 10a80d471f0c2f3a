public import ComplianceRules

/// The JSON report written system by system. The keys come in the order of `Report`'s encoding,
/// except that `gate` and `errors` follow `systems` (they are known only at the end); readers of
/// JSON do not depend on key order, and `Report(json:)` reads either.
public struct JSONReportStream: ReportStream {
    private let header: Report
    private var tally = StreamTally()
    private var renderer: Renderer

    /// A stream for a report whose header (tool, as-of date, settings, packs) is `header`'s.
    public init(header: Report) {
        self.header = header
        renderer = Renderer(detail: header.settings.detail)
    }

    public mutating func begin() -> String {
        var text = "{\n"
        let fields: [(String, String)] = [
            ("schema", Self.text(Report.schema)),
            ("tool", Self.text(Tool(name: header.toolName, version: header.toolVersion))),
            ("as_of", Self.text(header.asOf.description)),
            ("lang", Self.text(header.language.rawValue)),
            ("settings", Self.text(header.settings)),
            ("packs", Self.text(header.packs)),
        ]
        for (key, value) in fields { text += Self.field(key, value) + ",\n" }
        return text + "  \"systems\": ["
    }

    public mutating func add(_ system: SystemReport) -> String {
        add(system, rendered: renderer.render(system))
    }

    public func makeRenderer() -> (any SystemRenderer)? { renderer }

    public mutating func add(_ system: SystemReport, rendered: String) -> String {
        let separator = tally.systems == 0 ? "\n    " : ",\n    "
        tally.add(system)
        return separator + rendered
    }

    /// A system's object, two levels in, made on a worker thread.
    struct Renderer: SystemRenderer {
        let detail: Report.Detail
        /// Each rule's constant members, written once by this renderer.
        private var fragments = JSONFragments()

        init(detail: Report.Detail) { self.detail = detail }

        mutating func render(_ system: SystemReport) -> String {
            JSONReportStream.text(DetailedSystem(system: system, detail: detail), indent: 2, fragments: &fragments)
        }
    }

    public mutating func add(unevaluated problems: [Diagnostic]) -> String {
        tally.add(unevaluated: problems)
        return ""
    }

    public mutating func end() -> String {
        var text = tally.systems == 0 ? "],\n" : "\n  ],\n"
        if !tally.errors.isEmpty { text += Self.field("errors", Self.text(tally.errors)) + ",\n" }
        text += Self.field("gate", Self.text(tally.gate.rawValue)) + ",\n"
        text += Self.field("disclaimer", Self.text(Disclaimer.text(header.strings)))
        if let notice = Disclaimer.translationNotice(header.strings) {
            text += ",\n" + Self.field("translation_notice", Self.text(notice))
        }
        return text + "\n}\n"
    }

    /// `  "key": value` at the top level of the document (`value` already rendered one level in).
    private static func field(_ key: String, _ value: String) -> String {
        "  " + JSON.string(key).rendered(pretty: false) + ": " + value
    }

    /// The report's tool, as its `tool` object.
    private struct Tool: Encodable {
        let name: String
        let version: String
    }

    /// `value` as JSON, pretty-printed `indent` levels deep or on one line. The encoder only fails
    /// on an integer beyond `Int`, which no report value holds; should it ever, the output says so
    /// instead of trapping.
    static func text(_ value: some Encodable, pretty: Bool = true, indent: Int = 1) -> String {
        var fragments = JSONFragments()
        return text(value, pretty: pretty, indent: indent, fragments: &fragments)
    }

    /// `text(_:pretty:indent:)`, reusing the rule members in `fragments`.
    static func text(
        _ value: some Encodable, pretty: Bool = true, indent: Int = 1, fragments: inout JSONFragments, terminator: String = ""
    ) -> String {
        do {
            return try JSONTextEncoder.encode(
                value, pretty: pretty, indent: indent, fragments: &fragments, terminator: terminator)
        } catch {
            return JSON.object([("error", .string("the report could not be encoded: \(error)"))])
                .rendered(pretty: pretty, indent: indent) + terminator
        }
    }
}
