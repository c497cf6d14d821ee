import ClearcastDomain
import Testing
@testable import GeoData

/// Issue 8: grid construction throws on extreme inputs instead of trapping in `Int(_:)` or `rows * columns`.
@Suite("Grid construction at the extremes")
struct GridRobustnessTests {
    @Test(arguments: [
        (0.0, 0.0, Double.infinity, 1.0, 1.0),           // Int(inf) used to trap
        (0.0, 0.0, 1.0, Double.nan, 1.0),                // NaN box
        (-1e308, -1e308, 1e308, 1e308, 1.0),              // finite box, infinite width
        (0.0, 0.0, 1e300, 1e300, 1e-300),                 // infinite cells per axis
        (0.0, 0.0, 1e9, 1e9, 1e-3),                       // 10^12 per axis fits Int, 10^24 cells does not
    ])
    func extremeBoxesThrow(_ box: (Double, Double, Double, Double, Double)) {
        #expect(throws: Grid.InvalidGrid.self) {
            try Grid(epsg: 32638, minX: box.0, minY: box.1, maxX: box.2, maxY: box.3, cellSize: box.4)
        }
    }

    @Test func overflowingRowsTimesColumnsThrows() {
        #expect(throws: Grid.InvalidGrid.self) {
            try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 1, columns: Int.max / 2, rows: 3)
        }
    }

    /// Large but indexable grids are still accepted, with the counts a naive division gives.
    @Test func largeValidGridKeepsItsCounts() throws {
        let grid = try Grid(epsg: 32638, minX: 0, minY: 0, maxX: 1e6, maxY: 5e5, cellSize: 0.5)
        #expect(grid.columns == 2_000_000 && grid.rows == 1_000_000)
        #expect(grid.cellCount == 2_000_000_000_000)
        let odd = try Grid(epsg: 32638, minX: 10, minY: 20, maxX: 10.5, maxY: 21, cellSize: 0.3)
        #expect(odd.columns == 2 && odd.rows == 4)
    }
}
