import Foundation

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

    /// The linear unit of a projected CRS: its name and length in metres (e.g. "US survey foot", 0.3048006).
    ///
    /// - Throws: ``GeoDataError`` of kind `unknownCRS` when PROJ does not know the code.
    public static func linearUnits(epsg: Int) throws -> (name: String, metres: Double) {
        try SpatialReference(epsg: epsg).linearUnits
    }

    /// How much the projection inflates areas at (`x`, `y`): planar area over true area, from the
    /// lengths of 1 km steps east and north measured on the WGS 84 sphere of mean radius (good to
    /// ~0.5%, enough to tell a local projection, 1.000 ± 0.001, from Web Mercator at 40° N, 1.70).
    ///
    /// - Throws: ``GeoDataError`` when the CRS is unknown or the point cannot be transformed.
    public static func areaScale(epsg: Int, x: Double, y: Double) throws -> Double {
        let toGeographic = try CoordinateTransformer(fromEPSG: epsg, toEPSG: 4326)
        let step = 1_000 / (try linearUnits(epsg: epsg).metres)
        let origin = try toGeographic.transform(x: x, y: y)
        let east = try toGeographic.transform(x: x + step, y: y)
        let north = try toGeographic.transform(x: x, y: y + step)
        let eastMetres = greatCircleMetres(origin, east), northMetres = greatCircleMetres(origin, north)
        guard eastMetres > 0, northMetres > 0 else {
            throw GeoDataError(.invalidArgument, path: nil, "EPSG:\(epsg) maps (\(x), \(y)) to a degenerate point")
        }
        return (1_000 * 1_000) / (eastMetres * northMetres)
    }

    /// Haversine distance in metres between two (longitude, latitude) points in degrees.
    static func greatCircleMetres(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> Double {
        let radius = 6_371_008.8, rad = Double.pi / 180
        let dLat = (b.y - a.y) * rad, dLon = (b.x - a.x) * rad
        let h = pow(sin(dLat / 2), 2) + cos(a.y * rad) * cos(b.y * rad) * pow(sin(dLon / 2), 2)
        return 2 * radius * asin(min(1, h.squareRoot()))
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
