import CGDAL

/// Owns an `OGRSpatialReferenceH` and releases it in `deinit`.
///
/// Every reference is switched to `OAMS_TRADITIONAL_GIS_ORDER`, so coordinates are always
/// (x = longitude/easting, y = latitude/northing) whatever axis order the EPSG definition declares
/// (EPSG:4326 officially says latitude first). Not thread-safe; keep instances local.
final class SpatialReference {
    let handle: OGRSpatialReferenceH

    private init(handle: OGRSpatialReferenceH) {
        self.handle = handle
        OSRSetAxisMappingStrategy(handle, OAMS_TRADITIONAL_GIS_ORDER)
    }

    deinit { OSRDestroySpatialReference(handle) }

    /// The CRS of an EPSG code, or `unknownCRS` if PROJ's database does not define it.
    convenience init(epsg: Int, path: String? = nil) throws {
        GDALRuntime.resetError()
        guard let handle = OSRNewSpatialReference(nil) else {
            throw GeoDataError(.unknownCRS, path: path, "could not allocate a spatial reference for EPSG:\(epsg)")
        }
        guard epsg > 0, epsg <= Int(Int32.max), OSRImportFromEPSG(handle, Int32(epsg)) == OGRERR_NONE else {
            OSRDestroySpatialReference(handle)
            throw GeoDataError(.unknownCRS, path: path, GDALRuntime.annotate(
                "EPSG:\(epsg) is not a coordinate reference system known to PROJ; expected a valid EPSG code such as 4326 or 32638"))
        }
        self.init(handle: handle)
    }

    /// The CRS described by WKT (any version PROJ reads), or `unknownCRS`.
    convenience init(wkt: String, path: String? = nil) throws {
        GDALRuntime.resetError()
        guard let handle = OSRNewSpatialReference(nil) else {
            throw GeoDataError(.unknownCRS, path: path, "could not allocate a spatial reference")
        }
        let status = wkt.withCString { cString -> OGRErr in
            var cursor: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(mutating: cString)
            return OSRImportFromWkt(handle, &cursor)
        }
        guard status == OGRERR_NONE else {
            OSRDestroySpatialReference(handle)
            throw GeoDataError(.unknownCRS, path: path, GDALRuntime.annotate(
                "could not parse the coordinate reference system WKT '\(wkt.prefix(120))'"))
        }
        self.init(handle: handle)
    }

    /// A copy of a reference owned by someone else (e.g. a layer), so it outlives its owner.
    convenience init?(cloning borrowed: OGRSpatialReferenceH?) {
        guard let borrowed, let handle = OSRClone(borrowed) else { return nil }
        self.init(handle: handle)
    }

    // MARK: Properties

    /// The CRS name, e.g. "WGS 84 / UTM zone 38N".
    var name: String? {
        guard let cString = OSRGetName(handle) else { return nil }
        return String(cString: cString)
    }

    /// Whether the CRS is projected (planar metres or feet), as opposed to geographic degrees.
    var isProjected: Bool { OSRIsProjected(handle) != 0 }

    /// The linear unit's name and its length in metres (1 for metres, 0.3048006 for US survey feet).
    var linearUnits: (name: String, metres: Double) {
        var name: UnsafeMutablePointer<CChar>?
        let metres = OSRGetLinearUnits(handle, &name)
        return (name.map { String(cString: $0) } ?? "unknown", metres)
    }

    /// The EPSG code, if the definition names one or PROJ can identify it.
    var epsg: Int? {
        if let code = authorityCode() { return code }
        // Files often carry WKT without an AUTHORITY node; let PROJ match it against its database.
        guard let copy = OSRClone(handle) else { return nil }
        defer { OSRDestroySpatialReference(copy) }
        guard OSRAutoIdentifyEPSG(copy) == OGRERR_NONE,
              let auth = OSRGetAuthorityName(copy, nil), String(cString: auth) == "EPSG",
              let code = OSRGetAuthorityCode(copy, nil) else { return nil }
        return Int(String(cString: code))
    }

    private func authorityCode() -> Int? {
        guard let auth = OSRGetAuthorityName(handle, nil), String(cString: auth) == "EPSG",
              let code = OSRGetAuthorityCode(handle, nil) else { return nil }
        return Int(String(cString: code))
    }

    /// WKT of the CRS (WKT1 as GeoTIFF expects), or nil if it cannot be expressed.
    var wkt: String? {
        var raw: UnsafeMutablePointer<CChar>?
        guard OSRExportToWkt(handle, &raw) == OGRERR_NONE, let raw else { return nil }
        defer { VSIFree(raw) }  // CPLFree is a macro for VSIFree
        return String(cString: raw)
    }
}
