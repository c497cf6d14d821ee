import _TestSupport
import ClearcastDomain
import EventSimulation
import Foundation
import LinearAlgebra
import RiskModel
import Testing

// MARK: - Helpers (file-private: other RiskModel test files live in the same target)

/// P[r, c] = Σ_s p_s r_s exp(−|cell centre − s|² / (2σ²)), one cell at a time.
private func directPressure(_ settlements: [Settlement], grid: Grid, sigma: Double) -> Matrix {
    Matrix(rows: grid.rows, columns: grid.columns) { r, c in
        let (x, y) = grid.cellCenter(row: r, column: c)
        return settlements.reduce(0) { sum, s in
            let d2 = (x - s.x) * (x - s.x) + (y - s.y) * (y - s.y)
            return sum + s.displaced * s.returnShare * exp(-d2 / (2 * sigma * sigma))
        }
    }
}

// MARK: - Tests

@Suite("Return pressure")
struct ReturnPressureTests {
    let grid: Grid

    init() throws {
        grid = try Grid(epsg: 32638, minX: 500_000, minY: 4_400_000, cellSize: 250, columns: 31, rows: 26)
    }

    @Test(arguments: [1, 7, 40])
    func matchesDirectSum(settlementCount: Int) throws {
        var rng = SeededGenerator(state: UInt64(settlementCount))
        // Some settlements lie up to 3 km outside the grid.
        let settlements = (0..<settlementCount).map { i in
            Settlement(name: "s\(i)",
                       x: Double.random(in: (grid.minX - 3000)...(grid.maxX + 3000), using: &rng),
                       y: Double.random(in: (grid.minY - 3000)...(grid.maxY + 3000), using: &rng),
                       displaced: Double.random(in: 0...5000, using: &rng).rounded(),
                       returnShare: Double.random(in: 0...1, using: &rng))
        }
        let sigma = 1_200.0
        let (pressure, summary) = try ReturnPressure(grid: grid, parameters: .init(decayDistance: sigma))
            .surface(for: settlements)
        let reference = directPressure(settlements, grid: grid, sigma: sigma)
        for (p, r) in zip(pressure.elements, reference.elements) {
            #expect(abs(p - r) <= 1e-12 * r + 1e-280, "pressure \(p) vs direct sum \(r)")
        }
        #expect(summary.settlementsUsed == settlementCount)
        #expect(summary.flops == 2 * 26 * 31 * Double(settlementCount))
        let expected = settlements.reduce(0) { $0 + $1.displaced * $1.returnShare }
        #expect(abs(summary.totalExpectedReturnees - expected) <= 1e-12 * expected)
        let outside = settlements.filter { $0.x < grid.minX || $0.x >= grid.maxX || $0.y <= grid.minY || $0.y > grid.maxY }
        #expect(summary.settlementsOutsideGrid == outside.count)
    }

    @Test func singleSettlementDecay() throws {
        let (x, y) = grid.cellCenter(row: 10, column: 10)
        let s = Settlement(name: "Kani Masi", x: x, y: y, displaced: 1000, returnShare: 0.5)
        let (p, _) = try ReturnPressure(grid: grid, parameters: .init(decayDistance: 500)).surface(for: [s])
        #expect(abs(p[10, 10] - 500) < 1e-12)
        // Two cells east = 500 m = σ: e^{−1/2}; two cells north as well.
        #expect(abs(p[10, 12] - 500 * exp(-0.5)) < 1e-12)
        #expect(abs(p[8, 10] - 500 * exp(-0.5)) < 1e-12)
        // Diagonal (σ, σ): e^{−1}.
        #expect(abs(p[8, 12] - 500 * exp(-1)) < 1e-12)
    }

    @Test func settlementOutsideGridStillContributes() throws {
        let s = Settlement(name: "across the border", x: grid.minX - 500, y: grid.rowCenterY(5), displaced: 800, returnShare: 1)
        let (p, summary) = try ReturnPressure(grid: grid, parameters: .init(decayDistance: 1000)).surface(for: [s])
        #expect(summary.settlementsOutsideGrid == 1)
        // Column 0 centre is 625 m from the settlement.
        #expect(abs(p[5, 0] - 800 * exp(-625.0 * 625 / 2e6)) < 1e-12)
    }

    @Test func noSettlementsGivesZeros() throws {
        let (p, summary) = try ReturnPressure(grid: grid, parameters: .init(decayDistance: 1000)).surface(for: [])
        #expect(p.rows == grid.rows && p.columns == grid.columns)
        #expect(p.elements.allSatisfy { $0 == 0 })
        #expect(summary.settlementsUsed == 0)
    }

    @Test func invalidInputThrows() throws {
        for sigma in [0.0, -5, .nan, .infinity] {
            #expect(throws: ReturnPressureError.self) {
                try ReturnPressure(grid: grid, parameters: .init(decayDistance: sigma))
            }
        }
        let model = try ReturnPressure(grid: grid, parameters: .init(decayDistance: 1000))
        for bad in [
            Settlement(name: "a", x: .nan, y: 0, displaced: 1, returnShare: 0.5),
            Settlement(name: "b", x: 0, y: 0, displaced: -1, returnShare: 0.5),
            Settlement(name: "c", x: 0, y: 0, displaced: .infinity, returnShare: 0.5),
            Settlement(name: "d", x: 0, y: 0, displaced: 10, returnShare: 1.5),
            Settlement(name: "e", x: 0, y: 0, displaced: 10, returnShare: .nan),
        ] {
            #expect(throws: ReturnPressureError.self) { try model.surface(for: [bad]) }
        }
    }
}
