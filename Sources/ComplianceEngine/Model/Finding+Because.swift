internal import ComplianceRules

extension Finding {
    /// The source of a finding's `reason`.
    enum Because: Sendable, Equatable {
        case none
        case text(String)
        /// The rule's condition does not hold: the reason lists the finding's facts, in the words of
        /// `language`, when someone reads it.
        case conditionFailed(Language)
    }

    /// `its condition does not hold: path is actual, not expected; …` for `facts`.
    static func conditionReason(_ facts: [Fact], strings: ReportStrings) -> String {
        let described = facts.map {
            strings(
                "reason.observation",
                ["path": $0.path, "actual": $0.actual?.description ?? strings("fact.absent"), "expected": $0.expected])
        }
        return strings("reason.condition", ["facts": described.joined(separator: "; ")])
    }
}

extension Finding {
    /// Findings are equal when everything they say is: a reason kept as its source equals the
    /// same words kept as text.
    public static func == (lhs: Finding, rhs: Finding) -> Bool {
        lhs.text == rhs.text && lhs.status == rhs.status && lhs.message == rhs.message && lhs.facts == rhs.facts
            && lhs.missing == rhs.missing && lhs.reason == rhs.reason && lhs.originalStatus == rhs.originalStatus
            && lhs.waiver == rhs.waiver && lhs.effective == rhs.effective
    }
}
