import _TestSupport
import Foundation
import Testing
@testable import GeoData

/// Hostile input: no layer file makes GDAL touch the network or read files nobody named.
///
/// Every test points a file at a ``LocalListener`` on 127.0.0.1. A read must fail (or succeed
/// without using the reference) with a clear ``GeoDataError``, and the listener must see no
/// connection at all.
@Suite("No network access through GDAL")
struct GDALNetworkTests {
    let dir: ScratchDirectory
    init() throws { dir = try ScratchDirectory("geodata-net") }

    /// An OGR VRT whose source GDAL would download with /vsicurl/.
    static func vectorVRT(source: String) -> String {
        """
        <OGRVRTDataSource>
          <OGRVRTLayer name="hazards"><SrcDataSource>\(source)</SrcDataSource></OGRVRTLayer>
        </OGRVRTDataSource>
        """
    }

    // MARK: VRT

    /// The issue's example: a `.vrt` layer, and the same XML saved as `.geojson`.
    @Test(arguments: ["hazards.vrt", "hazards.geojson", "hazards.json", "HAZARDS.VRT"])
    func vectorVRTIsRefusedWithoutDownloading(_ name: String) throws {
        let listener = try LocalListener()
        let path = try dir.write(Self.vectorVRT(source: "/vsicurl/\(listener.url)/hazards.geojson"), to: name)
        let error = try #require(geoError { try readVectorLayer(at: path, targetEPSG: 32638) })
        #expect(listener.stop() == 0, "GDAL connected to the listener")
        #expect(error.kind == .unsupportedFormat)
        #expect(error.path == path)
        #expect(error.message.contains("VRT") && error.message.contains("network"), "\(error)")
    }

    /// Variants: an XML prolog and a byte-order mark before the root, a raster VRT read as a
    /// raster and as a vector layer, and a VRT pointing at a local file rather than a URL.
    @Test func otherVRTSpellingsAreRefused() throws {
        let listener = try LocalListener()
        let raster = """
            <VRTDataset rasterXSize="1" rasterYSize="1"><VRTRasterBand dataType="Byte" band="1"><SimpleSource>
            <SourceFilename>/vsicurl/\(listener.url)/x.tif</SourceFilename><SourceBand>1</SourceBand></SimpleSource>
            </VRTRasterBand></VRTDataset>
            """
        let prolog = "\u{FEFF}<?xml version=\"1.0\"?>\n" + Self.vectorVRT(source: "/vsicurl/\(listener.url)/a.geojson")
        let local = Self.vectorVRT(source: "/etc/hostname")
        let cases = [
            (try dir.write(raster, to: "risk.tif"), false), (try dir.write(raster, to: "risk.geojson"), true),
            (try dir.write(prolog, to: "prolog.geojson"), true), (try dir.write(local, to: "local.vrt"), true),
        ]
        for (path, vector) in cases {
            let error = try #require(geoError {
                vector ? try readVectorLayer(at: path, targetEPSG: 32638) as Any : try readRaster(path: path) as Any
            })
            #expect(error.kind == .unsupportedFormat && error.message.contains("VRT"), "\(path): \(error)")
        }
        #expect(listener.stop() == 0, "GDAL connected to the listener")
    }

    // MARK: CRS references

    /// The issue's example: a GeoJSON `crs` of type `link`. GDAL would fetch the URL; instead the
    /// read fails as an unresolvable CRS, and the message says network access is refused.
    @Test func geoJSONCRSLinkIsNotFetched() throws {
        let listener = try LocalListener()
        let path = try dir.write("""
            {"type":"FeatureCollection","crs":{"type":"link","properties":{"href":"\(listener.url)/crs.wkt","type":"ogcwkt"}},
             "features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[46.75,39.76]}}]}
            """, to: "linked.geojson")
        let error = try #require(geoError { try readVectorLayer(at: path, targetEPSG: 32638) })
        #expect(listener.stop() == 0, "GDAL fetched the CRS link")
        #expect(error.kind == .unknownCRS, "\(error)")
        #expect(error.path == path)
        #expect(error.message.contains("no network access"), "\(error)")
    }

    /// Variants: other link types and an https URL (each fetched before the fix), a URL given as a
    /// `name` CRS, and a CSV whose `.prj` holds a URL. None may reach the listener.
    @Test func crsURLsElsewhereAreNotFetched() throws {
        let listener = try LocalListener()
        let https = listener.url.replacingOccurrences(of: "http:", with: "https:")
        let crsMembers = [
            #"{"type":"link","properties":{"href":"\#(listener.url)/crs.proj4","type":"proj4"}}"#,
            #"{"type":"link","properties":{"href":"\#(https)/crs.prj","type":"esriwkt"}}"#,
            #"{"type":"name","properties":{"name":"\#(listener.url)/epsg/4326"}}"#,
        ]
        for (index, crs) in crsMembers.enumerated() {
            let path = try dir.write("""
                {"type":"FeatureCollection","crs":\(crs),
                 "features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[46.75,39.76]}}]}
                """, to: "crs\(index).geojson")
            _ = try? readVectorLayer(at: path, targetEPSG: 32638)
        }
        let csv = try dir.write("lon,lat\n46.75,39.76\n", to: "points.csv")
        try dir.write("\(listener.url)/points.prj\n", to: "points.prj")
        _ = try? readVectorLayer(at: csv, targetEPSG: 32638)
        #expect(listener.stop() == 0, "GDAL fetched a CRS URL")
    }

    // MARK: Inside GDAL

    /// Below the path checks, GDAL's network file systems are gone for the whole process, including
    /// `/vsicurl_streaming/` and `/vsicurl?url=`, which ignore `CPL_VSIL_CURL_ALLOWED_FILENAME`.
    /// They are what a VRT would use if one ever got past the checks.
    @Test func networkFileSystemsOpenNothing() throws {
        let listener = try LocalListener()
        let paths = ["/vsicurl/", "/vsicurl_streaming/", "/vsicurl?url=", "/vsicurl\\", "/vsizip//vsicurl/"]
            .map { "\($0)\(listener.url)/hazards.geojson" }
        for path in paths {
            #expect(throws: GeoDataError.self, "\(path)") {
                try GDALDataset.openWithoutFileChecks(path: path, vector: true, drivers: GDALRuntime.vectorDrivers)
            }
        }
        #expect(listener.stop() == 0, "a network file system reached the listener")
    }

    /// A layer path that names a GDAL virtual file system is refused before GDAL sees it.
    @Test(arguments: ["/vsicurl/http://127.0.0.1:9/x.geojson", "/vsimem/x.geojson", "/vsizip//tmp/x.zip/x.shp"])
    func virtualFileSystemPathsAreRefused(_ path: String) throws {
        let error = try #require(geoError { try readVectorLayer(at: path, targetEPSG: 32638) })
        #expect(error.kind == .unsupportedFormat && error.message.contains("/vsi"), "\(error)")
    }

    /// Only the drivers clearcast documents remain: a GPX or KML file is not read, however valid.
    @Test func formatsOutsideTheAllowListAreRefused() throws {
        let gpx = try dir.write("""
            <?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">
            <wpt lat="39.76" lon="46.75"><name>a</name></wpt></gpx>
            """, to: "points.gpx")
        let kml = try dir.write("""
            <?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark>
            <Point><coordinates>46.75,39.76</coordinates></Point></Placemark></kml>
            """, to: "points.kml")
        for path in [gpx, kml] {
            let error = try #require(geoError { try readVectorLayer(at: path, targetEPSG: 32638) })
            #expect(error.kind == .unsupportedFormat, "\(error)")
            #expect(error.message.contains("GeoJSON, GeoPackage, Shapefile or CSV"), "\(error)")
        }
    }
}
