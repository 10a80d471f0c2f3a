public import ComplianceRules

/// A JSON value with keys kept in the order written, rendered deterministically.
public indirect enum JSON: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public static func == (lhs: JSON, rhs: JSON) -> Bool { lhs.rendered(pretty: false) == rhs.rendered(pretty: false) }
    public func hash(into hasher: inout Hasher) { hasher.combine(rendered(pretty: false)) }

    /// A JSON value from a document value (dates become `YYYY-MM-DD` strings).
    public init(_ value: Value) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .int(number)
        case .double(let number): self = number.isFinite ? .double(number) : .string(value.description)
        case .string(let text): self = .string(text)
        case .date(let date): self = .string(date.description)
        case .list(let elements): self = .array(elements.map(JSON.init))
        case .map(let entries): self = .object(entries.map { ($0.key, JSON($0.value)) })
        }
    }

    /// `"text"` or `null`.
    static func optional(_ text: String?) -> JSON { text.map(JSON.string) ?? .null }

    /// The JSON text: pretty (two-space indent, one key per line) or compact on one line.
    public func rendered(pretty: Bool = true) -> String {
        var output = ""
        write(to: &output, pretty: pretty, indent: 0)
        return output
    }

    private func write(to output: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .double(let number):
            if number == number.rounded(), abs(number) < 1e15 {
                output += String(Int(number)) + ".0"
            } else {
                output += String(number)
            }
        case .string(let text): Self.quote(text, into: &output)
        case .array(let elements):
            if elements.isEmpty {
                output += "[]"
                return
            }
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                if pretty { newline(&output, indent + 1) }
                element.write(to: &output, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(&output, indent) }
            output += "]"
        case .object(let entries):
            if entries.isEmpty {
                output += "{}"
                return
            }
            output += "{"
            for (index, entry) in entries.enumerated() {
                if index > 0 { output += "," }
                if pretty { newline(&output, indent + 1) }
                Self.quote(entry.0, into: &output)
                output += pretty ? ": " : ":"
                entry.1.write(to: &output, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(&output, indent) }
            output += "}"
        }
    }

    private func newline(_ output: inout String, _ indent: Int) {
        output += "\n"
        output += String(repeating: "  ", count: indent)
    }

    static func quote(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
