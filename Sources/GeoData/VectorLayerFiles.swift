import CGDAL
import Foundation

/// The files GDAL reads to read the vector layer at `path`: the file itself and its side files,
/// as absolute paths, sorted and without duplicates.
///
/// A layer is more than the named file. A Shapefile's attributes live in its `.dbf` (with `.shx`,
/// `.prj`, `.cpg` and a `.qix` index beside it). A CSV's column types come from its `.csvt` and
/// its CRS from a `.prj`. Anything that fingerprints the inputs of a run (the scenario content hash)
/// must therefore hash all of them. Otherwise, changing a hazard's status in the `.dbf` would leave
/// the hash as it was.
///
/// The file is opened exactly as ``readVectorLayer(at:targetEPSG:sourceEPSGIfMissing:layerName:)``
/// opens it: same checks, same drivers, same CSV open options. The list is GDAL's own
/// (`GDALGetFileList`), plus the side files that GDAL 3.6 reads without listing them:
///
/// | driver | added when present                                |
/// |--------|---------------------------------------------------|
/// | CSV    | `<name>.csvt`, `<name>.prj` (GDAL forms these in lower case) |
/// | GPKG   | `<file>-wal`, `<file>-journal` (SQLite reads them as part of the database) |
///
/// ```swift
/// try vectorLayerFiles(at: "/data/hazards.shp")
/// // ["/data/hazards.cpg", "/data/hazards.dbf", "/data/hazards.prj", "/data/hazards.shp", "/data/hazards.shx"]
/// ```
///
/// - Throws: ``GeoDataError`` as reading the layer would (`fileNotFound`, `unreadable`,
///   `unsupportedFormat`), or `unreadable` when a listed file is not a regular file.
/// - Complexity: O(side files); no feature is read.
public func vectorLayerFiles(at path: String) throws -> [String] {
    let (dataset, _) = try VectorReaderOptions.openLayerFile(path)
    guard let handle = dataset.handle else { return [path] }
    var files = [path]
    if let list = GDALGetFileList(handle) {
        var index = 0
        while let entry = list[index] {
            files.append(String(cString: entry))
            index += 1
        }
        CSLDestroy(list)
    }
    let stem = (path as NSString).deletingPathExtension
    switch dataset.driverName {
    case "CSV": files += [stem + ".csvt", stem + ".prj"].filter { FileManager.default.fileExists(atPath: $0) }
    case "GPKG": files += [path + "-wal", path + "-journal"].filter { FileManager.default.fileExists(atPath: $0) }
    default: break
    }
    let unique = Set(files.map { URL(fileURLWithPath: $0).standardizedFileURL.path }).sorted()
    for file in unique {
        try InputFile.requireRegularFile(file, expected: "side file of the layer \(path)")
    }
    return unique
}

/// Every file GDAL reads for the raster at `path` (itself and its side files, such as an ASCII
/// grid's `.prj` or a GeoTIFF's `.aux.xml`), sorted.
///
/// - Throws: ``GeoDataError`` when the file is not a raster a clearcast driver reads, or a side file
///   is not a regular file.
public func rasterLayerFiles(at path: String) throws -> [String] {
    let dataset = try GDALDataset.open(path: path, vector: false, drivers: GDALRuntime.rasterDrivers)
    var files = [path]
    if let handle = dataset.handle, let list = GDALGetFileList(handle) {
        var index = 0
        while let entry = list[index] {
            files.append(String(cString: entry))
            index += 1
        }
        CSLDestroy(list)
    }
    let unique = Set(files.map { URL(fileURLWithPath: $0).standardizedFileURL.path }).sorted()
    for file in unique {
        try InputFile.requireRegularFile(file, expected: "side file of the raster \(path)")
    }
    return unique
}
