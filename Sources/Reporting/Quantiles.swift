/// The P10, P50 and P90 and the mean of a quantity over Monte Carlo replications.
public struct Quantiles: Codable, Sendable, Equatable {
    public var p10: Double
    public var p50: Double
    public var p90: Double
    public var mean: Double
    public init(p10: Double, p50: Double, p90: Double, mean: Double) {
        self.p10 = p10
        self.p50 = p50
        self.p90 = p90
        self.mean = mean
    }
}

/// Quantiles of a completion time, in days from the simulation start and as calendar dates.
public struct DateQuantiles: Codable, Sendable, Equatable {
    /// Days from the start; nil when fewer than that share of replications finished in the horizon.
    public var p10Days: Double?
    public var p50Days: Double?
    public var p90Days: Double?
    public var meanDays: Double?
    /// The same as dates (YYYY-MM-DD).
    public var p10Date: String?
    public var p50Date: String?
    public var p90Date: String?
    /// Share of replications that finished within the horizon.
    public var finishedShare: Double
    public init(p10Days: Double?, p50Days: Double?, p90Days: Double?, meanDays: Double?,
                p10Date: String?, p50Date: String?, p90Date: String?, finishedShare: Double) {
        self.p10Days = p10Days
        self.p50Days = p50Days
        self.p90Days = p90Days
        self.meanDays = meanDays
        self.p10Date = p10Date
        self.p50Date = p50Date
        self.p90Date = p90Date
        self.finishedShare = finishedShare
    }
}
