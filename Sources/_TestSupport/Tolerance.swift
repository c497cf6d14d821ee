// MARK: - Tolerance

/// Tolerances for estimates from random samples: `z` standard errors of the estimate, so that a
/// correct implementation fails with a known, tiny probability (about 6e-7 for the default z = 5,
/// for a normal estimate) while a wrong mean or spread is caught with enough draws.
///
/// For fixed numbers use ``isApproximatelyEqual(_:_:relative:absolute:)`` instead.
///
/// ```swift
/// let values = (0..<n).map { _ in Double.random(in: 0..<1, using: &rng) }
/// let mean = values.reduce(0, +) / Double(n)
/// #expect(abs(mean - 0.5) < Tolerance.mean(variance: 1.0 / 12, n: n))
/// #expect(abs(share - 0.03) < Tolerance.proportion(p: 0.03, n: n))
/// ```
public enum Tolerance {
    /// For a sample mean of `n` draws with the given variance: `z · sqrt(variance / n)`.
    public static func mean(variance: Double, n: Int, z: Double = 5) -> Double {
        z * (variance / Double(n)).squareRoot()
    }

    /// For a sample variance (n − 1 denominator) of `n` draws: `z` standard errors, using the
    /// large-sample variance of s², `(μ₄ − σ⁴) / n` with `μ₄ = (excess kurtosis + 3) σ⁴`.
    public static func variance(variance: Double, excessKurtosis: Double, n: Int, z: Double = 5) -> Double {
        let fourthMoment = (excessKurtosis + 3) * variance * variance
        return z * ((fourthMoment - variance * variance) / Double(n)).squareRoot()
    }

    /// For an empirical proportion of `n` draws whose true value is `p`: `z` binomial standard errors.
    public static func proportion(p: Double, n: Int, z: Double = 5) -> Double {
        z * (p * (1 - p) / Double(n)).squareRoot()
    }
}
