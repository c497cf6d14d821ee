import _TestSupport
import ClearcastDomain
import Foundation
@testable import GeoData

/// Even-odd ray-casting test: is `p` inside the polygon given by its rings (holes included)?
/// Independent of GDAL, used as the reference for rasterization.
func naiveContains(_ rings: [Ring], _ p: Point2) -> Bool {
    var inside = false
    for ring in rings {
        var j = ring.count - 1
        for i in 0..<ring.count {
            let a = ring[i], b = ring[j]
            if (a.y > p.y) != (b.y > p.y),
               p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
                inside.toggle()
            }
            j = i
        }
    }
    return inside
}

/// Row-major indices of the cells whose centres lie inside the polygon, by brute force over the grid.
func naiveCenterCells(_ grid: Grid, _ rings: [Ring]) -> [Int] {
    var cells: [Int] = []
    for row in 0..<grid.rows {
        for column in 0..<grid.columns {
            let c = grid.cellCenter(row: row, column: column)
            if naiveContains(rings, Point2(x: c.x, y: c.y)) { cells.append(grid.index(row: row, column: column)) }
        }
    }
    return cells
}

/// A closed axis-aligned rectangle ring.
func rectangle(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Ring {
    [Point2(x: x0, y: y0), Point2(x: x1, y: y0), Point2(x: x1, y: y1), Point2(x: x0, y: y1), Point2(x: x0, y: y0)]
}

/// Runs `body` and returns the GeoDataError it throws, or nil when it throws nothing (or another error).
func geoError<T>(_ body: () throws -> T) -> GeoDataError? {
    do {
        _ = try body()
        return nil
    } catch let error as GeoDataError {
        return error
    } catch {
        return nil
    }
}

/// Writes `name.shp` in `dir` holding one point in UTM 38N (649 905.4203, 4 402 584.5445; pyproj gives
/// 46.75° E, 39.76° N), with its .prj, and returns the .shp path: the start of the CRS edge cases.
func writeOnePointShapefile(in dir: ScratchDirectory, name: String) throws -> String {
    let path = dir.file("\(name).shp")
    let feature = VectorFeature(fid: 0, geometry: .point(x: 649_905.4203, y: 4_402_584.5445))
    try writeVectorDataset(path: path, reportedPath: path, driverName: "ESRI Shapefile", epsg: 32638, layerName: name,
                           fields: [], features: [feature])
    return path
}
