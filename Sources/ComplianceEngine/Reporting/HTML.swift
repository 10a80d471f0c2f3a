internal import ComplianceRules

/// Escaping and small building blocks of the HTML report.
enum HTML {
    /// Text for an element's content or a quoted attribute value: `& < > " '` become character
    /// references, and control characters, bidi overrides and isolates, line separators and
    /// noncharacters are shown as visible escapes (`\u{202E}`), so an input can neither add markup
    /// nor reorder what a reader sees.
    static func text(_ value: String) -> String {
        var output = ""
        output.reserveCapacity(value.utf8.count + 8)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default:
                if SafeText.isUnsafe(scalar) {
                    output += SafeText.escaped(String(scalar))
                } else if isNoncharacter(scalar) {
                    output += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }

    /// U+FDD0…U+FDEF and the last two code points of every plane: parse errors in HTML.
    private static func isNoncharacter(_ scalar: Unicode.Scalar) -> Bool {
        (0xFDD0...0xFDEF).contains(scalar.value) || scalar.value & 0xFFFE == 0xFFFE
    }

    /// `https://…` or `http://…` links only; anything else is not linked.
    static func isWebLink(_ url: String) -> Bool {
        (url.hasPrefix("https://") || url.hasPrefix("http://"))
            && !url.unicodeScalars.contains { SafeText.isUnsafe($0) || $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" }
    }

    /// A `<code>` element holding escaped text.
    static func code(_ value: String) -> String { "<code>\(text(value))</code>" }

    /// An identifier safe in an `id` attribute and a fragment: letters, digits, `-` and `_`; other
    /// characters become `_` followed by their hex code.
    static func identifier(_ value: String) -> String {
        var output = ""
        for scalar in value.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" {
                output.unicodeScalars.append(scalar)
            } else {
                output += "_" + String(scalar.value, radix: 16)
            }
        }
        return output
    }
}
