public import ComplianceRules

/// The JSON report written system by system. The keys come in the order of `Report`'s encoding,
/// except that `gate` and `errors` follow `systems` (they are known only at the end); readers of
/// JSON do not depend on key order, and `Report(json:)` reads either.
public struct JSONReportStream: ReportStream {
    private let header: Report
    private var tally = StreamTally()

    /// A stream for a report whose header (tool, as-of date, settings, packs) is `header`'s.
    public init(header: Report) {
        self.header = header
    }

    public mutating func begin() -> String {
        var text = "{\n"
        let fields: [(String, JSON)] = [
            ("schema", .string(Report.schema)),
            ("tool", .object([("name", .string(header.toolName)), ("version", .string(header.toolVersion))])),
            ("as_of", .string(header.asOf.description)),
            ("lang", .string(header.language.rawValue)),
            ("settings", Self.tree(header.settings)),
            ("packs", Self.tree(header.packs)),
        ]
        for (key, value) in fields { text += Self.field(key, value) + ",\n" }
        return text + "  \"systems\": ["
    }

    public mutating func add(_ system: SystemReport) -> String {
        let separator = tally.systems == 0 ? "\n    " : ",\n    "
        tally.add(system)
        return separator
            + Self.tree(DetailedSystem(system: system, detail: header.settings.detail)).rendered(pretty: true, indent: 2)
    }

    public mutating func add(unevaluated problems: [Diagnostic]) -> String {
        tally.add(unevaluated: problems)
        return ""
    }

    public mutating func end() -> String {
        var text = tally.systems == 0 ? "],\n" : "\n  ],\n"
        if !tally.errors.isEmpty { text += Self.field("errors", Self.tree(tally.errors)) + ",\n" }
        text += Self.field("gate", .string(tally.gate.rawValue)) + ",\n"
        text += Self.field("disclaimer", .string(Disclaimer.text(header.strings)))
        if let notice = Disclaimer.translationNotice(header.strings) {
            text += ",\n" + Self.field("translation_notice", .string(notice))
        }
        return text + "\n}\n"
    }

    /// `  "key": value` at the top level of the document.
    private static func field(_ key: String, _ value: JSON) -> String {
        "  " + JSON.string(key).rendered(pretty: false) + ": " + value.rendered(pretty: true, indent: 1)
    }

    /// The encoder only fails on an integer beyond `Int`, which no report value holds; should it
    /// ever, the output says so instead of trapping.
    static func tree(_ value: some Encodable) -> JSON {
        do {
            return try JSONTreeEncoder.encode(value)
        } catch {
            return .object([("error", .string("the report could not be encoded: \(error)"))])
        }
    }
}
