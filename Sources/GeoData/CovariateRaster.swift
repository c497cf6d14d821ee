import CGDAL
import ClearcastDomain

// MARK: - ResamplingMethod

/// How a covariate raster's values are carried onto grid cells: gdalwarp's `-r` methods of the same
/// names. Use `nearest` or `mode` for categories (land cover), `bilinear` or `cubic` for smooth
/// surfaces sampled finer than the grid (elevation), `average` for a raster finer than the grid
/// whose cell means matter (population per cell).
public enum ResamplingMethod: String, Hashable, Sendable, CaseIterable {
    case nearest, bilinear, cubic, average, mode

    /// GDAL's resampling algorithm.
    var gdalAlgorithm: GDALResampleAlg {
        switch self {
        case .nearest: GRA_NearestNeighbour
        case .bilinear: GRA_Bilinear
        case .cubic: GRA_Cubic
        case .average: GRA_Average
        case .mode: GRA_Mode
        }
    }
}

// MARK: - CovariateRaster

/// Covariate rasters (elevation, slope, distance to roads, population, conflict events) read with
/// GDAL and resampled onto a ``Grid`` with GDAL's warper, as `gdalwarp` would.
///
/// The source CRS and georeferencing come from the file (it must have both); the target is the
/// grid's EPSG code and geotransform. The transformation is exact (no approximation threshold:
/// `gdalwarp -et 0`). The source band's no-data value is honoured; cells that receive no value
/// (outside the raster, or only no-data under them) are NaN. Only GeoTIFFs are read, through the
/// same checks and lock-down as every other input (see ``readRaster(path:)``).
///
/// ```swift
/// let dem = try CovariateRaster.resample(path: "dem.tif", band: 1, onto: grid, method: .bilinear)
/// dem.count == grid.cellCount   // row-major, NaN = no data
/// ```
public enum CovariateRaster {
    /// Band `band` (1-based) of the raster at `path`, resampled onto `grid`, row-major; NaN = no data.
    ///
    /// - Throws: ``GeoDataError`` naming `path`: `fileNotFound`, `unreadable`, `unsupportedFormat`
    ///   (from opening); `noCRS` when the raster has no CRS or no geotransform; `layerNotFound` for a
    ///   band that does not exist; `unknownCRS` for the grid's EPSG; `transformFailed` when GDAL cannot
    ///   relate the two CRSs or the warp fails; `emptyLayer` when no grid cell receives a value (the
    ///   raster does not overlap the grid, or holds only no-data there), with the raster's extent.
    /// - Complexity: O(grid cells × kernel) plus reading the source window that covers the grid.
    public static func resample(path: String, band: Int = 1, onto grid: Grid, method: ResamplingMethod) throws -> [Double] {
        let source = try GDALDataset.open(path: path, vector: false, drivers: GDALRuntime.rasterDrivers)
        guard let sourceHandle = source.handle else {
            throw GeoDataError(.unreadable, path: path, "dataset closed unexpectedly")
        }
        let bandCount = Int(GDALGetRasterCount(sourceHandle))
        guard band >= 1, band <= bandCount, let sourceBand = GDALGetRasterBand(sourceHandle, Int32(band)) else {
            throw GeoDataError(.layerNotFound, path: path,
                               "band \(band) does not exist; the raster has \(bandCount) band\(bandCount == 1 ? "" : "s"), expected a band in 1…\(bandCount)")
        }
        let sourceWKT = GDALGetProjectionRef(sourceHandle).map { String(cString: $0) } ?? ""
        guard !sourceWKT.isEmpty else {
            throw GeoDataError(.noCRS, path: path, "the raster has no coordinate reference system; expected a GeoTIFF with its CRS (an EPSG code or WKT) so it can be resampled onto the grid (EPSG:\(grid.epsg))")
        }
        var sourceTransform = [Double](repeating: 0, count: 6)
        guard GDALGetGeoTransform(sourceHandle, &sourceTransform) == CE_None else {
            throw GeoDataError(.noCRS, path: path, "the raster has no geotransform (cell positions); expected a georeferenced GeoTIFF")
        }
        let targetWKT = try CoordinateReferenceSystem.wkt(epsg: grid.epsg)
        let target = try GDALDataset.create(driverName: "MEM", path: "", columns: grid.columns, rows: grid.rows,
                                            bands: 1, type: GDT_Float64)
        guard let targetHandle = target.handle, let targetBand = GDALGetRasterBand(targetHandle, 1) else {
            throw GeoDataError(.transformFailed, path: path, "GDAL could not create the in-memory target grid")
        }
        var targetTransform = grid.geoTransform
        GDALRuntime.resetError()
        guard GDALSetGeoTransform(targetHandle, &targetTransform) == CE_None, GDALSetProjection(targetHandle, targetWKT) == CE_None,
              GDALSetRasterNoDataValue(targetBand, .nan) == CE_None, GDALFillRaster(targetBand, .nan, 0) == CE_None else {
            throw GeoDataError(.transformFailed, path: path, GDALRuntime.annotate("could not georeference the in-memory target grid"))
        }
        var hasNoData: Int32 = 0
        let noData = GDALGetRasterNoDataValue(sourceBand, &hasNoData)
        let (_, errors) = try GDALRuntime.collectingErrors {
            try warp(source: sourceHandle, band: band, noData: hasNoData != 0 ? noData : nil, target: targetHandle,
                     grid: grid, method: method, path: path)
        }
        if !errors.isEmpty {
            throw GeoDataError(.transformFailed, path: path,
                               "GDAL reported errors while resampling onto the grid (GDAL: \(OutputFile.summary(of: errors)))")
        }
        var values = [Double](repeating: .nan, count: grid.cellCount)
        GDALRuntime.resetError()
        let status = values.withUnsafeMutableBytes { buffer in
            GDALRasterIO(targetBand, GF_Read, 0, 0, Int32(grid.columns), Int32(grid.rows), buffer.baseAddress,
                         Int32(grid.columns), Int32(grid.rows), GDT_Float64, 0, 0)
        }
        guard status == CE_None else {
            throw GeoDataError(.transformFailed, path: path, GDALRuntime.annotate("could not read the resampled grid"))
        }
        let covered = values.reduce(0) { $1.isNaN ? $0 : $0 + 1 }
        guard covered > 0 else {
            let columns = Int(GDALGetRasterXSize(sourceHandle)), rows = Int(GDALGetRasterYSize(sourceHandle))
            let x0 = sourceTransform[0], y0 = sourceTransform[3]
            let x1 = x0 + Double(columns) * sourceTransform[1] + Double(rows) * sourceTransform[2]
            let y1 = y0 + Double(columns) * sourceTransform[4] + Double(rows) * sourceTransform[5]
            let name = (try? SpatialReference(wkt: sourceWKT, path: path).name).flatMap { $0 } ?? "its CRS"
            throw GeoDataError(.emptyLayer, path: path,
                               "0 of the grid's \(grid.cellCount) cells received a value: the raster (x \(min(x0, x1))…\(max(x0, x1)), y \(min(y0, y1))…\(max(y0, y1)) in \(name)) does not overlap the grid (x \(grid.minX)…\(grid.maxX), y \(grid.minY)…\(grid.maxY) in EPSG:\(grid.epsg)) or holds only no-data there; expected a raster covering the study area")
        }
        return values
    }

    /// Runs GDAL's warper from `band` of `source` into band 1 of `target` (exact transformer).
    private static func warp(source: GDALDatasetH, band: Int, noData: Double?, target: GDALDatasetH, grid: Grid,
                             method: ResamplingMethod, path: String) throws {
        GDALRuntime.resetError()
        guard let transformer = GDALCreateGenImgProjTransformer2(source, target, nil) else {
            throw GeoDataError(.transformFailed, path: path, GDALRuntime.annotate(
                "GDAL cannot transform between the raster's CRS and the grid's (EPSG:\(grid.epsg))"))
        }
        defer { GDALDestroyGenImgProjTransformer(transformer) }
        guard let options = GDALCreateWarpOptions() else {
            throw GeoDataError(.transformFailed, path: path, "GDAL could not allocate warp options")
        }
        // GDALDestroyWarpOptions frees the arrays and lists below with CPLFree / CSLDestroy, so
        // they are allocated with GDAL's allocator.
        defer { GDALDestroyWarpOptions(options) }
        options.pointee.hSrcDS = source
        options.pointee.hDstDS = target
        options.pointee.nBandCount = 1
        options.pointee.panSrcBands = allocate(Int32(band))
        options.pointee.panDstBands = allocate(Int32(1))
        if let noData { options.pointee.padfSrcNoDataReal = allocate(noData) }
        options.pointee.padfDstNoDataReal = allocate(Double.nan)
        options.pointee.papszWarpOptions = CSLSetNameValue(options.pointee.papszWarpOptions, "INIT_DEST", "NO_DATA")
        options.pointee.eResampleAlg = method.gdalAlgorithm
        options.pointee.dfWarpMemoryLimit = 256 * 1024 * 1024
        options.pointee.pfnTransformer = GDALGenImgProjTransform
        options.pointee.pTransformerArg = transformer
        GDALRuntime.resetError()
        guard let operation = GDALCreateWarpOperation(options) else {
            throw GeoDataError(.transformFailed, path: path, GDALRuntime.annotate("GDAL could not set up the warp"))
        }
        defer { GDALDestroyWarpOperation(operation) }
        guard GDALChunkAndWarpImage(operation, 0, 0, Int32(grid.columns), Int32(grid.rows)) == CE_None else {
            throw GeoDataError(.transformFailed, path: path, GDALRuntime.annotate("GDAL failed to resample the raster onto the grid"))
        }
    }

    /// One value in memory from GDAL's allocator (freed by `GDALDestroyWarpOptions`).
    private static func allocate<T>(_ value: T) -> UnsafeMutablePointer<T> {
        let pointer = CPLMalloc(MemoryLayout<T>.stride)!.bindMemory(to: T.self, capacity: 1)
        pointer.initialize(to: value)
        return pointer
    }
}
