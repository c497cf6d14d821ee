import ClearcastDomain
import GeoData
import LinearAlgebra
import RiskModel

// MARK: - RiskScoringWorkload

/// The whole risk-priority score of a grid through RiskModel's orchestrator, `PriorityScorer.assess`,
/// as the CLI computes it: incident density (banded Toeplitz dgemm smoothing), return pressure (one
/// dgemm), contamination and land-value layers, percentile-rank normalisation, the weighted composite
/// (dgemv) and the ranking of the hazard areas.
///
/// Its limit is ``runProducts()``: the two layers that are matrix products, computed on their own.
///
/// ```swift
/// let w = try RiskScoringWorkload(inputs: inputs)
/// let whole = try Stopwatch.time { _ = try w.run() }
/// let products = try w.runProducts()
/// print(whole / products.seconds, products.flops / products.seconds / 1e9)
/// ```
public struct RiskScoringWorkload: Sendable {
    /// The inputs scored.
    public let inputs: SyntheticInputs
    /// What `PriorityScorer` scores.
    public let priorityInputs: PriorityInputs
    /// Layer parameters (bandwidth 2 km, half-life 5 years, 4σ truncation; decay 3 km) and weights.
    public let parameters: PriorityParameters
    /// The density model alone (for the products and the peers).
    public let density: IncidentDensity
    /// The return-pressure model alone.
    public let pressure: ReturnPressure
    /// Incident weights binned onto the grid (the input of the smoothing products).
    public let binned: Matrix
    /// The same weights as a sparse matrix (what the density model smooths).
    public let binnedSparse: SparseRowMatrix

    /// Number of layers the score combines.
    public static let layerCount = 4

    /// Prepares the models and bins the incidents.
    /// - Throws: RiskModel errors for invalid inputs (none for ``SyntheticInputs``).
    public init(inputs: SyntheticInputs) throws {
        self.inputs = inputs
        priorityInputs = PriorityInputs(grid: inputs.grid, incidents: inputs.incidents, settlements: inputs.settlements,
                                        hazards: inputs.hazards, landUse: inputs.landUse)
        let densityParameters = IncidentDensityParameters(
            bandwidth: SyntheticInputs.bandwidth, halfLifeYears: 5, truncationSigmas: 4,
            referenceDate: SyntheticInputs.referenceDate)
        let pressureParameters = ReturnPressureParameters(decayDistance: 3_000)
        parameters = PriorityParameters(
            density: densityParameters, pressure: pressureParameters, contamination: .default, landValue: .default,
            normalization: .percentileRank,
            weights: try PriorityWeights(factors: PriorityFactor.allCases, values: [0.4, 0.2, 0.3, 0.1]))
        density = try IncidentDensity(grid: inputs.grid, parameters: densityParameters)
        pressure = try ReturnPressure(grid: inputs.grid, parameters: pressureParameters)
        var h = Matrix(rows: inputs.grid.rows, columns: inputs.grid.columns)
        for incident in inputs.incidents {
            guard let w = try density.weight(of: incident),
                  let cell = inputs.grid.cell(containingX: incident.x, y: incident.y) else { continue }
            h[cell.row, cell.column] += w
        }
        binned = h
        binnedSparse = SparseRowMatrix(nonzerosOf: h)
    }

    /// Bytes of the score's layers: four `Double` values per cell.
    public var layerBytes: Double { Double(Self.layerCount * inputs.grid.cellCount * 8) }

    /// The whole score and ranking, once.
    /// - Complexity: the products (see ``IncidentDensity`` and ``ReturnPressure``) plus O(cells log cells)
    ///   for percentile-rank normalisation.
    public func run() throws -> PriorityAssessment {
        try PriorityScorer.assess(priorityInputs, parameters: parameters)
    }

    /// Only the two product layers (density surface, return-pressure surface): `(seconds, FLOPs)`,
    /// FLOPs as the layers report them.
    public func runProducts() throws -> (seconds: Double, flops: Double) {
        var flops = 0.0
        let seconds = try Stopwatch.time {
            flops += try density.surface(for: inputs.incidents).summary.flops
            flops += try pressure.surface(for: inputs.settlements).summary.flops
        }
        return (seconds, flops)
    }

    /// Only the density smoothing products on the pre-binned (sparse) weights: `(seconds, FLOPs)`.
    public func runSmoothing() throws -> (seconds: Double, flops: Double) {
        var flops = 0.0
        let seconds = try Stopwatch.time { flops = try density.smooth(sparse: binnedSparse).flops }
        return (seconds, flops)
    }

    /// Only normalisation and the composite, on the raw layers of `assessment`: seconds.
    public func runComposite(of assessment: PriorityAssessment) throws -> Double {
        try Stopwatch.time {
            _ = try CompositeScore(rawLayers: assessment.rawLayers,
                                   methods: Array(repeating: parameters.normalization, count: assessment.rawLayers.count),
                                   weights: parameters.weights.factorWeights)
        }
    }
}
