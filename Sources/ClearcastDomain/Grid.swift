/// A regular grid of square cells in a projected coordinate reference system (metres).
///
/// Cells are addressed as (row, column) with **row 0 at the north edge** and column 0 at the
/// west edge, the order GeoTIFF and GDAL use, so a row-major buffer of `rows * columns` values
/// can be written as a raster band without flipping. Cell `(r, c)` covers
/// `x ∈ [minX + c·s, minX + (c+1)·s)` and `y ∈ (maxY − (r+1)·s, maxY − r·s]`.
///
/// ```swift
/// let grid = try Grid(epsg: 32638, minX: 500_000, minY: 4_400_000, cellSize: 100,
///                     columns: 400, rows: 300)
/// grid.cellCenter(row: 0, column: 0)   // (500_050, 4_429_950)
/// ```
public struct Grid: Hashable, Sendable, Codable {
    /// EPSG code of the projected CRS the grid lives in.
    public let epsg: Int
    /// West edge, in CRS metres.
    public let minX: Double
    /// South edge, in CRS metres.
    public let minY: Double
    /// Side of a square cell, in metres.
    public let cellSize: Double
    /// Number of cells from west to east (x).
    public let columns: Int
    /// Number of cells from north to south (y).
    public let rows: Int

    /// Thrown when a grid cannot exist.
    public struct InvalidGrid: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    /// Creates a grid, checking that it is non-empty and finite.
    public init(epsg: Int, minX: Double, minY: Double, cellSize: Double, columns: Int, rows: Int) throws {
        guard cellSize.isFinite, cellSize > 0 else {
            throw InvalidGrid(description: "cell size must be a positive number of metres, found \(cellSize)")
        }
        guard columns > 0, rows > 0 else {
            throw InvalidGrid(description: "grid must have at least one row and one column, found \(rows) x \(columns)")
        }
        // `cellCount` (rows * columns) would trap on overflow.
        guard !rows.multipliedReportingOverflow(by: columns).overflow else {
            throw InvalidGrid(description: "grid of \(rows) x \(columns) cells is too large to index")
        }
        guard minX.isFinite, minY.isFinite else {
            throw InvalidGrid(description: "grid origin must be finite, found (\(minX), \(minY))")
        }
        self.epsg = epsg
        self.minX = minX
        self.minY = minY
        self.cellSize = cellSize
        self.columns = columns
        self.rows = rows
    }

    /// Creates the smallest grid of `cellSize` cells, anchored at (`minX`, `minY`), covering the box.
    public init(epsg: Int, minX: Double, minY: Double, maxX: Double, maxY: Double, cellSize: Double) throws {
        guard cellSize.isFinite, cellSize > 0 else {
            throw InvalidGrid(description: "cell size must be a positive number of metres, found \(cellSize)")
        }
        guard minX.isFinite, minY.isFinite, maxX.isFinite, maxY.isFinite else {
            throw InvalidGrid(description: "bounding box must be finite, found [\(minX), \(minY), \(maxX), \(maxY)]")
        }
        guard maxX > minX, maxY > minY else {
            throw InvalidGrid(description: "bounding box must have max > min on both axes, found [\(minX), \(minY), \(maxX), \(maxY)]")
        }
        let columnCount = ((maxX - minX) / cellSize).rounded(.up)
        let rowCount = ((maxY - minY) / cellSize).rounded(.up)
        // Int(_:) traps on infinity or beyond Int.max (a huge box or a tiny cell size); 2^53 cells
        // is far beyond any grid that fits in memory, and keeps rows * columns exact.
        guard columnCount * rowCount < 0x1p53 else {
            throw InvalidGrid(description: "bounding box [\(minX), \(minY), \(maxX), \(maxY)] at cell size \(cellSize) gives \(columnCount) x \(rowCount) cells, too many to index")
        }
        let columns = Int(columnCount)
        let rows = Int(rowCount)
        try self.init(epsg: epsg, minX: minX, minY: minY, cellSize: cellSize, columns: columns, rows: rows)
    }

    // MARK: Geometry

    /// East edge, in CRS metres.
    public var maxX: Double { minX + Double(columns) * cellSize }
    /// North edge, in CRS metres.
    public var maxY: Double { minY + Double(rows) * cellSize }
    /// Number of cells.
    public var cellCount: Int { rows * columns }
    /// Area of one cell in square metres.
    public var cellArea: Double { cellSize * cellSize }

    /// Centre of cell (`row`, `column`) in CRS metres.
    public func cellCenter(row: Int, column: Int) -> (x: Double, y: Double) {
        (minX + (Double(column) + 0.5) * cellSize, maxY - (Double(row) + 0.5) * cellSize)
    }

    /// x coordinate of the centres of column `column`.
    public func columnCenterX(_ column: Int) -> Double { minX + (Double(column) + 0.5) * cellSize }
    /// y coordinate of the centres of row `row`.
    public func rowCenterY(_ row: Int) -> Double { maxY - (Double(row) + 0.5) * cellSize }

    /// The cell holding point (`x`, `y`), or nil when the point is outside the grid.
    public func cell(containingX x: Double, y: Double) -> (row: Int, column: Int)? {
        guard x.isFinite, y.isFinite, x >= minX, x < maxX, y > minY, y <= maxY else { return nil }
        let column = min(columns - 1, Int((x - minX) / cellSize))
        let row = min(rows - 1, Int((maxY - y) / cellSize))
        return (row, column)
    }

    /// Row-major index of cell (`row`, `column`).
    @inlinable public func index(row: Int, column: Int) -> Int { row * columns + column }

    /// GDAL geotransform of the grid: origin at the north-west corner, square cells, no rotation.
    public var geoTransform: [Double] { [minX, cellSize, 0, maxY, 0, -cellSize] }
}
