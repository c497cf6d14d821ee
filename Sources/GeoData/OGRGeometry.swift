import CGDAL
import ClearcastDomain

/// Owns an `OGRGeometryH` and destroys it in `deinit`.
///
/// Used for geometry operations GDAL/GEOS do better than we would (validity, area, centroid,
/// rasterization); the plain-Swift ``Geometry`` is what leaves the module. Not thread-safe.
final class OGRGeometry {
    let handle: OGRGeometryH

    /// Takes ownership of `handle`.
    init(owning handle: OGRGeometryH) {
        self.handle = handle
    }

    deinit { OGR_G_DestroyGeometry(handle) }

    /// An owned copy of a geometry owned by someone else (e.g. a feature).
    convenience init?(cloning borrowed: OGRGeometryH) {
        guard let copy = OGR_G_Clone(borrowed) else { return nil }
        self.init(owning: copy)
    }

    // MARK: Operations

    /// Whether GEOS considers the geometry valid (closed, non-self-intersecting rings, ...).
    var isValid: Bool { OGR_G_IsValid(handle) != 0 }

    /// Area in squared CRS units (m² in a projected CRS); 0 for points and lines.
    var area: Double { OGR_G_Area(handle) }

    /// GEOS's explanation of why the geometry is invalid, e.g. "Self-intersection[5 5]".
    ///
    /// GDAL's C API has no `IsValidReason`, but when `OGR_G_IsValid` finds a problem it reports GEOS's
    /// reason through the error handler, so we re-run the check and capture this thread's last message.
    func invalidityReason() -> String? {
        GDALRuntime.resetError()
        _ = OGR_G_IsValid(handle)
        return GDALRuntime.lastErrorMessage()
    }

    /// The centroid, or nil when GEOS cannot compute it (empty geometry).
    func centroid() -> Point2? {
        guard let point = OGR_G_CreateGeometry(wkbPoint) else { return nil }
        defer { OGR_G_DestroyGeometry(point) }
        guard OGR_G_Centroid(handle, point) == OGRERR_NONE, OGR_G_IsEmpty(point) == 0 else { return nil }
        return Point2(x: OGR_G_GetX(point, 0), y: OGR_G_GetY(point, 0))
    }

    /// A point guaranteed to lie in the geometry's interior, or nil for an empty geometry.
    func pointOnSurface() -> Point2? {
        guard let point = OGR_G_PointOnSurface(handle) else { return nil }
        defer { OGR_G_DestroyGeometry(point) }
        guard OGR_G_IsEmpty(point) == 0 else { return nil }
        return Point2(x: OGR_G_GetX(point, 0), y: OGR_G_GetY(point, 0))
    }

    /// The intersection with another geometry, or nil when GEOS fails.
    func intersection(_ other: OGRGeometry) -> OGRGeometry? {
        OGR_G_Intersection(handle, other.handle).map { OGRGeometry(owning: $0) }
    }

    var isEmpty: Bool { OGR_G_IsEmpty(handle) != 0 }

    /// Whether the geometry contains the point (`OGR_G_Contains`); false when GDAL cannot say.
    func contains(x: Double, y: Double) -> Bool {
        guard let point = OGR_G_CreateGeometry(wkbPoint) else { return false }
        defer { OGR_G_DestroyGeometry(point) }
        OGR_G_SetPoint_2D(point, 0, x, y)
        return OGR_G_Contains(handle, point) != 0
    }

    /// Reprojects in place.
    func transform(with transformer: CoordinateTransformer) -> Bool {
        OGR_G_Transform(handle, transformer.rawHandle) == OGRERR_NONE
    }
}
