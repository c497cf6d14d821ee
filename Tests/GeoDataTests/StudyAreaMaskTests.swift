import _TestSupport
import ClearcastDomain
import Foundation
import Testing
@testable import GeoData

@Suite("Study-area mask")
struct StudyAreaMaskTests {
    /// 10 × 10 cells of 10 m covering [0, 100]²; row 0 is the north row.
    let grid: Grid

    init() throws {
        grid = try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 10, columns: 10, rows: 10)
    }

    @Test func handCountedPolygons() throws {
        // West half (x < 50): columns 0–4 of every row.
        let west = try StudyAreaMask(grid: grid, polygons: [.polygon([rectangle(0, 0, 50, 100)])])
        #expect(west.includedCount == 50 && west.excludedCount == 50)
        #expect(west.included == (0..<100).map { $0 % 10 < 5 })
        // Two polygons, one with a hole: the south-west 2 × 2 block, and the frame x, y ∈ [60, 100]
        // minus [70, 90]² (16 − 4 = 12 cells). A triangle holding no cell centre adds nothing.
        let mask = try StudyAreaMask(grid: grid, polygons: [
            .polygon([rectangle(0, 0, 20, 20)]),
            .polygon([rectangle(60, 60, 100, 100), rectangle(70, 70, 90, 90)]),
            .polygon([[Point2(x: 41, y: 41), Point2(x: 43, y: 41), Point2(x: 41, y: 43), Point2(x: 41, y: 41)]]),
        ])
        #expect(mask.includedCount == 16)
        let expected: Set<Int> = [80, 81, 90, 91, 6, 7, 8, 9, 16, 19, 26, 29, 36, 37, 38, 39]
        #expect(Set(mask.includedIndices) == expected)
        #expect(mask.includedIndices == mask.includedIndices.sorted())
    }

    @Test func randomPolygonsMatchNaivePointInPolygon() throws {
        var rng = SeededGenerator(seed: 21)
        let grid = try Grid(epsg: 32638, minX: 300_000, minY: 4_000_000, cellSize: 37, columns: 29, rows: 23)
        for trial in 0..<40 {
            // Star-shaped (hence simple) polygons around a random centre, partly off the grid at times.
            var polygons: [Geometry] = [], rings: [[Ring]] = []
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let cx = Double.random(in: grid.minX - 200...grid.maxX + 200, using: &rng)
                let cy = Double.random(in: grid.minY - 200...grid.maxY + 200, using: &rng)
                // Angles in order with gaps below π: the centre is inside, so the ring is simple.
                let n = Int.random(in: 4...14, using: &rng)
                let angles = (0..<n).map { k in (Double(k) + Double.random(in: 0..<0.9, using: &rng)) * 2 * Double.pi / Double(n) }
                var ring: Ring = angles.map { a in
                    let r = Double.random(in: 20...500, using: &rng)
                    return Point2(x: cx + r * cos(a), y: cy + r * sin(a))
                }
                ring.append(ring[0])
                polygons.append(.polygon([ring]))
                rings.append([ring])
            }
            let naive = Set(rings.flatMap { naiveCenterCells(grid, $0) })
            guard !naive.isEmpty else {
                #expect(throws: GeoDataError.self) { try StudyAreaMask(grid: grid, polygons: polygons) }
                continue
            }
            let mask = try StudyAreaMask(grid: grid, polygons: polygons)
            #expect(mask.includedIndices == naive.sorted(), "trial \(trial)")
            #expect(mask.includedCount + mask.excludedCount == grid.cellCount)
        }
    }

    @Test func compactAndExpandThroughTheGridMask() throws {
        let mask = try StudyAreaMask(grid: grid, polygons: [.polygon([rectangle(0, 0, 50, 100)])]).gridMask
        let values = (0..<100).map(Double.init)
        let inside = mask.compact(values)
        #expect(inside == (0..<100).filter { $0 % 10 < 5 }.map(Double.init))
        let full = mask.expand(inside, fill: .nan)
        #expect(full.enumerated().allSatisfy { i, v in i % 10 < 5 ? v == Double(i) : v.isNaN })
        #expect(mask.expand(inside.map { Int($0) }, fill: -1) == (0..<100).map { $0 % 10 < 5 ? $0 : -1 })
        #expect(mask.compactIndices(of: [3, 7, 14, 99, 40]) == [3, 9, 20])
        #expect(geoError { try StudyAreaMask(rows: 2, columns: 2, included: [true]) }?.kind == .invalidArgument)
    }

    @Test func badStudyAreasNameTheFile() throws {
        let empty = geoError { try StudyAreaMask(grid: grid, polygons: [], path: "area.geojson") }
        #expect(empty?.kind == .emptyLayer && empty?.path == "area.geojson")
        let far = geoError { try StudyAreaMask(grid: grid, polygons: [.polygon([rectangle(500, 500, 600, 600)])], path: "area.geojson") }
        #expect(far?.kind == .emptyLayer)
        #expect(far?.message.contains("none of the grid's 100 cell centres") == true)
        let line = geoError { try StudyAreaMask(grid: grid, polygons: [.lineString([Point2(x: 0, y: 0), Point2(x: 5, y: 5)])], path: "a.gpkg") }
        #expect(line?.kind == .invalidArgument && line?.path == "a.gpkg")
        let bowtie = Geometry.polygon([[Point2(x: 0, y: 0), Point2(x: 50, y: 50), Point2(x: 50, y: 0), Point2(x: 0, y: 50), Point2(x: 0, y: 0)]])
        let invalid = geoError { try StudyAreaMask(grid: grid, polygons: [.polygon([rectangle(0, 0, 10, 10)]), bowtie], path: "a.gpkg") }
        #expect(invalid?.kind == .invalidGeometry)
        #expect(invalid?.message.hasPrefix("study-area polygon 2 of 2") == true)
    }
}
