/// One feature of a vector layer: its id, geometry and attributes.
///
/// ```swift
/// let f = VectorFeature(fid: 1, geometry: .point(x: 649_905, y: 4_402_584),
///                       attributes: ["name": .string("Shusha")])
/// ```
public struct VectorFeature: Hashable, Sendable {
    /// Feature id as reported by the driver (GeoPackage/Shapefile ids, or GDAL's sequence number).
    public var fid: Int
    public var geometry: Geometry
    /// Attribute values by field name; every field of the layer is present (unset fields are `.null`).
    public var attributes: [String: AttributeValue]

    public init(fid: Int, geometry: Geometry, attributes: [String: AttributeValue] = [:]) {
        self.fid = fid
        self.geometry = geometry
        self.attributes = attributes
    }
}
