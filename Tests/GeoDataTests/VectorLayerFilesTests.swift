import _TestSupport
import ClearcastDomain
import Foundation
import Testing
@testable import GeoData

/// ``vectorLayerFiles(at:)`` lists every file GDAL reads for a layer: what the scenario hash covers.
@Suite("Files behind a vector layer")
struct VectorLayerFilesTests {
    let dir: ScratchDirectory
    init() throws { dir = try ScratchDirectory("geodata-files") }

    /// The names of `files` relative to the scratch directory.
    func names(_ files: [String]) -> [String] {
        let prefix = URL(fileURLWithPath: dir.path).standardizedFileURL.path + "/"
        return files.map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 }
    }

    /// A Shapefile is its .shp and every side file GDAL opens, but not unrelated files beside it.
    @Test func shapefileListsItsSideFiles() throws {
        let path = dir.file("hazards.shp")
        try writeVectorDataset(path: path, reportedPath: path, driverName: "ESRI Shapefile", epsg: 32638, layerName: "hazards",
                               fields: [FieldDefinition(name: "status", type: .string)],
                               features: [VectorFeature(fid: 0, geometry: .point(Point2(x: 650_000, y: 4_400_000)),
                                                        attributes: ["status": .string("CHA")])])
        try dir.write("unrelated", to: "roads.dbf")
        try dir.write("notes", to: "hazards-notes.txt")
        try dir.write("<metadata/>", to: "hazards.shp.xml")  // GDAL does not read it
        let files = names(try vectorLayerFiles(at: path))
        let expected = ["hazards.dbf", "hazards.prj", "hazards.shp", "hazards.shx"]
            + (FileManager.default.fileExists(atPath: dir.file("hazards.cpg")) ? ["hazards.cpg"] : [])
        #expect(files == expected.sorted())
    }

    /// A CSV's .csvt (column types) and .prj (CRS) are read without GDAL listing them; they are added.
    @Test func csvListsItsTypesAndProjection() throws {
        let path = try dir.write("lon,lat,casualties\n46.75,39.76,2\n", to: "incidents.csv")
        #expect(names(try vectorLayerFiles(at: path)) == ["incidents.csv"])
        try dir.write("\"Real\",\"Real\",\"Integer\"\n", to: "incidents.csvt")
        try dir.write(#"GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]"#,
                      to: "incidents.prj")
        try dir.write("x,y\n", to: "other.csv")
        #expect(names(try vectorLayerFiles(at: path)) == ["incidents.csv", "incidents.csvt", "incidents.prj"])
    }

    /// GeoJSON and GeoPackage are single files; a leftover `.aux.xml` is neither read nor listed.
    @Test func singleFileFormats() throws {
        let feature = VectorFeature(fid: 1, geometry: .point(Point2(x: 650_000, y: 4_400_000)))
        for name in ["hazards.geojson", "hazards.gpkg"] {
            let path = dir.file(name)
            try writeVectorLayer(path: path, epsg: 32638, layerName: "hazards", fields: [], features: [feature])
            try dir.write("<PAMDataset/>", to: name + ".aux.xml")
            #expect(names(try vectorLayerFiles(at: path)) == [name])
        }
    }

    /// Listing opens the file as reading does, so it fails the same way on a missing file or a VRT.
    @Test func listingFailsLikeReading() throws {
        #expect(geoError { try vectorLayerFiles(at: dir.file("missing.shp")) }?.kind == .fileNotFound)
        let vrt = try dir.write("<OGRVRTDataSource/>", to: "layer.vrt")
        #expect(geoError { try vectorLayerFiles(at: vrt) }?.kind == .unsupportedFormat)
    }
}
