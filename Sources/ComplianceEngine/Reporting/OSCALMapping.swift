public import ComplianceRules

/// An OSCAL mapping collection between pack catalogs (`rules mapping --format oscal`), from the
/// `related:` links rules declare (e.g. EU AI Act rules related to Kazakh rules), with the links'
/// relationship types. One mapping per (source pack, target pack) pair; the catalogs are
/// back-matter resources naming the files `rules catalog --output DIR` writes.
public enum OSCALMapping {
    /// The mapping collection as OSCAL JSON, ending with a newline; `nil` when no rule of `library`
    /// declares a related rule.
    public static func render(_ library: RuleLibrary) -> String? {
        var packOfRule: [String: RulePack] = [:]
        for pack in library.packs { for rule in pack.rules { packOfRule[rule.id] = pack } }

        struct Pair: Hashable {
            var source: String
            var target: String
        }
        var maps: [Pair: [[String: Any]]] = [:]
        var order: [Pair] = []
        var packs: [String: RulePack] = [:]
        for pack in library.packs {
            for rule in pack.rules {
                for link in rule.related {
                    guard let target = packOfRule[link.rule] else { continue }
                    let pair = Pair(source: pack.id, target: target.id)
                    if maps[pair] == nil { order.append(pair) }
                    packs[pack.id] = pack
                    packs[target.id] = target
                    maps[pair, default: []].append([
                        "uuid": OSCAL.uuid("map", rule.id, link.rule),
                        "relationship": link.relation.rawValue,
                        "sources": [["type": "control", "id-ref": OSCAL.token(rule.id)]],
                        "targets": [["type": "control", "id-ref": OSCAL.token(link.rule)]],
                        "remarks": "\(rule.id) (\(rule.title)) is \(link.relation.rawValue) \(link.rule).",
                    ])
                }
            }
        }
        guard !order.isEmpty else { return nil }

        let involved = library.packs.filter { packs[$0.id] != nil }
        let resourceID: (RulePack) -> String = { OSCAL.uuid("catalog-resource", $0.id, $0.version) }
        let mappings = order.map { pair -> [String: Any] in
            let source = packs[pair.source]
            let target = packs[pair.target]
            return [
                "uuid": OSCAL.uuid("mapping", pair.source, pair.target),
                "source-resource": ["type": "catalog", "href": "#" + (source.map(resourceID) ?? "")],
                "target-resource": ["type": "catalog", "href": "#" + (target.map(resourceID) ?? "")],
                "maps": maps[pair] ?? [],
            ]
        }
        let resources = involved.map { pack -> [String: Any] in
            [
                "uuid": resourceID(pack),
                "title": OSCAL.line("Catalog of \(pack.title)") ?? pack.id,
                "rlinks": [["href": OSCALCatalog.fileName(of: pack), "media-type": "application/oscal.catalog+json"]],
                "props": [OSCAL.prop("catalog-uuid", OSCALCatalog.uuid(of: pack))].compactMap { $0 },
            ]
        }
        let dates = involved.compactMap(OSCALCatalog.date(of:))
        let name = involved.map { "\($0.id)@\($0.version)" }.joined(separator: ",")
        let collection: [String: Any] = [
            "uuid": OSCAL.uuid("mapping-collection", name),
            "metadata": OSCAL.metadata(
                title: "Related rules between " + involved.map(\.title).joined(separator: " and "),
                version: involved.map(\.version).joined(separator: "+"), asOf: dates.max()),
            "provenance": [
                "method": "human",
                "matching-rationale": "semantic",
                "status": "complete",
                "mapping-description":
                    "The related: links the rule packs declare: each says that one rule asks for the same thing as another (equivalent-to), for part of it (subset-of), for more (superset-of), or for something that overlaps (intersects-with). Written by the pack authors; not legal advice.",
            ],
            "mappings": mappings,
            "back-matter": ["resources": resources],
        ]
        return OSCAL.render(["mapping-collection": collection])
    }
}
