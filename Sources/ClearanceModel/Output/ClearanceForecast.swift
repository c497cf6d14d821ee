import ClearcastDomain

// MARK: - ClearanceForecast

/// The Monte Carlo forecast of a ``ClearanceModel``: completion dates, yearly release, civilian
/// and deminer risk, team use and per-task release dates. Contains no NaN or infinity; missing
/// values are nil. Aggregation runs in replication order, so the encoded bytes are identical for
/// any thread count.
///
/// ```swift
/// let f = try MonteCarloRunner.run(model, replications: 500, seed: 7, threads: 2)
/// f.completionByClass[.unexplodedOrdnance]?.p50Years   // "UXO done in X years"
/// ```
public struct ClearanceForecast: Sendable, Equatable, Codable {
    public var startDate: String
    public var horizonYears: Int
    public var horizonDays: Int
    public var replications: Int
    public var seed: UInt64
    public var completion: CompletionForecast
    public var completionByClass: [ContaminationType: CompletionForecast]
    public var completionByRegion: [String: CompletionForecast]
    /// Hazardous area at the start date (m²), the stock every year's remaining area comes down
    /// from: in total and per contamination type present.
    public var initialArea: Double
    public var initialAreaByClass: [ContaminationType: Double]
    /// One entry per calendar year from the start date's year to the horizon's end.
    public var yearly: [YearForecast]
    public var civilian: CivilianRiskForecast
    public var deminers: DeminerSafetyForecast
    public var utilisation: [TeamKind: TeamUtilisation]
    /// Money, when the model has costs (per calendar year in ``yearly``).
    public var cost: CostForecast?
    /// Mean number of teams stood down for lack of eligible work, and retrained to another group.
    public var meanTeamsStoodDown: Double
    public var meanTeamsRetrained: Double
    public var eventsSimulated: Int
    public var unfinishedReplications: Int
    public var remainingAreaAtHorizon: QuantileSummary
    public var taskReleases: [TaskReleaseForecast]
    /// Release of each discovered area (no polygon: not in ``taskReleases``), nil without discovery rules.
    public var discoveries: [DiscoveryForecast]?
    public var warnings: [String]
    /// Per-replication results, when requested.
    public var replicationSummaries: [ReplicationSummary]?
}
