import Dispatch
import LinearAlgebra
import Synchronization

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
        try self.init(stacked: stacked, cells: cells, weights: weights)
    }

    /// Scores an already stacked, already validated row-major (cells x k) buffer.
    private init(stacked: [Double], cells: Int, weights: FactorWeights) throws {
        let matrix = try Matrix(rows: cells, columns: weights.count, elements: stacked)
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
        let stacked = Self.normalizeAndStack(rawLayers, methods: methods, cells: cells)
        try self.init(stacked: stacked, cells: cells, weights: weights)
    }

    // MARK: Parallel normalisation

    /// Normalises the validated `rawLayers` in parallel (one task per layer) and stacks them into a
    /// row-major (cells x k) buffer.
    ///
    /// Why this shape: the layers are independent, so running them on all cores changes no value
    /// (each result is computed by one thread, whatever the thread count). Each task normalises
    /// straight into the shared, zero-filled buffer, a bucket (or chunk) at a time under a lock, so no
    /// full-size temporary per layer is alive (peak memory stays under 3x the layers' bytes).
    ///
    /// - Complexity: O(cells · k) work, spread over the cores.
    static func normalizeAndStack(_ rawLayers: [[Double]], methods: [LayerNormalization.Method], cells: Int) -> [Double] {
        let k = rawLayers.count
        let shared = Mutex([Double](repeating: 0, count: cells * k))
        DispatchQueue.concurrentPerform(iterations: k) { f in
            let values = rawLayers[f]
            switch methods[f] {
            case .percentileRank where cells <= Int(UInt32.max):
                // Zeros are already in place; each bucket's scores go in under the lock.
                LayerNormalization.percentileRankOfPositives(values) { cellIndices, scores in
                    shared.withLock { stacked in
                        for (cell, score) in zip(cellIndices, scores) { stacked[Int(cell) &* k &+ f] = score }
                    }
                }
            case .percentileRank:
                // More than 2³² cells (never reached in practice): one full-size column.
                let column = LayerNormalization.percentileRank(values)
                shared.withLock { stacked in for i in 0..<cells { stacked[i &* k &+ f] = column[i] } }
            case .maxScaling:
                let maximum = values.max() ?? 0
                guard maximum > 0 else { return }   // all zero: the buffer already holds zeros
                // Chunks keep each lock hold short without a full-size temporary.
                for c0 in Swift.stride(from: 0, to: cells, by: Self.stackingChunk) {
                    let c1 = min(cells, c0 + Self.stackingChunk)
                    shared.withLock { stacked in
                        // Division (not multiplication by 1/max) so the maximum maps to exactly 1.
                        for i in c0..<c1 { stacked[i &* k &+ f] = values[i] / maximum }
                    }
                }
            }
        }
        var stacked: [Double] = []
        shared.withLock { swap(&stacked, &$0) }
        return stacked
    }

    /// Cells per lock hold when max-scaling into the shared buffer (512 KB of input).
    static let stackingChunk = 1 << 16
}
