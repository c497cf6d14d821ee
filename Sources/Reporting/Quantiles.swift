import ClearanceModel

/// The mean and P10, P50 and P90 of a quantity over Monte Carlo replications: the clearance
/// model's own summary, reused so that results and the model agree on one definition.
public typealias Quantiles = QuantileSummary

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
}
