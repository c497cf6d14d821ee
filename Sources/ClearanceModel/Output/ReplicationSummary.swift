import ClearcastDomain

// MARK: - ReplicationSummary

/// What one replication produced. Areas in m², days since the start date. Keyed by the domain's
/// types (their raw values are the JSON keys).
///
/// Yearly arrays have one entry per calendar year of the horizon (``ClearanceModel/yearEndDays``;
/// the first and last may be partial): releases booked in that year, and the hazardous area
/// remaining at its end (measured from the task states, independently of the release bookings,
/// so `Σ released up to year y + remaining(y) = initial area` is a real check).
public struct ReplicationSummary: Sendable, Equatable, Codable {
    public var replication: Int
    /// Last working day of the last release, or nil when work remained at the horizon.
    public var completionDay: Int?
    /// Per contamination code, for classes whose tasks were all released.
    public var completionDayByClass: [ContaminationType: Int]
    /// Per region, for regions whose tasks were all released.
    public var completionDayByRegion: [String: Int]
    public var cancelledByYear: [Double]
    public var reducedByYear: [Double]
    /// Cleared area per year, battle-area clearance included.
    public var clearedByYear: [Double]
    /// The part of ``clearedByYear`` released by battle-area clearance (UXO land).
    public var battleAreaClearedByYear: [Double]
    public var remainingByYear: [Double]
    public var remainingByYearByClass: [ContaminationType: [Double]]
    /// Expected civilian casualties over the horizon given this replication's release path.
    public var expectedCivilianCasualties: Double
    /// Poisson draw around the expectation, when requested.
    public var sampledCivilianCasualties: Double?
    public var accidents: Int
    public var deminerCasualties: Double
    /// Expected civilian casualties per calendar year (their sum is ``expectedCivilianCasualties``
    /// up to rounding), and deminer casualties by the year of the accident.
    public var expectedCivilianCasualtiesByYear: [Double] = []
    public var deminerCasualtiesByYear: [Double] = []
    /// Team-days worked / available (office working days while fielded) / idle, per team kind.
    public var workedDaysByKind: [TeamKind: Double]
    public var availableDaysByKind: [TeamKind: Double]
    public var idleDaysByKind: [TeamKind: Double]
    /// Working days of steps lost to weather, per kind (part of the fielded days, not idle).
    public var weatherLostDaysByKind: [TeamKind: Double]
    /// Money spent per calendar year (fielded days at the rate, idle days at the standby rate,
    /// retraining); empty when the model has no costs.
    public var costByYear: [Double]
    /// Rate times the working days of each step (weather days included): what each method cost
    /// directly; travel, mobilisation, idle time and retraining are not in it. Empty without costs.
    public var directCostByStep: [LandReleaseStep: Double]
    /// Teams stood down for lack of eligible work, and teams retrained to another group.
    public var teamsStoodDown: Int
    public var teamsRetrained: Int
    public var events: Int
    public var unfinishedTasks: Int
    public var remainingAreaAtHorizon: Double
    /// Hazardous area found per calendar year (``DiscoveryRule``), per type; nil without discovery
    /// rules. With discovery, `Σ released + remaining = initial + Σ found` up to each year.
    public var discoveredByYearByClass: [ContaminationType: [Double]]? = nil

    /// Total money spent over the horizon (nil without costs).
    public var cost: Double? { costByYear.isEmpty ? nil : costByYear.reduce(0, +) }
    /// Money spent until everything was released (teams stand down when their work ends, so
    /// this is the total), nil when work remained at the horizon or without costs.
    public var costToCompletion: Double? { completionDay == nil ? nil : cost }
}
