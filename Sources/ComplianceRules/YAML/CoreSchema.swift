/// Resolution of plain scalars under the YAML 1.2 core schema: `null`, `true`/`false`, decimal,
/// octal (`0o`) and hexadecimal (`0x`) integers, floats with `.inf`/`.nan`; everything else is a
/// string (so `NO`, `yes` and `on` stay strings).
enum CoreSchema {
    /// The outcome of resolving a plain scalar.
    enum Resolution: Equatable {
        case value(Value)
        /// An integer that does not fit in 64 bits.
        case overflow
    }

    static func resolve(plain text: String) -> Resolution {
        // The words below are at most 6 bytes and start with one of `~nNtTfF.+-`: most scalars
        // (names, enumeration values) skip comparing with each of them.
        let lead = text.utf8.first
        if text.utf8.count <= 6, lead.map({ Self.specialLeads.contains($0) }) ?? true {
            if let special = special(text) { return special }
        }
        guard let first = lead else { return .value(.string(text)) }
        // Cheap exit: every number starts with a digit, a sign or a dot.
        guard isDigit(first) || first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
        else { return .value(.string(text)) }
        if let integer = integer(text) { return integer }
        if isFloat(text), let number = Double(text) { return .value(.double(number)) }
        return .value(.string(text))
    }

    /// The first bytes of the null, boolean, infinity and not-a-number words.
    private static let specialLeads: [UInt8] = Array("~nNtTfF.+-".utf8)

    /// The null, boolean, infinity or not-a-number value `text` spells, if it spells one.
    private static func special(_ text: String) -> Resolution? {
        switch text {
        case "", "~", "null", "Null", "NULL": return .value(.null)
        case "true", "True", "TRUE": return .value(.bool(true))
        case "false", "False", "FALSE": return .value(.bool(false))
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .value(.double(.infinity))
        case "-.inf", "-.Inf", "-.INF": return .value(.double(-.infinity))
        case ".nan", ".NaN", ".NAN": return .value(.double(.nan))
        default: return nil
        }
    }

    /// A core-schema integer, or `nil` when `text` is not written as one.
    private static func integer(_ text: String) -> Resolution? {
        // A short plain scalar is a small string: its bytes are read in place, no array made.
        var contiguous = text
        return contiguous.withUTF8 { integer(text, bytes: $0) }
    }

    private static func integer(_ text: String, bytes: UnsafeBufferPointer<UInt8>) -> Resolution? {
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "o") {
            let digits = bytes[2...]
            guard digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }) else { return nil }
            return Int(String(decoding: digits, as: UTF8.self), radix: 8).map { .value(.int($0)) } ?? .overflow
        }
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "x") {
            let digits = bytes[2...]
            guard digits.allSatisfy(isHexDigit) else { return nil }
            return Int(String(decoding: digits, as: UTF8.self), radix: 16).map { .value(.int($0)) } ?? .overflow
        }
        var digits = bytes[...]
        if let sign = digits.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy(isDigit) else { return nil }
        return Int(text).map { .value(.int($0)) } ?? .overflow
    }

    /// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
    private static func isFloat(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let integerDigits = bytes.prefix(while: isDigit).count
        bytes = bytes.dropFirst(integerDigits)
        var fractionDigits = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fractionDigits = bytes.prefix(while: isDigit).count
            bytes = bytes.dropFirst(fractionDigits)
            if integerDigits == 0 && fractionDigits == 0 { return false }
        } else if integerDigits == 0 {
            return false
        }
        if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            let exponentDigits = bytes.prefix(while: isDigit).count
            guard exponentDigits > 0 else { return false }
            bytes = bytes.dropFirst(exponentDigits)
        }
        return bytes.isEmpty
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }
}
