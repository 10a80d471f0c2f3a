import ComplianceRules

/// Writes values as YAML that the YAML 1.2 core schema (our reader) and YAML 1.1 readers both
/// read back as the same value: plain where that is unambiguous, double-quoted otherwise;
/// lists and mappings in flow style.
enum YAMLScalar {
    static func render(_ value: Value, flow: Bool) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double: return value.description
        case .date(let date): return date.description
        case .string(let text): return isPlain(text, flow: flow) ? text : quoted(text)
        case .list(let elements): return "[" + elements.map { render($0, flow: true) }.joined(separator: ", ") + "]"
        case .map(let entries):
            let fields = entries.map {
                (isPlain($0.key, flow: true) ? $0.key : quoted($0.key)) + ": " + render($0.value, flow: true)
            }
            return "{" + fields.joined(separator: ", ") + "}"
        }
    }

    static func quoted(_ text: String) -> String {
        var output = ""
        JSON.quote(text, into: &output)
        return output
    }

    /// Words that some YAML reader takes for a boolean or null.
    private static let reserved: Set<String> = ["true", "false", "null", "~", "yes", "no", "on", "off", "y", "n"]

    /// Whether `text` can be written without quotes and still read back as this string.
    static func isPlain(_ text: String, flow: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if first == " " || last == " " || last == ":" { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }) {
            return false
        }
        if text.contains(": ") || text.contains(" #") { return false }
        if flow, text.unicodeScalars.contains(where: { ",[]{}:".unicodeScalars.contains($0) }) { return false }
        if reserved.contains(text.lowercased()) { return false }
        return !looksNumeric(text) || CalendarDate(text) != nil && text.utf8.count == 10
    }

    /// Starts like a number (`1`, `-2`, `+.5`, `.inf`, `0x1F`…): some reader may take it for one.
    private static func looksNumeric(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if let sign = scalars.first, sign == "+" || sign == "-" { scalars = scalars.dropFirst() }
        if scalars.first == "." { scalars = scalars.dropFirst() }
        guard let next = scalars.first else { return false }
        let rest = String(String.UnicodeScalarView(scalars)).lowercased()
        return ("0"..."9").contains(next) || rest == "inf" || rest == "nan"
    }
}
