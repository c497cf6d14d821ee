import Foundation

// MARK: - Basic variates

extension RandomStream {
    /// Returns a standard normal deviate (Marsaglia's polar method).
    ///
    /// Each accepted pair yields two independent deviates; the second is cached in the
    /// stream, so the average cost is about 1.27 uniform pairs per two normals and no
    /// trigonometric calls.
    ///
    /// ```swift
    /// var rng = RandomStream(seed: 1)
    /// let z = rng.nextStandardNormal()
    /// ```
    ///
    /// - Complexity: O(1) expected (acceptance probability π/4 per pair).
    public mutating func nextStandardNormal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        while true {
            let u = 2 * nextDouble() - 1
            let v = 2 * nextDouble() - 1
            let s = u * u + v * v
            // s == 0 would divide by zero; s >= 1 lies outside the unit disc.
            if s > 0, s < 1 {
                let factor = (-2 * log(s) / s).squareRoot()
                spareNormal = v * factor
                return u * factor
            }
        }
    }

    /// Returns a Gamma(shape, 1) deviate by Marsaglia & Tsang (2000), "A simple method for
    /// generating gamma variables", with the `U^(1/shape)` boost for `shape < 1`.
    ///
    /// - Precondition: `shape > 0` and finite (checked by ``Distribution/validate()``).
    /// - Complexity: O(1) expected; acceptance ≥ 95 % for every shape ≥ 1.
    public mutating func nextGamma(shape: Double) -> Double {
        if shape < 1 {
            // Gamma(a) = Gamma(a + 1) · U^(1/a) (Marsaglia & Tsang, section 6).
            let boost = pow(nextOpenDouble(), 1 / shape)
            return nextGamma(shape: shape + 1) * boost
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = nextStandardNormal()
            var v = 1 + c * x
            guard v > 0 else { continue }
            v = v * v * v
            let u = nextOpenDouble()
            let x2 = x * x
            // Cheap squeeze first; the exact log test is rarely needed.
            if u < 1 - 0.0331 * x2 * x2 { return d * v }
            if log(u) < 0.5 * x2 + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// Returns a Poisson(mean) deviate.
    ///
    /// For `mean < 10`: inversion by sequential search (expected `mean + 1` steps).
    /// Otherwise: PTRS, the transformed rejection method of Hörmann (1993), "The transformed
    /// rejection method for generating Poisson random variables", as used by NumPy
    /// (expected about 1.15 uniform pairs per deviate for every mean).
    ///
    /// - Precondition: `0 ≤ mean ≤ 2⁵²` (checked by ``Distribution/validate()``).
    /// - Complexity: O(mean) expected for `mean < 10`, O(1) expected otherwise.
    public mutating func nextPoisson(mean: Double) -> Double {
        guard mean > 0 else { return 0 }
        if mean < 10 {
            let u = nextDouble()
            var probability = exp(-mean)
            var cumulative = probability
            var k = 0.0
            // probability == 0 guards against rounding leaving cumulative just below u forever.
            while u > cumulative, probability > 0 {
                k += 1
                probability *= mean / k
                cumulative += probability
            }
            return k
        }
        let squareRootMean = mean.squareRoot()
        let logMean = log(mean)
        let b = 0.931 + 2.53 * squareRootMean
        let a = -0.059 + 0.02483 * b
        let inverseAlpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = nextDouble() - 0.5
            let v = nextOpenDouble()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07, v <= vr { return k }
            if k < 0 || (us < 0.013 && v > us) { continue }
            let lhs = log(v) + log(inverseAlpha) - log(a / (us * us) + b)
            if lhs <= -mean + k * logMean - lgamma(k + 1) { return k }
        }
    }
}
