/// Where a pack reads the roles a system's operator holds (its manifest's `roles:`), so that rules
/// can name their bearer: a list-of-enum fact of declared roles, plus derived facts whose value,
/// when it is one of the roles, adds that role (e.g. re-qualification as provider).
public struct RoleDeclaration: Sendable, Equatable {
    /// The list-of-enum fact holding the declared roles; its values are the pack's roles.
    public var fact: FactReference
    /// Derived facts that add the role they evaluate to (a value that is not a role adds nothing).
    public var addedBy: [FactReference]
    /// Every role a rule may name as its bearer.
    public var roles: [String]

    public init(fact: FactReference, addedBy: [FactReference], roles: [String]) {
        self.fact = fact
        self.addedBy = addedBy
        self.roles = roles
    }
}
