import Foundation

// MARK: - Validation

extension Distribution {
    /// Largest Poisson mean accepted: beyond 2⁵² consecutive counts are no longer
    /// representable as distinct `Double`s.
    public static let maximumPoissonMean = 0x1.0p52

    /// Checks that the parameters describe a proper distribution.
    ///
    /// Degenerate but meaningful cases are accepted (`uniform` with `min == max`,
    /// `normal` with `sd == 0`, `poisson` with mean 0, `bernoulli` with p 0 or 1);
    /// impossible ones throw (negative spread, probability outside [0, 1], `min > max`,
    /// mode outside [min, max], non-positive scale or shape, any NaN or infinity).
    ///
    /// ```swift
    /// try Distribution.triangular(min: 1, mode: 5, max: 3).validate()
    /// // throws: triangular: mode = 5 must lie in [min, max] = [1, 3]
    /// ```
    ///
    /// - Throws: ``DistributionError`` describing the first problem found.
    /// - Complexity: O(1).
    public func validate() throws(DistributionError) {
        let label = name
        switch self {
        case let .constant(value):
            try requireFinite(label, "value", value)
        case let .uniform(min, max):
            try requireFinite(label, "min", min)
            try requireFinite(label, "max", max)
            try requireOrdered(label, min: min, max: max)
        case let .exponential(mean):
            try requireFinite(label, "mean", mean)
            try requirePositive(label, "mean", mean)
        case let .normal(mean, sd):
            try requireFinite(label, "mean", mean)
            try requireFinite(label, "sd", sd)
            try requireNonNegative(label, "sd", sd)
        case let .lognormal(mu, sigma):
            try requireFinite(label, "mu", mu)
            try requireFinite(label, "sigma", sigma)
            try requireNonNegative(label, "sigma", sigma)
            guard self.mean.isFinite else {
                throw .inconsistent(
                    distribution: label,
                    message: "mu = \(mu), sigma = \(sigma) give an infinite mean exp(mu + sigma²/2)")
            }
        case let .gamma(shape, scale):
            try requireFinite(label, "shape", shape)
            try requireFinite(label, "scale", scale)
            try requirePositive(label, "shape", shape)
            try requirePositive(label, "scale", scale)
        case let .beta(alpha, beta, min, max):
            try requireFinite(label, "alpha", alpha)
            try requireFinite(label, "beta", beta)
            try requireFinite(label, "min", min)
            try requireFinite(label, "max", max)
            try requirePositive(label, "alpha", alpha)
            try requirePositive(label, "beta", beta)
            try requireOrdered(label, min: min, max: max)
        case let .triangular(min, mode, max):
            try requireFinite(label, "min", min)
            try requireFinite(label, "mode", mode)
            try requireFinite(label, "max", max)
            try requireOrdered(label, min: min, max: max)
            guard min <= mode, mode <= max else {
                throw .inconsistent(
                    distribution: label, message: "mode = \(mode) must lie in [min, max] = [\(min), \(max)]")
            }
        case let .poisson(mean):
            try requireFinite(label, "mean", mean)
            guard mean >= 0, mean <= Distribution.maximumPoissonMean else {
                throw .outOfRange(
                    distribution: label, parameter: "mean", value: mean, expected: "a value in [0, 2^52]")
            }
        case let .bernoulli(p):
            try requireFinite(label, "p", p)
            guard p >= 0, p <= 1 else {
                throw .outOfRange(distribution: label, parameter: "p", value: p, expected: "a probability in [0, 1]")
            }
        }
    }
}

// MARK: - Helpers

private func requirePositive(_ label: String, _ parameter: String, _ value: Double) throws(DistributionError) {
    guard value > 0 else {
        throw .outOfRange(distribution: label, parameter: parameter, value: value, expected: "a value > 0")
    }
}

private func requireNonNegative(_ label: String, _ parameter: String, _ value: Double) throws(DistributionError) {
    guard value >= 0 else {
        throw .outOfRange(distribution: label, parameter: parameter, value: value, expected: "a value ≥ 0")
    }
}

/// `min ≤ max`, and the width must itself be finite (e.g. not [-1e308, 1e308]).
private func requireOrdered(_ label: String, min: Double, max: Double) throws(DistributionError) {
    guard min <= max else {
        throw .inconsistent(distribution: label, message: "min = \(min) must not exceed max = \(max)")
    }
    guard (max - min).isFinite else {
        throw .inconsistent(distribution: label, message: "width max − min = \(max - min) overflows")
    }
}
