public import ComplianceRules
internal import OrderedCollections

/// An approved, expiring exception to one rule (DESIGN §4.5).
public struct Waiver: Sendable, Hashable {
    public var rule: String
    public var reason: String
    public var approvedBy: String
    public var ticket: String?
    /// Valid through this day.
    public var expires: CalendarDate
    /// Only for this system id; `nil` for every system (waiver files may be shared).
    public var system: String?
    /// Where it is written.
    public var location: SourceLocation?

    public init(
        rule: String, reason: String, approvedBy: String, ticket: String? = nil, expires: CalendarDate,
        system: String? = nil, location: SourceLocation? = nil
    ) {
        self.rule = rule
        self.reason = reason
        self.approvedBy = approvedBy
        self.ticket = ticket
        self.expires = expires
        self.system = system
        self.location = location
    }

    /// Reads the `waivers:` list of a document (a system description, or a waivers file with
    /// `waivers:` at the top). Returns the waivers and the problems found.
    public static func read(from document: Document) -> (waivers: [Waiver], diagnostics: [Diagnostic]) {
        let root = Node(document)
        guard let list = root["waivers"] else { return ([], []) }
        var waivers: [Waiver] = []
        var diagnostics: [Diagnostic] = []
        guard list.value.listValue != nil else {
            return ([], [.error("'waivers' must be a list", at: list.location)])
        }
        for element in list.elements {
            guard let fields = element.value.mapValue else {
                diagnostics.append(.error("a waiver must be a mapping", at: element.location))
                continue
            }
            var problems: [String] = []
            func text(_ key: String) -> String? {
                guard let value = fields[key], value != .null else { return nil }
                return value.stringValue ?? value.description
            }
            let rule = text("rule")
            let reason = text("reason")
            let approvedBy = text("approved_by")
            var expires: CalendarDate?
            switch fields["expires"] {
            case .date(let date)?: expires = date
            case .string(let day)?: expires = CalendarDate(day)
            default: break
            }
            for (key, value) in [("rule", rule), ("reason", reason), ("approved_by", approvedBy)] where value?.isEmpty ?? true {
                problems.append("a waiver needs '\(key)'")
            }
            if expires == nil { problems.append("a waiver needs 'expires' (YYYY-MM-DD)") }
            for key in fields.keys where !SystemValidator.waiverKeys.contains(key) {
                problems.append("unknown waiver key '\(key)'")
            }
            if !problems.isEmpty {
                diagnostics += problems.map { .error($0, at: element.location) }
                continue
            }
            if let rule, let reason, let approvedBy, let expires {
                waivers.append(
                    Waiver(
                        rule: rule, reason: reason, approvedBy: approvedBy, ticket: text("ticket"), expires: expires,
                        system: text("system"), location: element.location))
            }
        }
        return (waivers, diagnostics)
    }
}
