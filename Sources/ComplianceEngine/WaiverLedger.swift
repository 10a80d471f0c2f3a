public import ComplianceRules

/// Follows the waivers shared by a whole run (`--waivers FILE`) across its systems, so that a
/// waiver that did nothing is reported once, not once per system: one naming a `system:` that no
/// checked system has, and one that waived no finding of any system (its rule passed, did not apply
/// or is not in effect yet). Expired waivers are reported by `Engine.check(sharedWaivers:options:)`.
public struct WaiverLedger: Sendable {
    private let waivers: [Waiver]
    /// The shared waivers that waived something. A system's own (inline) waivers are not kept:
    /// they are its business, and keeping them would grow with the run.
    private var used: Set<Waiver> = []
    private let shared: Set<Waiver>
    /// The systems that waivers name (`system:`), and those of them that were checked: only these
    /// are kept, so the ledger stays the size of the waiver file however many systems a run has.
    private let named: Set<String>
    private var systems: Set<String> = []

    /// Follows `waivers`, leaving out those that expired before `asOf`.
    public init(_ waivers: [Waiver], asOf: CalendarDate) {
        self.waivers = waivers.filter { $0.expires >= asOf }
        named = Set(self.waivers.compactMap(\.system))
        shared = Set(self.waivers)
    }

    /// Notes which shared waivers one evaluated system used.
    public mutating func record(_ system: SystemReport) {
        if named.contains(system.systemID) { systems.insert(system.systemID) }
        // By index: copying every finding out to look at its status would cost more than the check.
        for index in system.findings.indices where system.findings[index].status == .waived {
            if let waiver = system.findings[index].waiver, shared.contains(waiver) { used.insert(waiver) }
        }
    }

    /// One warning per shared waiver that had no effect on any system recorded.
    public func diagnostics() -> [Diagnostic] {
        waivers.compactMap { waiver in
            if let system = waiver.system, !systems.contains(system) {
                return .warning(
                    "waiver of \(waiver.rule) for system '\(system)' matches no checked system", at: waiver.location)
            }
            if used.contains(waiver) { return nil }
            return .warning(
                "waiver of \(waiver.rule) had no effect on any checked system: the rule passed, did not apply, or is not in effect yet",
                at: waiver.location)
        }
    }
}
