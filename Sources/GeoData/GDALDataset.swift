import CGDAL
import Foundation

/// Owns a `GDALDatasetH` (raster or vector) and closes it in `deinit`.
///
/// Closing is what flushes a written file to disk, so writers call ``close()`` explicitly and check
/// GDAL's error state before publishing the file. Not thread-safe; keep instances local.
final class GDALDataset {
    private(set) var handle: GDALDatasetH?
    /// The path the dataset was opened from or created at (for error messages).
    let path: String

    init(handle: GDALDatasetH, path: String) {
        self.handle = handle
        self.path = path
    }

    deinit { close() }

    /// Closes the dataset now (idempotent). After this the handle is nil.
    func close() {
        if let handle { GDALClose(handle) }
        handle = nil
    }

    // MARK: Opening

    /// Opens an existing file read-only, mapping failures to `fileNotFound`, `unreadable` or `unsupportedFormat`.
    ///
    /// - Parameters:
    ///   - vector: open as a vector dataset (OGR) rather than a raster.
    ///   - drivers: restrict to these GDAL driver short names (e.g. `["CSV"]`), or all when empty.
    ///   - openOptions: driver open options as `KEY=VALUE`.
    static func open(path: String, vector: Bool, drivers: [String] = [], openOptions: [String] = []) throws -> GDALDataset {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw GeoDataError(.fileNotFound, path: path, "no file exists at this path; expected an existing \(vector ? "vector" : "raster") data file")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw GeoDataError(.unreadable, path: path, "the file exists but is not readable by this user")
        }
        let flags = UInt32(vector ? GDAL_OF_VECTOR : GDAL_OF_RASTER) | UInt32(GDAL_OF_READONLY) | UInt32(GDAL_OF_VERBOSE_ERROR)
        let driverList = CStringList(drivers)
        let optionList = CStringList(openOptions)
        GDALRuntime.resetError()
        guard let handle = GDALOpenEx(path, flags, driverList.constPointer, optionList.constPointer, nil) else {
            let kind = vector ? "vector (GeoJSON, GeoPackage, Shapefile or CSV)" : "raster (GeoTIFF)"
            // A driver that recognised the file but failed to parse it raises an error; no driver
            // recognising it at all means the format is not one GDAL reads.
            if GDALRuntime.lastCallFailed(), let message = GDALRuntime.lastErrorMessage(),
               !message.contains("not recognized as") {
                throw GeoDataError(.unreadable, path: path,
                                   "the file could not be parsed as \(kind) data (GDAL: \(message))")
            }
            throw GeoDataError(.unsupportedFormat, path: path, isDirectory.boolValue
                ? "this is a directory; expected a \(kind) file"
                : "no GDAL driver recognises this file; expected \(kind) data")
        }
        return GDALDataset(handle: handle, path: path)
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
