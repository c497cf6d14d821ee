import AtomicFiles
import CGDAL
import ClearcastDomain
import Foundation

// MARK: - Writing

/// Writes `bands` as a Float64 GeoTIFF georeferenced on `grid`, atomically.
///
/// Each band holds `grid.cellCount` values in row-major order, row 0 north (``Grid``'s layout);
/// its name becomes the band description. Every band's no-data value is set to `noDataValue`
/// (default NaN: cells without a value should be NaN; pass nil to set none). The file is
/// DEFLATE-compressed with the floating-point predictor, and its CRS is the WKT of `grid.epsg`.
///
/// ```swift
/// try writeGeoTIFF(path: "risk.tif", grid: grid, bands: [(name: "risk", values: scores)])
/// ```
///
/// - Throws: `invalidArgument` when there are no bands or a band has the wrong length,
///   `unknownCRS`, `writeFailed` when GDAL or the disk reports any error, including a full disk or
///   a file-size limit (no file is left at `path`, an existing one is untouched).
/// - Complexity: O(bands × cells).
public func writeGeoTIFF(path: String, grid: Grid, bands: [(name: String, values: [Double])],
                         noDataValue: Double? = .nan) throws {
    guard !bands.isEmpty else {
        throw GeoDataError(.invalidArgument, path: path, "no bands given; expected at least one band")
    }
    for band in bands where band.values.count != grid.cellCount {
        throw GeoDataError(.invalidArgument, path: path,
                           "band '\(band.name)' has \(band.values.count) values; expected rows × columns = \(grid.rows) × \(grid.columns) = \(grid.cellCount)")
    }
    let wkt = try CoordinateReferenceSystem.wkt(epsg: grid.epsg)
    try AtomicFile.write(to: path) { temporary in
        let dataset = try GDALDataset.create(driverName: "GTiff", path: temporary, columns: grid.columns, rows: grid.rows,
                                             bands: bands.count, type: GDT_Float64,
                                             options: ["COMPRESS=DEFLATE", "PREDICTOR=3"])
        // libtiff reports a failed write (e.g. "_tiffWriteProc: File too large") only through
        // CPLError, often while flushing, so every error raised until the file is closed counts.
        let (_, errors) = try GDALRuntime.collectingErrors {
            try writeBands(bands, into: dataset, grid: grid, wkt: wkt, noDataValue: noDataValue, reportedPath: path)
            try dataset.close(reportingAs: path)
        }
        try OutputFile.requireNoErrors(errors, reportedPath: path, while: "writing the GeoTIFF")
        try OutputFile.synchronize(temporary, reportedPath: path)
    }
}

/// Georeferences `dataset` and writes every band, checking each GDAL call.
private func writeBands(_ bands: [(name: String, values: [Double])], into dataset: GDALDataset, grid: Grid, wkt: String,
                        noDataValue: Double?, reportedPath path: String) throws {
    guard let handle = dataset.handle else { return }
    var geoTransform = grid.geoTransform
    GDALRuntime.resetError()
    guard GDALSetGeoTransform(handle, &geoTransform) == CE_None, GDALSetProjection(handle, wkt) == CE_None else {
        throw GeoDataError(.writeFailed, path: path, GDALRuntime.annotate("could not georeference the GeoTIFF"))
    }
    for (index, band) in bands.enumerated() {
        guard let bandHandle = GDALGetRasterBand(handle, Int32(index + 1)) else {
            throw GeoDataError(.writeFailed, path: path, "GDAL did not create band \(index + 1)")
        }
        GDALSetDescription(bandHandle, band.name)
        if let noDataValue, GDALSetRasterNoDataValue(bandHandle, noDataValue) != CE_None {
            throw GeoDataError(.writeFailed, path: path, GDALRuntime.annotate("could not set the no-data value of band '\(band.name)'"))
        }
        let status = band.values.withUnsafeBufferPointer { buffer in
            GDALRasterIO(bandHandle, GF_Write, 0, 0, Int32(grid.columns), Int32(grid.rows),
                         UnsafeMutableRawPointer(mutating: buffer.baseAddress), Int32(grid.columns), Int32(grid.rows),
                         GDT_Float64, 0, 0)
        }
        guard status == CE_None else {
            throw GeoDataError(.writeFailed, path: path, GDALRuntime.annotate("could not write band '\(band.name)'"))
        }
    }
}

// MARK: - Reading

/// Reads every band of a GeoTIFF as `Double`s.
///
/// Only the GTiff driver may open the file, after the same checks as vector layers (a regular
/// file, not a VRT; see ``InputFile``). No side files are read: `.aux.xml`, `.tfw` and external
/// overviews are ignored (see `GDALRuntime+Lockdown.swift`).
///
/// - Throws: `fileNotFound`, `unreadable`, `unsupportedFormat` with the path.
/// - Complexity: O(bands × cells).
public func readRaster(path: String) throws -> RasterData {
    let dataset = try GDALDataset.open(path: path, vector: false, drivers: GDALRuntime.rasterDrivers)
    guard let handle = dataset.handle else {
        throw GeoDataError(.unreadable, path: path, "dataset closed unexpectedly")
    }
    let columns = Int(GDALGetRasterXSize(handle)), rows = Int(GDALGetRasterYSize(handle))
    let count = Int(GDALGetRasterCount(handle))
    guard columns > 0, rows > 0, count > 0 else {
        throw GeoDataError(.unreadable, path: path, "raster has \(columns) x \(rows) cells and \(count) bands; expected a non-empty raster")
    }
    var geoTransform = [Double](repeating: 0, count: 6)
    if GDALGetGeoTransform(handle, &geoTransform) != CE_None {
        geoTransform = [0, 1, 0, 0, 0, 1]  // GDAL's documented default for non-georeferenced rasters
    }
    let wkt = GDALGetProjectionRef(handle).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
    let epsg = try wkt.flatMap { try SpatialReference(wkt: $0, path: path).epsg }

    var bands: [[Double]] = [], descriptions: [String] = [], noData: [Double?] = []
    for index in 1...count {
        guard let band = GDALGetRasterBand(handle, Int32(index)) else {
            throw GeoDataError(.unreadable, path: path, "band \(index) is missing")
        }
        var values = [Double](repeating: 0, count: columns * rows)
        GDALRuntime.resetError()
        let status = values.withUnsafeMutableBytes { buffer in
            GDALRasterIO(band, GF_Read, 0, 0, Int32(columns), Int32(rows), buffer.baseAddress,
                         Int32(columns), Int32(rows), GDT_Float64, 0, 0)
        }
        guard status == CE_None else {
            throw GeoDataError(.unreadable, path: path, GDALRuntime.annotate("could not read band \(index)"))
        }
        bands.append(values)
        descriptions.append(GDALGetDescription(band).map { String(cString: $0) } ?? "")
        var hasNoData: Int32 = 0
        let value = GDALGetRasterNoDataValue(band, &hasNoData)
        noData.append(hasNoData != 0 ? value : nil)
    }
    return RasterData(columns: columns, rows: rows, geoTransform: geoTransform, epsg: epsg, crsWKT: wkt,
                      bands: bands, bandDescriptions: descriptions, noDataValues: noData)
}
