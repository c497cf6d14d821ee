import _TestSupport
import ClearcastDomain
import Foundation
import Testing
@testable import GeoData

/// Issue 8: a layer whose declared CRS PROJ cannot resolve must be refused, never read as WGS 84.
@Suite("Vector layers in an unknown CRS")
struct VectorCRSRobustnessTests {
    /// A one-point GeoJSON file; `crsName` is a `name` CRS, or a `link` CRS when it starts with "link:".
    static func geojson(crsName: String?) -> String {
        let crs = crsName.map { name in
            name.hasPrefix("link:")
                ? #""crs":{"type":"link","properties":{"href":"\#(name.dropFirst(5))"}},"#
                : #""crs":{"type":"name","properties":{"name":"\#(name)"}},"#
        } ?? ""
        return #"{"type":"FeatureCollection","# + crs
            + #""features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[46.75,39.76]}}]}"#
    }

    /// GDAL's GeoJSON driver falls back to WGS 84 after failing on the `crs` member; we do not.
    /// (A `name` that is not a CRS URN or code at all, e.g. "Lambert", GDAL ignores without an
    /// error; that case still reads as WGS 84: a known limitation.)
    @Test(arguments: ["urn:ogc:def:crs:EPSG::999999", "EPSG:999999", "link:not-a-url"])
    func geoJSONWithUnresolvableCRSIsRefused(_ name: String) throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        let path = try dir.write(Self.geojson(crsName: name), to: "unknown.geojson")
        let error = try #require(geoError { try readVectorLayer(at: path, targetEPSG: 32638) })
        #expect(error.kind == .unknownCRS, "\(error)")
        #expect(error.path == path)
        #expect(error.message.contains("cannot resolve"))
    }

    /// The same file with a resolvable `crs` member, or none (RFC 7946: WGS 84), still reads, and
    /// the point lands where an independent reference puts it (UTM 38N of 46.75 E, 39.76 N).
    @Test(arguments: [nil, "urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:EPSG::4326"])
    func geoJSONWithKnownOrNoCRSStillReads(_ name: String?) throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        let path = try dir.write(Self.geojson(crsName: name), to: "known.geojson")
        let layer = try readVectorLayer(at: path, targetEPSG: 32638)
        let p = try #require(layer.features.first?.geometry.pointValue)
        // Reference from the shapefile test in VectorErrorTests (pyproj: 649905.4203, 4402584.5445).
        #expect(abs(p.x - 649_905.4203) < 0.01 && abs(p.y - 4_402_584.5445) < 0.01, "\(p)")
    }

    /// A .prj GDAL cannot parse leaves the shapefile without a CRS: refused unless one is given.
    @Test func shapefileWithUnparsablePrjNeedsAnExplicitCRS() throws {
        let dir = try ScratchDirectory("geodata")
        defer { dir.remove() }
        let path = try writeOnePointShapefile(in: dir, name: "bad")
        try Data("PROJCS[garbage".utf8).write(to: URL(fileURLWithPath: dir.file("bad.prj")))
        let error = try #require(geoError { try readVectorLayer(at: path, targetEPSG: 4326) })
        #expect([.noCRS, .unknownCRS].contains(error.kind), "\(error)")
        let layer = try readVectorLayer(at: path, targetEPSG: 4326, sourceEPSGIfMissing: 32638)
        let p = try #require(layer.features.first?.geometry.pointValue)
        #expect(abs(p.x - 46.75) < 1e-7 && abs(p.y - 39.76) < 1e-7)
    }
}
