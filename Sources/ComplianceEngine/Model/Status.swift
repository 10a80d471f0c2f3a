public import ComplianceRules

/// The outcome of one rule for one system (DESIGN §4.5).
public enum Status: String, Sendable, Hashable, CaseIterable, Codable {
    case fail
    case unknown
    case waived
    case upcoming
    case pass
    case notApplicable = "not_applicable"

    /// Report order: fail, unknown, waived, upcoming, pass, not_applicable.
    var order: Int {
        switch self {
        case .fail: 0
        case .unknown: 1
        case .waived: 2
        case .upcoming: 3
        case .pass: 4
        case .notApplicable: 5
        }
    }
}

/// Whether a gate passed.
public enum GateResult: String, Sendable, Hashable, Codable {
    case pass
    case fail
    /// At least one input could not be evaluated.
    case error
}

/// The lowest severity that fails the gate (`never`: findings never gate).
public enum GateThreshold: String, Sendable, Hashable, CaseIterable, Codable {
    case critical
    case high
    case medium
    case low
    case never

    /// Whether a finding of `severity` reaches this threshold (`info` never does).
    public func gates(_ severity: Severity) -> Bool {
        switch self {
        case .never: false
        case .critical: severity >= .critical
        case .high: severity >= .high
        case .medium: severity >= .medium
        case .low: severity >= .low
        }
    }
}

/// How unknown outcomes count at the gate.
public enum UnknownPolicy: String, Sendable, Hashable, CaseIterable, Codable {
    /// An unknown at or above the threshold fails the gate.
    case fail
    /// Unknowns are reported but do not gate.
    case warn
}
