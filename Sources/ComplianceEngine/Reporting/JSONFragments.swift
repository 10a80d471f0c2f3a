/// JSON members that a rule writes the same way in every system (its title, severity, category,
/// pack, sector, citations, remediation), kept as bytes by one renderer and copied into each
/// finding after the first: the rule's constant text is escaped once per run, not once per system.
///
/// An entry counts only for the very rule text it was made from (the engine's shared box) and at
/// the same depth; a finding whose text differs (a changed field, a decoded report) is written
/// afresh. Entries are bounded by the rules of the run.
struct JSONFragments: Sendable {
    struct Key: Hashable, Sendable {
        var rule: String
        var slot: Int
        var indent: Int
        var pretty: Bool
    }

    private struct Entry: Sendable {
        let text: Finding.RuleText
        let bytes: [UInt8]
    }

    private var entries: [Key: Entry] = [:]

    func bytes(for key: Key, text: Finding.RuleText) -> [UInt8]? {
        guard let entry = entries[key], entry.text === text else { return nil }
        return entry.bytes
    }

    mutating func store(_ bytes: [UInt8], for key: Key, text: Finding.RuleText) {
        // Only the engine's own texts are shared by many findings; any other would never be hit.
        guard text.rank != nil else { return }
        entries[key] = Entry(text: text, bytes: bytes)
    }
}
