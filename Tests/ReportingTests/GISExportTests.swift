import _TestSupport
import ClearanceModel
import Foundation
import GeoData
import Reporting
import Scenarios
import Testing

/// The hazard GIS layer is written from the loaded scenario layers (polygons in the grid CRS, checked
/// attributes, feature ids) and the typed release forecast, not from the hazard file read again.
@Suite struct GISExportTests {
    /// The scenario and its layers, removed when the test ends.
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("gis-export")
        try scratch.write(Self.scenario, to: "scenario.yaml")
        try scratch.write(Self.featureCollection(Self.hazards), to: "layers/hazards.geojson")
        try scratch.write(Self.featureCollection(Self.incidents), to: "layers/incidents.geojson")
        try scratch.write(Self.featureCollection(Self.settlements), to: "layers/settlements.geojson")
    }

    @Test func hazardsAreExportedWithoutTheHazardFile() throws {
        let scenario = try ScenarioLoader.load(path: scratch.file("scenario.yaml"))
        let layers = try ScenarioLayers.load(scenario)
        let run = try SimulationRun.run(scenario: scenario, layers: layers,
                                        options: .init(replications: 20, seed: 11, threads: 1))
        let hazardFile = scratch.file("layers/hazards.geojson")
        try FileManager.default.removeItem(atPath: hazardFile)
        #expect(!FileManager.default.fileExists(atPath: hazardFile))

        try GISExport.writeHazards(run, layers: layers, to: scratch.file("simulated.geojson"))
        let features = try Self.features(scratch.file("simulated.geojson"))
        // In a GeoPackage the release quantiles are DATE fields, not text.
        try GISExport.writeHazards(run, layers: layers, to: scratch.file("simulated.gpkg"))
        let package = try readVectorLayer(at: scratch.file("simulated.gpkg"), targetEPSG: 32638)
        for name in ["release_p10", "release_p50", "release_p90"] {
            #expect(package.fields.first { $0.name == name }?.type == .date, "\(name)")
        }
        // Layer order, the source's feature ids, its polygons (already in the grid CRS) and attributes.
        #expect(features.map { $0["id"] as? Int } == [7, 3, 5])
        let properties = features.map { $0["properties"] as? [String: Any] ?? [:] }
        #expect(properties.map { $0["id"] as? String } == ["H1", "H2", "H3"])
        #expect(properties.map { $0["name"] as? String } == ["North ridge", nil, nil])
        #expect(properties.map { $0["type"] as? String } == ["AP", "UXO", "AV"])
        #expect(properties.map { $0["status"] as? String } == ["CHA", "SHA", "CHA"])
        #expect(properties.map { $0["region"] as? String } == ["North", "South", nil])
        #expect(properties.compactMap { $0["rank"] as? Int }.sorted() == [1, 2, 3])
        // GeoJSON is written in WGS 84 (RFC 7946): the source's UTM coordinates, transformed, to
        // 1e-7 degrees (~1 cm, the precision GDAL writes).
        let toWGS84 = try CoordinateTransformer(fromEPSG: 32638, toEPSG: 4326)
        for (feature, source) in zip(features, Self.hazards) {
            let geometry = feature["geometry"] as? [String: Any]
            #expect(geometry?["type"] as? String == source.type)
            let written = Self.numbers(geometry?["coordinates"]), utm = Self.numbers(try Self.json(source.coordinates))
            #expect(written.count == utm.count)
            for pair in stride(from: 0, to: min(written.count, utm.count) - 1, by: 2) {
                let expected = try toWGS84.transform(x: utm[pair], y: utm[pair + 1])
                #expect(abs(written[pair] - expected.x) < 1e-7 && abs(written[pair + 1] - expected.y) < 1e-7)
            }
        }
        // Release dates and the p50 year, computed independently with Foundation's calendar.
        let releases = run.forecast.taskReleases
        #expect(releases.contains { $0.p50Day != nil }, "the fixture should release some area within the horizon")
        for (id, values) in zip(["H1", "H2", "H3"], properties) {
            let task = try #require(releases.first { $0.id == id })
            let p50 = task.p50Day.map { Self.calendarDate(daysAfterStart: $0) }
            #expect(values["release_p50"] as? String == p50?.text)
            #expect(values["release_p10"] as? String == task.p10Day.map { Self.calendarDate(daysAfterStart: $0).text })
            #expect(values["release_year_p50"] as? Int == p50?.year)
            #expect(values["released_share"] as? Double == task.releasedShare)
            // Mean m² by outcome, as the forecast gives them; they add up to the area.
            // (GeoJSON keeps 15 significant digits.)
            let outcomes = ["cancelled_m2", "reduced_m2", "cleared_m2", "remaining_m2"].compactMap { values[$0] as? Double }
            let expected = [task.meanCancelled, task.meanReduced, task.meanCleared, task.meanRemaining]
            #expect(outcomes.count == 4 && zip(outcomes, expected).allSatisfy { abs($0 - $1) <= 1e-12 * max(abs($1), 1) }, "\(id)")
            let area = try #require(values["area_m2"] as? Double)
            #expect(abs(outcomes.reduce(0, +) - area) <= 1e-9 * area, "\(id)")
        }
        let outcomeFields = package.fields.filter { ["cancelled_m2", "reduced_m2", "cleared_m2", "remaining_m2"].contains($0.name) }
        #expect(outcomeFields.count == 4 && outcomeFields.allSatisfy { $0.type == .real })

        // The score run's layer needs no file either.
        let scoring = try ScoringRun.run(scenario: scenario, layers: layers, holdoutAfter: nil)
        let provenance = Provenance(version: "0", command: "score", scenarios: [], seed: nil, replications: nil,
                                    threads: nil, blas: nil, runDate: nil)
        let score = ScoreReport.make(provenance: provenance, scenario: scenario, layers: layers, run: scoring)
        try GISExport.writeHazards(score, layers: layers, to: scratch.file("scored.geojson"))
        let scored = try Self.features(scratch.file("scored.geojson"))
        #expect(scored.map { ($0["properties"] as? [String: Any])?["id"] as? String } == ["H1", "H2", "H3"])
        #expect(scored.allSatisfy { ($0["properties"] as? [String: Any])?["release_p50"] == nil })
        // Per factor: share, mean value and alone-rank, as in the result (GeoJSON keeps 15 digits).
        for feature in scored {
            let values = feature["properties"] as? [String: Any] ?? [:]
            let hazard = try #require(score.hazards.first { $0.id == values["id"] as? String })
            #expect(!hazard.factors.isEmpty)
            for share in hazard.factors {
                #expect(isApproximatelyEqual(values["share_\(share.factor)"] as? Double ?? .nan, share.share))
                #expect(isApproximatelyEqual(values["value_\(share.factor)"] as? Double ?? .nan, share.meanValue ?? .nan))
                #expect(values["alone_rank_\(share.factor)"] as? Int == share.aloneRank)
            }
        }
    }

    // MARK: Fixture

    /// The simulation starts on 2021-01-01; `days` after it as text and year, from Foundation (UTC).
    static func calendarDate(daysAfterStart days: Int) -> (text: String, year: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: 2021, month: 1, day: 1))!
        let c = calendar.dateComponents([.year, .month, .day], from: calendar.date(byAdding: .day, value: days, to: start)!)
        return (String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!), c.year!)
    }

    static func features(_ path: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        return try #require((object as? [String: Any])?["features"] as? [[String: Any]])
    }

    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
    }

    /// Every number of nested coordinate arrays, in order.
    static func numbers(_ value: Any?) -> [Double] {
        if let array = value as? [Any] { return array.flatMap { numbers($0) } }
        return (value as? NSNumber).map { [$0.doubleValue] } ?? []
    }

    /// One GeoJSON feature: its feature id, and its properties and coordinates as JSON text.
    struct Feature: Sendable {
        var fid: Int?
        var properties: String
        var type: String
        var coordinates: String
    }

    /// A closed square ring, as JSON text.
    static func square(_ x: Int, _ y: Int, _ side: Int) -> String {
        "[[\(x), \(y)], [\(x + side), \(y)], [\(x + side), \(y + side)], [\(x), \(y + side)], [\(x), \(y)]]"
    }

    static let hazards = [
        Feature(fid: 7, properties: #"{"id": "H1", "name": "North ridge", "type": "AP", "status": "CHA", "region": "North"}"#,
                type: "Polygon", coordinates: "[\(square(602_000, 4_386_000, 600))]"),
        Feature(fid: 3, properties: #"{"id": "H2", "type": "UXO", "status": "SHA", "region": "South"}"#,
                type: "MultiPolygon", coordinates: "[[\(square(605_000, 4_382_000, 400))], [\(square(606_000, 4_382_000, 400))]]"),
        Feature(fid: 5, properties: #"{"id": "H3", "type": "AV", "status": "CHA"}"#,
                type: "Polygon", coordinates: "[[[603000, 4384000], [603800, 4384000], [603000, 4384500], [603000, 4384000]]]"),
    ]
    static let incidents = [
        Feature(fid: nil, properties: #"{"date": "2021-01-10", "casualties": 1}"#, type: "Point", coordinates: "[602300, 4386300]"),
        Feature(fid: nil, properties: #"{"date": "2023-03-12", "casualties": 2}"#, type: "Point", coordinates: "[605200, 4382100]"),
    ]
    static let settlements = [
        Feature(fid: nil, properties: #"{"name": "Village A", "displaced": 1200, "return_share": 0.5}"#, type: "Point",
                coordinates: "[604000, 4385000]"),
    ]

    /// A GeoJSON feature collection in EPSG:32638, the grid CRS.
    static func featureCollection(_ features: [Feature]) -> String {
        let items = features.map { f in
            let id = f.fid.map { #""id": \#($0), "# } ?? ""
            return #"{"type": "Feature", \#(id)"properties": \#(f.properties), "geometry": {"type": "\#(f.type)", "coordinates": \#(f.coordinates)}}"#
        }
        return #"{"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32638"}}, "features": ["#
            + items.joined(separator: ",\n") + "]}"
    }

    static let scenario = """
        clearcast: 1
        name: GIS export fixture
        reference_date: 2024-06-30
        grid:
          crs: EPSG:32638
          bbox: [600000, 4380000, 610000, 4390000]
          cell_size: 200
        layers:
          incidents: layers/incidents.geojson
          settlements: layers/settlements.geojson
          hazards: layers/hazards.geojson
        scoring:
          weights:
            direct: {incidents: 0.4, return_pressure: 0.3, contamination: 0.3}
        simulation:
          start_date: 2021-01-01
          horizon_years: 5
          replications: 20
          seed: 11
          land_release:
            nts_cancel_share: {dist: uniform, min: 0.2, max: 0.5}
            ts_reduce_share: 0.2
          teams:
            - {kind: manual, count: 2, productivity: {dist: lognormal, median: 400, p90: 800}}
            - {kind: survey, count: 1, productivity: 50000}
            - {kind: bac, count: 1, productivity: 3000}
        """
}
