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
        let built = try rawLayers(factors, inputs: inputs, parameters: parameters)
        let mask = inputs.studyArea
        let layers = factors.map { built.layers[$0] ?? [] }
        let composite = try CompositeScore(
            rawLayers: layers.map { mask?.compact($0) ?? $0 },
            methods: Array(repeating: parameters.normalization, count: factors.count),
            weights: parameters.weights.factorWeights)
        let ranking = try HazardRanking.rank(footprints: studyFootprints(inputs.hazards, mask: mask), composite: composite)
        return PriorityAssessment(
            factors: factors, rawLayers: layers, composite: composite, ranking: ranking,
            densitySummary: built.density, pressureSummary: built.pressure, studyArea: mask)
    }

    /// The raw (un-normalised, whole-grid) layer of each factor in `factors`.
    ///
    /// - Throws: the model errors of the layers.
    public static func rawLayers(_ factors: [PriorityFactor], inputs: PriorityInputs, parameters: PriorityParameters) throws
        -> (layers: [PriorityFactor: [Double]], density: IncidentDensitySummary?, pressure: ReturnPressureSummary?) {
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
        return (raw, densitySummary, pressureSummary)
    }

    /// The hazards with their cells renumbered among the study area's cells (cells outside dropped:
    /// a hazard wholly outside has no cells and ranks last, flagged, like one too small for the grid).
    public static func studyFootprints(_ hazards: [HazardFootprint], mask: GridMask?) -> [HazardFootprint] {
        guard let mask, !mask.includesEveryCell else { return hazards }
        return hazards.map { hazard in
            var inside = hazard
            inside.cells = mask.compactIndices(of: hazard.cells)
            return inside
        }
    }
}

/// The layers, the composite score and the ranking of one assessment.
public struct PriorityAssessment: Sendable {
    /// The factors used, in layer order (the order of the weights).
    public let factors: [PriorityFactor]
    /// Raw layers (before normalisation), row-major over the whole grid, in `factors` order.
    public let rawLayers: [[Double]]
    public let composite: CompositeScore
    public let ranking: [HazardRankEntry]
    /// Present when the incidents factor is used.
    public let densitySummary: IncidentDensitySummary?
    /// Present when the return-pressure factor is used.
    public let pressureSummary: ReturnPressureSummary?
    /// The study area: ``composite`` and the ranking's cells count only its cells; nil = the whole grid.
    public let studyArea: GridMask?

    public init(factors: [PriorityFactor], rawLayers: [[Double]], composite: CompositeScore, ranking: [HazardRankEntry],
                densitySummary: IncidentDensitySummary?, pressureSummary: ReturnPressureSummary?, studyArea: GridMask?) {
        self.factors = factors
        self.rawLayers = rawLayers
        self.composite = composite
        self.ranking = ranking
        self.densitySummary = densitySummary
        self.pressureSummary = pressureSummary
        self.studyArea = studyArea
    }

    /// The priority score of every grid cell, `fill` (NaN by default: nodata) outside the study area.
    public func gridScores(fill: Double = .nan) -> [Double] {
        studyArea?.expand(composite.scores, fill: fill) ?? composite.scores
    }

    /// The raw layer of `factor`, or nil when it is not used.
    public func rawLayer(_ factor: PriorityFactor) -> [Double]? {
        factors.firstIndex(of: factor).map { rawLayers[$0] }
    }
}
