import ClearcastDomain
import RiskModel

/// The `scoring:` section: how the risk-priority surface is built. Every field has a documented
/// default, so a scenario may leave the whole section out.
public struct ScoringSpec: Sendable, Equatable {
    /// Factor weights: given directly, or derived from an AHP pairwise comparison matrix.
    public enum Weights: Sendable, Equatable {
        case direct([PriorityFactor: Double])
        case ahp(factors: [PriorityFactor], matrix: [[Double]], acceptInconsistent: Bool)
    }

    // MARK: Incident density
    /// Gaussian kernel sigma, metres.
    public var bandwidthMetres: Double = 2000
    /// An incident this many years old counts half.
    public var halfLifeYears: Double = 3
    /// Incident weight = 1 + casualtyWeight × casualties.
    public var casualtyWeight: Double = 1
    /// Kernel radius in sigmas; beyond it the kernel is exactly zero.
    public var truncationSigmas: Double = 4

    // MARK: Return pressure
    /// Gaussian distance-decay sigma around settlements, metres.
    public var pressureDecayMetres: Double = 5000

    // MARK: Contamination and land value
    /// Weights per contamination type code (AP, AV, CM, UXO) that the file overrides; the others keep
    /// the model's documented defaults (`RiskModel.ContaminationWeights.default`).
    public var typeWeights: [String: Double] = [:]
    /// Weights per hazard status code (CHA confirmed, SHA suspected) that the file overrides.
    public var statusWeights: [String: Double] = [:]
    /// Weights per land-use class that the file overrides (`RiskModel.LandValueWeights.default`).
    public var landValueWeights: [String: Double] = [:]

    // MARK: Combination
    public var normalization: LayerNormalization.Method = .percentileRank
    public var weights: Weights = .direct([
        .incidents: 0.35, .returnPressure: 0.30, .contamination: 0.25, .landValue: 0.10,
    ])
    /// A risk model fitted to evidence, reported beside the weighted score (and used instead of
    /// it when ``LearnedSpec/useAsPriority``).
    public var learned: LearnedSpec?

    public init() {}
}

extension Scenario {
    /// Whether the scoring weights give `factor` a part (a direct weight above 0, or an AHP factor).
    func priorityWeightsUse(_ factor: PriorityFactor) -> Bool {
        switch scoring.weights {
        case .direct(let table): return (table[factor] ?? 0) > 0
        case .ahp(let factors, _, _): return factors.contains(factor)
        }
    }
}
