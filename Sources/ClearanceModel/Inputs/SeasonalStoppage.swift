import ClearcastDomain

// MARK: - SeasonalStoppage

/// A recurring yearly period in which no field work happens in some regions (snow, rains).
///
/// Both ends are inclusive; a period whose start is after its end wraps over the new year.
/// ```swift
/// // Dec 1 – Mar 15 every winter in the highland districts
/// SeasonalStoppage(regions: ["Highlands"], start: .init(month: 12, day: 1), end: .init(month: 3, day: 15))
/// ```
/// When a stoppage begins, teams working in the region stop at the end of the previous day and
/// are re-assigned elsewhere; the interrupted step resumes (by any team) once the season reopens.
public struct SeasonalStoppage: Sendable, Hashable, Codable {
    /// A month and day without a year. 29 February only matches in leap years.
    public struct MonthDay: Sendable, Hashable, Codable, Comparable {
        public var month: Int
        public var day: Int
        public init(month: Int, day: Int) {
            self.month = month
            self.day = day
        }
        public static func < (a: Self, b: Self) -> Bool { (a.month, a.day) < (b.month, b.day) }
        var isValid: Bool { (1...12).contains(month) && day >= 1 && day <= CivilDate.daysIn(month: month, year: 2024) }
    }

    /// Regions affected; empty means every region.
    public var regions: [String]
    public var start: MonthDay
    public var end: MonthDay

    public init(regions: [String], start: MonthDay, end: MonthDay) {
        self.regions = regions
        self.start = start
        self.end = end
    }

    /// True when the stoppage covers `date` (ignoring regions).
    public func covers(_ date: CivilDate) -> Bool {
        let md = MonthDay(month: date.month, day: date.day)
        return start <= end ? (start <= md && md <= end) : (md >= start || md <= end)
    }

    public func applies(to region: String) -> Bool { regions.isEmpty || regions.contains(region) }

    public func validate() throws {
        var c = IssueCollector()
        if !start.isValid { c.add("start", "\(start.month)-\(start.day) is not a valid month-day") }
        if !end.isValid { c.add("end", "\(end.month)-\(end.day) is not a valid month-day") }
        try c.throwIfAny()
    }
}
