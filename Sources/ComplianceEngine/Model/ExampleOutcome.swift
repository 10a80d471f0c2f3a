public import ComplianceRules

/// The outcome of one rule example (`rules test`).
public struct ExampleOutcome: Sendable, Hashable {
    public var rule: String
    /// `pass 1`, `fail 2`.
    public var example: String
    public var status: Status
    public var missing: [String]
    public var location: SourceLocation
}
