import GeoData

/// Everything the risk-priority score is computed from, in the grid's projected CRS.
public struct PriorityInputs: Sendable {
    public var grid: Grid
    public var incidents: [Incident]
    public var settlements: [Settlement]
    public var hazards: [HazardFootprint]
    /// Land-use polygons as cell lists; nil when the scenario has no land-use layer.
    public var landUse: [LandUseFeature]?

    public init(grid: Grid, incidents: [Incident], settlements: [Settlement], hazards: [HazardFootprint],
                landUse: [LandUseFeature]?) {
        self.grid = grid
        self.incidents = incidents
        self.settlements = settlements
        self.hazards = hazards
        self.landUse = landUse
    }
}

/// How the layers are built and combined.
public struct PriorityParameters: Sendable {
    public var density: IncidentDensityParameters
    public var pressure: ReturnPressureParameters
    public var contamination: ContaminationWeights
    public var landValue: LandValueWeights
    public var normalization: LayerNormalization.Method
    /// Factor weights by name (`PriorityFactor` raw values); factors not named are not used.
    public var weights: FactorWeights

    public init(density: IncidentDensityParameters, pressure: ReturnPressureParameters,
                contamination: ContaminationWeights, landValue: LandValueWeights,
                normalization: LayerNormalization.Method, weights: FactorWeights) {
        self.density = density
        self.pressure = pressure
        self.contamination = contamination
        self.landValue = landValue
        self.normalization = normalization
        self.weights = weights
    }
}

/// The factors of the composite score, by the names scenario files and results use.
public enum PriorityFactor: String, CaseIterable, Sendable {
    case incidents
    case returnPressure = "return_pressure"
    case contamination
    case landValue = "land_value"

    /// Units of the raw layer, for reports.
    public var units: String {
        switch self {
        case .incidents: "weighted incidents per km²"
        case .returnPressure: "expected returnees, distance-weighted"
        case .contamination: "contamination weight (type × status)"
        case .landValue: "land-use weight"
        }
    }
}
