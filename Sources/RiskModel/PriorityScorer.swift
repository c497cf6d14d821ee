import ClearcastDomain
import LinearAlgebra

/// Builds every layer of the risk-priority score, combines them and ranks the hazard areas.
///
/// ```swift
/// let assessment = try PriorityScorer.assess(inputs, parameters: parameters)
/// assessment.ranking.first?.id          // the hazard area to release first
/// assessment.ranking.first?.factors   // and why: shares, mean values, alone-ranks
/// ```
///
/// - Complexity: O(cells · bandwidth/cellSize) for the density (banded dgemm), O(cells · S) for the
///   pressure of S settlements (one dgemm), O(cells log cells) for percentile normalisation.
public enum PriorityScorer {
    /// Builds the layers, normalises and combines them, and ranks the hazards.
    ///
    /// - Throws: the model errors of the layers (invalid parameters or inputs).
    public static func assess(_ inputs: PriorityInputs, parameters: PriorityParameters) throws -> PriorityAssessment {
        let factors = parameters.weights.factors
        let cellCount = inputs.grid.cellCount
        var raw: [PriorityFactor: [Double]] = [:]
        var densitySummary: IncidentDensitySummary?
        var pressureSummary: ReturnPressureSummary?
        for factor in factors {
            switch factor {
            case .incidents:
                let density = try IncidentDensity(grid: inputs.grid, parameters: parameters.density)
                let (surface, summary) = try density.surface(for: inputs.incidents)
                raw[factor] = surface.elements
                densitySummary = summary
            case .returnPressure:
                let pressure = try ReturnPressure(grid: inputs.grid, parameters: parameters.pressure)
                let (surface, summary) = try pressure.surface(for: inputs.settlements)
                raw[factor] = surface.elements
                pressureSummary = summary
            case .contamination:
                raw[factor] = try ContaminationLayer.build(
                    footprints: inputs.hazards, cellCount: cellCount, weights: parameters.contamination)
            case .landValue:
                raw[factor] = try LandValueLayer.build(
                    features: inputs.landUse ?? [], cellCount: cellCount, weights: parameters.landValue)
            }
        }
        let layers = factors.map { raw[$0] ?? [] }
        let composite = try CompositeScore(
            rawLayers: layers, methods: Array(repeating: parameters.normalization, count: factors.count),
            weights: parameters.weights.factorWeights)
        let ranking = try HazardRanking.rank(footprints: inputs.hazards, composite: composite)
        return PriorityAssessment(
            factors: factors, rawLayers: layers, composite: composite, ranking: ranking,
            densitySummary: densitySummary, pressureSummary: pressureSummary)
    }
}

/// The layers, the composite score and the ranking of one assessment.
public struct PriorityAssessment: Sendable {
    /// The factors used, in layer order (the order of the weights).
    public let factors: [PriorityFactor]
    /// Raw layers (before normalisation), row-major over the grid, in `factors` order.
    public let rawLayers: [[Double]]
    public let composite: CompositeScore
    public let ranking: [HazardRankEntry]
    /// Present when the incidents factor is used.
    public let densitySummary: IncidentDensitySummary?
    /// Present when the return-pressure factor is used.
    public let pressureSummary: ReturnPressureSummary?

    /// The raw layer of `factor`, or nil when it is not used.
    public func rawLayer(_ factor: PriorityFactor) -> [Double]? {
        factors.firstIndex(of: factor).map { rawLayers[$0] }
    }
}
