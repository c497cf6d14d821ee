import ClearcastDomain

// MARK: - YearForecast

/// Land released during one simulated year and hazardous area left at its end (m²).
public struct YearForecast: Sendable, Equatable, Codable {
    /// 1 for the first year after the start date.
    public var year: Int
    public var endDay: Int
    public var endDate: String
    public var cancelled: QuantileSummary
    public var reduced: QuantileSummary
    public var cleared: QuantileSummary
    public var remaining: QuantileSummary
    public var remainingByClass: [ContaminationType: QuantileSummary]

    public init(year: Int, endDay: Int, endDate: String, cancelled: QuantileSummary, reduced: QuantileSummary,
                cleared: QuantileSummary, remaining: QuantileSummary, remainingByClass: [ContaminationType: QuantileSummary]) {
        self.year = year
        self.endDay = endDay
        self.endDate = endDate
        self.cancelled = cancelled
        self.reduced = reduced
        self.cleared = cleared
        self.remaining = remaining
        self.remainingByClass = remainingByClass
    }
}
