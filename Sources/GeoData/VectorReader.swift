import CGDAL
import ClearcastDomain
import Foundation

/// Reads a vector layer and reprojects every geometry to `targetEPSG`.
///
/// Supported inputs: GeoJSON, GeoPackage, Shapefile (pass the `.shp`), and CSV with coordinate
/// columns. For CSV the X column is the first matching `x, lon, longitude, lng, longitud*, easting`
/// and the Y column the first matching `y, lat, latitude, latitud*, northing` (case-insensitive);
/// those columns are not repeated as attributes, and other columns get their types detected.
/// CSV carries no CRS, so `sourceEPSGIfMissing` is used, **defaulting to EPSG:4326 for CSV only**;
/// any other layer without a CRS is an error unless `sourceEPSGIfMissing` is given.
///
/// Layer files are treated as hostile input. Only a regular file is opened, and only by the GeoJSON,
/// GPKG, ESRI Shapefile or CSV driver. VRTs and `/vsi…` paths are refused, and GDAL never uses the
/// network: a GeoJSON `crs` link is reported as an unresolvable CRS instead of being fetched (see
/// `InputFile` and `GDALRuntime+Lockdown.swift`).
///
/// Every geometry is checked with GEOS (`OGR_G_IsValid`) **before** reprojection, so
/// self-intersecting polygons are reported by feature id instead of being silently rasterized wrong.
///
/// ```swift
/// let hazards = try readVectorLayer(at: "hazards.gpkg", targetEPSG: 32638)
/// for feature in hazards.features { print(feature.fid, feature.geometry.typeName) }
/// ```
///
/// - Parameters:
///   - path: the file to read.
///   - targetEPSG: EPSG code of the CRS to reproject to (normally a projected CRS in metres).
///   - sourceEPSGIfMissing: CRS to assume when the file declares none.
///   - layerName: layer to read; the first layer when nil.
/// - Throws: ``GeoDataError`` with the path: `fileNotFound`, `unreadable`, `unsupportedFormat`,
///   `layerNotFound`, `noGeometryColumn`, `noCRS`, `unknownCRS`, `emptyLayer`, `invalidGeometry` (naming the fid),
///   `transformFailed`.
/// - Complexity: O(total vertices), plus GEOS validity checks (O(n log n) per polygon).
public func readVectorLayer(at path: String, targetEPSG: Int, sourceEPSGIfMissing: Int? = nil,
                            layerName: String? = nil, focus: Point2? = nil) throws -> VectorLayer {
    let isCSV = VectorReaderOptions.isCSV(path)
    // GDAL's GeoJSON driver answers a `crs` member it cannot resolve (e.g. EPSG::999999, or a
    // `link` CRS, whose URL is never fetched: see GDALRuntime+Lockdown) with an error, then opens
    // the file anyway as WGS 84: every feature would land in the wrong place without a word. So
    // refuse on a CRS error from any driver, or on any error from the GeoJSON driver (whose only
    // errors on a successful open concern the CRS).
    let (dataset, openErrors) = try VectorReaderOptions.openLayerFile(path)
    let driver = dataset.driverName
    if let message = openErrors.first(where: { driver == "GeoJSON" || $0.contains("proj_create") || $0.localizedCaseInsensitiveContains("crs not found") }) {
        throw GeoDataError(.unknownCRS, path: path,
                           "the file declares a coordinate reference system GDAL/PROJ cannot resolve (GDAL: \(message)); expected a known CRS such as EPSG:4326 or EPSG:32638, or none (GeoJSON then means WGS 84)")
    }
    let layer = try dataset.layer(named: layerName)
    let name = OGR_L_GetName(layer).map { String(cString: $0) } ?? ""

    if let definition = OGR_L_GetLayerDefn(layer), OGR_FD_GetGeomFieldCount(definition) == 0 {
        let hint = isCSV
            ? "; for CSV expected an x column named x, lon, longitude, lng, longitud* or easting and a y column named y, lat, latitude, latitud* or northing"
            : ""
        throw GeoDataError(.noGeometryColumn, path: path, "layer '\(name)' has attributes but no geometry column\(hint)")
    }

    // MARK: CRS
    let target = try SpatialReference(epsg: targetEPSG, path: path)
    let source: SpatialReference
    let assumed: Bool
    if let fileCRS = SpatialReference(cloning: OGR_L_GetSpatialRef(layer)) {
        source = fileCRS
        assumed = false
    } else if let fallback = sourceEPSGIfMissing ?? (isCSV ? 4326 : nil) {
        source = try SpatialReference(epsg: fallback, path: path)
        assumed = true
    } else {
        throw GeoDataError(.noCRS, path: path,
                           "layer '\(name)' declares no coordinate reference system; expected a CRS in the file (a .prj beside a Shapefile) or, in the scenario, the layer written as {path: ..., crs: EPSG:4326} with the code its coordinates are in")
    }
    let transformer = try CoordinateTransformer(source: source, target: target, path: path)
    let focusInSource = focus.flatMap { point in
        try? CoordinateTransformer(source: target, target: source, path: path).transform(x: point.x, y: point.y)
    }

    // MARK: Fields
    let fields = VectorReaderOptions.fieldDefinitions(of: layer)
    let names = fields.map(\.name)

    // MARK: Features
    var features: [VectorFeature] = []
    var invalid: [String] = []
    OGR_L_ResetReading(layer)
    GDALRuntime.resetError()
    while let feature = OGR_L_GetNextFeature(layer) {
        defer { OGR_F_Destroy(feature) }
        let fid = Int(OGR_F_GetFID(feature))
        guard let borrowed = OGR_F_GetGeometryRef(feature), OGR_G_IsEmpty(borrowed) == 0 else {
            throw GeoDataError(.invalidGeometry, path: path, "feature \(fid) has no geometry (null, empty, or non-numeric coordinates); expected a point, line or polygon")
        }
        guard let geometry = OGRGeometry(cloning: borrowed) else {
            throw GeoDataError(.invalidGeometry, path: path, "feature \(fid): GDAL could not copy the geometry")
        }
        guard geometry.isValid else {
            // Collected, not thrown: a planner fixes every broken polygon in one pass.
            let reason = geometry.invalidityReason().map { " (\($0))" } ?? ""
            invalid.append("feature \(fid), a \(String(cString: OGR_G_GetGeometryName(borrowed)))\(reason)")
            continue
        }
        let coveredFocus = focusInSource.map { geometry.contains(x: $0.x, y: $0.y) } ?? false
        guard geometry.transform(with: transformer) else {
            throw GeoDataError(.transformFailed, path: path, GDALRuntime.annotate(
                "feature \(fid) could not be reprojected from \(source.name ?? "source CRS") to EPSG:\(targetEPSG)"))
        }
        // A polygon spanning far beyond the target projection's valid area (a near-global box in
        // degrees, say) comes out of the transform folded or inverted: it covered the grid before
        // and no longer does. Say so instead of calling it "outside the grid".
        if coveredFocus, let focus, !geometry.contains(x: focus.x, y: focus.y) {
            throw GeoDataError(.transformFailed, path: path,
                               "feature \(fid) covers the grid's centre in \(source.name ?? "its CRS") but not after reprojection to EPSG:\(targetEPSG): it spans far beyond the area this projection is valid for; expected polygons clipped to the study area")
        }
        guard let swiftGeometry = Geometry(ogr: geometry.handle) else {
            throw GeoDataError(.invalidGeometry, path: path,
                               "feature \(fid) is a \(String(cString: OGR_G_GetGeometryName(borrowed))); expected Point, LineString, Polygon or their Multi- forms")
        }
        var attributes: [String: AttributeValue] = [:]
        attributes.reserveCapacity(names.count)
        for (index, field) in fields.enumerated() {
            attributes[field.name] = VectorReaderOptions.value(of: feature, at: Int32(index), type: field.type)
        }
        features.append(VectorFeature(fid: fid, geometry: swiftGeometry, attributes: attributes))
    }
    if GDALRuntime.lastCallFailed() {
        throw GeoDataError(.unreadable, path: path, GDALRuntime.annotate("reading features of layer '\(name)' failed after \(features.count) features"))
    }
    if !invalid.isEmpty {
        let listed = invalid.prefix(10).joined(separator: "; ") + (invalid.count > 10 ? "; and \(invalid.count - 10) more" : "")
        throw GeoDataError(.invalidGeometry, path: path,
                           "\(invalid.count) feature\(invalid.count == 1 ? " has an invalid geometry" : "s have invalid geometries"): \(listed); expected valid simple geometries without self-intersections (fix them, e.g. with ST_MakeValid, before use)")
    }
    guard !features.isEmpty else {
        throw GeoDataError(.emptyLayer, path: path, "layer '\(name)' has no features; expected at least one")
    }
    return VectorLayer(path: path, name: name, sourceCRSName: source.name, sourceEPSG: source.epsg,
                       sourceCRSWKT: source.wkt, sourceCRSWasAssumed: assumed, targetEPSG: targetEPSG, fields: fields, features: features)
}

// MARK: - Helpers

/// Constants and field conversion shared by the vector reader.
enum VectorReaderOptions {
    /// Whether `path` is read as CSV (by its extension, as GDAL's CSV driver decides).
    static func isCSV(_ path: String) -> Bool {
        (path as NSString).pathExtension.lowercased() == "csv"
    }

    /// Opens a layer file the way ``readVectorLayer(at:targetEPSG:sourceEPSGIfMissing:layerName:)``
    /// does, returning it with every GDAL error raised while opening.
    ///
    /// Only ``GDALRuntime/vectorDrivers`` may claim the file, and a CSV only with the CSV driver and
    /// ``csvOpenOptions(for:)``. ``vectorLayerFiles(at:)`` opens files the same way, so it lists the
    /// files that reading actually uses.
    static func openLayerFile(_ path: String) throws -> (dataset: GDALDataset, openErrors: [String]) {
        let (dataset, errors) = try GDALRuntime.collectingErrors {
            try isCSV(path)
                ? GDALDataset.open(path: path, vector: true, drivers: ["CSV"], openOptions: csvOpenOptions(for: path))
                : GDALDataset.open(path: path, vector: true, drivers: GDALRuntime.vectorDrivers)
        }
        return (dataset, errors)
    }

    /// Field names and types of a layer, mapping OGR types onto ``FieldDefinition/FieldType``.
    static func fieldDefinitions(of layer: OGRLayerH) -> [FieldDefinition] {
        guard let definition = OGR_L_GetLayerDefn(layer) else { return [] }
        return (0..<OGR_FD_GetFieldCount(definition)).compactMap { index in
            guard let field = OGR_FD_GetFieldDefn(definition, index) else { return nil }
            let name = String(cString: OGR_Fld_GetNameRef(field))
            let type: FieldDefinition.FieldType = switch OGR_Fld_GetType(field) {
            case OFTInteger, OFTInteger64: .integer
            case OFTReal: .real
            case OFTDate, OFTDateTime: .date
            default: .string
            }
            return FieldDefinition(name: name, type: type)
        }
    }

    /// One attribute of a feature as an ``AttributeValue``.
    static func value(of feature: OGRFeatureH, at index: Int32, type: FieldDefinition.FieldType) -> AttributeValue {
        guard OGR_F_IsFieldSetAndNotNull(feature, index) != 0 else { return .null }
        switch type {
        case .integer:
            return .integer(Int(OGR_F_GetFieldAsInteger64(feature, index)))
        case .real:
            return .real(OGR_F_GetFieldAsDouble(feature, index))
        case .date:
            var year: Int32 = 0, month: Int32 = 0, day: Int32 = 0, hour: Int32 = 0, minute: Int32 = 0, tz: Int32 = 0
            var second: Float = 0
            guard OGR_F_GetFieldAsDateTimeEx(feature, index, &year, &month, &day, &hour, &minute, &second, &tz) != 0 else {
                return .null
            }
            return .date(year: Int(year), month: Int(month), day: Int(day))
        case .string:
            return .string(OGR_F_GetFieldAsString(feature, index).map { String(cString: $0) } ?? "")
        }
    }
}
