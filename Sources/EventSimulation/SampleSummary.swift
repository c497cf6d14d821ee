// MARK: - SampleSummary

/// A deterministic summary of a sample (e.g. one output over all Monte Carlo replications):
/// count, mean, spread and the quantiles planners ask for.
///
/// ```swift
/// let summary = try SampleSummary(finishDays)
/// print(summary.median, summary.p90, summary.standardError)
/// ```
///
/// Quantiles use ``Statistics/quantile(sorted:p:)`` (Hyndman & Fan type 7). The sample is
/// sorted first and every sum runs in sorted order, so the summary depends only on the
/// multiset of values: it is bit-identical however replications were distributed over
/// threads or in which order they finished.
public struct SampleSummary: Sendable, Equatable, Codable {
    /// Number of values.
    public let count: Int
    /// Arithmetic mean.
    public let mean: Double
    /// Sample standard deviation (divisor n − 1; 0 for a single value).
    public let standardDeviation: Double
    /// Standard error of the mean, `standardDeviation / sqrt(count)`.
    public let standardError: Double
    /// Smallest value.
    public let minimum: Double
    /// 5th, 10th, 25th, 50th, 75th, 90th and 95th percentiles.
    public let p05: Double, p10: Double, p25: Double, median: Double, p75: Double, p90: Double, p95: Double
    /// Largest value.
    public let maximum: Double

    /// Summarises `values` (in any order).
    ///
    /// - Throws: ``StatisticsError`` for an empty sample or any non-finite value.
    /// - Complexity: O(n log n).
    public init(_ values: [Double]) throws(StatisticsError) {
        guard !values.isEmpty else { throw .emptySample(statistic: "summary") }
        let sorted = try Statistics.sortedFinite(values)
        count = sorted.count
        mean = try Statistics.mean(sorted)
        standardDeviation = try Statistics.standardDeviation(sorted)
        standardError = standardDeviation / Double(count).squareRoot()
        minimum = sorted[0]
        maximum = sorted[sorted.count - 1]
        p05 = try Statistics.quantile(sorted: sorted, p: 0.05)
        p10 = try Statistics.quantile(sorted: sorted, p: 0.10)
        p25 = try Statistics.quantile(sorted: sorted, p: 0.25)
        median = try Statistics.quantile(sorted: sorted, p: 0.50)
        p75 = try Statistics.quantile(sorted: sorted, p: 0.75)
        p90 = try Statistics.quantile(sorted: sorted, p: 0.90)
        p95 = try Statistics.quantile(sorted: sorted, p: 0.95)
    }
}
