import AtomicFiles
import CGDAL
import Foundation

/// Writes features to a new GeoJSON (`.geojson`, `.json`) or GeoPackage (`.gpkg`) file, atomically.
///
/// Geometries must already be in `epsg`; the CRS is recorded in the file. Feature ids are written
/// (GeoPackage keeps them as FIDs, GeoJSON as `id`). An existing file at `path` is replaced only
/// when the whole write succeeded.
///
/// GDAL writes the file in memory first, then clearcast writes the bytes to disk with checked writes
/// and an `fsync` (see ``OutputFile``). GDAL's GeoJSON driver ignores write errors, so on a full disk
/// it would otherwise leave a truncated file and report success.
///
/// ```swift
/// try writeVectorLayer(path: "out/priorities.gpkg", epsg: 32638, layerName: "priorities",
///                      fields: [FieldDefinition(name: "rank", type: .integer)],
///                      features: [VectorFeature(fid: 1, geometry: .point(x: 650_000, y: 4_402_000),
///                                               attributes: ["rank": .integer(1)])])
/// ```
///
/// - Throws: `unsupportedFormat` for other extensions, `unknownCRS`, `invalidArgument` when a
///   feature's attributes do not match `fields`, `writeFailed` for driver and disk failures (full
///   disk, file-size limit), and `AtomicFile.WriteFailed` when the directory is missing or the
///   rename fails. Nothing is left at `path` then, and an existing file there is untouched.
/// - Complexity: O(total vertices + features × fields); memory holds the whole file once.
public func writeVectorLayer(path: String, epsg: Int, layerName: String, fields: [FieldDefinition],
                             features: [VectorFeature]) throws {
    let driver: String
    switch (path as NSString).pathExtension.lowercased() {
    case "geojson", "json": driver = "GeoJSON"
    case "gpkg": driver = "GPKG"
    case let other:
        throw GeoDataError(.unsupportedFormat, path: path,
                           "cannot write vector files with extension '.\(other)'; supported extensions are .geojson, .json (GeoJSON) and .gpkg (GeoPackage)")
    }
    GDALRuntime.ensureInitialized()
    let staging = OutputFile.stagingPath(for: path)
    defer { OutputFile.removeStaging(staging.directory) }
    try writeVectorDataset(path: staging.file, reportedPath: path, driverName: driver, epsg: epsg,
                           layerName: layerName, fields: fields, features: features)
    let bytes = try OutputFile.takeStagedBytes(staging.file, reportedPath: path)
    try AtomicFile.write(to: path) { temporary in
        try OutputFile.publish(bytes, to: temporary, reportedPath: path)
    }
}

/// Writes a vector dataset with any GDAL vector driver, in place (not atomic).
///
/// Internal so tests can produce Shapefiles with the same code path; `reportedPath` is the path
/// named in errors (the destination rather than the temporary file). Any GDAL error raised while
/// writing fails the write, even one a driver raised without failing the call.
func writeVectorDataset(path: String, reportedPath: String, driverName: String, epsg: Int, layerName: String,
                        fields: [FieldDefinition], features: [VectorFeature]) throws {
    let srs = try SpatialReference(epsg: epsg, path: reportedPath)
    let dataset = try GDALDataset.create(driverName: driverName, path: path)
    let (_, errors) = try GDALRuntime.collectingErrors {
        // GeoJSON is WGS 84 longitude/latitude by its standard (RFC 7946): GDAL reprojects on
        // write; a GeoPackage keeps the grid CRS.
        try writeLayer(into: dataset, srs: srs, reportedPath: reportedPath, layerName: layerName, fields: fields,
                       features: features, options: driverName == "GeoJSON" ? ["RFC7946=YES"] : [])
        try dataset.close(reportingAs: reportedPath)  // flushes: errors such as a full disk surface here
    }
    try OutputFile.requireNoErrors(errors, reportedPath: reportedPath, while: "writing the \(driverName) file")
}

/// Creates the layer and its fields and writes every feature, checking each GDAL call.
private func writeLayer(into dataset: GDALDataset, srs: SpatialReference, reportedPath: String, layerName: String,
                        fields: [FieldDefinition], features: [VectorFeature], options: [String] = []) throws {
    guard let handle = dataset.handle else { return }
    let geometryType = commonGeometryType(of: features)
    GDALRuntime.resetError()
    let optionList = CStringList(options)
    guard let layer = GDALDatasetCreateLayer(handle, layerName, srs.handle, geometryType, optionList.pointer) else {
        throw GeoDataError(.writeFailed, path: reportedPath, GDALRuntime.annotate("could not create layer '\(layerName)'"))
    }
    for field in fields {
        let type: OGRFieldType = switch field.type {
        case .string: OFTString
        case .integer: OFTInteger64
        case .real: OFTReal
        case .date: OFTDate
        }
        guard let definition = OGR_Fld_Create(field.name, type) else {
            throw GeoDataError(.writeFailed, path: reportedPath, "could not define field '\(field.name)'")
        }
        defer { OGR_Fld_Destroy(definition) }
        GDALRuntime.resetError()
        guard OGR_L_CreateField(layer, definition, 1) == OGRERR_NONE, !GDALRuntime.lastCallFailed() else {
            throw GeoDataError(.writeFailed, path: reportedPath, GDALRuntime.annotate("could not create field '\(field.name)'"))
        }
    }
    let known = Set(fields.map(\.name))
    for feature in features {
        if let stray = feature.attributes.keys.sorted().first(where: { !known.contains($0) }) {
            throw GeoDataError(.invalidArgument, path: reportedPath,
                               "feature \(feature.fid) has attribute '\(stray)' that is not among the declared fields \(fields.map(\.name))")
        }
        guard let ogrFeature = OGR_F_Create(OGR_L_GetLayerDefn(layer)) else {
            throw GeoDataError(.writeFailed, path: reportedPath, "could not allocate feature \(feature.fid)")
        }
        defer { OGR_F_Destroy(ogrFeature) }
        OGR_F_SetFID(ogrFeature, GIntBig(feature.fid))
        for (index, field) in fields.enumerated() {
            try set(feature.attributes[field.name] ?? .null, of: field, at: Int32(index), on: ogrFeature,
                    fid: feature.fid, path: reportedPath)
        }
        guard let geometry = OGRGeometry(feature.geometry),
              OGR_F_SetGeometry(ogrFeature, geometry.handle) == OGRERR_NONE else {
            throw GeoDataError(.writeFailed, path: reportedPath, "could not build the geometry of feature \(feature.fid)")
        }
        // Some drivers report a failed write only through CPLError, so check both.
        GDALRuntime.resetError()
        guard OGR_L_CreateFeature(layer, ogrFeature) == OGRERR_NONE, !GDALRuntime.lastCallFailed() else {
            throw GeoDataError(.writeFailed, path: reportedPath, GDALRuntime.annotate("could not write feature \(feature.fid)"))
        }
    }
}

/// The layer geometry type: the features' common type, or "unknown" when they differ.
private func commonGeometryType(of features: [VectorFeature]) -> OGRwkbGeometryType {
    let types = Set(features.map(\.geometry.typeName))
    guard types.count == 1, let only = features.first?.geometry else { return wkbUnknown }
    switch only {
    case .point: return wkbPoint
    case .multiPoint: return wkbMultiPoint
    case .lineString: return wkbLineString
    case .multiLineString: return wkbMultiLineString
    case .polygon: return wkbPolygon
    case .multiPolygon: return wkbMultiPolygon
    }
}

/// Stores one attribute, rejecting values whose type does not match the field.
private func set(_ value: AttributeValue, of field: FieldDefinition, at index: Int32, on feature: OGRFeatureH,
                 fid: Int, path: String) throws {
    switch (value, field.type) {
    case (.null, _): OGR_F_SetFieldNull(feature, index)
    case (.string(let s), .string): OGR_F_SetFieldString(feature, index, s)
    case (.integer(let i), .integer): OGR_F_SetFieldInteger64(feature, index, GIntBig(i))
    case (.integer(let i), .real): OGR_F_SetFieldDouble(feature, index, Double(i))
    case (.real(let d), .real): OGR_F_SetFieldDouble(feature, index, d)
    case (.date(let y, let m, let d), .date):
        OGR_F_SetFieldDateTime(feature, index, Int32(clamping: y), Int32(clamping: m), Int32(clamping: d), 0, 0, 0, 0)
    default:
        throw GeoDataError(.invalidArgument, path: path,
                           "feature \(fid): attribute '\(field.name)' is \(value), but the field is declared as \(field.type.rawValue)")
    }
}
