import CGDAL
import ClearcastDomain

/// Transforms (x, y) coordinates between two coordinate reference systems with PROJ.
///
/// Axis order is always (x = longitude/easting, y = latitude/northing), also for EPSG:4326.
/// Instances wrap a PROJ transformation object, which is not safe to share between threads:
/// the type is deliberately not `Sendable`; create one per task.
///
/// ```swift
/// let toUTM = try CoordinateTransformer(fromEPSG: 4326, toEPSG: 32638)
/// let shusha = try toUTM.transform(x: 46.75, y: 39.76)   // ≈ (649905.4, 4402584.5)
/// ```
public final class CoordinateTransformer {
    private let handle: OGRCoordinateTransformationH
    /// Kept alive for the transformation's lifetime.
    private let source: SpatialReference
    private let target: SpatialReference

    /// A transformer from one EPSG code to another.
    ///
    /// - Throws: `unknownCRS` for codes PROJ does not know, `transformFailed` when PROJ finds no path.
    public convenience init(fromEPSG: Int, toEPSG: Int) throws {
        try self.init(source: SpatialReference(epsg: fromEPSG), target: SpatialReference(epsg: toEPSG))
    }

    /// A transformer from a CRS given as WKT (e.g. read from a layer) to an EPSG code.
    public convenience init(fromWKT: String, toEPSG: Int) throws {
        try self.init(source: SpatialReference(wkt: fromWKT), target: SpatialReference(epsg: toEPSG))
    }

    init(source: SpatialReference, target: SpatialReference, path: String? = nil) throws {
        GDALRuntime.resetError()
        guard let handle = OCTNewCoordinateTransformation(source.handle, target.handle) else {
            throw GeoDataError(.transformFailed, path: path, GDALRuntime.annotate(
                "PROJ found no transformation from \(source.name ?? "source CRS") to \(target.name ?? "target CRS")"))
        }
        self.handle = handle
        self.source = source
        self.target = target
    }

    deinit { OCTDestroyCoordinateTransformation(handle) }

    /// The underlying handle, for OGR_G_Transform inside the module.
    var rawHandle: OGRCoordinateTransformationH { handle }

    // MARK: Transforming

    /// Transforms one point.
    ///
    /// - Throws: `transformFailed` when the point is outside the domain of the transformation.
    public func transform(x: Double, y: Double) throws -> (x: Double, y: Double) {
        var xs = [x], ys = [y]
        try transformInPlace(xs: &xs, ys: &ys)
        return (xs[0], ys[0])
    }

    /// Transforms many points in one PROJ call.
    ///
    /// - Complexity: O(n).
    /// - Throws: `transformFailed` naming the index of the first point that failed.
    public func transform(_ points: [Point2]) throws -> [Point2] {
        var xs = points.map(\.x), ys = points.map(\.y)
        try transformInPlace(xs: &xs, ys: &ys)
        return zip(xs, ys).map { Point2(x: $0, y: $1) }
    }

    /// Transforms parallel coordinate arrays in place (no per-point allocation).
    ///
    /// - Precondition: `xs.count == ys.count` (programmer error otherwise).
    public func transformInPlace(xs: inout [Double], ys: inout [Double]) throws {
        precondition(xs.count == ys.count, "x and y arrays must have the same length")
        let count = xs.count
        guard count > 0 else { return }
        guard count <= Int(Int32.max) else {
            throw GeoDataError(.invalidArgument, path: nil, "cannot transform more than \(Int32.max) points at once")
        }
        var success = [Int32](repeating: 0, count: count)
        GDALRuntime.resetError()
        let ok = xs.withUnsafeMutableBufferPointer { xp in
            ys.withUnsafeMutableBufferPointer { yp in
                success.withUnsafeMutableBufferPointer { sp in
                    OCTTransformEx(handle, Int32(count), xp.baseAddress, yp.baseAddress, nil, sp.baseAddress)
                }
            }
        }
        if let bad = success.firstIndex(of: 0) ?? (ok == 0 ? 0 : nil) {
            throw GeoDataError(.transformFailed, path: nil, GDALRuntime.annotate(
                "point \(bad) could not be transformed from \(source.name ?? "source CRS") to \(target.name ?? "target CRS")"))
        }
    }
}
