import _TestSupport
import AtomicFiles
import ClearcastDomain
import Foundation
import Testing
@testable import GeoData

@Suite("GeoTIFF and atomic writing")
struct RasterIOTests {
    @Test func geoTIFFRoundTrip() throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        let path = dir.file("risk.tif")
        let grid = try Grid(epsg: 32638, minX: 640_000, minY: 4_400_000, cellSize: 100, columns: 7, rows: 5)
        var rng = SeededGenerator(seed: 2024)
        let risk = (0..<grid.cellCount).map { _ in Double.random(in: -1e6...1e6, using: &rng) }
        var density = (0..<grid.cellCount).map { Double($0) / 3 }
        density[grid.index(row: 2, column: 3)] = .nan  // no data
        try writeGeoTIFF(path: path, grid: grid, bands: [(name: "risk", values: risk), (name: "density", values: density)])
        #expect(try dir.contents() == ["risk.tif"])  // no temp file, no .aux.xml sidecar

        let raster = try readRaster(path: path)
        #expect(raster.columns == 7 && raster.rows == 5)
        #expect(raster.geoTransform == [640_000, 100, 0, 4_400_500, 0, -100])
        #expect(raster.epsg == 32638)
        #expect(raster.bandDescriptions == ["risk", "density"])
        #expect(raster.bands[0] == risk)  // Float64: bit-exact
        #expect(raster.band(named: "density")?.enumerated().allSatisfy { i, v in
            density[i].isNaN ? v.isNaN : v == density[i]
        } == true)
        #expect(raster.noDataValues.allSatisfy { $0?.isNaN == true })
        #expect(try raster.grid() == grid)
    }

    @Test func geoTIFFArgumentErrors() throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        let grid = try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 10, columns: 3, rows: 2)
        let path = dir.file("bad.tif")
        #expect(geoError { try writeGeoTIFF(path: path, grid: grid, bands: [(name: "a", values: [1, 2, 3])]) }?.kind == .invalidArgument)
        #expect(geoError { try writeGeoTIFF(path: path, grid: grid, bands: []) }?.kind == .invalidArgument)
        let unknown = try Grid(epsg: 999_999, minX: 0, minY: 0, cellSize: 10, columns: 3, rows: 2)
        #expect(geoError { try writeGeoTIFF(path: path, grid: unknown, bands: [(name: "a", values: Array(repeating: 0, count: 6))]) }?.kind == .unknownCRS)
        #expect(try dir.contents().isEmpty)
    }

    @Test func readRasterErrors() throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        #expect(geoError { try readRaster(path: dir.file("missing.tif")) }?.kind == .fileNotFound)
        let garbage = try dir.write("this is not a raster", to: "garbage.tif")
        let error = geoError { try readRaster(path: garbage) }
        #expect(error?.kind == .unsupportedFormat || error?.kind == .unreadable)
        #expect(error?.path == garbage)
    }

    @Test func writersLeaveNothingWhenTheDirectoryIsMissing() throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        let grid = try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 10, columns: 2, rows: 2)
        let tif = dir.file("no/such/dir/out.tif")
        #expect(throws: AtomicFile.WriteFailed.self) { try writeGeoTIFF(path: tif, grid: grid, bands: [(name: "a", values: [1, 2, 3, 4])]) }
        let gpkg = dir.file("missing/out.gpkg")
        let feature = VectorFeature(fid: 1, geometry: .point(x: 1, y: 2))
        #expect(throws: AtomicFile.WriteFailed.self) { try writeVectorLayer(path: gpkg, epsg: 32638, layerName: "x", fields: [], features: [feature]) }
        #expect(try dir.contents().isEmpty)
    }

    @Test func failedWriteDoesNotClobberExistingFile() throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        for name in ["keep.gpkg", "keep.geojson"] {
            let path = try dir.write("previous contents", to: name)
            // The second feature has an undeclared attribute: this fails half-way through writing.
            let features = [VectorFeature(fid: 1, geometry: .point(x: 1, y: 2), attributes: ["a": .integer(1)]),
                            VectorFeature(fid: 2, geometry: .point(x: 3, y: 4), attributes: ["b": .integer(2)])]
            let error = geoError {
                try writeVectorLayer(path: path, epsg: 32638, layerName: "x",
                                     fields: [FieldDefinition(name: "a", type: .integer)], features: features)
            }
            #expect(error?.kind == .invalidArgument)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous contents")
            // Wrong attribute type fails too.
            let typed = geoError {
                try writeVectorLayer(path: path, epsg: 32638, layerName: "x", fields: [FieldDefinition(name: "a", type: .integer)],
                                     features: [VectorFeature(fid: 1, geometry: .point(x: 1, y: 2), attributes: ["a": .string("1")])])
            }
            #expect(typed?.kind == .invalidArgument)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous contents")
        }
        #expect(try dir.contents() == ["keep.geojson", "keep.gpkg"])
    }

    @Test func successfulWriteReplacesExistingFile() throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        let path = try dir.write("previous contents", to: "out.gpkg")
        let feature = VectorFeature(fid: 1, geometry: .point(x: 650_000, y: 4_400_000), attributes: ["n": .integer(3)])
        try writeVectorLayer(path: path, epsg: 32638, layerName: "out", fields: [FieldDefinition(name: "n", type: .integer)],
                             features: [feature])
        #expect(try readVectorLayer(at: path, targetEPSG: 32638).features == [feature])
        #expect(try dir.contents() == ["out.gpkg"])
    }

    @Test func unsupportedVectorExtension() throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        let error = geoError {
            try writeVectorLayer(path: dir.file("out.shp"), epsg: 32638, layerName: "x", fields: [],
                                 features: [VectorFeature(fid: 1, geometry: .point(x: 1, y: 2))])
        }
        #expect(error?.kind == .unsupportedFormat)
        #expect(error?.message.contains(".gpkg") == true)
        #expect(try dir.contents().isEmpty)
    }
}
