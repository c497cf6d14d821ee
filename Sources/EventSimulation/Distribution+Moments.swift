import Foundation

// MARK: - Analytic moments

extension Distribution {
    /// The analytic mean (for a valid distribution).
    ///
    /// ```swift
    /// Distribution.triangular(min: 0, mode: 1, max: 5).mean   // 2
    /// ```
    public var mean: Double {
        switch self {
        case let .constant(value): return value
        case let .uniform(min, max): return (min + max) / 2
        case let .exponential(mean): return mean
        case let .normal(mean, _): return mean
        case let .lognormal(mu, sigma): return exp(mu + sigma * sigma / 2)
        case let .gamma(shape, scale): return shape * scale
        case let .beta(alpha, beta, min, max): return min + (max - min) * alpha / (alpha + beta)
        case let .triangular(min, mode, max): return (min + mode + max) / 3
        case let .poisson(mean): return mean
        case let .bernoulli(p): return p
        }
    }

    /// The analytic variance (for a valid distribution).
    public var variance: Double {
        switch self {
        case .constant:
            return 0
        case let .uniform(min, max):
            return (max - min) * (max - min) / 12
        case let .exponential(mean):
            return mean * mean
        case let .normal(_, sd):
            return sd * sd
        case let .lognormal(mu, sigma):
            // (e^{σ²} − 1) e^{2μ + σ²}; expm1 keeps precision for small σ.
            let s2 = sigma * sigma
            return expm1(s2) * exp(2 * mu + s2)
        case let .gamma(shape, scale):
            return shape * scale * scale
        case let .beta(alpha, beta, min, max):
            let total = alpha + beta
            let width = max - min
            return width * width * alpha * beta / (total * total * (total + 1))
        case let .triangular(a, c, b):
            return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
        case let .poisson(mean):
            return mean
        case let .bernoulli(p):
            return p * (1 - p)
        }
    }

    /// The analytic standard deviation, `sqrt(variance)`.
    public var standardDeviation: Double { variance.squareRoot() }
}
