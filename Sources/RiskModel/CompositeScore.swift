import LinearAlgebra

// MARK: - CompositeScore

/// The combined risk-priority score of every grid cell: normalised layers stacked into a
/// (cells x k) matrix, times the weight vector (BLAS `dgemv`).
///
/// Because each layer is in [0, 1] and the weights sum to 1, every score is in [0, 1]; the result is
/// clamped there to absorb rounding in the last bit.
///
/// ```swift
/// let weights = try FactorWeights(names: ["incidents", "contamination"], values: [0.6, 0.4])
/// let composite = try CompositeScore(normalizedLayers: [incidentLayer, contaminationLayer], weights: weights)
/// composite.scores[cell]
/// ```
public struct CompositeScore: Sendable {
    /// The weights, with factor names, in column order of ``layers``.
    public let weights: FactorWeights
    /// Stacked normalised layers: row = cell, column = factor.
    public let layers: Matrix
    /// Score per cell (row-major grid order), in [0, 1].
    public let scores: [Double]

    /// Number of cells.
    public var cellCount: Int { layers.rows }

    /// Stacks `normalizedLayers` (in `weights.names` order, each already in [0, 1]) and scores them.
    ///
    /// - Throws: ``RiskModelError/factorCountMismatch(layers:weights:)``,
    ///   ``RiskModelError/cellCountMismatch(context:expected:found:)`` for layers of unequal length and
    ///   ``RiskModelError/invalidLayerValue(layer:index:value:)`` for a value outside [0, 1].
    /// - Complexity: O(cells · k): one pass to stack, one `dgemv`.
    public init(normalizedLayers: [[Double]], weights: FactorWeights) throws {
        let k = weights.count
        guard normalizedLayers.count == k else {
            throw RiskModelError.factorCountMismatch(layers: normalizedLayers.count, weights: k)
        }
        let cells = normalizedLayers.first?.count ?? 0
        var stacked = [Double](repeating: 0, count: cells * k)
        for (f, layer) in normalizedLayers.enumerated() {
            guard layer.count == cells else {
                throw RiskModelError.cellCountMismatch(context: "layer '\(weights.names[f])'", expected: cells, found: layer.count)
            }
            for (cell, value) in layer.enumerated() {
                guard value.isFinite, value >= 0, value <= 1 else {
                    throw RiskModelError.invalidLayerValue(layer: weights.names[f], index: cell, value: value)
                }
                stacked[cell * k + f] = value
            }
        }
        try self.init(stacked: Matrix(rows: cells, columns: k, elements: stacked), weights: weights)
    }

    /// Scores an already stacked, already validated (cells x k) matrix.
    private init(stacked matrix: Matrix, weights: FactorWeights) throws {
        var scores = try Matrix.multiply(matrix, weights.values)
        for i in scores.indices { scores[i] = min(1, max(0, scores[i])) }
        self.weights = weights
        self.layers = matrix
        self.scores = scores
    }

    /// Normalises raw layers (each with its own method) and scores them.
    ///
    /// ```swift
    /// let composite = try CompositeScore(rawLayers: [density, contamination],
    ///                                    methods: [.percentileRank, .maxScaling], weights: weights)
    /// ```
    /// - Throws: as ``LayerNormalization/normalize(_:method:layer:)`` and ``init(normalizedLayers:weights:)``.
    public init(rawLayers: [[Double]], methods: [LayerNormalization.Method], weights: FactorWeights) throws {
        guard rawLayers.count == weights.count, methods.count == weights.count else {
            throw RiskModelError.factorCountMismatch(layers: rawLayers.count, weights: weights.count)
        }
        let cells = rawLayers.first?.count ?? 0
        // Same error order as normalising every layer first, then stacking.
        for (f, layer) in rawLayers.enumerated() { try LayerNormalization.validate(layer, layer: weights.names[f]) }
        for (f, layer) in rawLayers.enumerated() where layer.count != cells {
            throw RiskModelError.cellCountMismatch(context: "layer '\(weights.names[f])'", expected: cells, found: layer.count)
        }
        try self.init(stacked: Self.normalizeAndStack(rawLayers, methods: methods, cells: cells), weights: weights)
    }

    // MARK: Normalisation into the stacked matrix

    /// Normalises the validated `rawLayers` straight into the columns of the stacked (cells x k)
    /// matrix, one layer after another, each on all cores.
    ///
    /// Why this shape: no full-size temporary per layer is alive (every column writes all its rows
    /// straight into the stacked matrix), so peak memory stays under 3x the layers' bytes.
    /// Each value is computed by one thread from the layer alone, so the result is the same whatever
    /// the thread count.
    ///
    /// - Complexity: O(cells · k) work, spread over the cores.
    static func normalizeAndStack(_ rawLayers: [[Double]], methods: [LayerNormalization.Method], cells: Int) -> Matrix {
        Matrix.filledByColumns(rows: cells, columns: rawLayers.count) { column in
            LayerNormalization.write(rawLayers[column.column], method: methods[column.column], to: column)
        }
    }
}
