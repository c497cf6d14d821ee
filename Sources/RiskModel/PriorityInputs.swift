import ClearcastDomain

/// Everything the risk-priority score is computed from, in the grid's projected CRS.
public struct PriorityInputs: Sendable, Equatable {
    public var grid: Grid
    public var incidents: [Incident]
    public var settlements: [Settlement]
    public var hazards: [HazardFootprint]
    /// Land-use polygons as cell lists; nil when the scenario has no land-use layer.
    public var landUse: [LandUseFeature]?
    /// The cells studied; nil = every cell of the grid.
    public var studyArea: GridMask?

    public init(grid: Grid, incidents: [Incident], settlements: [Settlement], hazards: [HazardFootprint],
                landUse: [LandUseFeature]?) {
        self.grid = grid
        self.incidents = incidents
        self.settlements = settlements
        self.hazards = hazards
        self.landUse = landUse
        self.studyArea = nil
    }
}

/// How the layers are built and combined.
public struct PriorityParameters: Sendable, Equatable {
    public var density: IncidentDensityParameters
    public var pressure: ReturnPressureParameters
    public var contamination: ContaminationWeights
    public var landValue: LandValueWeights
    public var normalization: LayerNormalization.Method
    /// The factors used and their weights; factors not listed are not built.
    public var weights: PriorityWeights

    public init(density: IncidentDensityParameters, pressure: ReturnPressureParameters,
                contamination: ContaminationWeights, landValue: LandValueWeights,
                normalization: LayerNormalization.Method, weights: PriorityWeights) {
        self.density = density
        self.pressure = pressure
        self.contamination = contamination
        self.landValue = landValue
        self.normalization = normalization
        self.weights = weights
    }
}
