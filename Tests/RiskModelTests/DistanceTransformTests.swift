import _TestSupport
import ClearcastDomain
import Testing
@testable import RiskModel

@Suite("Exact Euclidean distance transform")
struct DistanceTransformTests {
    /// Brute force: metres from each centre to the nearest source cell centre.
    func bruteForce(rows: Int, columns: Int, cellSize: Double, sources: [Int]) -> [Double] {
        (0..<rows * columns).map { cell in
            var best = Double.infinity
            for s in sources {
                let dr = Double(cell / columns - s / columns), dc = Double(cell % columns - s % columns)
                best = min(best, (dr * dr + dc * dc).squareRoot() * cellSize)
            }
            return best
        }
    }

    @Test func handComputedSmallGrid() throws {
        let d = try DistanceTransform.distances(rows: 3, columns: 4, cellSize: 100, sourceCells: [0])
        #expect(d[0] == 0)
        #expect(d[1] == 100)
        #expect(d[5] == 100 * 2.0.squareRoot())
        #expect(d[11] == 100 * 13.0.squareRoot())
    }

    @Test(arguments: [(1, 1), (1, 9), (9, 1), (7, 13), (13, 7), (40, 25)])
    func matchesBruteForceExactly(shape: (Int, Int)) throws {
        var rng = SeededGenerator(seed: UInt64(shape.0 * 1000 + shape.1))
        let (rows, columns) = shape
        for density in [0.0, 0.01, 0.1, 0.5, 1.0] {
            let sources = (0..<rows * columns).filter { _ in Double.random(in: 0..<1, using: &rng) < density }
            let got = try DistanceTransform.distances(rows: rows, columns: columns, cellSize: 25, sourceCells: sources)
            #expect(got == bruteForce(rows: rows, columns: columns, cellSize: 25, sources: sources))
        }
        // A single source anywhere, and repeated sources.
        let one = Int.random(in: 0..<rows * columns, using: &rng)
        #expect(try DistanceTransform.distances(rows: rows, columns: columns, cellSize: 3, sourceCells: [one, one])
                == bruteForce(rows: rows, columns: columns, cellSize: 3, sources: [one]))
    }

    @Test func emptySourcesGiveInfinity() throws {
        let d = try DistanceTransform.distances(rows: 4, columns: 5, cellSize: 10, sourceCells: [])
        #expect(d.count == 20 && d.allSatisfy { $0 == .infinity })
        let grid = try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 10, columns: 5, rows: 4)
        #expect(try DistanceTransform.distances(grid: grid, points: []).allSatisfy { $0 == .infinity })
    }

    @Test func badInputIsRefused() {
        #expect(throws: RiskModelError.cellIndexOutOfRange(context: "distance-transform source", index: 12, cellCount: 12)) {
            try DistanceTransform.distances(rows: 3, columns: 4, cellSize: 1, sourceCells: [12])
        }
        #expect(throws: RiskModelError.self) { try DistanceTransform.distances(rows: 0, columns: 4, cellSize: 1, sourceCells: []) }
        let grid = try! Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 10, columns: 5, rows: 4)
        #expect(throws: EvidenceFeatureError.self) { try DistanceTransform.distances(grid: grid, points: [(x: .nan, y: 0)]) }
    }

    /// Brute force: metres from each centre to the nearest point.
    func bruteForce(grid: Grid, points: [(x: Double, y: Double)]) -> [Double] {
        var result: [Double] = []
        for row in 0..<grid.rows {
            for column in 0..<grid.columns {
                let c = grid.cellCenter(row: row, column: column)
                result.append(points.reduce(Double.infinity) { best, p in
                    let dx = c.x - p.x, dy = c.y - p.y
                    return min(best, (dx * dx + dy * dy).squareRoot())
                })
            }
        }
        return result
    }

    @Test func handComputedPoints() throws {
        let grid = try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 10, columns: 3, rows: 1)
        #expect(try DistanceTransform.distances(grid: grid, points: [(x: 2, y: 5)]) == [3, 13, 23])
        // Two points: each centre takes the nearer.
        #expect(try DistanceTransform.distances(grid: grid, points: [(x: 2, y: 5), (x: 29, y: 5)]) == [3, 13, 4])
    }

    @Test(arguments: [(1, 1), (1, 17), (17, 1), (12, 31), (31, 12)])
    func pointsMatchBruteForce(shape: (Int, Int)) throws {
        var rng = SeededGenerator(seed: UInt64(shape.0 * 7919 + shape.1))
        let grid = try Grid(epsg: 32638, minX: 500_000, minY: 4_400_000, cellSize: 30, columns: shape.1, rows: shape.0)
        for count in [1, 2, 5, 40, 400] {
            for spread in [0.0, 0.5, 3.0] {  // inside the grid, and up to 3 grid widths around it
                let points = (0..<count).map { _ -> (x: Double, y: Double) in
                    let w = grid.maxX - grid.minX, h = grid.maxY - grid.minY
                    return (Double.random(in: grid.minX - spread * w...grid.maxX + spread * w, using: &rng),
                            Double.random(in: grid.minY - spread * h...grid.maxY + spread * h, using: &rng))
                }
                let got = try DistanceTransform.distances(grid: grid, points: points)
                let want = bruteForce(grid: grid, points: points)
                #expect(isApproximatelyEqual(got, want, relative: 1e-9), "\(count) points, spread \(spread)")
            }
        }
    }

    @Test func pointsOnCellCentresMatchTheCellTransform() throws {
        var rng = SeededGenerator(seed: 5)
        let grid = try Grid(epsg: 32638, minX: 1_000, minY: 2_000, cellSize: 50, columns: 23, rows: 17)
        let cells = (0..<30).map { _ in Int.random(in: 0..<grid.cellCount, using: &rng) }
        let points = cells.map { grid.cellCenter(row: $0 / grid.columns, column: $0 % grid.columns) }
        let byCells = try DistanceTransform.distances(rows: grid.rows, columns: grid.columns, cellSize: 50, sourceCells: cells)
        let byPoints = try DistanceTransform.distances(grid: grid, points: points)
        #expect(isApproximatelyEqual(byPoints, byCells, relative: 1e-12))
    }

    @Test func lowerEnvelopeKeepsTheLowestOfEqualVertices() {
        var envelope = LowerEnvelope(capacity: 4)
        envelope.add(vertex: 1, offset: 9, label: 0)
        envelope.add(vertex: 1, offset: 4, label: 1)
        envelope.add(vertex: 1, offset: 5, label: 2)
        var labels: [Int] = []
        envelope.lowest(at: [0.0, 1, 5], position: { $0 }) { _, label in labels.append(label) }
        #expect(labels == [1, 1, 1])
    }
}
