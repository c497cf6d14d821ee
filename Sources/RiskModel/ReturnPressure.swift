import ClearcastDomain
import Foundation
import LinearAlgebra

// MARK: - ReturnPressure

/// Layer 2 of the risk score: where returning residents will put pressure on contaminated land.
///
/// `P = G_y · diag(p_s · r_s) · G_xᵀ`, where `G_y[r, s] = exp(−(y_r − y_s)² / (2σ²))` (rows x S) and
/// `G_x[c, s] = exp(−(x_c − x_s)² / (2σ²))` (columns x S) are Gaussian distance-decay factors at cell
/// centres, `p_s` the displaced population and `r_s` the return share. So
/// `P[r, c] = Σ_s p_s · r_s · exp(−d_s(r, c)² / (2σ²))`: the columns of `G_y` are scaled by `p_s · r_s`
/// and one dgemm handles all settlements at once.
///
/// **Units**: people expected back, weighted by distance decay (not a density): a cell at a
/// settlement with 500 expected returnees and no other settlement nearby has pressure ≈ 500, falling
/// to ≈ 303 at σ and ≈ 68 at 2σ. Factors beyond 37σ (below 1e-297) are set to exactly zero to keep
/// denormals out of BLAS.
///
/// **Settlements outside the grid still contribute**: their decay reaches into the grid, which is what
/// planners expect near a border of the area of interest; ``ReturnPressureSummary/settlementsOutsideGrid``
/// counts them.
///
/// ```swift
/// let model = try ReturnPressure(grid: grid, parameters: .init(decayDistance: 3_000))
/// let (pressure, summary) = try model.surface(for: settlements)
/// ```
public struct ReturnPressure: Sendable {
    /// The grid the pressure is computed on.
    public let grid: Grid
    /// The validated parameters.
    public let parameters: ReturnPressureParameters

    /// Creates the model, validating the parameters.
    ///
    /// - Throws: ``ReturnPressureError/invalidParameter(name:value:expected:)``.
    public init(grid: Grid, parameters: ReturnPressureParameters) throws {
        try parameters.validate()
        self.grid = grid
        self.parameters = parameters
    }

    /// The pressure surface (`grid.rows x grid.columns`) and its summary.
    ///
    /// - Throws: ``ReturnPressureError/invalidSettlement(index:name:reason:)`` for non-finite
    ///   coordinates, a negative or non-finite displaced population, or a return share outside [0, 1].
    /// - Complexity: O((rows + columns) · S) to build the factors, 2 · rows · columns · S FLOPs for the product.
    public func surface(for settlements: [Settlement]) throws -> (pressure: Matrix, summary: ReturnPressureSummary) {
        var outside = 0
        var total = 0.0
        for (index, s) in settlements.enumerated() {
            try validate(s, index: index)
            if grid.cell(containingX: s.x, y: s.y) == nil { outside += 1 }
            total += s.expectedReturnees
        }
        let (rows, columns, count) = (grid.rows, grid.columns, settlements.count)
        guard count > 0 else {
            let summary = ReturnPressureSummary(settlementsUsed: 0, settlementsOutsideGrid: 0,
                                                totalExpectedReturnees: 0, flops: 0)
            return (Matrix(rows: rows, columns: columns, repeating: 0), summary)
        }
        var gy = decayFactors(centres: (0..<rows).map(grid.rowCenterY), at: settlements.map(\.y))
        let gx = decayFactors(centres: (0..<columns).map(grid.columnCenterX), at: settlements.map(\.x))
        try gy.scaleColumns(by: settlements.map(\.expectedReturnees))
        let pressure = try Matrix.multiply(gy, gx, transposeB: true)
        let summary = ReturnPressureSummary(
            settlementsUsed: count, settlementsOutsideGrid: outside, totalExpectedReturnees: total,
            flops: 2 * Double(rows) * Double(columns) * Double(count))
        return (pressure, summary)
    }

    // MARK: Helpers

    /// `G[i, s] = exp(−(centres[i] − positions[s])² / (2σ²))`, exactly 0 beyond 37σ.
    private func decayFactors(centres: [Double], at positions: [Double]) -> Matrix {
        let sigma = parameters.decayDistance
        let cutoff = GaussianKernel.maximumTruncationSigmas * sigma
        let twoSigmaSquared = 2 * sigma * sigma
        // Millions of exponentials at national scale: computed on all cores (each entry by one call).
        return Matrix.computedConcurrently(rows: centres.count, columns: positions.count) { i, s in
            let d = centres[i] - positions[s]
            return abs(d) > cutoff ? 0 : exp(-d * d / twoSigmaSquared)
        }
    }

    private func validate(_ s: Settlement, index: Int) throws {
        guard s.x.isFinite, s.y.isFinite else {
            throw ReturnPressureError.invalidSettlement(
                index: index, name: s.name, reason: "coordinates must be finite metres, found (\(s.x), \(s.y))")
        }
        guard s.displaced.isFinite, s.displaced >= 0 else {
            throw ReturnPressureError.invalidSettlement(
                index: index, name: s.name, reason: "displaced population must be a finite number >= 0, found \(s.displaced)")
        }
        guard s.returnShare >= 0, s.returnShare <= 1 else {
            throw ReturnPressureError.invalidSettlement(
                index: index, name: s.name, reason: "return share must be in [0, 1], found \(s.returnShare)")
        }
    }
}
