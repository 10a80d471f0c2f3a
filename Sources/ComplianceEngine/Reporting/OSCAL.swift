internal import ComplianceRules
internal import Crypto
internal import Foundation

/// Shared pieces of the OSCAL documents (catalog, assessment results, mapping collection): the
/// OSCAL version compliance-trestle reads, deterministic version-5 UUIDs, property helpers and
/// deterministic JSON (sorted keys, as-of dates instead of the clock).
public enum OSCAL {
    /// The OSCAL version written: the one compliance-trestle 5.x models (`trestle.oscal.OSCAL_VERSION`).
    public static let version = "1.2.1"

    /// The namespace of our own property names (`severity`, `basis`, …).
    static let namespace = "https://compliance-check.invalid/ns/oscal"

    /// The version-5 UUID namespace of every UUID we write: itself the v5 UUID of
    /// `compliance-check/oscal` in the RFC 4122 URL namespace.
    static let uuidNamespace: [UInt8] = uuid5Bytes(
        namespace: [0x6B, 0xA7, 0xB8, 0x11, 0x9D, 0xAD, 0x11, 0xD1, 0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8],
        name: "compliance-check/oscal")

    /// A version-5 UUID (SHA-1 of our namespace and `parts` joined by `/`): the same parts give the
    /// same UUID on every run.
    public static func uuid(_ parts: String...) -> String {
        format(uuid5Bytes(namespace: uuidNamespace, name: parts.joined(separator: "/")))
    }

    static func uuid5Bytes(namespace: [UInt8], name: String) -> [UInt8] {
        var bytes = Array(Insecure.SHA1.hash(data: Data(namespace + Array(name.utf8))).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return bytes
    }

    static func format(_ bytes: [UInt8]) -> String {
        let hex = bytes.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }
        return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }.joined(separator: "-")
    }

    /// Midnight UTC of a date: OSCAL's timestamps, from the as-of date, never the clock.
    static func timestamp(_ date: CalendarDate) -> String { "\(date)T00:00:00Z" }

    /// Text on one line with no leading or trailing space (OSCAL titles and property values);
    /// control characters become spaces. `nil` when nothing is left.
    static func line(_ text: String) -> String? {
        var output = ""
        var space = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || SafeText.isUnsafe(scalar) {
                space = !output.isEmpty
                continue
            }
            if space { output += " " }
            space = false
            output.unicodeScalars.append(scalar)
        }
        return output.isEmpty ? nil : output
    }

    /// An OSCAL token (ids, property names): letters, digits, `_`, `-` and `.`, starting with a
    /// letter or `_`; other characters become `_`.
    static func token(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            let allowed =
                scalar.isASCII
                && (scalar.properties.isAlphabetic || scalar == "_" || scalar == "-" || scalar == "."
                    || ("0"..."9").contains(scalar))
            output += allowed ? String(scalar) : "_"
        }
        if let first = output.unicodeScalars.first, !(first.properties.isAlphabetic || first == "_") { output = "_" + output }
        return output.isEmpty ? "_" : output
    }

    /// A property in our namespace, or `nil` when the value is empty.
    static func prop(_ name: String, _ value: String, ns: Bool = true) -> [String: Any]? {
        guard let value = line(value) else { return nil }
        var property: [String: Any] = ["name": name, "value": value]
        if ns { property["ns"] = namespace }
        return property
    }

    /// Document metadata: the as-of date is `last-modified`, so reruns are byte-identical.
    static func metadata(title: String, version: String, asOf: CalendarDate?, remarks: String? = nil) -> [String: Any] {
        var metadata: [String: Any] = [
            "title": line(title) ?? "compliance-check",
            "last-modified": asOf.map(timestamp) ?? "1970-01-01T00:00:00Z",
            "version": line(version) ?? "0",
            "oscal-version": OSCAL.version,
            "props": [prop("generator", "\(ToolInfo.name) \(ToolInfo.version)")].compactMap { $0 },
        ]
        if let remarks { metadata["remarks"] = remarks }
        return metadata
    }

    /// The JSON text of a document: pretty, keys sorted, slashes unescaped, ending with a newline.
    static func render(_ document: [String: Any]) -> String {
        guard let data = json(document) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The members of an object, or the elements of an array, as `render` writes them `depth`
    /// levels deep in a document: without the enclosing brackets, every line indented to `depth`,
    /// lines separated by newlines and no newline at the end. A document written piece by piece
    /// from such fragments reads byte for byte as `render` would write the whole (JSON strings hold
    /// no raw newline, so re-indenting line by line is exact; empty lines stay empty).
    static func fragment(_ container: Any, depth: Int) -> String {
        guard let data = json(container) else { return "" }
        // Pretty JSON of a non-empty container: the opening bracket, the members, the closing one,
        // each on its own line.
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropFirst().dropLast()
        let indent = Array(repeating: UInt8(ascii: " "), count: 2 * max(depth - 1, 0))
        var text: [UInt8] = []
        text.reserveCapacity(data.count + lines.count * indent.count)
        for (index, line) in lines.enumerated() {
            if index > 0 { text.append(UInt8(ascii: "\n")) }
            if !line.isEmpty { text += indent }
            text += line
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func json(_ value: Any) -> Data? {
        try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    /// `Law … No. 230-VIII, Art. 17(1)`.
    static func citationText(_ citation: Citation, instruments: [String: Instrument]) -> String {
        let instrument = instruments[citation.instrument]
        let name = instrument.map { $0.title + ($0.number.map { " No. \($0)" } ?? "") } ?? citation.instrument
        return "\(name), \(citation.articleReference)"
    }

    /// The props of a citation: instrument, article, paragraph, subparagraph, basis.
    static func citationProps(_ citation: Citation) -> [[String: Any]] {
        [
            prop("instrument", citation.instrument), prop("article", citation.article),
            citation.paragraph.flatMap { prop("paragraph", $0) }, citation.subparagraph.flatMap { prop("subparagraph", $0) },
            prop("basis", citation.basis.rawValue),
        ].compactMap { $0 }
    }

    /// A link to the instrument's official text, when it has a web address.
    static func citationLink(_ citation: Citation, instruments: [String: Instrument]) -> [String: Any]? {
        guard let url = instruments[citation.instrument]?.url, url.hasPrefix("https://") || url.hasPrefix("http://") else {
            return nil
        }
        var link: [String: Any] = ["href": url, "rel": "reference"]
        if let text = line(citationText(citation, instruments: instruments)) { link["text"] = text }
        return link
    }
}
