import _TestSupport
import ClearcastDomain
import Foundation
import Testing
@testable import GeoData

@Suite("Reading vector layers")
struct VectorReadTests {
    /// A literal GeoJSON file (not produced by our writer) in EPSG:4326 with Karabakh points.
    @Test func geoJSONPointsProjectToUTMLikeCs2cs() throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        let features = karabakhReference.enumerated().map { index, place in
            """
            {"type":"Feature","id":\(index + 1),"properties":{"name":"\(place.name)","victims":\(index),"score":\(Double(index) + 0.5)},
             "geometry":{"type":"Point","coordinates":[\(place.lon),\(place.lat)]}}
            """
        }
        let path = try dir.write("""
            {"type":"FeatureCollection","features":[\(features.joined(separator: ",\n"))]}
            """, to: "places.geojson")
        let layer = try readVectorLayer(at: path, targetEPSG: 32638)
        #expect(layer.features.count == karabakhReference.count)
        #expect(layer.sourceEPSG == 4326)
        #expect(layer.sourceCRSWasAssumed == false)
        #expect(layer.targetEPSG == 32638)
        #expect(layer.fields == [FieldDefinition(name: "name", type: .string),
                                 FieldDefinition(name: "victims", type: .integer),
                                 FieldDefinition(name: "score", type: .real)])
        for (index, (feature, place)) in zip(layer.features, karabakhReference).enumerated() {
            let p = try #require(feature.geometry.pointValue)
            #expect(abs(p.x - place.easting) < 1 && abs(p.y - place.northing) < 1, "\(place.name): \(p)")
            #expect(feature.fid == index + 1)
            #expect(feature.attributes["name"] == .string(place.name))
            #expect(feature.attributes["victims"]?.intValue == index)
            #expect(feature.attributes["score"]?.doubleValue == Double(index) + 0.5)
        }
    }

    @Test func polygonWithHoleKeepsRingsAndArea() throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        // A 0.02° square with a 0.01° hole near Aghdam.
        let path = try dir.write("""
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon",
             "coordinates":[[[46.92,39.98],[46.94,39.98],[46.94,40.0],[46.92,40.0],[46.92,39.98]],
                            [[46.925,39.985],[46.935,39.985],[46.935,39.995],[46.925,39.995],[46.925,39.985]]]}}]}
            """, to: "field.geojson")
        let layer = try readVectorLayer(at: path, targetEPSG: 32638)
        guard case .polygon(let rings) = layer.features[0].geometry else {
            Issue.record("expected a polygon, got \(layer.features[0].geometry.typeName)")
            return
        }
        #expect(rings.count == 2)
        #expect(rings[0].count == 5 && rings[1].count == 5)
        // Every projected vertex agrees with the point transformer (independent per-point PROJ call).
        let transformer = try CoordinateTransformer(fromEPSG: 4326, toEPSG: 32638)
        let corner = try transformer.transform(x: 46.92, y: 39.98)
        #expect(abs(rings[0][0].x - corner.x) < 1e-6 && abs(rings[0][0].y - corner.y) < 1e-6)
    }

    @Test func csvWithLonLatColumnsReadsPoints() throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        var lines = ["id,name,Longitude,Latitude,victims,date"]
        for (index, place) in karabakhReference.enumerated() {
            lines.append("\(index + 1),\(place.name),\(place.lon),\(place.lat),\(index * 2),2021-03-\(10 + index)")
        }
        let path = try dir.write(lines.joined(separator: "\n") + "\n", to: "incidents.csv")
        let layer = try readVectorLayer(at: path, targetEPSG: 32638)
        #expect(layer.sourceEPSG == 4326)
        #expect(layer.sourceCRSWasAssumed)
        // Coordinate columns are consumed, not repeated as attributes.
        #expect(!layer.fields.map(\.name).contains("Longitude"))
        #expect(layer.fields.first { $0.name == "victims" }?.type == .integer)
        for (index, (feature, place)) in zip(layer.features, karabakhReference).enumerated() {
            let p = try #require(feature.geometry.pointValue)
            #expect(abs(p.x - place.easting) < 1 && abs(p.y - place.northing) < 1, "\(place.name): \(p)")
            #expect(feature.attributes["victims"] == .integer(index * 2))
            #expect(feature.attributes["date"] == .date(year: 2021, month: 3, day: 10 + index))
        }
    }

    @Test func csvWithProjectedEastingNorthingUsesGivenSourceEPSG() throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        let path = try dir.write("easting,northing,label\n649905.4203,4402584.5445,shusha\n", to: "utm.csv")
        let layer = try readVectorLayer(at: path, targetEPSG: 4326, sourceEPSGIfMissing: 32638)
        let p = try #require(layer.features.first?.geometry.pointValue)
        #expect(abs(p.x - 46.75) < 1e-7 && abs(p.y - 39.76) < 1e-7)
        #expect(layer.sourceEPSG == 32638)
        // The layer's WKT drives a transformer equivalent to the one the reader used.
        let back = try CoordinateTransformer(fromWKT: #require(layer.sourceCRSWKT), toEPSG: 4326).transform(x: 649905.4203, y: 4402584.5445)
        #expect(abs(back.x - p.x) < 1e-12 && abs(back.y - p.y) < 1e-12)
    }

    @Test func geoPackageRoundTripKeepsGeometryAttributesAndIDs() throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        let path = dir.file("hazards.gpkg")
        let fields = [FieldDefinition(name: "name", type: .string), FieldDefinition(name: "devices", type: .integer),
                      FieldDefinition(name: "density", type: .real), FieldDefinition(name: "reported", type: .date)]
        var rng = SeededGenerator(seed: 7)
        var written: [VectorFeature] = []
        for fid in 1...12 {
            let x = Double.random(in: 600_000...700_000, using: &rng), y = Double.random(in: 4_380_000...4_430_000, using: &rng)
            let geometry: Geometry = fid % 2 == 0
                ? .polygon([rectangle(x, y, x + 250, y + 125)])
                : .multiPolygon([[rectangle(x, y, x + 10, y + 10)], [rectangle(x + 20, y, x + 30, y + 10)]])
            written.append(VectorFeature(fid: fid * 10, geometry: geometry, attributes: [
                "name": .string("SHA-\(fid)"), "devices": fid == 3 ? .null : .integer(fid),
                "density": .real(Double(fid) / 7), "reported": .date(year: 2020 + fid % 4, month: fid, day: 28),
            ]))
        }
        try writeVectorLayer(path: path, epsg: 32638, layerName: "hazards", fields: fields, features: written)
        #expect(try dir.contents() == ["hazards.gpkg"])  // no temporary or journal files left behind

        let layer = try readVectorLayer(at: path, targetEPSG: 32638, layerName: "hazards")
        #expect(layer.name == "hazards")
        #expect(layer.sourceEPSG == 32638)
        #expect(layer.fields == fields)
        #expect(layer.features == written)  // same CRS: coordinates survive exactly (binary WKB)
    }

    @Test func geoJSONWriterRoundTrip() throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        let path = dir.file("out.geojson")
        let feature = VectorFeature(fid: 5, geometry: .lineString([Point2(x: 650_000.25, y: 4_402_000.5), Point2(x: 651_000, y: 4_403_000)]),
                                    attributes: ["note": .string("road")])
        try writeVectorLayer(path: path, epsg: 32638, layerName: "roads",
                             fields: [FieldDefinition(name: "note", type: .string)], features: [feature])
        // RFC 7946: the file holds WGS 84 longitude/latitude (7 decimals, ~1 cm), read back to UTM.
        let layer = try readVectorLayer(at: path, targetEPSG: 32638)
        #expect(layer.sourceEPSG == 4326)
        #expect(layer.features.map(\.fid) == [5] && layer.features.first?.attributes == feature.attributes)
        guard case .lineString(let points)? = layer.features.first?.geometry else {
            Issue.record("expected a line string")
            return
        }
        for (read, original) in zip(points, [Point2(x: 650_000.25, y: 4_402_000.5), Point2(x: 651_000, y: 4_403_000)]) {
            #expect(abs(read.x - original.x) < 0.02 && abs(read.y - original.y) < 0.02)
        }
    }

    @Test func shapefileWrittenThroughGDALIsRead() throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        let path = dir.file("areas.shp")
        // Shapefiles are not a public output format, so use the internal GDAL writer with the
        // "ESRI Shapefile" driver: this exercises reading .shp/.shx/.dbf/.prj written by GDAL itself.
        let features = (0..<3).map { i in
            VectorFeature(fid: i, geometry: .polygon([rectangle(46.7 + Double(i) * 0.01, 39.7, 46.705 + Double(i) * 0.01, 39.705)]),
                          attributes: ["code": .integer(100 + i)])
        }
        try writeVectorDataset(path: path, reportedPath: path, driverName: "ESRI Shapefile", epsg: 4326, layerName: "areas",
                               fields: [FieldDefinition(name: "code", type: .integer)], features: features)
        #expect(try dir.contents().contains("areas.prj"))
        let layer = try readVectorLayer(at: path, targetEPSG: 32638)
        #expect(layer.sourceEPSG == 4326)
        #expect(layer.features.map(\.fid) == [0, 1, 2])
        #expect(layer.features.map { $0.attributes["code"]?.intValue } == [100, 101, 102])
        let transformer = try CoordinateTransformer(fromEPSG: 4326, toEPSG: 32638)
        for (feature, original) in zip(layer.features, features) {
            guard case .polygon(let rings) = feature.geometry, case .polygon(let source) = original.geometry else {
                Issue.record("expected polygons")
                continue
            }
            // Shapefile stores outer rings clockwise, so compare vertex sets, not sequences.
            let expected = try transformer.transform(source[0])
            #expect(rings[0].count == expected.count)
            for vertex in rings[0] {
                #expect(expected.contains { abs($0.x - vertex.x) < 1e-6 && abs($0.y - vertex.y) < 1e-6 }, "\(vertex)")
            }
        }
    }
}
