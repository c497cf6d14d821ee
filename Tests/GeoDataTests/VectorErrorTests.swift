import _TestSupport
import ClearcastDomain
import Foundation
import Testing
@testable import GeoData

@Suite("Vector reading errors")
struct VectorErrorTests {
    @Test func missingFile() throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        let path = dir.file("nope.geojson")
        let error = try #require(geoError { try readVectorLayer(at: path, targetEPSG: 32638) })
        #expect(error.kind == .fileNotFound)
        #expect(error.path == path)
        #expect(error.description.contains(path))
    }

    @Test func garbageFiles() throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        // Random bytes with a neutral extension: no driver claims it.
        var rng = SeededGenerator(seed: 99)
        let bytes = (0..<512).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let binary = dir.file("noise.dat")
        try Data(bytes).write(to: URL(fileURLWithPath: binary))
        let e1 = try #require(geoError { try readVectorLayer(at: binary, targetEPSG: 32638) })
        #expect(e1.kind == .unsupportedFormat)
        #expect(e1.path == binary)
        // Broken JSON that the GeoJSON driver claims but cannot parse.
        let broken = try dir.write("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":", to: "broken.geojson")
        let e2 = try #require(geoError { try readVectorLayer(at: broken, targetEPSG: 32638) })
        #expect([.unreadable, .unsupportedFormat].contains(e2.kind))
        #expect(e2.path == broken)
        // A directory is not a data file.
        let e3 = try #require(geoError { try readVectorLayer(at: dir.path, targetEPSG: 32638) })
        #expect([.unsupportedFormat, .unreadable].contains(e3.kind))
    }

    @Test func emptyGeoJSON() throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        let path = try dir.write("{\"type\":\"FeatureCollection\",\"features\":[]}", to: "empty.geojson")
        let error = try #require(geoError { try readVectorLayer(at: path, targetEPSG: 32638) })
        #expect(error.kind == .emptyLayer)
        #expect(error.path == path)
    }

    @Test func unknownTargetAndFallbackEPSG() throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        let geojson = try dir.write(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[46.75,39.76]}}]}"#,
                                    to: "p.geojson")
        let e1 = try #require(geoError { try readVectorLayer(at: geojson, targetEPSG: 999_999) })
        #expect(e1.kind == .unknownCRS)
        #expect(e1.path == geojson)
        #expect(e1.message.contains("999999"))
        let csv = try dir.write("lon,lat\n46.75,39.76\n", to: "p.csv")
        let e2 = try #require(geoError { try readVectorLayer(at: csv, targetEPSG: 32638, sourceEPSGIfMissing: 999_999) })
        #expect(e2.kind == .unknownCRS)
    }

    @Test func layerWithoutCRSNeedsFallback() throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        let path = try writeOnePointShapefile(in: dir, name: "nocrs")
        try FileManager.default.removeItem(atPath: dir.file("nocrs.prj"))
        let error = try #require(geoError { try readVectorLayer(at: path, targetEPSG: 4326) })
        #expect(error.kind == .noCRS)
        #expect(error.path == path)
        let layer = try readVectorLayer(at: path, targetEPSG: 4326, sourceEPSGIfMissing: 32638)
        let p = try #require(layer.features.first?.geometry.pointValue)
        #expect(abs(p.x - 46.75) < 1e-7 && abs(p.y - 39.76) < 1e-7)
        #expect(layer.sourceCRSWasAssumed)
    }

    @Test func selfIntersectingPolygonIsReportedWithFID() throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        // Feature 2 is a bow-tie: its edges cross at (46.755, 39.765).
        let path = try dir.write("""
            {"type":"FeatureCollection","features":[
             {"type":"Feature","id":1,"properties":{},"geometry":{"type":"Polygon","coordinates":[[[46.74,39.75],[46.75,39.75],[46.75,39.76],[46.74,39.75]]]}},
             {"type":"Feature","id":2,"properties":{},"geometry":{"type":"Polygon","coordinates":[[[46.75,39.76],[46.76,39.77],[46.76,39.76],[46.75,39.77],[46.75,39.76]]]}}]}
            """, to: "bowtie.geojson")
        let error = try #require(geoError { try readVectorLayer(at: path, targetEPSG: 32638) })
        #expect(error.kind == .invalidGeometry)
        #expect(error.path == path)
        #expect(error.message.contains("feature 2"))
    }

    /// Every invalid polygon is reported at once: the count and the first ten, by feature id.
    @Test func allInvalidGeometriesAreCounted() throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        let features = (0..<12).map { i in
            let x = 46.7 + Double(i) * 0.02
            return "{\"type\":\"Feature\",\"id\":\(100 + i),\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[\(x),39.76],[\(x + 0.01),39.77],[\(x + 0.01),39.76],[\(x),39.77],[\(x),39.76]]]}}"
        }
        let valid = "{\"type\":\"Feature\",\"id\":1,\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[46.74,39.75],[46.75,39.75],[46.75,39.76],[46.74,39.75]]]}}"
        let path = try dir.write("{\"type\":\"FeatureCollection\",\"features\":[\(([valid] + features).joined(separator: ","))]}", to: "many.geojson")
        let error = try #require(geoError { try readVectorLayer(at: path, targetEPSG: 32638) })
        #expect(error.kind == .invalidGeometry)
        #expect(error.message.hasPrefix("12 features have invalid geometries: feature 100, a POLYGON"), "\(error.message)")
        #expect(error.message.contains("feature 109") && !error.message.contains("feature 110,"))
        #expect(error.message.contains("and 2 more"))
        #expect(!error.message.contains("feature 1,"), "the valid feature is not listed")
    }

    @Test func missingLayerAndNullGeometry() throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        let path = try dir.write(#"{"type":"FeatureCollection","features":[{"type":"Feature","id":4,"properties":{"a":1},"geometry":null}]}"#,
                                 to: "null.geojson")
        let e1 = try #require(geoError { try readVectorLayer(at: path, targetEPSG: 32638) })
        #expect(e1.kind == .invalidGeometry)
        #expect(e1.message.contains("feature 4"))
        let e2 = try #require(geoError { try readVectorLayer(at: path, targetEPSG: 32638, layerName: "roads") })
        #expect(e2.kind == .layerNotFound)
        #expect(e2.message.contains("roads"))
    }

    @Test func csvWithoutCoordinateColumnsOrWithTextCoordinates() throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        let noColumns = try dir.write("name,count\nA,2\n", to: "nocoords.csv")
        let e1 = try #require(geoError { try readVectorLayer(at: noColumns, targetEPSG: 32638) })
        #expect(e1.kind == .noGeometryColumn)
        #expect(e1.message.contains("longitude"))
        let textCoordinates = try dir.write("lon,lat\n46.75,39.76\nabc,39.7\n", to: "text.csv")
        let e2 = try #require(geoError { try readVectorLayer(at: textCoordinates, targetEPSG: 32638) })
        #expect(e2.kind == .invalidGeometry)
        #expect(e2.message.contains("feature 2"))
    }

    @Test func everyKindHasALabel() {
        let labels = GeoDataError.Kind.allCases.map(\.label)
        #expect(Set(labels).count == labels.count)
        #expect(GeoDataError(.noCRS, path: "/a/b.shp", "x").description == "/a/b.shp: no coordinate reference system: x")
        #expect(GeoDataError(.invalidArgument, path: nil, "y").description == "invalid argument: y")
    }
}
