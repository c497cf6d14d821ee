import CGDAL
import Foundation

/// Owns a `GDALDatasetH` (raster or vector) and closes it in `deinit`.
///
/// Closing is what flushes a written file to disk, so writers call ``close()`` explicitly: it
/// throws when GDAL reported an error while flushing or closing (a full disk, a file too large).
/// `deinit` closes quietly and is only relied on for datasets that were read. Not thread-safe; keep
/// instances local.
final class GDALDataset {
    private(set) var handle: GDALDatasetH?
    /// The path the dataset was opened from or created at (for error messages).
    let path: String

    init(handle: GDALDatasetH, path: String) {
        self.handle = handle
        self.path = path
    }

    deinit {
        if let handle { GDALClose(handle) }
    }

    /// Flushes and closes the dataset now (idempotent), throwing when GDAL raised an error meanwhile.
    ///
    /// GDAL 3.6's `GDALFlushCache` and `GDALClose` return nothing (from 3.7 on they return a
    /// `CPLErr`), and a driver may raise an error and then a warning that overwrites the last-error
    /// slot. So every error raised during the two calls is collected instead of reading that slot
    /// afterwards. After this, the handle is nil even when it throws.
    ///
    /// - Parameter reportedPath: the path to name in the error (a writer's destination rather than
    ///   its temporary file); ``path`` when nil.
    /// - Throws: `writeFailed` with GDAL's messages, such as "_tiffWriteProc: File too large" or
    ///   "sqlite3_exec(COMMIT) failed: disk I/O error".
    func close(reportingAs reportedPath: String? = nil) throws {
        guard let handle else { return }
        self.handle = nil
        let (_, errors) = GDALRuntime.collectingErrors {
            GDALFlushCache(handle)
            GDALClose(handle)
        }
        if !errors.isEmpty {
            throw GeoDataError(.writeFailed, path: reportedPath ?? path,
                               "GDAL failed while writing the file to disk (GDAL: \(OutputFile.summary(of: errors)))")
        }
    }

    // MARK: Opening

    /// Opens an existing file read-only with one of `drivers`, after ``InputFile/check(_:expected:)``.
    ///
    /// Failures map to `fileNotFound`, `unreadable` or `unsupportedFormat`. Only the drivers named
    /// here may claim the file. A format clearcast does not read, for example a VRT, therefore gets a
    /// clear refusal and no GDAL driver ever interprets it.
    ///
    /// - Parameters:
    ///   - vector: open as a vector dataset (OGR) rather than a raster.
    ///   - drivers: the GDAL driver short names allowed to open the file (e.g. ``GDALRuntime/vectorDrivers``).
    ///   - openOptions: driver open options as `KEY=VALUE`.
    static func open(path: String, vector: Bool, drivers: [String], openOptions: [String] = []) throws -> GDALDataset {
        try InputFile.check(path, expected: description(vector: vector))
        return try openWithoutFileChecks(path: path, vector: vector, drivers: drivers, openOptions: openOptions)
    }

    /// ``open(path:vector:drivers:openOptions:)`` without the checks on the path. Tests use it to
    /// show that GDAL itself refuses network paths.
    static func openWithoutFileChecks(path: String, vector: Bool, drivers: [String], openOptions: [String] = []) throws -> GDALDataset {
        precondition(!drivers.isEmpty, "an explicit list of drivers is required")
        let flags = UInt32(vector ? GDAL_OF_VECTOR : GDAL_OF_RASTER) | UInt32(GDAL_OF_READONLY) | UInt32(GDAL_OF_VERBOSE_ERROR)
        let driverList = CStringList(drivers)
        let optionList = CStringList(openOptions)
        GDALRuntime.resetError()
        guard let handle = GDALOpenEx(path, flags, driverList.constPointer, optionList.constPointer, nil) else {
            let kind = description(vector: vector)
            // A driver that recognised the file but failed to parse it raises an error; no driver
            // recognising it at all means the format is not one GDAL reads.
            if GDALRuntime.lastCallFailed(), let message = GDALRuntime.lastErrorMessage(),
               !message.contains("not recognized as") {
                throw GeoDataError(.unreadable, path: path, "the file could not be parsed as a \(kind) (GDAL: \(message))")
            }
            throw GeoDataError(.unsupportedFormat, path: path, "no GDAL driver clearcast uses recognises this file; expected a \(kind)")
        }
        return GDALDataset(handle: handle, path: path)
    }

    /// What a caller of ``open(path:vector:drivers:openOptions:)`` expects, in words.
    private static func description(vector: Bool) -> String {
        vector ? "vector data file (GeoJSON, GeoPackage, Shapefile or CSV)" : "raster file (GeoTIFF)"
    }

    // MARK: Creating

    /// Creates a new dataset with a GDAL driver (`GDALCreate`); for vector drivers pass zero sizes.
    static func create(driverName: String, path: String, columns: Int = 0, rows: Int = 0, bands: Int = 0,
                       type: GDALDataType = GDT_Unknown, options: [String] = []) throws -> GDALDataset {
        GDALRuntime.ensureInitialized()
        guard let driver = GDALGetDriverByName(driverName) else {
            throw GeoDataError(.writeFailed, path: path, "the GDAL driver '\(driverName)' is not available in this GDAL build")
        }
        guard columns <= Int(Int32.max), rows <= Int(Int32.max), bands <= Int(Int32.max) else {
            throw GeoDataError(.invalidArgument, path: path, "raster of \(columns) x \(rows) x \(bands) exceeds GDAL's 32-bit size limits")
        }
        let optionList = CStringList(options)
        GDALRuntime.resetError()
        guard let handle = GDALCreate(driver, path, Int32(columns), Int32(rows), Int32(bands), type, optionList.pointer) else {
            throw GeoDataError(.writeFailed, path: path, GDALRuntime.annotate("GDAL (\(driverName)) could not create the file"))
        }
        return GDALDataset(handle: handle, path: path)
    }

    /// Short name of the driver that opened or created the dataset (e.g. "GeoJSON"), or nil once closed.
    var driverName: String? {
        handle.flatMap { GDALGetDatasetDriver($0) }.flatMap { GDALGetDriverShortName($0) }.map { String(cString: $0) }
    }

    // MARK: Layers

    /// Number of vector layers.
    var layerCount: Int { handle.map { Int(GDALDatasetGetLayerCount($0)) } ?? 0 }

    /// Names of all vector layers, in order.
    var layerNames: [String] {
        guard let handle else { return [] }
        return (0..<layerCount).compactMap { index in
            GDALDatasetGetLayer(handle, Int32(index)).flatMap { OGR_L_GetName($0) }.map { String(cString: $0) }
        }
    }

    /// The layer called `name`, or the first layer when `name` is nil (borrowed: valid while self lives).
    func layer(named name: String?) throws -> OGRLayerH {
        guard let handle else { throw GeoDataError(.unreadable, path: path, "dataset already closed") }
        guard layerCount > 0 else {
            throw GeoDataError(.emptyLayer, path: path, "the file contains no vector layer; expected at least one layer of features")
        }
        if let name {
            guard let layer = GDALDatasetGetLayerByName(handle, name) else {
                throw GeoDataError(.layerNotFound, path: path,
                                   "no layer named '\(name)'; the file has layers \(layerNames.map { "'\($0)'" }.joined(separator: ", "))")
            }
            return layer
        }
        guard let layer = GDALDatasetGetLayer(handle, 0) else {
            throw GeoDataError(.unreadable, path: path, GDALRuntime.annotate("could not read the first layer"))
        }
        return layer
    }
}
