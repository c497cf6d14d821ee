import EventSimulation

// MARK: - PairedDifference

/// One metric's difference between two scenarios run under common random numbers: replication `i`
/// of both drew the same random streams, so the per-replication differences are paired and their
/// spread is the effect's uncertainty, not the noise of two independent samples.
///
/// ```swift
/// let differences = try PairedDifference.all(other: (variant, variantForecast), base: (base, baseForecast))
/// differences.first { $0.metric == .completion(nil) }?.mean   // years earlier (< 0) or later
/// ```
public struct PairedDifference: Sendable, Equatable {
    public var metric: ForecastMetric
    /// Mean of (other − base) over the replications.
    public var mean: Double
    /// 5th and 95th percentiles (type 7) of the paired differences: a 90% interval.
    public var p5: Double
    public var p95: Double

    /// The paired difference of every metric both forecasts have (a contamination type only one of
    /// them contains, or a calendar year only the base covers, is skipped), in the base's metric order.
    ///
    /// - Throws: `StatisticsError` when a difference is not finite (a model failure, never input).
    public static func all(other: (model: ClearanceModel, forecast: ClearanceForecast),
                           base: (model: ClearanceModel, forecast: ClearanceForecast)) throws -> [PairedDifference] {
        // The base chooses the calendar years of the released-area metrics; the other scenario is
        // measured at the same years (left out where it does not cover them).
        let baseMetrics = base.forecast.metricValues(model: base.model)
        let years = baseMetrics.compactMap { entry -> Int? in
            if case .releasedByEndOf(let year) = entry.metric { year } else { nil }
        }
        let otherValues = Dictionary(other.forecast.metricValues(model: other.model, releaseYears: years).map { ($0.metric, $0.values) },
                                     uniquingKeysWith: { first, _ in first })
        var differences: [PairedDifference] = []
        for (metric, baseValues) in baseMetrics {
            guard let values = otherValues[metric], values.count == baseValues.count, !baseValues.isEmpty else { continue }
            let sorted = try Statistics.sortedFinite(zip(values, baseValues).map { $0 - $1 })
            differences.append(PairedDifference(
                metric: metric, mean: try Statistics.mean(sorted),
                p5: try Statistics.quantile(sorted: sorted, p: 0.05), p95: try Statistics.quantile(sorted: sorted, p: 0.95)))
        }
        return differences
    }
}
