/// Look-ups of coordinate reference systems in PROJ's database.
///
/// ```swift
/// let crs = try CoordinateReferenceSystem.describe(epsg: 32638)
/// // (name: "WGS 84 / UTM zone 38N", isProjected: true)
/// ```
public enum CoordinateReferenceSystem {
    /// Name and kind of the CRS with this EPSG code.
    ///
    /// - Throws: ``GeoDataError`` of kind `unknownCRS` when PROJ does not know the code (e.g. 999999).
    public static func describe(epsg: Int) throws -> (name: String, isProjected: Bool) {
        let reference = try SpatialReference(epsg: epsg)
        return (reference.name ?? "EPSG:\(epsg)", reference.isProjected)
    }

    /// The WKT definition of an EPSG code (as written into GeoTIFF and vector files).
    ///
    /// - Throws: ``GeoDataError`` of kind `unknownCRS` when PROJ does not know the code.
    public static func wkt(epsg: Int) throws -> String {
        let reference = try SpatialReference(epsg: epsg)
        guard let wkt = reference.wkt else {
            throw GeoDataError(.unknownCRS, path: nil, "EPSG:\(epsg) cannot be exported as WKT")
        }
        return wkt
    }

    /// The EPSG code PROJ identifies for a WKT definition, or nil when it matches none.
    ///
    /// - Throws: ``GeoDataError`` of kind `unknownCRS` when the WKT cannot be parsed.
    public static func epsg(forWKT wkt: String) throws -> Int? {
        try SpatialReference(wkt: wkt).epsg
    }
}
