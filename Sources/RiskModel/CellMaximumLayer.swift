import LinearAlgebra

// MARK: - CellMaximumLayer

/// The shared rasterized-polygon layer: every cell gets the **largest** weight of the features
/// covering it, 0 where none does. Both the contamination and the land-value layers are built this
/// way (overlapping polygons must not add up; see ``ContaminationLayer`` and ``LandValueLayer``).
///
/// ```swift
/// let layer = try CellMaximumLayer.build(cellCount: 100, features: [(weight: 0.5, cells: [3, 4], label: { "a" })])
/// ```
enum CellMaximumLayer {
    /// - Parameter features: each feature's weight, the row-major indices of its cells, and its label
    ///   for errors (a closure, so the label of each of 10⁴ hazards is only formatted when one is wrong).
    /// - Throws: ``RiskModelError/cellIndexOutOfRange(context:index:cellCount:)`` for a cell outside the grid.
    /// - Complexity: O(cellCount + total feature cells).
    static func build<Features: Sequence>(cellCount: Int, features: Features) throws -> [Double]
        where Features.Element == (weight: Double, cells: [Int], label: () -> String)
    {
        var layer = Matrix.vector(repeating: 0, count: max(0, cellCount))
        for feature in features {
            for cell in feature.cells {
                guard cell >= 0, cell < cellCount else {
                    throw RiskModelError.cellIndexOutOfRange(context: feature.label(), index: cell, cellCount: cellCount)
                }
                if feature.weight > layer[cell] { layer[cell] = feature.weight }
            }
        }
        return layer
    }
}
