import ClearcastDomain
import GeoData
import RiskModel

/// One hazard area from the scenario's hazard layer: its footprint on the grid (for scoring), the
/// attributes the clearance simulation needs, and its polygon (for GIS output).
///
/// The polygon is kept so that GIS export writes the hazard areas from the loaded scenario instead
/// of reading the layer file a second time (the file may have changed or gone since, and the export
/// would then disagree with the run). Only the geometry and the feature id are kept of the feature:
/// the other attributes GIS export writes (id, name, type, status, region) are the checked values
/// in ``footprint`` and ``region``, and the rest of the file's attributes are dropped after loading.
///
/// Equality compares every stored property, the polygon included. The score cache does not depend
/// on it: it compares ``ScenarioLayers/priorityInputs(incidents:)``, which holds only footprints.
public struct ScenarioHazard: Sendable, Equatable {
    public var footprint: HazardFootprint
    /// Estimated contamination density (the layer's `density`, medium when absent).
    public var density: DensityClass
    /// open, vegetated, mountain or urban.
    public var terrain: String
    /// Region (district) name; "" when the layer has none.
    public var region: String
    /// Centre of the polygon's bounding box in grid CRS metres (used for travel distances).
    public var centerX: Double
    public var centerY: Double
    /// The polygon or multipolygon in the grid CRS, as read and reprojected.
    public var geometry: Geometry
    /// The feature's id in the layer file (GeoPackage or Shapefile id, or GDAL's sequence number), so
    /// exported layers number their features as the source did.
    public var featureID: Int
    /// Evidence strength (the layer's optional `evidence`: strong, moderate, weak), nil when absent.
    public var evidence: EvidenceStrength? = nil
    /// Date of the last survey (the layer's optional `last_survey`: a date or a year), nil when absent.
    public var lastSurvey: CivilDate? = nil
}
