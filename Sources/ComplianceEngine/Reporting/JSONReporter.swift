public import ComplianceRules

/// The JSON report (`--format json`, DESIGN §5.1) and its one-system-per-line form (`jsonl`): the
/// report model encoded (see `Report+Codable.swift`), so `Report(json:)` reads it back.
public enum JSONReporter {
    /// The whole report, pretty-printed, ending with a newline.
    public static func render(_ report: Report) -> String {
        encode(report).rendered() + "\n"
    }

    /// One system object on one line, ending with a newline (for `jsonl`).
    public static func renderLine(_ system: SystemReport) -> String {
        encode(system).rendered(pretty: false) + "\n"
    }

    /// One input that could not be evaluated, on one line (for `jsonl`).
    public static func renderLine(_ diagnostic: Diagnostic) -> String {
        JSON.object([("error", encode(diagnostic))]).rendered(pretty: false) + "\n"
    }

    /// A pack as other reports' pack lists name it: id, version and, when stated, the date of the
    /// law text.
    static func pack(_ pack: PackInfo) -> JSON {
        var fields: [(String, JSON)] = [("id", .string(pack.id)), ("version", .string(pack.version))]
        if let date = pack.lawVersionDate { fields.append(("law_version_date", .string(date.description))) }
        return .object(fields)
    }

    /// The tree encoder only fails on an integer beyond `Int`, which no report value holds; should
    /// it ever, the output says so instead of trapping.
    private static func encode(_ value: some Encodable) -> JSON {
        do {
            return try JSONTreeEncoder.encode(value)
        } catch {
            return .object([("error", .string("the report could not be encoded: \(error)"))])
        }
    }
}

/// The statement every report carries.
public enum Disclaimer {
    public static let text =
        "compliance-check gives compliance signals from the facts declared; it is not legal advice. Rules paraphrase the law and say how sure each citation is (basis)."
}
