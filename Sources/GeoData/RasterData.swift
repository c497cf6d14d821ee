import ClearcastDomain

/// A raster read from a file: georeferencing and every band as `Double`s.
///
/// Band values are row-major with row 0 at the north edge, the layout ``Grid`` uses.
///
/// ```swift
/// let raster = try readRaster(path: "risk.tif")
/// let grid = try raster.grid()          // back to a Grid, when north-up with square cells
/// let firstBand = raster.bands[0]       // grid.cellCount values
/// ```
public struct RasterData: Sendable {
    /// Number of columns (x).
    public var columns: Int
    /// Number of rows (y).
    public var rows: Int
    /// GDAL geotransform `[originX, pixelWidth, rotX, originY, rotY, pixelHeight]`.
    public var geoTransform: [Double]
    /// EPSG code of the raster's CRS, when it has or PROJ can identify one.
    public var epsg: Int?
    /// The CRS as stored in the file (WKT), or nil when the raster has none.
    public var crsWKT: String?
    /// Band values, one array of `rows * columns` per band.
    public var bands: [[Double]]
    /// Band descriptions (names), "" when unset.
    public var bandDescriptions: [String]
    /// Per band, the no-data value, when one is set (NaN is a valid no-data value).
    public var noDataValues: [Double?]

    public init(columns: Int, rows: Int, geoTransform: [Double], epsg: Int?, crsWKT: String?,
                bands: [[Double]], bandDescriptions: [String], noDataValues: [Double?]) {
        self.columns = columns
        self.rows = rows
        self.geoTransform = geoTransform
        self.epsg = epsg
        self.crsWKT = crsWKT
        self.bands = bands
        self.bandDescriptions = bandDescriptions
        self.noDataValues = noDataValues
    }

    /// The values of the band whose description is `name`, or nil.
    public func band(named name: String) -> [Double]? {
        bandDescriptions.firstIndex(of: name).map { bands[$0] }
    }

    /// The ``Grid`` this raster covers.
    ///
    /// - Throws: `invalidArgument` when the raster is rotated, has non-square or south-up cells,
    ///   or no EPSG code.
    public func grid(path: String? = nil) throws -> Grid {
        let gt = geoTransform
        guard gt.count == 6, gt[2] == 0, gt[4] == 0, gt[1] > 0, abs(gt[5] + gt[1]) <= 1e-9 * gt[1] else {
            throw GeoDataError(.invalidArgument, path: path,
                               "geotransform \(gt) is not north-up with square cells; expected [minX, s, 0, maxY, 0, -s]")
        }
        guard let epsg else {
            throw GeoDataError(.noCRS, path: path, "the raster's CRS has no EPSG code; expected a CRS PROJ can identify")
        }
        do {
            return try Grid(epsg: epsg, minX: gt[0], minY: gt[3] - Double(rows) * gt[1], cellSize: gt[1],
                            columns: columns, rows: rows)
        } catch {
            throw GeoDataError(.invalidArgument, path: path, "the raster does not describe a valid grid: \(error)")
        }
    }
}
