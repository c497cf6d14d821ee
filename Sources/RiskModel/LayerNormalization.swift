import ClearcastDomain
import LinearAlgebra
import ParallelWork

// MARK: - LayerNormalization

/// Maps a raw evidence layer (one value per grid cell, all finite and >= 0) onto [0, 1] so layers
/// measured in different units (incidents per km², weights, counts) can be combined by weights.
///
/// Two methods:
///
/// - ``Method/percentileRank`` (default, robust to outliers): a cell with value exactly 0 maps to 0;
///   a positive value `v` maps to the **fraction of positive cells whose value is <= v**, a number in
///   (0, 1]. Equal values therefore get equal scores and the largest value always maps to 1.
///   Zeros are kept at 0 on purpose: most of a grid is empty land, and ranking it with the rest would
///   hand empty cells up to half credit. We use the "<=" (empirical distribution) convention rather
///   than mid-ranks so that a layer whose positive cells all share one value (e.g. every hazard is a
///   confirmed anti-personnel area) maps to 1, as max scaling does, instead of to about 0.5, which
///   would silently halve that layer's weight in the composite.
///   Values are compared as ``RoundedScore``s (24 significant bits, relative 2⁻²⁴ ≈ 6e-8): values
///   that agree that far are ties. Why: the layers come from BLAS products, whose last bits differ
///   between OpenBLAS kernels; two cells equal on one machine and one ulp apart on another would
///   otherwise get different ranks (a jump of 1/n, far larger than the ulp).
/// - ``Method/maxScaling``: `v / max(v)`. Keeps the ratios between values (use it for layers with a
///   few meaningful levels, such as contamination weights), but one extreme cell compresses the rest.
///
/// An all-zero layer maps to all zeros (never NaN).
///
/// ```swift
/// let n = try LayerNormalization.normalize([0, 5, 1, 5, 100], method: .percentileRank, layer: "density")
/// // [0, 0.75, 0.25, 0.75, 1]
/// ```
public enum LayerNormalization {
    /// A normalisation method; see ``LayerNormalization``.
    public enum Method: String, CaseIterable, Codable, Sendable {
        /// Fraction of positive cells with a value <= this one; zeros stay 0.
        case percentileRank
        /// Value divided by the layer maximum.
        case maxScaling
    }

    /// The key the percentile rank sorts and compares a positive finite `value` by: its
    /// ``RoundedScore``, so that values agreeing to 24 significant bits are ties.
    @inline(__always)
    static func rankKey(_ value: Double) -> UInt64 { RoundedScore(value).key }

    // MARK: Normalising

    /// Normalises `values` to [0, 1] with `method`.
    ///
    /// - Parameter layer: the layer's name, used in error messages.
    /// - Throws: ``RiskModelError/invalidLayerValue(layer:index:value:)`` for NaN, infinity or a negative value.
    /// - Complexity: O(n) for both: percentile rank uses a radix sort of the positive cells' bit patterns.
    public static func normalize(_ values: [Double], method: Method = .percentileRank, layer: String) throws -> [Double] {
        try validate(values, layer: layer)
        switch method {
        case .percentileRank: return percentileRank(values)
        case .maxScaling: return maxScaled(values)
        }
    }

    /// Throws unless every value is finite and >= 0, naming the first offending cell.
    ///
    /// - Complexity: O(n), in parallel chunks (the first bad cell is the smallest over the chunks, so
    ///   the error is the same for any core count).
    static func validate(_ values: [Double], layer: String) throws {
        let chunk = 1 << 18
        let firstBad = Locked(Int.max)
        ParallelWork.forEach((values.count + chunk - 1) / chunk) { c in
            let cells = (c * chunk)..<min(values.count, (c + 1) * chunk)
            if let bad = values[cells].firstIndex(where: { !($0.isFinite && $0 >= 0) }) {
                firstBad.withLock { $0 = min($0, bad) }
            }
        }
        let bad = firstBad.withLock { $0 }
        if bad < values.count {
            throw RiskModelError.invalidLayerValue(layer: layer, index: bad, value: values[bad])
        }
    }

    // MARK: Methods (inputs already validated)

    /// `v / max`; an all-zero layer stays all zero.
    static func maxScaled(_ values: [Double]) -> [Double] {
        Matrix.filledByColumns(rows: values.count, columns: 1) { writeMaxScaled(values, to: $0) }.elements
    }

    /// Writes the normalisation of already validated `values` to every row of `column` (used to
    /// normalise straight into a column of the stacked cells x k matrix, without a per-layer copy).
    static func write(_ values: [Double], method: Method, to column: ColumnWriter) {
        switch method {
        case .percentileRank: writePercentileRank(values, to: column)
        case .maxScaling: writeMaxScaled(values, to: column)
        }
    }

    /// Writes `v / max` to `column`, in parallel chunks; an all-zero layer writes zeros.
    static func writeMaxScaled(_ values: [Double], to column: ColumnWriter) {
        let maximum = values.max() ?? 0
        let chunk = 1 << 16
        ParallelWork.forEach((values.count + chunk - 1) / chunk) { c in
            for i in (c * chunk)..<min(values.count, (c + 1) * chunk) {
                // Division (not multiplication by 1/max) so the maximum maps to exactly 1.
                column.write(maximum > 0 ? values[i] / maximum : 0, row: i)
            }
        }
    }
}
