// MARK: - LearnedSurface

/// A fitted linear predictor η = b₀ + Σ βⱼ xⱼ over normalised features xⱼ ∈ [0, 1], written as a
/// ``CompositeScore`` so that the ranking, factor shares, alone-ranks and outputs of hand-set
/// weights apply to it unchanged.
///
/// A negative coefficient on x is a positive one on 1 − x: βx = |β|(1 − x) − |β|. So with
/// x′ⱼ = xⱼ where βⱼ ≥ 0 and 1 − xⱼ where βⱼ < 0, and weights wⱼ = |βⱼ| / Σ|β|,
///
///     Σ wⱼ x′ⱼ = (η − b₀ + Σ_{β<0} |βⱼ|) / Σ|β|,
///
/// an increasing affine map of η: the composite ranks cells and hazard areas exactly as the fitted
/// model does, stays in [0, 1], and its weights are the model's *implied weights*, comparable with
/// hand-set ones. Features with a negative coefficient are named `"<name> (inverted)"`.
///
/// ```swift
/// let surface = try LearnedSurface(names: ["incidents", "elevation"], normalizedFeatures: [x1, x2],
///                                  coefficients: [2.0, -0.5], intercept: -3)
/// surface.composite.weights.values        // [0.8, 0.2]
/// surface.composite.weights.names         // ["incidents", "elevation (inverted)"]
/// surface.linearPredictor(of: surface.composite.scores[0])   // η of cell 0
/// ```
public struct LearnedSurface: Sendable {
    /// The composite of the sign-adjusted features with the implied weights.
    public let composite: CompositeScore
    /// Σ|β| and the offset: η = intercept − Σ_{β<0}|β| + scale × composite.
    public let scale: Double
    public let offset: Double
    /// The implied weights, signed: wⱼ = βⱼ / Σ|β| (negative = lower values mean more risk).
    public let signedWeights: [Double]

    /// - Throws: ``RiskModelError/factorCountMismatch(layers:weights:)`` when counts differ,
    ///   ``RiskModelError/invalidLayerValue(layer:index:value:)`` for a feature value outside [0, 1],
    ///   and ``RiskModelError/allWeightsZero(context:)`` when every coefficient is zero.
    /// - Complexity: O(cells · k).
    public init(names: [String], normalizedFeatures: [[Double]], coefficients: [Double], intercept: Double) throws {
        guard names.count == normalizedFeatures.count, names.count == coefficients.count else {
            throw RiskModelError.factorCountMismatch(layers: normalizedFeatures.count, weights: coefficients.count)
        }
        let total = coefficients.reduce(0) { $0 + abs($1) }
        guard total > 0, total.isFinite else {
            throw RiskModelError.allWeightsZero(context: "the fitted coefficients (no feature separates the labels, or the fit diverged)")
        }
        let adjusted = zip(normalizedFeatures, coefficients).map { feature, beta in beta < 0 ? feature.map { 1 - $0 } : feature }
        let labels = zip(names, coefficients).map { name, beta in beta < 0 ? name + " (inverted)" : name }
        let weights = try FactorWeights(names: labels, values: coefficients.map(abs))
        composite = try CompositeScore(normalizedLayers: adjusted, weights: weights)
        scale = total
        offset = intercept - coefficients.filter { $0 < 0 }.reduce(0) { $0 + abs($1) }
        signedWeights = coefficients.map { $0 / total }
    }

    /// The fitted linear predictor of a cell whose composite score is `score`.
    public func linearPredictor(of score: Double) -> Double { offset + scale * score }
}
