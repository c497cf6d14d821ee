import Foundation

// MARK: - Sampling

extension Distribution {
    /// Draws one value.
    ///
    /// ```swift
    /// var rng = RandomStream(masterSeed: 7, replication: 3, stream: "travel")
    /// let hours = Distribution.triangular(min: 1, mode: 2, max: 6).sample(using: &rng)
    /// ```
    ///
    /// Algorithms: inversion for uniform, exponential, triangular, Bernoulli and small-mean
    /// Poisson; Marsaglia's polar method for normal and lognormal; Marsaglia–Tsang for gamma;
    /// beta as `X / (X + Y)` with independent gammas; PTRS (Hörmann) for Poisson with mean ≥ 10.
    /// `constant` consumes no randomness.
    ///
    /// - Precondition: the distribution is valid (``validate()`` does not throw); invalid
    ///   parameters give meaningless values (possibly NaN) but never crash or hang.
    /// - Complexity: O(1) expected, except Poisson with mean < 10 (O(mean)).
    public func sample(using rng: inout RandomStream) -> Double {
        switch self {
        case let .constant(value):
            return value
        case let .uniform(min, max):
            return min + (max - min) * rng.nextDouble()
        case let .exponential(mean):
            // 1 − u lies in (0, 1], so the logarithm is finite.
            return -mean * log(1 - rng.nextDouble())
        case let .normal(mean, sd):
            return mean + sd * rng.nextStandardNormal()
        case let .lognormal(mu, sigma):
            return exp(mu + sigma * rng.nextStandardNormal())
        case let .gamma(shape, scale):
            return scale * rng.nextGamma(shape: shape)
        case let .beta(alpha, beta, min, max):
            return min + (max - min) * Distribution.standardBeta(alpha: alpha, beta: beta, using: &rng)
        case let .triangular(min, mode, max):
            return Distribution.triangular(min: min, mode: mode, max: max, u: rng.nextDouble())
        case let .poisson(mean):
            return rng.nextPoisson(mean: mean)
        case let .bernoulli(p):
            return rng.nextDouble() < p ? 1 : 0
        }
    }

    /// Fills `buffer` with `count` draws, reusing its storage (no allocation once its
    /// capacity suffices).
    ///
    /// - Complexity: O(count) expected.
    public func sample(_ count: Int, into buffer: inout [Double], using rng: inout RandomStream) {
        buffer.removeAll(keepingCapacity: true)
        buffer.reserveCapacity(count)
        for _ in 0..<max(count, 0) {
            buffer.append(sample(using: &rng))
        }
    }

    // MARK: Helpers

    /// Beta(α, β) on [0, 1] as `X / (X + Y)`, X ~ Gamma(α), Y ~ Gamma(β).
    static func standardBeta(alpha: Double, beta: Double, using rng: inout RandomStream) -> Double {
        let x = rng.nextGamma(shape: alpha)
        let y = rng.nextGamma(shape: beta)
        let total = x + y
        guard total > 0 else {
            // Both gammas underflowed (α and β tiny): the beta is then concentrated at the
            // ends, 1 with probability α / (α + β).
            return rng.nextDouble() < alpha / (alpha + beta) ? 1 : 0
        }
        return x / total
    }

    /// The triangular quantile function at `u` ∈ [0, 1).
    static func triangular(min a: Double, mode c: Double, max b: Double, u: Double) -> Double {
        let width = b - a
        guard width > 0 else { return a }
        let split = (c - a) / width
        if u < split {
            return a + (u * width * (c - a)).squareRoot()
        }
        return b - ((1 - u) * width * (b - c)).squareRoot()
    }
}
