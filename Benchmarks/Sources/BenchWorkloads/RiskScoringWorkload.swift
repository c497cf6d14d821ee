import GeoData
import LinearAlgebra
import RiskModel

// MARK: - RiskScoringWorkload

/// The whole risk-priority score of a grid, composed from RiskModel's parts as the CLI does:
/// incident density (banded Toeplitz dgemm smoothing), return pressure (one dgemm), contamination and
/// land-value layers, per-layer normalisation and the weighted composite (dgemv).
///
/// ```swift
/// let w = try RiskScoringWorkload(inputs: inputs)
/// let timing = try w.run()
/// print(timing.productFLOPs / timing.productSeconds / 1e9, "GFLOP/s in the products")
/// ```
public struct RiskScoringWorkload: Sendable {
    /// The inputs scored.
    public let inputs: SyntheticInputs
    /// The density model (bandwidth 2 km, half-life 5 years, 4σ truncation).
    public let density: IncidentDensity
    /// The return-pressure model (decay distance 3 km).
    public let pressure: ReturnPressure
    /// Factor weights of the four layers.
    public let weights: FactorWeights
    /// Incident weights binned onto the grid (the input of the smoothing products).
    public let binned: Matrix

    /// Timings and counts of one whole score.
    public struct Timing: Sendable {
        /// Seconds for the whole score (all layers, normalisation, composite).
        public var totalSeconds: Double
        /// Seconds in the two layer surfaces that are matrix products (density + pressure).
        public var productSeconds: Double
        /// FLOPs of those products, as the layers report them.
        public var productFLOPs: Double
        /// Seconds in normalising, stacking and weighting the layers (`CompositeScore(rawLayers:...)`).
        public var compositeSeconds: Double
        /// Mean composite score (a checksum that keeps the work observable).
        public var meanScore: Double
    }

    /// Number of layers the score combines.
    public static let layerCount = 4

    /// Prepares the models and bins the incidents.
    /// - Throws: RiskModel errors for invalid inputs (none for ``SyntheticInputs``).
    public init(inputs: SyntheticInputs) throws {
        self.inputs = inputs
        density = try IncidentDensity(grid: inputs.grid, parameters: .init(
            bandwidth: SyntheticInputs.bandwidth, halfLifeYears: 5, truncationSigmas: 4,
            referenceDate: SyntheticInputs.referenceDate))
        pressure = try ReturnPressure(grid: inputs.grid, parameters: .init(decayDistance: 3_000))
        weights = try FactorWeights(names: ["incidents", "returns", "contamination", "landValue"],
                                    values: [0.4, 0.2, 0.3, 0.1])
        var h = Matrix(rows: inputs.grid.rows, columns: inputs.grid.columns)
        for incident in inputs.incidents {
            guard let w = try density.weight(of: incident),
                  let cell = inputs.grid.cell(containingX: incident.x, y: incident.y) else { continue }
            h[cell.row, cell.column] += w
        }
        binned = h
    }

    /// Bytes of the score's layers: four `Double` values per cell.
    public var layerBytes: Double { Double(Self.layerCount * inputs.grid.cellCount * 8) }

    /// Computes the whole score once.
    /// - Complexity: the products (see ``IncidentDensity`` and ``ReturnPressure``) plus O(cells log cells)
    ///   for percentile-rank normalisation.
    public func run() throws -> Timing {
        var productSeconds = 0.0
        var flops = 0.0
        var total = 0.0
        var mean = 0.0
        var compositeSeconds = 0.0
        total = try Stopwatch.time {
            var densitySurface = Matrix(rows: 0, columns: 0)
            productSeconds += try Stopwatch.time {
                let (d, summary) = try density.surface(for: inputs.incidents)
                densitySurface = d
                flops += summary.flops
            }
            var pressureSurface = Matrix(rows: 0, columns: 0)
            productSeconds += try Stopwatch.time {
                let (p, summary) = try pressure.surface(for: inputs.settlements)
                pressureSurface = p
                flops += summary.flops
            }
            let cells = inputs.grid.cellCount
            let contamination = try ContaminationLayer.build(footprints: inputs.hazards, cellCount: cells)
            let landValue = try LandValueLayer.build(features: inputs.landUse, cellCount: cells)
            var composite: CompositeScore?
            compositeSeconds = try Stopwatch.time {
                composite = try CompositeScore(
                    rawLayers: [densitySurface.elements, pressureSurface.elements, contamination, landValue],
                    methods: [.percentileRank, .percentileRank, .maxScaling, .maxScaling], weights: weights)
            }
            guard let composite else { return }
            mean = composite.scores.reduce(0, +) / Double(max(1, cells))
        }
        return Timing(totalSeconds: total, productSeconds: productSeconds, productFLOPs: flops,
                      compositeSeconds: compositeSeconds, meanScore: mean)
    }

    /// Only the density smoothing products on the pre-binned weights: `(seconds, FLOPs)`.
    public func runSmoothing() throws -> (seconds: Double, flops: Double) {
        var flops = 0.0
        let seconds = try Stopwatch.time { flops = try density.smooth(binned: binned).flops }
        return (seconds, flops)
    }
}
