import ClearcastDomain
import RiskModel

/// One hazard area from the scenario's hazard layer: its footprint on the grid (for scoring) and
/// the attributes the clearance simulation needs.
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
}
