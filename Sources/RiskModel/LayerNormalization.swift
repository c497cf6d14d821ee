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

    /// Throws unless every value is finite and >= 0.
    static func validate(_ values: [Double], layer: String) throws {
        if let bad = values.firstIndex(where: { !($0.isFinite && $0 >= 0) }) {
            throw RiskModelError.invalidLayerValue(layer: layer, index: bad, value: values[bad])
        }
    }

    // MARK: Methods (inputs already validated)

    /// Percentile rank among positive values; zeros stay 0 (see ``percentileRank(_:into:offset:stride:)``).
    static func percentileRank(_ values: [Double]) -> [Double] {
        var result = [Double](repeating: 0, count: values.count)
        percentileRank(values, into: &result)
        return result
    }

    /// `v / max`; an all-zero layer stays all zero.
    static func maxScaled(_ values: [Double]) -> [Double] {
        let maximum = values.max() ?? 0
        guard maximum > 0 else { return [Double](repeating: 0, count: values.count) }
        // Division (not multiplication by 1/max) so the maximum maps to exactly 1.
        return values.map { $0 / maximum }
    }

    /// Writes `v / max` into `output[offset + i · stride]`; an all-zero layer writes zeros.
    static func maxScaled(_ values: [Double], into output: inout [Double], offset: Int = 0, stride: Int = 1) {
        let maximum = values.max() ?? 0
        guard maximum > 0 else {
            for i in values.indices { output[offset + i * stride] = 0 }
            return
        }
        for i in values.indices { output[offset + i * stride] = values[i] / maximum }
    }

    /// Writes the normalisation of already validated `values` into `output[offset + i · stride]`
    /// (used to normalise straight into a stacked cells x k buffer, without a per-layer copy).
    static func normalizeValidated(_ values: [Double], method: Method,
                                   into output: inout [Double], offset: Int, stride: Int) {
        switch method {
        case .percentileRank: percentileRank(values, into: &output, offset: offset, stride: stride)
        case .maxScaling: maxScaled(values, into: &output, offset: offset, stride: stride)
        }
    }
}
