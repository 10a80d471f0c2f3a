internal import ComplianceRules
internal import OrderedCollections

/// One piece of evidence a system declares, as the reports list it: where it is written, what it
/// points to, and what the evidence check found (read from the deciding fact of an `evidence`
/// condition, whose note names the outcome).
struct EvidenceRow: Sendable, Hashable {
    /// What the evidence check found.
    enum State: String, Sendable, Hashable, CaseIterable {
        case verified
        case present
        case hashMismatch = "hash_mismatch"
        case missing
        case stale
        case expired
        case urlNotVerified = "url_not_verified"
        case undated
        case notChecked = "not_checked"
        case notDeclared = "not_declared"

        /// Words for people.
        var label: String {
            switch self {
            case .verified: "verified (hash matches)"
            case .present: "present (no hash given)"
            case .hashMismatch: "hash mismatch"
            case .missing: "missing"
            case .stale: "stale"
            case .expired: "expired"
            case .urlNotVerified: "URL not verified"
            case .undated: "no date or a date after the as-of date"
            case .notChecked: "not checked (over a limit)"
            case .notDeclared: "not declared"
            }
        }

        /// Whether the evidence holds.
        var holds: Bool { self == .verified || self == .present || self == .urlNotVerified }
    }

    var path: String
    var file: String?
    var url: String?
    var sha256: String?
    var date: String?
    var expires: String?
    var state: State
    var note: String?
    var location: SourceLocation

    /// The evidence rows of a system's findings, one per fact path, in the order first seen; the
    /// findings' explanations are in the language of `strings`.
    static func rows(of findings: [Finding], strings: ReportStrings = .english) -> [EvidenceRow] {
        var rows: [EvidenceRow] = []
        var seen: Set<String> = []
        for finding in findings {
            for fact in finding.facts where fact.expected.hasPrefix(strings("expected.evidence")) {
                guard seen.insert(fact.path).inserted else { continue }
                rows.append(row(fact, strings: strings))
            }
        }
        return rows
    }

    static func row(_ fact: Finding.Fact, strings: ReportStrings = .english) -> EvidenceRow {
        var row = EvidenceRow(path: fact.path, state: .notDeclared, note: fact.note, location: fact.location)
        switch fact.actual {
        case .string(let text)?:
            if text.hasPrefix("https://") { row.url = text } else { row.file = text }
        case .map(let entries)?:
            row.file = entries["file"]?.stringValue
            row.url = entries["url"]?.stringValue
            row.sha256 = entries["sha256"]?.stringValue
            row.date = entries["date"].map(\.description)
            row.expires = entries["expires"].map(\.description)
        case nil, .null?:
            return row
        default:
            break
        }
        row.state = state(note: fact.note, hasHash: row.sha256 != nil, strings: strings)
        return row
    }

    /// The state the evidence checker's note describes (`nil`: the check passed), the note being
    /// written in the language of `strings` (`evidence.*`).
    static func state(note: String?, hasHash: Bool, strings: ReportStrings = .english) -> State {
        guard let note else { return hasHash ? .verified : .present }
        let states: [(keys: [String], state: State)] = [
            (["evidence.hash_mismatch"], .hashMismatch), (["evidence.stale"], .stale), (["evidence.expired"], .expired),
            (["evidence.url"], .urlNotVerified), (["evidence.future", "evidence.no_date"], .undated),
            (["evidence.too_big", "evidence.over_budget"], .notChecked),
        ]
        for (keys, state) in states where keys.contains(where: { matches(note, template: strings($0)) }) { return state }
        return .missing
    }

    /// Whether `text` can be `template` with its `{placeholders}` filled in: it starts with the
    /// template's first literal piece, ends with its last, and holds the others in order between.
    static func matches(_ text: String, template: String) -> Bool {
        var pieces: [Substring] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            pieces.append(rest[..<open])
            rest = rest[rest.index(after: close)...]
        }
        pieces.append(rest)
        guard let first = pieces.first, let last = pieces.last, text.hasPrefix(first) else { return false }
        var remaining = text.dropFirst(first.count)
        for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
            guard let range = remaining.firstRange(of: piece) else { return false }
            remaining = remaining[range.upperBound...]
        }
        return pieces.count == 1 ? remaining.isEmpty : remaining.hasSuffix(last)
    }
}
