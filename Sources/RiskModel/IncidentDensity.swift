import ClearcastDomain
import Foundation
import LinearAlgebra

// MARK: - IncidentDensity

/// Layer 1 of the risk score: kernel density of past incidents, weighted by severity and age.
///
/// Each incident gets the weight `w = (1 + casualtyWeight · casualties) · 0.5^(age / halfLife)`, with the
/// age in years (365.25 days) up to the reference date. Weights are binned onto the grid (matrix `H`,
/// row 0 = north) and smoothed with a truncated Gaussian of bandwidth σ as two matrix products,
/// `D = K_y · H · K_xᵀ` (see ``GaussianKernel`` for the kernel and its normalisation).
///
/// **Units**: `D` is in weighted incidents per km², evaluated at cell centres; `Σ D · cellArea_km²`
/// equals the total weight minus the share smoothed off the grid (``IncidentDensitySummary/edgeLoss``).
///
/// **Binning error**: an incident is moved to the centre of its cell, at most half a cell diagonal
/// (`h/√2`) away. For `h` well below σ this changes the density by at most about
/// `w · max|∇φ| · h/√2 = w · h / (√2 · σ · √e) · φ(0)` per incident, a few percent at σ = 20h.
///
/// ```swift
/// let grid = try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 100, columns: 2_000, rows: 2_000)
/// let model = try IncidentDensity(grid: grid, parameters: .init(bandwidth: 2_000, halfLifeYears: 5,
///                                                                 referenceDate: try CivilDate(iso: "2025-01-01")))
/// let (density, summary) = try model.surface(for: incidents)
/// ```
public struct IncidentDensity: Sendable {
    /// How the two smoothing products are computed.
    public enum Method: Sendable, Equatable {
        /// Only the non-zero band: the output is cut into tiles of `tileSize` rows and columns, and each
        /// tile is one dgemm against the kernel's band slice. 2·cells·(tileSize + 2·halfWidth) FLOPs per
        /// product. Smaller tiles do fewer FLOPs at a somewhat lower dgemm rate; on a 2000 x 2000 grid
        /// with an 80-cell half-width, 128 to 256 were the fastest.
        ///
        /// Where the binned incidents are sparse (below ~3 % of the cells in a tile's band, the usual
        /// case: 10⁵ incidents on 16 M cells), the first product `K_y · H` multiplies only the
        /// incidents (one multiply-add per incident and kernel entry, in a fixed order) instead of a
        /// dgemm over the zeros, and row tiles grow to 512 so the second product's dgemms are larger.
        /// The result equals the all-dgemm product to rounding (relative 10⁻¹², tested) and does not
        /// depend on the number of threads.
        case banded(tileSize: Int = 128)
        /// Full kernel matrices, two plain dgemms. O(cells · (rows + columns)); for tests and benchmarks.
        case dense
    }

    /// The grid the density is computed on.
    public let grid: Grid
    /// The validated parameters.
    public let parameters: IncidentDensityParameters
    /// Kernel along y (rows).
    public let kernelY: GaussianKernel
    /// Kernel along x (columns).
    public let kernelX: GaussianKernel

    /// Creates the model, validating the parameters.
    ///
    /// - Throws: ``IncidentDensityError/invalidParameter(name:value:expected:)``.
    public init(grid: Grid, parameters: IncidentDensityParameters) throws {
        try parameters.validate()
        self.grid = grid
        self.parameters = parameters
        kernelY = GaussianKernel(bandwidth: parameters.bandwidth, cellSize: grid.cellSize,
                                 truncationSigmas: parameters.truncationSigmas, maximumOffset: grid.rows - 1)
        kernelX = GaussianKernel(bandwidth: parameters.bandwidth, cellSize: grid.cellSize,
                                 truncationSigmas: parameters.truncationSigmas, maximumOffset: grid.columns - 1)
    }

    // MARK: Weights

    /// The weight of `incident`, or nil when it is dated after the reference date.
    ///
    /// - Throws: ``IncidentDensityError/invalidIncident(index:reason:)`` (index -1) for non-finite
    ///   coordinates or negative casualties.
    public func weight(of incident: Incident) throws -> Double? {
        try weight(of: incident, index: -1)
    }

    func weight(of incident: Incident, index: Int) throws -> Double? {
        guard incident.x.isFinite, incident.y.isFinite else {
            throw IncidentDensityError.invalidIncident(
                index: index, reason: "coordinates must be finite metres, found (\(incident.x), \(incident.y))")
        }
        guard incident.casualties >= 0 else {
            throw IncidentDensityError.invalidIncident(
                index: index, reason: "casualties must be >= 0, found \(incident.casualties)")
        }
        let ageDays = parameters.referenceDate - incident.date
        guard ageDays >= 0 else { return nil }
        let ageYears = Double(ageDays) / IncidentDensityParameters.daysPerYear
        let severity = 1 + parameters.casualtyWeight * Double(incident.casualties)
        return severity * pow(0.5, ageYears / parameters.halfLifeYears)
    }

    // MARK: Surface

    /// The density surface (weighted incidents per km², `grid.rows x grid.columns`) and its summary.
    ///
    /// - Throws: ``IncidentDensityError/invalidIncident(index:reason:)`` for an incident with
    ///   non-finite coordinates or negative casualties; ``LinearAlgebraError`` only on internal errors.
    /// - Complexity: O(incidents) to bin, plus the products (see ``Method``).
    public func surface(for incidents: [Incident], method: Method = .banded())
        throws -> (density: Matrix, summary: IncidentDensitySummary)
    {
        try surface(for: incidents, method: method, firstProduct: .automatic)
    }

    /// ``surface(for:method:)`` with the banded method's first product forced (for tests).
    func surface(for incidents: [Incident], method: Method, firstProduct: FirstProduct)
        throws -> (density: Matrix, summary: IncidentDensitySummary)
    {
        var bins = IncidentBins(rows: grid.rows, columns: grid.columns)
        var used = 0, afterReference = 0, outside = 0
        var totalWeight = 0.0, weightOutside = 0.0
        for (index, incident) in incidents.enumerated() {
            guard let w = try weight(of: incident, index: index) else {
                afterReference += 1
                continue
            }
            guard let cell = grid.cell(containingX: incident.x, y: incident.y) else {
                outside += 1
                weightOutside += w
                continue
            }
            bins.add(weight: w, row: cell.row, column: cell.column)
            totalWeight += w
            used += 1
        }
        bins.finish()
        let (density, flops) = try smooth(bins: bins, method: method, firstProduct: firstProduct)
        let summary = IncidentDensitySummary(
            totalWeight: totalWeight, edgeLoss: edgeLoss(bins: bins, totalWeight: totalWeight),
            incidentsUsed: used, excludedAfterReferenceDate: afterReference, excludedOutsideGrid: outside,
            weightOutsideGrid: weightOutside, flops: flops)
        return (density, summary)
    }

    /// Share of `totalWeight` in the bins whose kernel mass falls outside the grid:
    /// `1 − sᵧᵀ · H · sₓ / totalWeight`, with `s` the kernels' retained mass per cell.
    func edgeLoss(bins: IncidentBins, totalWeight: Double) -> Double {
        guard totalWeight > 0 else { return 0 }
        let inside = bins.weightedSum(rowFactors: kernelY.retainedMass(size: grid.rows),
                                      columnFactors: kernelX.retainedMass(size: grid.columns))
        return max(0, 1 - inside / totalWeight)
    }
}
