import ClearcastDomain

// MARK: - YearForecast

/// Land released during one calendar year of the horizon and hazardous area left at its end (m²).
///
/// Years are calendar years (see ``ClearanceModel/yearEndDays``): the first runs from the start
/// date to 31 December, the last from 1 January to the horizon's end, so either may be
/// ``partial``; releases of a partial year cover only its ``days``.
public struct YearForecast: Sendable, Equatable, Codable {
    /// The calendar year, e.g. 2026.
    public var year: Int
    /// The year covers days `firstDay ..< endDay` since the start date.
    public var firstDay: Int
    public var endDay: Int
    /// First and last day covered (YYYY-MM-DD): 1 January and 31 December unless ``partial``.
    public var firstDate: String
    public var lastDate: String
    /// Days covered (`endDay − firstDay`).
    public var days: Int
    /// True when the horizon covers only part of the calendar year (fewer than its 365 or 366 days).
    public var partial: Bool
    public var cancelled: QuantileSummary
    public var reduced: QuantileSummary
    /// Cleared area, battle-area clearance included (``battleAreaCleared`` is that part of it).
    public var cleared: QuantileSummary
    public var battleAreaCleared: QuantileSummary
    public var remaining: QuantileSummary
    public var remainingByClass: [ContaminationType: QuantileSummary]
    /// Land released in the year per contamination type (all methods): the type's hazardous area
    /// at the year's start minus at its end, per replication.
    public var releasedByClass: [ContaminationType: QuantileSummary]
    /// Money spent in the year, when the model has costs.
    public var cost: QuantileSummary?
    /// Hazardous area found in the year (``DiscoveryRule``), nil without discovery rules.
    public var discovered: QuantileSummary?
    /// Expected civilian casualties in the year given each replication's release path, and
    /// deminer casualties of accidents in the year.
    public var civilianCasualties: QuantileSummary?
    public var deminerCasualties: QuantileSummary?

    /// A year covering days `firstDay ..< endDay` of a simulation starting on `start`.
    public init(start: CivilDate, firstDay: Int, endDay: Int, cancelled: QuantileSummary, reduced: QuantileSummary,
                cleared: QuantileSummary, battleAreaCleared: QuantileSummary, remaining: QuantileSummary,
                remainingByClass: [ContaminationType: QuantileSummary], releasedByClass: [ContaminationType: QuantileSummary] = [:],
                cost: QuantileSummary? = nil, civilianCasualties: QuantileSummary? = nil, deminerCasualties: QuantileSummary? = nil) {
        let first = start.adding(days: firstDay), last = start.adding(days: endDay - 1)
        year = first.year
        self.firstDay = firstDay
        self.endDay = endDay
        firstDate = first.description
        lastDate = last.description
        days = endDay - firstDay
        partial = days < (CivilDate.isLeap(first.year) ? 366 : 365)
        self.cancelled = cancelled
        self.reduced = reduced
        self.cleared = cleared
        self.battleAreaCleared = battleAreaCleared
        self.releasedByClass = releasedByClass
        self.cost = cost
        self.civilianCasualties = civilianCasualties
        self.deminerCasualties = deminerCasualties
        self.remaining = remaining
        self.remainingByClass = remainingByClass
    }
}
