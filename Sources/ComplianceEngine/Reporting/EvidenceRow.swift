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

    /// The evidence rows of a system's findings, one per fact path, in the order first seen.
    static func rows(of findings: [Finding]) -> [EvidenceRow] {
        var rows: [EvidenceRow] = []
        var seen: Set<String> = []
        for finding in findings {
            for fact in finding.facts where fact.expected.hasPrefix("evidence that exists") {
                guard seen.insert(fact.path).inserted else { continue }
                rows.append(row(fact))
            }
        }
        return rows
    }

    static func row(_ fact: Finding.Fact) -> EvidenceRow {
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
        row.state = state(note: fact.note, hasHash: row.sha256 != nil)
        return row
    }

    /// The state the evidence checker's note describes (`nil`: the check passed).
    static func state(note: String?, hasHash: Bool) -> State {
        guard let note else { return hasHash ? .verified : .present }
        if note.hasPrefix("hash mismatch") { return .hashMismatch }
        if note.hasPrefix("stale") { return .stale }
        if note.hasPrefix("expired") { return .expired }
        if note.hasPrefix("URL ") { return .urlNotVerified }
        if note.hasPrefix("dated ") || note.hasPrefix("no date") { return .undated }
        if note.contains("was not checked") { return .notChecked }
        return .missing
    }
}
