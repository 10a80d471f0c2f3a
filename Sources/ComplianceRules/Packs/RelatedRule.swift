/// A link from a rule to a rule of another (or the same) pack that asks for the same thing, with
/// the relation types of OSCAL's mapping model.
public struct RelatedRule: Sendable, Hashable {
    /// How the linking rule's requirement relates to the linked one.
    public enum Relation: String, Sendable, Hashable, CaseIterable {
        case equivalentTo = "equivalent-to"
        case subsetOf = "subset-of"
        case supersetOf = "superset-of"
        case intersectsWith = "intersects-with"
    }

    /// The linked rule's id.
    public var rule: String
    public var relation: Relation
    /// Where the link is written.
    public var location: SourceLocation

    public init(rule: String, relation: Relation, location: SourceLocation) {
        self.rule = rule
        self.relation = relation
        self.location = location
    }
}
