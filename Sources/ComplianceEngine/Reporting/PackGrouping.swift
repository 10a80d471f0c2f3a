internal import ComplianceRules

/// How the text and Markdown reports split one system's findings when more than one pack applies
/// (for example `jurisdictions: [KZ, EU]`): the findings of each pack, and the failing findings
/// that one fix closes together because their rules are linked by `related:`.
struct PackGrouping {
    /// One pack's findings, in the report's order.
    struct Section {
        var pack: PackInfo
        var findings: [Finding]
    }

    /// Failing findings whose rules are linked (directly or through each other) by `related:`.
    struct SharedFix {
        /// The rule ids, in the order of the system's findings.
        var rules: [String]
        /// Each link between two of the failing rules, as written (`EU-AIA-50-01 subset-of KZ-21-01`).
        var links: [Link]
    }

    /// A `related:` link: `from` is `relation` `to`.
    struct Link {
        var from: String
        var relation: String
        var to: String
    }

    /// One section per pack with findings, in the order the packs were loaded; empty when the
    /// findings come from fewer than two packs, so single-pack output keeps its shape.
    let sections: [Section]
    /// The system's findings, pack by pack when there are sections (else in the report's order).
    let findings: [Finding]
    /// The section that begins at each index of `findings`.
    let sectionStarts: [Int: Section]
    /// Groups of two or more failing findings, in the order of their first finding.
    let sharedFixes: [SharedFix]

    /// Each rule's `related:` links, by rule id, for the rules that have any.
    typealias Links = [String: [RelatedRule]]

    /// The `related:` links of `rules`, made once per report and handed to each grouping.
    static func links(of rules: [Rule]) -> Links {
        var links: Links = [:]
        for index in rules.indices where !rules[index].related.isEmpty && links[rules[index].id] == nil {
            links[rules[index].id] = rules[index].related
        }
        return links
    }

    init(_ system: SystemReport, report: Report, links: Links? = nil) {
        // The packs of the findings, each once (a system has one or two): no set of every finding's pack.
        var packIDs: [String] = []
        for index in system.findings.indices where !packIDs.contains(system.findings[index].pack) {
            packIDs.append(system.findings[index].pack)
        }
        var order = report.packs.map(\.id).filter { packIDs.contains($0) }
        order += packIDs.filter { !order.contains($0) }.sorted()
        var sections: [Section] = []
        var starts: [Int: Section] = [:]
        if order.count > 1 {
            var index = 0
            for id in order {
                let info =
                    report.packs.first { $0.id == id } ?? PackInfo(id: id, version: "", title: id, jurisdiction: "")
                let section = Section(pack: info, findings: system.findings.filter { $0.pack == id })
                starts[index] = section
                index += section.findings.count
                sections.append(section)
            }
        }
        self.sections = sections
        sectionStarts = starts
        findings = sections.isEmpty ? system.findings : sections.flatMap(\.findings)
        let failing = system.findings.indices.filter { system.findings[$0].status == .fail }.map { system.findings[$0].rule }
        let links = links ?? Self.links(of: report.rules)
        // Most failing rules link to nothing (a one-pack system's, always): then no fix is shared.
        sharedFixes = failing.count > 1 && failing.contains { links[$0] != nil } ? Self.sharedFixes(failing, links: links) : []
    }

    /// Connected groups of the failing rules under the `related:` links among them (read both ways).
    static func sharedFixes(_ failing: [String], links related: Links) -> [SharedFix] {
        let position = Dictionary(failing.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var links: [(from: Int, to: Int, link: Link)] = []
        for (from, id) in failing.enumerated() where position[id] == from {
            for link in related[id] ?? [] {
                guard let to = position[link.rule], to != from else { continue }
                links.append((from, to, Link(from: id, relation: link.relation.rawValue, to: link.rule)))
            }
        }
        // Union-find over the positions of the failing rules.
        var parent = Array(failing.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index { index = parent[index] }
            return index
        }
        for link in links {
            let (left, right) = (root(link.from), root(link.to))
            if left != right { parent[max(left, right)] = min(left, right) }
        }
        var groups: [Int: [Int]] = [:]
        for index in failing.indices { groups[root(index), default: []].append(index) }
        return groups.keys.sorted().compactMap { key in
            let members = groups[key] ?? []
            guard members.count > 1 else { return nil }
            let found = links.filter { root($0.from) == key }.sorted { ($0.from, $0.to) < ($1.from, $1.to) }.map(\.link)
            return SharedFix(rules: members.map { failing[$0] }, links: found)
        }
    }
}
