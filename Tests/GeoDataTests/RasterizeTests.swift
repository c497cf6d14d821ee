import _TestSupport
import ClearcastDomain
import Foundation
import Testing
@testable import GeoData

@Suite("Rasterizing polygons on a grid")
struct RasterizeTests {
    /// 10 × 10 cells of 10 m covering [0, 100]²; row 0 is the north row (y ∈ (90, 100]).
    let grid: Grid

    init() throws {
        grid = try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 10, columns: 10, rows: 10)
    }

    @Test func cellAlignedRectangles() throws {
        // South-west 2 × 2 block: rows 8–9, columns 0–1.
        let sw = try grid.rasterize(.polygon([rectangle(0, 0, 20, 20)]))
        #expect(sw.cellIndices == [80, 81, 90, 91])
        #expect(sw.polygonArea == 400)
        #expect(sw.coveredCellArea == 400)
        #expect(!sw.usedCentroidFallback)
        // x ∈ [30, 70] → columns 3–6; y ∈ [40, 60] → rows 4–5 (y ∈ (50, 60] and (40, 50]).
        let block = try grid.rasterize(.polygon([rectangle(30, 40, 70, 60)]))
        #expect(block.cellIndices == [43, 44, 45, 46, 53, 54, 55, 56])
        #expect(block.polygonArea == 800)
        // Edges lying exactly on cell boundaries do not "touch" the neighbouring cells.
        #expect(try grid.rasterize(.polygon([rectangle(0, 0, 20, 20)]), rule: .allTouched).cellIndices == sw.cellIndices)
        #expect(try grid.rasterize(.polygon([rectangle(30, 40, 70, 60)]), rule: .allTouched).cellIndices == block.cellIndices)
    }

    @Test func rightTriangleMatchesHandCountAndNaiveLoop() throws {
        // Legs of 97 m: centre (5 + 10c, 5 + 10k) is inside iff 10(c + k) + 10 < 97, i.e. c + k ≤ 8,
        // which is 1 + 2 + … + 9 = 45 cells. (97, not 100, keeps centres off the hypotenuse.)
        let rings: [Ring] = [[Point2(x: 0, y: 0), Point2(x: 97, y: 0), Point2(x: 0, y: 97), Point2(x: 0, y: 0)]]
        let coverage = try grid.rasterize(.polygon(rings))
        #expect(coverage.cellIndices.count == 45)
        #expect(coverage.cellIndices == naiveCenterCells(grid, rings))
        #expect(abs(coverage.polygonArea - 97 * 97 / 2) < 1e-9)
    }

    @Test func polygonWithHole() throws {
        let rings = [rectangle(0, 0, 100, 100), rectangle(30, 30, 70, 70)]
        let coverage = try grid.rasterize(.polygon(rings))
        #expect(coverage.cellIndices.count == 100 - 16)
        #expect(coverage.cellIndices == naiveCenterCells(grid, rings))
        #expect(!coverage.cellIndices.contains(grid.index(row: 4, column: 4)))
        #expect(coverage.polygonArea == 10_000 - 1_600)
    }

    @Test func tinyPolygonsMapToTheirCentroidCell() throws {
        // 2 m × 2 m square inside cell (row 5, column 4), not covering its centre (45, 45).
        let tiny = try grid.rasterize(.polygon([rectangle(41, 41, 43, 43)]))
        #expect(tiny.cellIndices == [54])
        #expect(tiny.usedCentroidFallback)
        #expect(tiny.polygonArea == 4)
        // Same size, covering the centre: found by the rule itself.
        let onCentre = try grid.rasterize(.polygon([rectangle(44, 44, 46, 46)]))
        #expect(onCentre.cellIndices == [54])
        #expect(!onCentre.usedCentroidFallback)
        // Straddling the west edge of the grid: the centroid of the part inside, (0.5, 42), is used.
        let edge = try grid.rasterize(.polygon([rectangle(-1, 41, 1, 43)]))
        #expect(edge.cellIndices == [50])
        #expect(edge.polygonArea == 4)
    }

    @Test func polygonsOutsideTheGridAreClipped() throws {
        let partly = try grid.rasterize(.polygon([rectangle(-50, -50, 20, 20)]))
        #expect(partly.cellIndices == [80, 81, 90, 91])
        #expect(partly.polygonArea == 4_900)  // the real area, not the clipped one
        let outside = try grid.rasterize(.polygon([rectangle(200, 200, 300, 300)]))
        #expect(outside.isEmpty)
        #expect(!outside.usedCentroidFallback)
        let huge = try grid.rasterize(.polygon([rectangle(-1e9, -1e9, 1e9, 1e9)]))
        #expect(huge.cellIndices == Array(0..<100))
    }

    @Test func allTouchedRule() throws {
        // x ∈ [16, 34] touches columns 1–3; y ∈ [16, 26] touches rows 7–8. Only centre (25, 25) is inside.
        let polygon = Geometry.polygon([rectangle(16, 16, 34, 26)])
        #expect(try grid.rasterize(polygon).cellIndices == [72])
        #expect(try grid.rasterize(polygon, rule: .allTouched).cellIndices == [71, 72, 73, 81, 82, 83])
    }

    @Test func multiPolygonUnionOfParts() throws {
        let a = rectangle(0, 80, 20, 100), b = rectangle(80, 0, 100, 10)
        let coverage = try grid.rasterize(.multiPolygon([[a], [b]]))
        #expect(coverage.cellIndices == [0, 1, 10, 11, 98, 99])
        #expect(coverage.polygonArea == 400 + 200)
    }

    /// Random star-shaped, simple polygons on randomly placed grids: GDAL's cells must equal
    /// the brute-force centre-in-polygon loop, and ALL_TOUCHED must be a superset.
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func randomPolygonsMatchNaiveLoop(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let cell = Double.random(in: 5...50, using: &rng)
        let grid = try Grid(epsg: 32638, minX: Double.random(in: 600_000...700_000, using: &rng),
                            minY: Double.random(in: 4_380_000...4_430_000, using: &rng),
                            cellSize: cell, columns: 37, rows: 29)
        for _ in 0..<15 {
            let centre = Point2(x: Double.random(in: grid.minX...grid.maxX, using: &rng),
                                y: Double.random(in: grid.minY...grid.maxY, using: &rng))
            let vertexCount = Int.random(in: 3...12, using: &rng)
            // Jittered angles keep every angular gap below π for n ≥ 4, so the ring cannot cross
            // itself (triangles are always simple).
            let step = 2 * Double.pi / Double(vertexCount)
            let angles = (0..<vertexCount).map { (Double($0) + Double.random(in: 0..<0.9, using: &rng)) * step }
            var ring = angles.map { angle -> Point2 in
                let radius = Double.random(in: 0.5...12, using: &rng) * cell
                return Point2(x: centre.x + radius * cos(angle), y: centre.y + radius * sin(angle))
            }
            ring.append(ring[0])
            let polygon = Geometry.polygon([ring])
            let coverage = try grid.rasterize(polygon)
            let expected = naiveCenterCells(grid, [ring])
            if expected.isEmpty {
                #expect(coverage.cellIndices.count <= 1)  // centroid fallback, or nothing if outside
            } else {
                #expect(coverage.cellIndices == expected)
            }
            let touched = try grid.rasterize(polygon, rule: .allTouched)
            #expect(Set(coverage.cellIndices).isSubset(of: Set(touched.cellIndices)))
        }
    }

    /// Rasterizing from many tasks at once gives exactly the serial results (each call owns its
    /// GDAL objects, and GDAL's error state is per thread).
    @Test func concurrentRasterizationIsDeterministic() async throws {
        let grid = try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 10, columns: 60, rows: 60)
        var rng = SeededGenerator(seed: 11)
        let polygons: [Geometry] = (0..<32).map { _ in
            let x = Double.random(in: 0...500, using: &rng), y = Double.random(in: 0...500, using: &rng)
            return .polygon([[Point2(x: x, y: y), Point2(x: x + Double.random(in: 5...100, using: &rng), y: y),
                              Point2(x: x, y: y + Double.random(in: 5...100, using: &rng)), Point2(x: x, y: y)]])
        }
        let serial = try polygons.map { try grid.rasterize($0).cellIndices }
        let parallel = try await withThrowingTaskGroup(of: (Int, [Int]).self) { group in
            for (i, polygon) in polygons.enumerated() {
                group.addTask { (i, try grid.rasterize(polygon).cellIndices) }
            }
            var results = [[Int]](repeating: [], count: polygons.count)
            for try await (i, cells) in group { results[i] = cells }
            return results
        }
        #expect(parallel == serial)
    }

    @Test func invalidInputsThrow() {
        let bowTie = Geometry.polygon([[Point2(x: 10, y: 10), Point2(x: 50, y: 50), Point2(x: 50, y: 10),
                                        Point2(x: 10, y: 50), Point2(x: 10, y: 10)]])
        #expect(geoError { try grid.rasterize(bowTie) }?.kind == .invalidGeometry)
        #expect(geoError { try grid.rasterize(.point(x: 5, y: 5)) }?.kind == .invalidArgument)
    }
}
