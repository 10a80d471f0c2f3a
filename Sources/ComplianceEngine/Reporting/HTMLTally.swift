internal import ComplianceRules

/// The counters behind the HTML report's summary: counts by status per severity, category and
/// sector, and one compact row per system for the gate table and the systems × category grid
/// (at most `rowLimit` rows, so memory stays flat however large the batch).
struct HTMLTally: Sendable {
    /// Rows kept for the per-system tables; later systems are counted, not listed.
    static let rowLimit = 1000

    /// One system in the summary tables.
    struct Row: Sendable {
        var anchor: String
        var id: String
        var name: String
        var gate: GateResult
        var summary: Summary
        /// Failing and unknown findings per category.
        var failing: [RuleCategory: Int]
        var unknown: [RuleCategory: Int]
        var applicable: Set<RuleCategory>
    }

    var systems = 0
    var failedSystems = 0
    var unevaluatedInputs = 0
    var hasErrors = false
    var total = Summary()
    var bySeverity: [Severity: [Status: Int]] = [:]
    var byCategory: [RuleCategory: [Status: Int]] = [:]
    var bySector: [String: [Status: Int]] = [:]
    var rows: [Row] = []
    var unlisted = 0

    mutating func add(_ system: SystemReport, anchor: String) {
        systems += 1
        if system.gate == .fail { failedSystems += 1 }
        var row = Row(
            anchor: anchor, id: system.systemID, name: system.systemName, gate: system.gate, summary: system.summary,
            failing: [:], unknown: [:], applicable: [])
        for finding in system.findings {
            bySeverity[finding.severity, default: [:]][finding.status, default: 0] += 1
            byCategory[finding.category, default: [:]][finding.status, default: 0] += 1
            bySector[finding.sector, default: [:]][finding.status, default: 0] += 1
            switch finding.status {
            case .fail: row.failing[finding.category, default: 0] += 1
            case .unknown: row.unknown[finding.category, default: 0] += 1
            case .notApplicable: continue
            default: break
            }
            row.applicable.insert(finding.category)
        }
        total.pass += system.summary.pass
        total.fail += system.summary.fail
        total.unknown += system.summary.unknown
        total.notApplicable += system.summary.notApplicable
        total.waived += system.summary.waived
        total.upcoming += system.summary.upcoming
        if rows.count < Self.rowLimit { rows.append(row) } else { unlisted += 1 }
    }

    /// The gate of the whole run.
    var gate: GateResult { hasErrors ? .error : failedSystems > 0 ? .fail : .pass }
}

extension Summary {
    /// The count of one status.
    subscript(status: Status) -> Int {
        switch status {
        case .pass: pass
        case .fail: fail
        case .unknown: unknown
        case .notApplicable: notApplicable
        case .waived: waived
        case .upcoming: upcoming
        }
    }
}
