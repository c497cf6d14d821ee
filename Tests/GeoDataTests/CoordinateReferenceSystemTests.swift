import _TestSupport
import ClearcastDomain
import Testing
@testable import GeoData

/// Reference coordinates for EPSG:4326 → EPSG:32638 (WGS 84 / UTM 38N), obtained with PROJ 9.1's CLI:
///   echo "46.75 39.76" | cs2cs -r -f "%.4f" EPSG:4326 EPSG:32638
/// (`-r` makes cs2cs read lon/lat order; without it EPSG:4326 input is lat/lon). Hard-coded here so
/// the tests check our bindings against PROJ's own tool, not against themselves.
let karabakhReference: [(name: String, lon: Double, lat: Double, easting: Double, northing: Double)] = [
    ("Shusha", 46.75, 39.76, 649_905.4203, 4_402_584.5445),
    ("Aghdam", 46.93, 39.99, 664_773.7386, 4_428_431.1735),
    ("Fuzuli", 47.1453, 39.6003, 684_193.5442, 4_385_594.5948),
    ("Lachin", 46.5461, 39.6383, 632_671.3490, 4_388_755.3993),
    ("central meridian 45E", 45.0, 40.0, 500_000.0000, 4_427_757.2187),
]

@Suite("Coordinate reference systems")
struct CoordinateReferenceSystemTests {
    @Test func describesKnownCodes() throws {
        let utm = try CoordinateReferenceSystem.describe(epsg: 32638)
        #expect(utm.name == "WGS 84 / UTM zone 38N")
        #expect(utm.isProjected)
        let wgs84 = try CoordinateReferenceSystem.describe(epsg: 4326)
        #expect(wgs84.name == "WGS 84")
        #expect(!wgs84.isProjected)
    }

    @Test(arguments: [999_999, 0, -4326])
    func unknownCodeThrows(code: Int) {
        let error = geoError { try CoordinateReferenceSystem.describe(epsg: code) }
        #expect(error?.kind == .unknownCRS)
        #expect(error?.message.contains("EPSG:\(code)") == true)
    }

    @Test func wktRoundTripsToEPSG() throws {
        let wkt = try CoordinateReferenceSystem.wkt(epsg: 32638)
        #expect(wkt.contains("UTM zone 38N"))
        #expect(try CoordinateReferenceSystem.epsg(forWKT: wkt) == 32638)
        #expect(geoError { try CoordinateReferenceSystem.epsg(forWKT: "not a crs") }?.kind == .unknownCRS)
    }

    @Test func transformsLonLatToUTMLikeCs2cs() throws {
        let transformer = try CoordinateTransformer(fromEPSG: 4326, toEPSG: 32638)
        for place in karabakhReference {
            let p = try transformer.transform(x: place.lon, y: place.lat)
            #expect(abs(p.x - place.easting) < 0.01, "\(place.name) easting \(p.x)")
            #expect(abs(p.y - place.northing) < 0.01, "\(place.name) northing \(p.y)")
        }
    }

    @Test func batchTransformMatchesSingleAndInverts() throws {
        let forward = try CoordinateTransformer(fromEPSG: 4326, toEPSG: 32638)
        let inverse = try CoordinateTransformer(fromWKT: CoordinateReferenceSystem.wkt(epsg: 32638), toEPSG: 4326)
        var rng = SeededGenerator(seed: 38)
        let points = (0..<200).map { _ in
            Point2(x: Double.random(in: 44.5...48.5, using: &rng), y: Double.random(in: 38.5...41.5, using: &rng))
        }
        let projected = try forward.transform(points)
        for (p, q) in zip(points, projected) {
            let single = try forward.transform(x: p.x, y: p.y)
            #expect(single.x == q.x && single.y == q.y)
        }
        let back = try inverse.transform(projected)
        for (p, r) in zip(points, back) {
            #expect(abs(p.x - r.x) < 1e-7 && abs(p.y - r.y) < 1e-7)
        }
    }

    @Test func transformerRejectsUnknownCodes() {
        #expect(geoError { try CoordinateTransformer(fromEPSG: 999_999, toEPSG: 32638) }?.kind == .unknownCRS)
        #expect(geoError { try CoordinateTransformer(fromEPSG: 4326, toEPSG: 999_999) }?.kind == .unknownCRS)
    }

    @Test func outOfDomainPointThrows() throws {
        let transformer = try CoordinateTransformer(fromEPSG: 4326, toEPSG: 32638)
        #expect(geoError { try transformer.transform(x: 46, y: 95) }?.kind == .transformFailed)
    }
}
