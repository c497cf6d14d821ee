import ClearcastDomain
import LinearAlgebra

// MARK: - LandValueLayer

/// Builds the optional land value / exposure layer, either from land-use polygons or from a raster.
///
/// From polygons each cell gets the **maximum** weight of the classes covering it (a school on
/// farmland is worth the school's weight, not the sum), 0 where nothing is mapped.
///
/// ```swift
/// let layer = try LandValueLayer.build(features: landUse, cellCount: grid.cellCount)
/// let fromRaster = try LandValueLayer.build(raster: values, grid: grid)
/// ```
public enum LandValueLayer {
    /// Layer from rasterized land-use polygons.
    ///
    /// - Throws: ``RiskModelError/cellIndexOutOfRange(context:index:cellCount:)`` for a cell outside the grid.
    /// - Complexity: O(cellCount + total feature cells).
    public static func build(features: [LandUseFeature], cellCount: Int,
                             weights: LandValueWeights = .default) throws -> [Double] {
        try CellMaximumLayer.build(cellCount: cellCount, features: features.enumerated().lazy.map { number, feature in
            (weight: weights[feature.landUse], cells: feature.cells,
             label: { "land use feature \(number) (\(feature.landUse.rawValue))" })
        })
    }

    /// Layer from a raster already resampled onto `grid` (row 0 = north), one exposure value per cell.
    /// The caller maps the raster's no-data value to 0 before calling.
    ///
    /// - Throws: ``RiskModelError/cellCountMismatch(context:expected:found:)`` when the raster's shape
    ///   differs from the grid, ``RiskModelError/invalidLayerValue(layer:index:value:)`` for NaN,
    ///   infinity or a negative value.
    /// - Complexity: O(cellCount).
    public static func build(raster: Matrix, grid: Grid) throws -> [Double] {
        guard raster.rows == grid.rows, raster.columns == grid.columns else {
            throw RiskModelError.cellCountMismatch(
                context: "land value raster is \(raster.rows) x \(raster.columns) but the grid is \(grid.rows) x \(grid.columns)",
                expected: grid.cellCount, found: raster.rows * raster.columns)
        }
        try LayerNormalization.validate(raster.elements, layer: "land value raster")
        return raster.elements
    }
}
