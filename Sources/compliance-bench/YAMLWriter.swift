import ComplianceRules
import OrderedCollections

/// Writes a `Value` as block-style YAML the way people write system descriptions: nested
/// mappings, flow lists of scalars, folded text for long strings, quotes only where needed.
enum YAMLWriter {
    static func document(_ value: Value, comment: String) -> String {
        var out = ""
        for line in comment.split(separator: "\n") { out += "# \(line)\n" }
        if case .map(let entries) = value {
            for (key, child) in entries { entry(key, child, indent: 0, into: &out) }
        }
        return out
    }

    private static func entry(_ key: String, _ value: Value, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        switch value {
        case .map(let entries) where entries.isEmpty:
            out += "\(pad)\(key): {}\n"
        case .map(let entries):
            if entries.count <= 3, entries.values.allSatisfy(isShortScalar) {
                out += "\(pad)\(key): {" + entries.map { "\($0.key): \(scalar($0.value))" }.joined(separator: ", ") + "}\n"
            } else {
                out += "\(pad)\(key):\n"
                for (childKey, child) in entries { entry(childKey, child, indent: indent + 2, into: &out) }
            }
        case .list(let elements) where elements.allSatisfy(isShortScalar):
            out += "\(pad)\(key): [" + elements.map(scalar).joined(separator: ", ") + "]\n"
        case .list(let elements):
            out += "\(pad)\(key):\n"
            for element in elements {
                if case .map(let entries) = element {
                    var first = true
                    for (childKey, child) in entries {
                        var line = ""
                        entry(childKey, child, indent: indent + 4, into: &line)
                        if first {
                            line = pad + "  - " + line.dropFirst(indent + 4)
                            first = false
                        }
                        out += line
                    }
                } else {
                    out += "\(pad)  - \(scalar(element))\n"
                }
            }
        case .string(let text) where text.count > 80:
            out += "\(pad)\(key): >-\n"
            for line in wrap(text, width: 88 - indent) { out += "\(pad)  \(line)\n" }
        default:
            out += "\(pad)\(key): \(scalar(value))\n"
        }
    }

    private static func isShortScalar(_ value: Value) -> Bool {
        switch value {
        case .list, .map: false
        case .string(let text): text.count <= 40
        default: true
        }
    }

    /// A scalar in plain style when that reads back as the same string, else double-quoted.
    static func scalar(_ value: Value) -> String {
        switch value {
        case .string(let text): isPlainSafe(text) ? text : quoted(text)
        default: value.description
        }
    }

    private static func isPlainSafe(_ text: String) -> Bool {
        // Dates are written bare, as people write them (the reader keeps them as strings).
        if text.utf8.count == 10, CalendarDate(text) != nil { return true }
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic, text.count <= 200 else { return false }
        if ["true", "false", "null", "True", "False", "Null", "TRUE", "FALSE", "NULL"].contains(text) { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || " ._-/()".unicodeScalars.contains(scalar)
        } && !text.hasSuffix(" ")
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
