import _TestSupport
import ClearcastDomain
import Foundation
import Testing
@testable import GeoData

@Suite("Covariate rasters resampled onto the grid")
struct CovariateRasterTests {
    let scratch: ScratchDirectory
    /// 100 × 100 cells of 0.002° in WGS 84 (EPSG:4326) around 45° E, 40° N, with a -9999 no-data patch.
    let sourcePath: String

    init() throws {
        scratch = try ScratchDirectory("covariate")
        sourcePath = scratch.file("dem-wgs84.tif")
        let source = try Grid(epsg: 4326, minX: 44.9, minY: 39.9, cellSize: 0.002, columns: 100, rows: 100)
        var values = [Double](repeating: 0, count: source.cellCount)
        for row in 0..<source.rows {
            for column in 0..<source.columns {
                let c = source.cellCenter(row: row, column: column)
                values[source.index(row: row, column: column)] = 800 + 300 * sin(40 * c.x) * cos(55 * c.y) + Double((row * 7 + column * 3) % 5)
            }
        }
        for row in 40..<48 { for column in 45..<52 { values[source.index(row: row, column: column)] = -9999 } }
        try writeGeoTIFF(path: sourcePath, grid: source, bands: [(name: "dem", values: values)], noDataValue: -9999)
    }

    /// Grids in UTM 38N (EPSG:32638): fine (250 m, upsampling the ~170–220 m source a little) and
    /// coarse (1 km, averaging several source cells), both inside the source; and one hanging off its east edge.
    static let grids: [(name: String, minX: Double, minY: Double, cellSize: Double, columns: Int, rows: Int)] = [
        ("fine", 495_000, 4_420_000, 250, 40, 36),
        ("coarse", 493_000, 4_418_000, 1_000, 12, 14),
        ("partial", 505_000, 4_420_000, 500, 24, 10),
    ]

    /// The same warp by the `gdalwarp` tool: exact transformer (`-et 0`), NaN no-data, Float64.
    func gdalwarp(_ grid: Grid, method: ResamplingMethod) throws -> [Double] {
        let output = scratch.file("gdalwarp-\(method.rawValue)-\(UUID().uuidString).tif")
        let run = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/gdalwarp"), [
            "-q", "--config", "GDAL_PAM_ENABLED", "NO", "-t_srs", "EPSG:\(grid.epsg)",
            "-te", "\(grid.minX)", "\(grid.minY)", "\(grid.maxX)", "\(grid.maxY)",
            "-ts", "\(grid.columns)", "\(grid.rows)", "-r", method.rawValue, "-et", "0",
            "-dstnodata", "nan", "-ot", "Float64", sourcePath, output,
        ])
        try #require(run.succeeded, "gdalwarp failed: \(run.combined)")
        let raster = try readRaster(path: output)
        #expect(raster.geoTransform == grid.geoTransform)
        return raster.bands[0]
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/gdalwarp"), "needs the gdalwarp tool (gdal-bin)"),
          arguments: ResamplingMethod.allCases)
    func matchesGDALWarp(method: ResamplingMethod) throws {
        for spec in Self.grids {
            let grid = try Grid(epsg: 32638, minX: spec.minX, minY: spec.minY, cellSize: spec.cellSize, columns: spec.columns, rows: spec.rows)
            let ours = try CovariateRaster.resample(path: sourcePath, band: 1, onto: grid, method: method)
            let theirs = try gdalwarp(grid, method: method)
            #expect(ours.count == grid.cellCount)
            #expect(zip(ours, theirs).allSatisfy { $0.isNaN == $1.isNaN }, "\(spec.name): no-data cells differ")
            let pairs = zip(ours, theirs).filter { !$0.0.isNaN }
            if method == .nearest || method == .mode {
                #expect(pairs.allSatisfy { $0 == $1 }, "\(spec.name)")
            } else {
                #expect(isApproximatelyEqual(pairs.map(\.0), pairs.map(\.1), relative: 1e-9, absolute: 1e-9), "\(spec.name)")
            }
            #expect(ours.allSatisfy { $0.isNaN || ($0 > 400 && $0 < 1_200) }, "\(spec.name): a -9999 leaked in")
            if spec.name == "partial" {
                let missing = ours.filter(\.isNaN).count
                #expect(missing > 0 && missing < grid.cellCount)
            }
        }
    }

    @Test func noDataPatchStaysNoData() throws {
        let wide = try Grid(epsg: 32638, minX: 495_000, minY: 4_420_000, cellSize: 250, columns: 40, rows: 36)
        let all = try CovariateRaster.resample(path: sourcePath, onto: wide, method: .nearest)
        let nan = all.filter(\.isNaN).count
        #expect(nan > 0 && nan < 60)  // the 8 × 7 patch of ~170 × 220 m cells, seen through 250 m cells
        // A grid lying wholly in the patch (lon ≈ 44.995, lat ≈ 40.012) gets no value at all: refused.
        let inPatch = try Grid(epsg: 32638, minX: 499_600, minY: 4_428_900, cellSize: 50, columns: 4, rows: 4)
        let error = geoError { try CovariateRaster.resample(path: sourcePath, onto: inPatch, method: .bilinear) }
        #expect(error?.kind == .emptyLayer)
        #expect(error?.message.contains("or holds only no-data there") == true)
    }

    @Test func errorsNameTheFileAndWhatWasExpected() throws {
        let grid = try Grid(epsg: 32638, minX: 495_000, minY: 4_420_000, cellSize: 250, columns: 40, rows: 36)
        let missing = geoError { try CovariateRaster.resample(path: scratch.file("nope.tif"), onto: grid, method: .nearest) }
        #expect(missing?.kind == .fileNotFound && missing?.path == scratch.file("nope.tif"))

        let band = geoError { try CovariateRaster.resample(path: sourcePath, band: 2, onto: grid, method: .nearest) }
        #expect(band?.kind == .layerNotFound)
        #expect(band?.message.contains("band 2 does not exist; the raster has 1 band") == true)

        // 150 km east of the raster: nothing overlaps.
        let away = try Grid(epsg: 32638, minX: 650_000, minY: 4_420_000, cellSize: 250, columns: 40, rows: 36)
        let none = geoError { try CovariateRaster.resample(path: sourcePath, onto: away, method: .bilinear) }
        #expect(none?.kind == .emptyLayer && none?.path == sourcePath)
        #expect(none?.message.contains("0 of the grid's 1440 cells received a value") == true)

        // A GeoTIFF with a geotransform but no CRS.
        let bare = try scratch.write(Self.tiffWithoutCRS(originX: 495_000, originY: 4_429_000, cellSize: 100, value: 7), to: "no-crs.tif")
        let noCRS = geoError { try CovariateRaster.resample(path: bare, onto: grid, method: .nearest) }
        #expect(noCRS?.kind == .noCRS && noCRS?.path == bare)
    }

    /// A 1 × 1 Float64 TIFF placed by ModelTiepoint and ModelPixelScale but without GeoKeys (no CRS),
    /// written byte by byte so the test needs no GDAL tool.
    static func tiffWithoutCRS(originX: Double, originY: Double, cellSize: Double, value: Double) -> Data {
        var bytes: [UInt8] = [0x49, 0x49, 42, 0, 8, 0, 0, 0]  // little-endian TIFF, first IFD at 8
        func put16(_ v: UInt16) { bytes += [UInt8(v & 0xff), UInt8(v >> 8)] }
        func put32(_ v: UInt32) { for k in 0..<4 { bytes.append(UInt8((v >> (8 * UInt32(k))) & 0xff)) } }
        func putDouble(_ v: Double) { for k in 0..<8 { bytes.append(UInt8((v.bitPattern >> (8 * UInt64(k))) & 0xff)) } }
        let entries = 12, ifdEnd = 8 + 2 + entries * 12 + 4
        let scaleOffset = ifdEnd, tiepointOffset = scaleOffset + 24, dataOffset = tiepointOffset + 48
        put16(UInt16(entries))
        // (tag, type: 3 SHORT, 4 LONG, 12 DOUBLE, count, value or offset)
        let table: [(UInt16, UInt16, UInt32, UInt32)] = [
            (256, 3, 1, 1), (257, 3, 1, 1), (258, 3, 1, 64), (259, 3, 1, 1), (262, 3, 1, 1),
            (273, 4, 1, UInt32(dataOffset)), (277, 3, 1, 1), (278, 3, 1, 1), (279, 4, 1, 8), (339, 3, 1, 3),
            (33550, 12, 3, UInt32(scaleOffset)), (33922, 12, 6, UInt32(tiepointOffset)),
        ]
        for (tag, type, count, value) in table {
            put16(tag); put16(type); put32(count); put32(value)
        }
        put32(0)  // no next IFD
        for v in [cellSize, cellSize, 0] { putDouble(v) }
        for v in [0, 0, 0, originX, originY, 0] { putDouble(v) }
        putDouble(value)
        return Data(bytes)
    }
}
