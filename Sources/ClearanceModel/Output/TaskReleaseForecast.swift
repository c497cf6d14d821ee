// MARK: - TaskReleaseForecast

/// When one hazard area is released, and how (for maps). Quantiles follow ``CompletionForecast``:
/// nil when the quantile falls on replications in which the task was not released.
///
/// The mean areas (m², over all replications) split the area by outcome: cancelled by non-technical
/// survey, reduced by technical survey, cleared, and still hazardous at the horizon. They add up
/// to the area; in a replication that released the area, the remaining part is 0.
public struct TaskReleaseForecast: Sendable, Equatable, Codable {
    public var id: String
    public var releasedShare: Double
    public var p10Day: Int?
    public var p50Day: Int?
    public var p90Day: Int?
    public var meanCancelled: Double
    public var meanReduced: Double
    public var meanCleared: Double
    public var meanRemaining: Double

    public init(id: String, releasedShare: Double, p10Day: Int?, p50Day: Int?, p90Day: Int?,
                meanCancelled: Double = 0, meanReduced: Double = 0, meanCleared: Double = 0, meanRemaining: Double = 0) {
        self.id = id
        self.releasedShare = releasedShare
        self.p10Day = p10Day
        self.p50Day = p50Day
        self.p90Day = p90Day
        self.meanCancelled = meanCancelled
        self.meanReduced = meanReduced
        self.meanCleared = meanCleared
        self.meanRemaining = meanRemaining
    }
}
