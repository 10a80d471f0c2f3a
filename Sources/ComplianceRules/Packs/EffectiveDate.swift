/// A date from which a rule applies when a condition on the system's facts holds (a rule's
/// `effective:` written as a list of cases; the first case whose `when` holds gives the date, and
/// the last case, without `when`, is the default).
public struct EffectiveDate: Sendable, Equatable {
    public var date: CalendarDate
    public var when: Condition
    /// Where the case is written.
    public var location: SourceLocation

    public init(date: CalendarDate, when: Condition, location: SourceLocation) {
        self.date = date
        self.when = when
        self.location = location
    }
}
