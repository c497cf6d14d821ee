// MARK: - TaskReleaseForecast

/// When one hazard area is released (for maps). Quantiles follow ``CompletionForecast``:
/// nil when the quantile falls on replications in which the task was not released.
public struct TaskReleaseForecast: Sendable, Equatable, Codable {
    public var id: String
    public var releasedShare: Double
    public var p10Day: Int?
    public var p50Day: Int?
    public var p90Day: Int?

    public init(id: String, releasedShare: Double, p10Day: Int?, p50Day: Int?, p90Day: Int?) {
        self.id = id
        self.releasedShare = releasedShare
        self.p10Day = p10Day
        self.p50Day = p50Day
        self.p90Day = p90Day
    }
}
