import LinearAlgebra
import RiskModel

// MARK: - RankingWorkload

/// AHP weights from a pairwise matrix (dgeev) and the ranking of many hazard areas by the composite
/// score of their cells, with factor shares.
///
/// Its limit, measured in the same run, is ``runGather()``: a plain loop that reads every footprint
/// cell's layer values once, the least work any ranking must do.
///
/// ```swift
/// let w = try RankingWorkload(inputs: inputs)
/// let seconds = Stopwatch.best(of: 3) { _ = try w.run() }
/// ```
public struct RankingWorkload: Sendable {
    /// The footprints ranked.
    public let hazards: [HazardFootprint]
    /// The composite the ranking reads.
    public let composite: CompositeScore
    /// A consistent-looking 4 x 4 pairwise comparison matrix (Saaty scale).
    public let pairwise: Matrix

    /// Builds a composite of the contamination layer and three seeded layers on `inputs.grid`.
    public init(inputs: SyntheticInputs) throws {
        hazards = inputs.hazards
        let cells = inputs.grid.cellCount
        let contamination = try LayerNormalization.normalize(
            try ContaminationLayer.build(footprints: inputs.hazards, cellCount: cells), method: .maxScaling,
            layer: "contamination")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) * 0x1p-53
        }
        let others = (0..<3).map { _ in (0..<cells).map { _ in next() } }
        pairwise = try Matrix(rows: 4, columns: 4, elements: [
            1, 3, 5, 7,
            1.0 / 3, 1, 3, 5,
            1.0 / 5, 1.0 / 3, 1, 3,
            1.0 / 7, 1.0 / 5, 1.0 / 3, 1,
        ])
        let weights = try FactorWeights(names: ["incidents", "returns", "contamination", "landValue"],
                                        values: [0.25, 0.25, 0.25, 0.25])
        composite = try CompositeScore(normalizedLayers: [others[0], others[1], contamination, others[2]],
                                       weights: weights)
    }

    /// AHP priorities, then the ranking; returns the id ranked first.
    /// - Complexity: O(Σ footprint cells · k + h log h).
    public func run() throws -> String {
        let weights = try FactorWeights(names: composite.weights.names, pairwise: pairwise)
        blackHoleDouble(weights.values[0])
        let ranking = try HazardRanking.rank(footprints: hazards, composite: composite)
        return ranking.first?.id ?? ""
    }

    /// The limit: sum every footprint cell's k layer values once.
    public func runGather() -> Double {
        let layers = composite.layers.elements
        let k = composite.layers.columns
        var total = 0.0
        for footprint in hazards {
            for cell in footprint.cells {
                for f in 0..<k { total += layers[cell * k + f] }
            }
        }
        return total
    }
}
