import ClearcastDomain

// MARK: - CapacityChange

/// A funding-driven change of a team group's size: from `when` on, `count` teams are fielded.
///
/// ```swift
/// CapacityChange(when: .yearOffset(3), count: 10)                        // from the 3rd anniversary
/// CapacityChange(when: .date(CivilDate(year: 2028, month: 7, day: 1)), count: 0)   // withdrawn
/// ```
/// Added teams mobilise from their base (``TeamGroup/mobilisationDays``). When the count drops,
/// idle teams leave first, then the highest-numbered working teams; a withdrawn working team
/// finishes its current day and leaves, and its task becomes available to other teams.
public struct CapacityChange: Sendable, Hashable, Codable {
    /// When the change takes effect.
    public enum When: Sendable, Hashable, Codable {
        /// Whole years after the simulation start date (same month and day).
        case yearOffset(Int)
        /// A calendar date.
        case date(CivilDate)
        /// Days since the simulation start.
        case day(Int)
    }

    public var when: When
    public var count: Int

    public init(when: When, count: Int) {
        self.when = when
        self.count = count
    }

    /// The day number (days since `start`) at which the change applies.
    public func day(from start: CivilDate) -> Int {
        switch when {
        case .yearOffset(let y): return start.days(to: start.adding(years: y))
        case .date(let d): return start.days(to: d)
        case .day(let d): return d
        }
    }

    public func validate() throws {
        var c = IssueCollector()
        if count < 0 || count > TeamGroup.maximumCount {
            c.add("count", "must be in 0...\(TeamGroup.maximumCount), found \(count)")
        }
        switch when {
        case .yearOffset(let y) where y < 0 || y > 1_000: c.add("when", "year offset must be in 0...1000, found \(y)")
        case .day(let d) where d < 0 || d > 1_000_000: c.add("when", "day must be in 0...1000000, found \(d)")
        case .date(let d) where !d.isValid: c.add("when", "\(d) is not a valid date")
        default: break
        }
        try c.throwIfAny()
    }
}
