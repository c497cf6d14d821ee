import Foundation

// MARK: - Distribution

/// A univariate probability distribution for simulation inputs (durations, rates, counts).
///
/// Cases carry the natural parameters; convenience constructors cover the parametrisations
/// planners usually give (a lognormal by median and 90th percentile, or by mean and
/// coefficient of variation; a beta on [0, 1]):
///
/// ```swift
/// let days = try Distribution.lognormal(median: 3, p90: 8)
/// var rng = RandomStream(masterSeed: 1, replication: 0, stream: "survey")
/// let sample = days.sample(using: &rng)
/// print(days.mean, days.variance)
/// ```
///
/// Values built directly from cases are not checked; call ``validate()`` before sampling
/// anything that came from a file (decoding with `Codable` validates automatically).
/// Discrete distributions (``poisson(mean:)``, ``bernoulli(p:)``) return whole numbers as `Double`.
public enum Distribution: Sendable, Equatable {
    /// Always `value`; sampling consumes no randomness.
    case constant(Double)
    /// Continuous uniform on [min, max).
    case uniform(min: Double, max: Double)
    /// Exponential with the given mean (rate 1/mean).
    case exponential(mean: Double)
    /// Normal (Gaussian) with mean and standard deviation `sd`.
    case normal(mean: Double, sd: Double)
    /// Lognormal: `exp(N(mu, sigma²))`; `mu` and `sigma` are the log-scale mean and sd.
    case lognormal(mu: Double, sigma: Double)
    /// Gamma with shape k and scale θ (mean kθ).
    case gamma(shape: Double, scale: Double)
    /// Beta(α, β) scaled affinely from [0, 1] onto [min, max].
    case beta(alpha: Double, beta: Double, min: Double, max: Double)
    /// Triangular on [min, max] with the given mode.
    case triangular(min: Double, mode: Double, max: Double)
    /// Poisson with the given mean (returns 0, 1, 2, … as `Double`).
    case poisson(mean: Double)
    /// Bernoulli: 1 with probability `p`, else 0.
    case bernoulli(p: Double)

    /// The standard normal 90th percentile, Φ⁻¹(0.9).
    public static let z90 = 1.2815515655446004

    // MARK: Convenience constructors

    /// A standard beta distribution on [0, 1].
    public static func beta(alpha: Double, beta: Double) -> Distribution {
        .beta(alpha: alpha, beta: beta, min: 0, max: 1)
    }

    /// A lognormal with the given median and 90th percentile:
    /// `mu = ln(median)`, `sigma = (ln(p90) − ln(median)) / Φ⁻¹(0.9)`.
    ///
    /// - Throws: ``DistributionError`` unless `0 < median < p90` and both are finite.
    public static func lognormal(median: Double, p90: Double) throws(DistributionError) -> Distribution {
        try requireFinite("lognormal", "median", median)
        try requireFinite("lognormal", "p90", p90)
        guard median > 0 else {
            throw .outOfRange(distribution: "lognormal", parameter: "median", value: median, expected: "a value > 0")
        }
        guard p90 > median else {
            throw .inconsistent(
                distribution: "lognormal",
                message: "p90 = \(p90) must be greater than median = \(median)")
        }
        let mu = log(median)
        let result = Distribution.lognormal(mu: mu, sigma: (log(p90) - mu) / z90)
        try result.validate()
        return result
    }

    /// A lognormal with the given arithmetic mean and coefficient of variation (sd / mean):
    /// `sigma² = ln(1 + cv²)`, `mu = ln(mean) − sigma²/2`.
    ///
    /// - Throws: ``DistributionError`` unless `mean > 0`, `cv ≥ 0` and both are finite.
    public static func lognormal(mean: Double, cv: Double) throws(DistributionError) -> Distribution {
        try requireFinite("lognormal", "mean", mean)
        try requireFinite("lognormal", "cv", cv)
        guard mean > 0 else {
            throw .outOfRange(distribution: "lognormal", parameter: "mean", value: mean, expected: "a value > 0")
        }
        guard cv >= 0 else {
            throw .outOfRange(distribution: "lognormal", parameter: "cv", value: cv, expected: "a value ≥ 0")
        }
        let sigma2 = log1p(cv * cv)
        let result = Distribution.lognormal(mu: log(mean) - sigma2 / 2, sigma: sigma2.squareRoot())
        try result.validate()
        return result
    }

    // MARK: Naming

    /// The lowercase case name, as used in messages and in the `Codable` form.
    public var name: String {
        switch self {
        case .constant: return "constant"
        case .uniform: return "uniform"
        case .exponential: return "exponential"
        case .normal: return "normal"
        case .lognormal: return "lognormal"
        case .gamma: return "gamma"
        case .beta: return "beta"
        case .triangular: return "triangular"
        case .poisson: return "poisson"
        case .bernoulli: return "bernoulli"
        }
    }
}

// MARK: - Helpers

@inline(__always)
func requireFinite(_ distribution: String, _ parameter: String, _ value: Double) throws(DistributionError) {
    guard value.isFinite else {
        throw .nonFinite(distribution: distribution, parameter: parameter, value: value)
    }
}
