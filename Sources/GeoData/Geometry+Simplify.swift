import CGDAL
import ClearcastDomain

// MARK: - Simplification

extension Geometry {
    /// The geometry simplified by GDAL's `OGR_G_SimplifyPreserveTopology` (GEOS's Douglas–Peucker
    /// variant that keeps rings valid and holes inside their shells): no vertex dropped lies
    /// farther than `tolerance` (CRS units) from the simplified outline. For drawing at a scale
    /// where `tolerance` is below what the eye can tell apart (a map's fraction of a pixel).
    ///
    /// Returns the geometry unchanged when `tolerance` is not positive, or when GDAL cannot build,
    /// simplify or convert it back (the caller draws the original rather than nothing).
    ///
    /// ```swift
    /// let outline = area.simplifiedPreservingTopology(tolerance: 100)   // 100 m on a UTM map
    /// ```
    ///
    /// - Complexity: O(n log n) in the number of vertices (GEOS).
    public func simplifiedPreservingTopology(tolerance: Double) -> Geometry {
        guard tolerance > 0, tolerance.isFinite else { return self }
        GDALRuntime.ensureInitialized()
        guard let geometry = OGRGeometry(self), let simplified = OGR_G_SimplifyPreserveTopology(geometry.handle, tolerance) else {
            return self
        }
        let owned = OGRGeometry(owning: simplified)
        guard !owned.isEmpty, let result = Geometry(ogr: owned.handle) else { return self }
        return result
    }
}
