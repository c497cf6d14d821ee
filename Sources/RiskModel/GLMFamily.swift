import Foundation

// MARK: - GLMFamily

/// The response distributions ``PenalizedGLM`` fits, each with its canonical link.
///
/// - ``logistic``: 0/1 labels (e.g. "clearance found mines" or "an incident followed"), logit link,
///   fitted values are probabilities.
/// - ``poisson``: counts (incidents per cell), log link, fitted values are means; an offset of
///   log-exposure (cell area, years observed) turns them into rates.
///
/// ```swift
/// GLMFamily.logistic.mean(0)                      // 0.5
/// GLMFamily.poisson.unitDeviance(y: 2, eta: 0)    // 2·(2·log 2 − 1)
/// ```
public enum GLMFamily: String, Sendable, Codable, CaseIterable {
    case logistic
    case poisson

    /// The mean for linear predictor `eta` (inverse link), computed without overflow.
    @inlinable
    public func mean(_ eta: Double) -> Double {
        switch self {
        case .logistic: return eta >= 0 ? 1 / (1 + exp(-eta)) : exp(eta) / (1 + exp(eta))
        case .poisson: return exp(eta)
        }
    }

    /// The variance function V(μ): μ(1 − μ) for logistic, μ for Poisson. With the canonical link it
    /// is also dμ/dη, so the IRLS working weight is `caseWeight · V(μ)`.
    @inlinable
    public func variance(_ mu: Double) -> Double {
        switch self {
        case .logistic: return mu * (1 - mu)
        case .poisson: return mu
        }
    }

    /// The unit deviance `2·[ℓ(y; y) − ℓ(y; μ(η))]` of one observation, from `eta` so that fitted
    /// probabilities of exactly 0 or 1 never produce `log(0)`:
    /// logistic `2·(softplus(η) − y·η)`, Poisson `2·(y·log y − y·η − y + e^η)` with `0·log 0 = 0`.
    @inlinable
    public func unitDeviance(y: Double, eta: Double) -> Double {
        switch self {
        case .logistic:
            let softplus = Swift.max(eta, 0) + log1p(exp(-abs(eta)))
            return 2 * (softplus - y * eta)
        case .poisson:
            let yLogY = y > 0 ? y * log(y) : 0
            return 2 * (yLogY - y * eta - y + exp(eta))
        }
    }
}
