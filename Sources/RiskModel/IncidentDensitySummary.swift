// MARK: - IncidentDensitySummary

/// Book-keeping of one incident density computation.
///
/// ```swift
/// let (density, summary) = try model.surface(for: incidents)
/// print("\(summary.incidentsUsed) incidents, \(summary.edgeLoss * 100)% of their weight smoothed off the grid")
/// ```
public struct IncidentDensitySummary: Sendable, Equatable {
    /// Sum of the weights of the incidents binned onto the grid.
    public var totalWeight: Double
    /// Share of `totalWeight` whose kernel falls outside the grid: `1 − Σ D · cellArea_km² / totalWeight`
    /// (0 when nothing was binned; tiny negative rounding is reported as 0).
    public var edgeLoss: Double
    /// Incidents binned onto the grid.
    public var incidentsUsed: Int
    /// Incidents dated after the reference date (excluded).
    public var excludedAfterReferenceDate: Int
    /// Incidents outside the grid (excluded; their kernels are not added even where they would reach in).
    public var excludedOutsideGrid: Int
    /// Weight of the incidents outside the grid.
    public var weightOutsideGrid: Double
    /// Floating-point operations of the matrix products performed (2·m·n·k per dgemm).
    public var flops: Double

    /// Creates a summary.
    public init(totalWeight: Double, edgeLoss: Double, incidentsUsed: Int, excludedAfterReferenceDate: Int,
                excludedOutsideGrid: Int, weightOutsideGrid: Double, flops: Double) {
        self.totalWeight = totalWeight
        self.edgeLoss = edgeLoss
        self.incidentsUsed = incidentsUsed
        self.excludedAfterReferenceDate = excludedAfterReferenceDate
        self.excludedOutsideGrid = excludedOutsideGrid
        self.weightOutsideGrid = weightOutsideGrid
        self.flops = flops
    }
}
