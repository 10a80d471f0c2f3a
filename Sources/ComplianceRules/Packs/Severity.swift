/// How bad a breach of a rule is, from `critical` down to `info` (which never gates).
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case critical
    case high
    case medium
    case low
    case info

    /// 4 for critical down to 0 for info.
    public var rank: Int {
        switch self {
        case .critical: 4
        case .high: 3
        case .medium: 2
        case .low: 1
        case .info: 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// What area of the law a rule belongs to.
public enum RuleCategory: String, Sendable, Hashable, CaseIterable, Codable {
    case transparency
    case citizenRights = "citizen_rights"
    case riskManagement = "risk_management"
    case dataProtection = "data_protection"
    case humanOversight = "human_oversight"
    case prohibitedPractice = "prohibited_practice"
    case documentation
    case security
}
