extension YAMLEventParser {
    /// The events libyaml reports for `bytes`, one per element, in the notation of the YAML test
    /// suite's `test.event` files (`+STR`, `+DOC ---`, `+MAP {} &a <tag>`, `=VAL :text`, `=ALI *a`, …).
    ///
    /// Tags are written as libyaml resolves them (`<tag:yaml.org,2002:str>`); a document start or
    /// end that libyaml reports as implicit is written without `---` or `...`. Used by the
    /// conformance tests; throws libyaml's error as a `Diagnostic`.
    static func testEvents(of bytes: [UInt8], file: String = "in.yaml") throws(Diagnostic) -> [String] {
        try withParser(over: bytes, file: file) { parser throws(Diagnostic) in
            var lines: [String] = []
            while true {
                let event = try parser.next()
                lines.append(event.testNotation)
                if case .streamEnd = event.kind { return lines }
            }
        }
    }
}

extension YAMLEvent {
    /// This event in `test.event` notation.
    var testNotation: String {
        var properties = ""
        if let anchor { properties += " &\(anchor)" }
        if let tag { properties += " <\(tag)>" }
        switch kind {
        case .streamStart:
            return "+STR"
        case .streamEnd:
            return "-STR"
        case .documentStart(let explicit):
            return explicit ? "+DOC ---" : "+DOC"
        case .documentEnd(let explicit):
            return explicit ? "-DOC ..." : "-DOC"
        case .mappingStart(let flow):
            return "+MAP" + (flow ? " {}" : "") + properties
        case .mappingEnd:
            return "-MAP"
        case .sequenceStart(let flow):
            return "+SEQ" + (flow ? " []" : "") + properties
        case .sequenceEnd:
            return "-SEQ"
        case .scalar(let text, let style):
            let indicator =
                switch style {
                case .plain: ":"
                case .singleQuoted: "'"
                case .doubleQuoted: "\""
                case .literal: "|"
                case .folded: ">"
                }
            return "=VAL" + properties + " " + indicator + Self.escaped(text)
        case .alias(let name):
            return "=ALI *\(name)"
        }
    }

    /// `\\`, NUL, backspace, line feed, carriage return and tab escaped as the test suite writes them.
    private static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\0": result += "\\0"
            case "\u{08}": result += "\\b"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
