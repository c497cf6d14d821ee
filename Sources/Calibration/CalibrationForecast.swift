import ClearanceModel
import ClearcastDomain

/// What one design point forecasts, per contamination type, over its replications.
public struct PointForecast: Sendable, Equatable {
    /// Completion day per replication (nil: not released by the horizon), per type.
    public var completionDays: [ContaminationType: [Int?]]
    /// Area left at the horizon per replication (m²), per type.
    public var remaining: [ContaminationType: [Double]]

    public init(completionDays: [ContaminationType: [Int?]], remaining: [ContaminationType: [Double]]) {
        self.completionDays = completionDays
        self.remaining = remaining
    }

    init(_ records: [ReplicationRecord], types: [ContaminationType]) {
        var completion: [ContaminationType: [Int?]] = [:], remaining: [ContaminationType: [Double]] = [:]
        for type in types {
            completion[type] = records.map { $0.summary.completionDayByClass[type] }
            remaining[type] = records.map { $0.summary.remainingByYearByClass[type]?.last ?? 0 }
        }
        completionDays = completion
        self.remaining = remaining
    }
}

/// Completion per contamination type carried forward from the calibration: the replications of
/// every accepted point pooled (each point weighs the same: they have the same replications), and
/// the spread of the points' own medians, which is how far the data's unresolved choices (a
/// trade-off the data cannot split) move the answer.
public struct TypeForecast: Sendable, Equatable, Codable {
    public var type: ContaminationType
    /// Pooled over the accepted points' replications: completion quantiles in years after the start
    /// (nil: that quantile is not within the horizon) and the share of replications that finish.
    public var p10Years: Double?
    public var p50Years: Double?
    public var p90Years: Double?
    public var finishedShare: Double
    /// Median completion of the accepted point that finishes earliest and of the one that finishes
    /// latest (nil: not within the horizon).
    public var pointP50Earliest: Double?
    public var pointP50Latest: Double?
    /// Hazardous area of the type left at the horizon (km²): pooled mean, and the smallest and
    /// largest mean of one accepted point.
    public var remainingKm2: Double
    public var remainingKm2Low: Double
    public var remainingKm2High: Double
    /// The best point's median completion (years; nil: not within the horizon) and area left.
    public var bestP50Years: Double?
    public var bestRemainingKm2: Double

    /// - Parameters:
    ///   - points: the accepted points' forecasts (at least one).
    ///   - best: the best point's forecast.
    public init(type: ContaminationType, points: [PointForecast], best: PointForecast, start: CivilDate) {
        precondition(!points.isEmpty)
        self.type = type
        let pooled = points.flatMap { $0.completionDays[type] ?? [] }
        let all = CompletionForecast(days: pooled, start: start)
        p10Years = all.p10Day.map { Double($0) / 365.2425 }
        p50Years = all.p50Years
        p90Years = all.p90Day.map { Double($0) / 365.2425 }
        finishedShare = pooled.isEmpty ? 0 : Double(all.completedReplications) / Double(pooled.count)
        // Unfinished sorts after any day: as the horizon and beyond.
        let medians = points.map { CompletionForecast(days: $0.completionDays[type] ?? [], start: start).p50Years ?? .infinity }
        let earliest = medians.min() ?? .infinity, latest = medians.max() ?? .infinity
        pointP50Earliest = earliest.isFinite ? earliest : nil
        pointP50Latest = latest.isFinite ? latest : nil
        let means = points.map { point in
            let values = point.remaining[type] ?? []
            return values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) / 1e6
        }
        remainingKm2 = means.reduce(0, +) / Double(means.count)
        remainingKm2Low = means.min() ?? 0
        remainingKm2High = means.max() ?? 0
        bestP50Years = CompletionForecast(days: best.completionDays[type] ?? [], start: start).p50Years
        let bestRemaining = best.remaining[type] ?? []
        bestRemainingKm2 = bestRemaining.isEmpty ? 0 : bestRemaining.reduce(0, +) / Double(bestRemaining.count) / 1e6
    }
}
