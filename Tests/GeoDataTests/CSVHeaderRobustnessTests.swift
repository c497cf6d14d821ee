import _TestSupport
import ClearcastDomain
import Foundation
import Testing
@testable import GeoData

/// Issue 8 / Fuzz/FuzzLayerReader: CSV headers with more than one coordinate-like column used to
/// crash inside GDAL 3.6 (SEGV in OGR_L_GetNextFeature with KEEP_GEOM_COLUMNS=NO).
@Suite("CSV coordinate columns")
struct CSVHeaderRobustnessTests {
    /// Two distinct columns match the X names: the first in file order is X, the other an attribute.
    @Test func secondCoordinateLikeColumnIsAnAttribute() throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        let path = try dir.write("lon,x,y\n46.75,7,39.76\n", to: "lonx.csv")
        let layer = try readVectorLayer(at: path, targetEPSG: 4326)
        let feature = try #require(layer.features.first)
        let p = try #require(feature.geometry.pointValue)
        #expect(p.x == 46.75 && p.y == 39.76)
        #expect(layer.fields.map(\.name) == ["x"])
        #expect(feature.attributes["x"]?.intValue == 7)
    }

    /// The minimised fuzzer input (`x,x,y` then a row of one comma) and case variants are refused.
    @Test(arguments: ["x,x,y\n,", "x,x,y\n1,2,3\n", "X,x,y\n1,2,3\n", "lon,lat,LAT\n1,2,3\n"])
    func duplicateCoordinateColumnIsRefused(_ text: String) throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        let path = try dir.write(text, to: "dup.csv")
        let error = try #require(geoError { try readVectorLayer(at: path, targetEPSG: 4326) })
        #expect(error.kind == .unreadable, "\(error)")
        #expect(error.message.contains("columns named"), "\(error.message)")
    }

    /// The usual headers still read, with the coordinate columns dropped from the attributes.
    @Test(arguments: [("lon,lat,n\n46.75,39.76,3\n", "n"), ("Longitude,Latitude,n\n46.75,39.76,3\n", "n"),
                      ("n,easting,northing\n3,46.75,39.76\n", "n"), ("longitud_e,latitud_n,n\n46.75,39.76,3\n", "n")])
    func usualHeadersStillRead(_ input: (String, String)) throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        let path = try dir.write(input.0, to: "ok.csv")
        let layer = try readVectorLayer(at: path, targetEPSG: 4326)
        let p = try #require(layer.features.first?.geometry.pointValue)
        #expect(p.x == 46.75 && p.y == 39.76)
        #expect(layer.fields.map(\.name) == [input.1])
        #expect(layer.features.first?.attributes[input.1]?.intValue == 3)
    }

    @Test func patternMatchingIsCaseInsensitiveWithPrefixes() {
        #expect(VectorReaderOptions.matches("LONGITUDE", VectorReaderOptions.csvXNames))
        #expect(VectorReaderOptions.matches("Longitud_W", VectorReaderOptions.csvXNames))
        #expect(!VectorReaderOptions.matches("xlon", VectorReaderOptions.csvXNames))
        #expect(VectorReaderOptions.matches("Northing", VectorReaderOptions.csvYNames))
    }
}
