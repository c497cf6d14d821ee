import ClearcastDomain

/// Which cells of a ``Grid`` lie inside the study area (a country or district boundary).
///
/// A national bounding box is often half sea or a neighbouring country; scoring, ranking and
/// validating those cells inflates every metric. The mask says which cells count. A cell is
/// **included when its centre lies inside one of the polygons** (the cell-centre rule of
/// ``Grid/rasterize(_:rule:)``, so the included area is an unbiased estimate of the polygons'
/// area inside the grid). Unlike hazard rasterization there is no centroid fallback: a polygon
/// (an islet) that holds no cell centre adds no cell, because the mask must agree exactly with
/// "centre inside the boundary".
///
/// Model code works on the included cells only: ``compact(_:)`` keeps the included entries of a
/// full-grid vector (row-major, in ascending cell order), ``expand(_:fill:)`` puts them back with
/// a no-data fill for the excluded cells (NaN, the GeoTIFF no-data value clearcast writes).
///
/// ```swift
/// let grid = try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 10, columns: 10, rows: 10)
/// let westHalf = Geometry.polygon([[Point2(x: 0, y: 0), Point2(x: 50, y: 0), Point2(x: 50, y: 100),
///                                   Point2(x: 0, y: 100), Point2(x: 0, y: 0)]])
/// let mask = try StudyAreaMask(grid: grid, polygons: [westHalf])
/// mask.includedCount                       // 50
/// let inside = try mask.compact(scores)    // 50 values
/// let full = try mask.expand(inside)       // 100 values, NaN east of x = 50
/// ```
public struct StudyAreaMask: Hashable, Sendable {
    /// Grid shape the mask belongs to.
    public let rows: Int, columns: Int
    /// One flag per grid cell, row-major (row 0 north): true when the cell centre is in the study area.
    public let included: [Bool]
    /// Row-major indices of the included cells, ascending (the order of ``compact(_:)``).
    public let includedIndices: [Int]

    /// Number of included cells.
    public var includedCount: Int { includedIndices.count }
    /// Number of cells outside the study area.
    public var excludedCount: Int { rows * columns - includedIndices.count }
    /// Number of grid cells.
    public var cellCount: Int { rows * columns }

    /// The cells of `grid` whose centres lie inside any of `polygons` (given in the grid's CRS).
    ///
    /// - Parameter path: the file the polygons came from, named in errors (nil for in-memory data).
    /// - Throws: ``GeoDataError`` naming `path`: `emptyLayer` when `polygons` is empty or no cell
    ///   centre falls inside them (the boundary misses the grid, or is in another CRS);
    ///   `invalidGeometry` for a non-areal or invalid polygon (from ``Grid/rasterize(_:rule:)``,
    ///   with the polygon's position in the list).
    /// - Complexity: O(cells + Σ w·h + vertices), w × h being each polygon's bounding-box window in cells.
    public init(grid: Grid, polygons: [Geometry], path: String? = nil) throws {
        guard !polygons.isEmpty else {
            throw GeoDataError(.emptyLayer, path: path, "the study area has no polygons; expected at least one Polygon or MultiPolygon")
        }
        var flags = [Bool](repeating: false, count: grid.cellCount)
        for (position, polygon) in polygons.enumerated() {
            let coverage: CellCoverage
            do {
                coverage = try grid.rasterize(polygon, rule: .cellCenter)
            } catch let error as GeoDataError {
                throw GeoDataError(error.kind, path: path, "study-area polygon \(position + 1) of \(polygons.count): \(error.message)")
            }
            if coverage.usedCentroidFallback { continue }  // covers no cell centre: adds nothing
            for index in coverage.cellIndices { flags[index] = true }
        }
        let mask = StudyAreaMask(rows: grid.rows, columns: grid.columns, flags: flags)
        guard mask.includedCount > 0 else {
            throw GeoDataError(.emptyLayer, path: path,
                               "the study area contains none of the grid's \(grid.cellCount) cell centres (grid x \(grid.minX)…\(grid.maxX), y \(grid.minY)…\(grid.maxY) in EPSG:\(grid.epsg)); expected a boundary that overlaps the grid, in the grid's CRS")
        }
        self = mask
    }

    /// A mask from explicit flags, one per cell, row-major.
    ///
    /// - Throws: `invalidArgument` when `included.count != rows × columns`.
    public init(rows: Int, columns: Int, included: [Bool]) throws {
        guard rows > 0, columns > 0, included.count == rows * columns else {
            throw GeoDataError(.invalidArgument, path: nil,
                               "study-area mask has \(included.count) flags; expected rows × columns = \(rows) × \(columns) = \(rows * columns)")
        }
        self.init(rows: rows, columns: columns, flags: included)
    }

    private init(rows: Int, columns: Int, flags: [Bool]) {
        self.rows = rows
        self.columns = columns
        included = flags
        var indices: [Int] = []
        indices.reserveCapacity(flags.count)
        for (index, flag) in flags.enumerated() where flag { indices.append(index) }
        includedIndices = indices
    }

    /// The mask as the domain's ``GridMask``, which compacts layers to the study area and expands
    /// results back (nodata outside).
    public var gridMask: GridMask { GridMask(included: included) }
}
