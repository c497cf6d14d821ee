// MARK: - Statistics

/// Small, deterministic sample statistics for Monte Carlo output.
///
/// Every function processes values in array order with compensated summation, so the same
/// input gives bit-identical output regardless of how the values were produced.
///
/// ```swift
/// let days = [12.0, 15, 9, 20, 11]
/// let mean = try Statistics.mean(days)                          // 13.4
/// let p90 = try Statistics.quantile(sorted: days.sorted(), p: 0.9)  // 18.0
/// ```
public enum Statistics {
    // MARK: Moments

    /// The arithmetic mean, summed with Neumaier's compensated summation.
    ///
    /// - Throws: ``StatisticsError/emptySample(statistic:)`` for an empty array.
    /// - Complexity: O(n).
    public static func mean(_ values: [Double]) throws(StatisticsError) -> Double {
        guard !values.isEmpty else { throw .emptySample(statistic: "mean") }
        return compensatedSum(values) / Double(values.count)
    }

    /// The unbiased sample variance (divisor n − 1), by the two-pass algorithm with the
    /// compensation term of Chan, Golub & LeVeque (accurate even when the mean is large
    /// compared with the spread). A single value has variance 0.
    ///
    /// - Throws: ``StatisticsError/emptySample(statistic:)`` for an empty array.
    /// - Complexity: O(n).
    public static func variance(_ values: [Double]) throws(StatisticsError) -> Double {
        let center = try mean(values)
        guard values.count > 1 else { return 0 }
        var squares = 0.0
        var deviations = 0.0
        for value in values {
            let deviation = value - center
            squares += deviation * deviation
            deviations += deviation
        }
        let n = Double(values.count)
        return max(0, (squares - deviations * deviations / n) / (n - 1))
    }

    /// The sample standard deviation, `sqrt(variance)`.
    ///
    /// - Throws: ``StatisticsError/emptySample(statistic:)`` for an empty array.
    public static func standardDeviation(_ values: [Double]) throws(StatisticsError) -> Double {
        try variance(values).squareRoot()
    }

    // MARK: Quantiles

    /// The p-quantile of an ascending sample by Hyndman & Fan's definition 7 (the default of
    /// R's `quantile` and NumPy's `percentile`): with `h = (n − 1)·p`,
    /// `Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋])` (0-based indices).
    /// `Q(0)` is the minimum, `Q(1)` the maximum, `Q(0.5)` the usual median.
    ///
    /// ```swift
    /// try Statistics.quantile(sorted: [1, 2, 3, 4], p: 0.5)   // 2.5
    /// try Statistics.quantile(sorted: [1, 2, 3, 4], p: 0.9)   // 3.7
    /// ```
    ///
    /// - Precondition: `sorted` is in ascending order (not checked, to keep this O(1)).
    /// - Throws: ``StatisticsError`` for an empty sample or `p` outside [0, 1].
    /// - Complexity: O(1).
    public static func quantile(sorted: [Double], p: Double) throws(StatisticsError) -> Double {
        guard !sorted.isEmpty else { throw .emptySample(statistic: "quantile") }
        guard p >= 0, p <= 1 else { throw .probabilityOutOfRange(p) }
        let h = Double(sorted.count - 1) * p
        let lower = Int(h.rounded(.down))
        let fraction = h - Double(lower)
        guard lower + 1 < sorted.count, fraction > 0 else { return sorted[lower] }
        return sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower])
    }

    /// Sorts a sample after checking that every value is finite (NaN would make any
    /// order, and so every quantile, meaningless).
    ///
    /// - Throws: ``StatisticsError/nonFiniteValue(index:value:)`` for the first bad value.
    /// - Complexity: O(n log n).
    public static func sortedFinite(_ values: [Double]) throws(StatisticsError) -> [Double] {
        if let index = values.firstIndex(where: { !$0.isFinite }) {
            throw .nonFiniteValue(index: index, value: values[index])
        }
        return values.sorted()
    }

    // MARK: Helpers

    /// Neumaier's improved Kahan summation, in array order.
    static func compensatedSum(_ values: [Double]) -> Double {
        var sum = 0.0
        var compensation = 0.0
        for value in values {
            let total = sum + value
            if abs(sum) >= abs(value) {
                compensation += (sum - total) + value
            } else {
                compensation += (value - total) + sum
            }
            sum = total
        }
        return sum + compensation
    }
}
