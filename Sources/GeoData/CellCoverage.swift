/// The cells of a ``Grid`` that a polygon covers, with the polygon's true area.
///
/// Produced by ``Grid/rasterize(_:rule:)``. `cellIndices` are row-major (`row * columns + column`),
/// ascending and unique.
///
/// ```swift
/// let coverage = try grid.rasterize(hazardPolygon)
/// coverage.cellIndices        // e.g. [412, 413, 812]
/// coverage.polygonArea        // m², from GEOS, independent of the grid
/// coverage.coveredCellArea    // cellIndices.count × cell area
/// ```
public struct CellCoverage: Hashable, Sendable {
    /// Row-major indices of the covered cells, ascending.
    public var cellIndices: [Int]
    /// Area of the polygon in squared CRS units (m² for a projected grid), clipped to nothing.
    public var polygonArea: Double
    /// Area of one grid cell, so callers can compare real and rasterized area.
    public var cellArea: Double
    /// True when the polygon covered no cell under the rule and was assigned the cell holding its
    /// centroid instead (hazards smaller than a cell are never lost).
    public var usedCentroidFallback: Bool

    public init(cellIndices: [Int], polygonArea: Double, cellArea: Double, usedCentroidFallback: Bool) {
        self.cellIndices = cellIndices
        self.polygonArea = polygonArea
        self.cellArea = cellArea
        self.usedCentroidFallback = usedCentroidFallback
    }

    /// Total area of the covered cells.
    public var coveredCellArea: Double { Double(cellIndices.count) * cellArea }

    /// Whether the polygon lies entirely outside the grid.
    public var isEmpty: Bool { cellIndices.isEmpty }
}

/// Which cells a polygon covers when rasterized.
public enum RasterizationRule: String, Hashable, Sendable, CaseIterable {
    /// A cell is covered when its centre lies inside the polygon (GDAL's default rule): the cell
    /// count times cell area is an unbiased estimate of the polygon's area. A centre lying exactly
    /// on an edge follows GDAL's scan-line convention (either side may claim it).
    case cellCenter
    /// A cell is covered when the polygon touches it at all (GDAL `ALL_TOUCHED=TRUE`): never misses
    /// contaminated ground, but overestimates area along every edge. An edge lying exactly on a
    /// cell boundary does not touch the cell on its other side.
    case allTouched
}
