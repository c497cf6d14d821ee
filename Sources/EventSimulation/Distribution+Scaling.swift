import Foundation

// MARK: - Scaling

extension Distribution {
    /// The distribution of `factor · X` for X drawn from `self` (`factor` > 0), in the same family.
    ///
    /// Used for productivity multipliers (e.g. terrain): a lognormal stays lognormal with its median
    /// scaled, a gamma keeps its shape, and so on; the mean and standard deviation scale by `factor`.
    /// Counting distributions (Poisson, Bernoulli) have no scaled member of their family and are
    /// returned as a constant at the scaled mean when `factor` ≠ 1.
    ///
    /// ```swift
    /// Distribution.triangular(min: 100, mode: 200, max: 400).scaled(by: 0.5)   // triangular(50, 100, 200)
    /// ```
    public func scaled(by factor: Double) -> Distribution {
        guard factor != 1 else { return self }
        switch self {
        case .constant(let v): return .constant(v * factor)
        case .uniform(let lo, let hi): return .uniform(min: lo * factor, max: hi * factor)
        case .exponential(let mean): return .exponential(mean: mean * factor)
        case .normal(let mean, let sd): return .normal(mean: mean * factor, sd: sd * abs(factor))
        case .lognormal(let mu, let sigma): return .lognormal(mu: mu + log(factor), sigma: sigma)
        case .gamma(let shape, let scale): return .gamma(shape: shape, scale: scale * factor)
        case .beta(let a, let b, let lo, let hi): return .beta(alpha: a, beta: b, min: lo * factor, max: hi * factor)
        case .triangular(let lo, let mode, let hi): return .triangular(min: lo * factor, mode: mode * factor, max: hi * factor)
        case .poisson, .bernoulli: return .constant(mean * factor)
        }
    }
}
