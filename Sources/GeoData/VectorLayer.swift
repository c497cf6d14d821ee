/// A vector layer read from a file and reprojected to a target CRS.
///
/// Produced by ``readVectorLayer(at:targetEPSG:sourceEPSGIfMissing:layerName:)``.
///
/// ```swift
/// let layer = try readVectorLayer(at: "incidents.csv", targetEPSG: 32638)
/// layer.features.count; layer.sourceEPSG   // e.g. 4326
/// ```
public struct VectorLayer: Sendable {
    /// The file the layer was read from.
    public var path: String
    /// The layer's name inside the file.
    public var name: String
    /// Name of the CRS the file was in (or the fallback used when it had none).
    public var sourceCRSName: String?
    /// EPSG code of the source CRS, when it has or PROJ can identify one.
    public var sourceEPSG: Int?
    /// WKT of the source CRS (e.g. for ``CoordinateTransformer/init(fromWKT:toEPSG:)``).
    public var sourceCRSWKT: String?
    /// Whether the source CRS came from `sourceEPSGIfMissing` or the CSV default rather than the file.
    public var sourceCRSWasAssumed: Bool
    /// EPSG code every geometry was reprojected to.
    public var targetEPSG: Int
    /// The attribute fields, in file order.
    public var fields: [FieldDefinition]
    /// The features, in file order.
    public var features: [VectorFeature]

    public init(path: String, name: String, sourceCRSName: String?, sourceEPSG: Int?, sourceCRSWKT: String?,
                sourceCRSWasAssumed: Bool, targetEPSG: Int, fields: [FieldDefinition], features: [VectorFeature]) {
        self.path = path
        self.name = name
        self.sourceCRSName = sourceCRSName
        self.sourceEPSG = sourceEPSG
        self.sourceCRSWKT = sourceCRSWKT
        self.sourceCRSWasAssumed = sourceCRSWasAssumed
        self.targetEPSG = targetEPSG
        self.fields = fields
        self.features = features
    }
}
