import _TestSupport
import ClearcastDomain
import Testing
@testable import RiskModel

@Suite("Evidence within a radius, and the evidence feature table")
struct RingCountsTests {
    /// Brute force: summed weight of the points with dx² + dy² ≤ r² of each centre.
    func bruteForce(grid: Grid, points: [(x: Double, y: Double, weight: Double)], radius: Double) -> [Double] {
        var result: [Double] = []
        for row in 0..<grid.rows {
            for column in 0..<grid.columns {
                let c = grid.cellCenter(row: row, column: column)
                var sum = 0.0
                for p in points {
                    let dx = c.x - p.x, dy = c.y - p.y
                    if dx * dx + dy * dy <= radius * radius { sum += p.weight }
                }
                result.append(sum)
            }
        }
        return result
    }

    @Test func handCountedDisc() throws {
        // 5 × 5 cells of 10 m; a point on the centre of the middle cell (25, 25), radius 10: the
        // cell itself and its 4 edge neighbours (diagonals are 14.1 m away).
        let grid = try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 10, columns: 5, rows: 5)
        let rings = try RingCounts.counts(grid: grid, points: [(x: 25, y: 25, weight: 1)], radii: [10, 15])
        #expect(rings[0].reduce(0, +) == 5)
        #expect(rings[0][12] == 1 && rings[0][7] == 1 && rings[0][6] == 0)
        #expect(rings[1].reduce(0, +) == 9)
    }

    @Test(arguments: [(1, 1), (1, 23), (23, 1), (19, 37)])
    func matchesBruteForce(shape: (Int, Int)) throws {
        var rng = SeededGenerator(seed: UInt64(shape.0 * 31 + shape.1))
        let grid = try Grid(epsg: 32638, minX: 600_000, minY: 4_100_000, cellSize: 20, columns: shape.1, rows: shape.0)
        let radii = [5.0, 20, 28.284271247461902, 73.5, 1_000]
        for count in [0, 1, 30, 300] {
            let w = grid.maxX - grid.minX, h = grid.maxY - grid.minY
            let points = (0..<count).map { i -> (x: Double, y: Double, weight: Double) in
                // Some points exactly on cell centres, so radii equal to centre spacings hit the boundary.
                if i % 3 == 0 {
                    let c = grid.cellCenter(row: Int.random(in: 0..<grid.rows, using: &rng), column: Int.random(in: 0..<grid.columns, using: &rng))
                    return (c.x, c.y, 1)
                }
                return (Double.random(in: grid.minX - w...grid.maxX + w, using: &rng),
                        Double.random(in: grid.minY - h...grid.maxY + h, using: &rng), 1)
            }
            let counts = try RingCounts.counts(grid: grid, points: points, radii: radii)
            for (radius, got) in zip(radii, counts) {
                #expect(got == bruteForce(grid: grid, points: points, radius: radius), "radius \(radius), \(count) points")
            }
            let weighted = points.map { (x: $0.x, y: $0.y, weight: Double.random(in: 0...3, using: &rng)) }
            for (radius, got) in zip(radii, try RingCounts.counts(grid: grid, points: weighted, radii: radii)) {
                #expect(isApproximatelyEqual(got, bruteForce(grid: grid, points: weighted, radius: radius), relative: 1e-9, absolute: 1e-9))
            }
        }
    }

    @Test func badRadiiAndPointsAreRefused() throws {
        let grid = try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 10, columns: 5, rows: 5)
        #expect(throws: EvidenceFeatureError.invalidRadius(-5)) { try RingCounts.counts(grid: grid, points: [], radii: [-5]) }
        #expect(throws: EvidenceFeatureError.invalidRadius(.infinity)) { try RingCounts.counts(grid: grid, points: [], radii: [.infinity]) }
        #expect(throws: EvidenceFeatureError.self) { try RingCounts.counts(grid: grid, points: [(x: 1, y: 1, weight: -1)], radii: [5]) }
        // Far-away finite points neither trap nor count.
        let far = try RingCounts.counts(grid: grid, points: [(x: 1e300, y: -1e300, weight: 1)], radii: [1e6])
        #expect(far[0].allSatisfy { $0 == 0 })
    }

    @Test func featureTableNamesAndColumns() throws {
        let grid = try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 100, columns: 8, rows: 6)
        let incidents = [EvidencePoint(x: 150, y: 250), EvidencePoint(x: 720, y: 90, weight: 2)]
        let finds = try EvidenceKind("uxo_finds")
        let table = try EvidenceFeatureTable(grid: grid, evidence: [(.incidents, incidents), (finds, [])],
                                             radii: [150, 2.5], distanceCap: 5_000)
        #expect(table.columnNames == ["distance_to_incidents", "count_within_150m_incidents", "count_within_2p5m_incidents",
                                      "distance_to_uxo_finds", "count_within_150m_uxo_finds", "count_within_2p5m_uxo_finds"])
        let points = incidents.map { (x: $0.x, y: $0.y) }
        #expect(table.column(for: .distance(to: .incidents)) == (try DistanceTransform.distances(grid: grid, points: points)))
        #expect(table.column(for: .count(within: 150, of: .incidents))
                == bruteForce(grid: grid, points: incidents.map { (x: $0.x, y: $0.y, weight: $0.weight) }, radius: 150))
        #expect(table.column(for: .distance(to: finds))?.allSatisfy { $0 == 5_000 } == true)
        #expect(table.column(for: .count(within: 150, of: finds))?.allSatisfy { $0 == 0 } == true)
        #expect(table.column(for: .distance(to: .deminingFinds)) == nil)
    }

    @Test func featureTableRefusesBadInput() throws {
        let grid = try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 100, columns: 3, rows: 3)
        #expect(throws: EvidenceFeatureError.invalidKindName("Incidents")) { try EvidenceKind("Incidents") }
        #expect(throws: EvidenceFeatureError.invalidKindName("")) { try EvidenceKind("") }
        #expect(throws: EvidenceFeatureError.duplicateKind("incidents")) {
            try EvidenceFeatureTable(grid: grid, evidence: [(.incidents, []), (.incidents, [])], radii: [])
        }
        #expect(throws: EvidenceFeatureError.duplicateRadius(100)) {
            try EvidenceFeatureTable(grid: grid, evidence: [(.incidents, [])], radii: [100, 100])
        }
        #expect(throws: EvidenceFeatureError.invalidDistanceCap(0)) {
            try EvidenceFeatureTable(grid: grid, evidence: [], radii: [], distanceCap: 0)
        }
        #expect(throws: EvidenceFeatureError.self) {
            try EvidenceFeatureTable(grid: grid, evidence: [(.confirmedHazards, [EvidencePoint(x: .infinity, y: 0)])], radii: [])
        }
    }
}
