import ClearcastDomain

// MARK: - WorkCalendar

/// When teams work: weekdays, public holidays, seasonal stoppages per region and weather loss.
///
/// ```swift
/// let cal = WorkCalendar(workingWeekdays: [1, 2, 3, 4, 5],          // ISO: 1 = Monday
///                        holidays: [CivilDate(year: 2026, month: 3, day: 21)],
///                        seasonalStoppages: [SeasonalStoppage(regions: ["Highlands"],
///                            start: .init(month: 12, day: 1), end: .init(month: 3, day: 15))],
///                        weatherLoss: .bernoulli(0.05))
/// ```
/// A day is a working day in a region when its weekday is listed, it is not a holiday and no
/// stoppage for the region covers it. Holidays are dates (not recurring): list each year's.
public struct WorkCalendar: Sendable, Hashable, Codable {
    /// ISO weekdays worked: 1 = Monday ... 7 = Sunday.
    public var workingWeekdays: Set<Int>
    public var holidays: [CivilDate]
    public var seasonalStoppages: [SeasonalStoppage]
    public var weatherLoss: WeatherLoss

    public init(
        workingWeekdays: Set<Int> = [1, 2, 3, 4, 5], holidays: [CivilDate] = [],
        seasonalStoppages: [SeasonalStoppage] = [], weatherLoss: WeatherLoss = .none
    ) {
        self.workingWeekdays = workingWeekdays
        self.holidays = holidays
        self.seasonalStoppages = seasonalStoppages
        self.weatherLoss = weatherLoss
    }

    /// Every day is a working day, no holidays, stoppages or weather loss.
    public static let continuous = WorkCalendar(workingWeekdays: Set(1...7))

    /// True when `date` is a working day in `region` (weather aside).
    public func isWorkingDay(_ date: CivilDate, region: String) -> Bool {
        isOfficeDay(date) && !seasonalStoppages.contains { $0.applies(to: region) && $0.covers(date) }
    }

    /// Weekday and holiday rules only (used for team availability and utilisation).
    public func isOfficeDay(_ date: CivilDate) -> Bool {
        workingWeekdays.contains(date.weekday) && !holidays.contains(date)
    }

    public func validate() throws {
        var c = IssueCollector()
        if workingWeekdays.isEmpty { c.add("workingWeekdays", "must contain at least one weekday") }
        for d in workingWeekdays.sorted() where !(1...7).contains(d) {
            c.add("workingWeekdays", "weekday \(d) is outside 1 (Monday) ... 7 (Sunday)")
        }
        for (i, h) in holidays.enumerated() where !h.isValid {
            c.add("holidays[\(i)]", "\(h) is not a valid date")
        }
        for (i, s) in seasonalStoppages.enumerated() {
            c.nest("seasonalStoppages[\(i)]") { try s.validate() }
        }
        c.nest("weatherLoss") { try weatherLoss.validate() }
        try c.throwIfAny()
    }
}
