/// Text taken from an input, made safe to print on a terminal or in a CI log.
///
/// Control characters (C0, DEL, C1), the bidirectional overrides and isolates, and the Unicode line
/// and paragraph separators are written as escapes (`\n`, `\t`, `\r`, `\u{1B}`, `\u{202E}`…), so an
/// input can neither move the cursor, clear the screen, reorder what a reader sees, nor start a line
/// of its own. A line may still begin with an input (a file path): `lineStart` keeps such a line
/// from beginning with `::`, which GitHub Actions reads as a workflow command.
package enum SafeText {
    /// `text` with every unsafe scalar escaped; the same string when nothing needs escaping.
    package static func escaped(_ text: String) -> String {
        // Printable ASCII needs nothing (most texts): bytes are checked before scalars are decoded.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard isUnsafe(scalar) else {
                output.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default: output += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return output
    }

    /// `escaped(text)`, prefixed with `./` when it would begin with `::` (for file paths, which
    /// begin diagnostic and report lines; `./` keeps the path equivalent).
    package static func lineStart(_ text: String) -> String {
        let safe = escaped(text)
        return safe.hasPrefix("::") ? "./" + safe : safe
    }

    /// Whether a scalar must not reach a terminal raw.
    package static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F: true  // Arabic letter mark, left-to-right and right-to-left marks
        case 0x202A...0x202E, 0x2066...0x2069: true  // bidi embeddings, overrides and isolates
        case 0x2028, 0x2029: true  // line and paragraph separators
        default: false
        }
    }
}
