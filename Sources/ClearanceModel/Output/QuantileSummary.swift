import EventSimulation

// MARK: - QuantileSummary

/// Mean and P10/P50/P90 of a quantity over replications (type-7 linear-interpolation quantiles,
/// as ``EventSimulation/Statistics/quantile(sorted:p:)``). Always finite.
///
/// ```swift
/// let s = QuantileSummary([3, 1, 2, 4])   // mean 2.5, p50 2.5, p90 3.7
/// ```
public struct QuantileSummary: Sendable, Equatable, Codable {
    public var mean: Double
    public var p10: Double
    public var p50: Double
    public var p90: Double

    public init(mean: Double, p10: Double, p50: Double, p90: Double) {
        self.mean = mean
        self.p10 = p10
        self.p50 = p50
        self.p90 = p90
    }

    /// Summarises `values`; non-finite values are dropped, an empty sample gives all zeros.
    ///
    /// - Complexity: O(n log n).
    public init(_ values: [Double]) {
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else {
            self.init(mean: 0, p10: 0, p50: 0, p90: 0)
            return
        }
        // Summation in replication order (the caller's order) keeps the mean bit-identical.
        let mean = values.reduce(0.0) { $1.isFinite ? $0 + $1 : $0 } / Double(sorted.count)
        func q(_ p: Double) -> Double { (try? Statistics.quantile(sorted: sorted, p: p)) ?? 0 }
        self.init(mean: mean, p10: q(0.1), p50: q(0.5), p90: q(0.9))
    }
}
