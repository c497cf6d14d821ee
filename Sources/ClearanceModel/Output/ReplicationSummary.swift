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
    public var clearedByYear: [Double]
    public var remainingByYear: [Double]
    public var remainingByYearByClass: [ContaminationType: [Double]]
    /// Expected civilian casualties over the horizon given this replication's release path.
    public var expectedCivilianCasualties: Double
    /// Poisson draw around the expectation, when requested.
    public var sampledCivilianCasualties: Double?
    public var accidents: Int
    public var deminerCasualties: Double
    /// Team-days worked / available (office working days while fielded) / idle, per team kind.
    public var workedDaysByKind: [TeamKind: Double]
    public var availableDaysByKind: [TeamKind: Double]
    public var idleDaysByKind: [TeamKind: Double]
    public var events: Int
    public var unfinishedTasks: Int
    public var remainingAreaAtHorizon: Double
}
