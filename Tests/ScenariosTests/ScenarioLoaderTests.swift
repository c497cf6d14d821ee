import ClearcastDomain
import EventSimulation
import Foundation
import Testing
import ClearanceModel
@testable import Scenarios

@Suite struct ScenarioLoaderTests {
    @Test func validScenarioLoadsWithDefaults() throws {
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        try fixture.write("s.yaml", ScenarioFixture.valid)
        let scenario = try fixture.load("s.yaml").get()
        #expect(scenario.name == "Fixture valley")
        #expect(scenario.grid == GridSpec(epsg: 32638, minX: 600_000, minY: 4_380_000, maxX: 610_000, maxY: 4_390_000, cellSize: 100))
        #expect(scenario.layers.incidents.url.lastPathComponent == "incidents.geojson")
        #expect(scenario.layers.landUse == nil)
        #expect(scenario.scoring.bandwidthMetres == 1500)
        #expect(scenario.scoring.truncationSigmas == 4)  // default kept
        #expect(scenario.scoring.weights == .direct([.incidents: 0.5, .returnPressure: 0.2, .contamination: 0.3]))
        let simulation = try #require(scenario.simulation)
        #expect(simulation.startDate == CivilDate.parse("2020-11-10"))
        #expect(simulation.calendar.workingDays == [1, 2, 3, 4, 5])
        #expect(simulation.calendar.recurringHolidays == [.init(month: 1, day: 1)])
        #expect(simulation.calendar.holidays == [CivilDate.parse("2021-05-28")!])
        #expect(simulation.calendar.stoppages.first?.from == .init(month: 12, day: 1))
        #expect(simulation.teams.count == 2)
        #expect(simulation.teams[1].capacityPlan == [2021: 1, 2023: 3])
        #expect(simulation.teams[1].productivity["default"] == .constant(20_000))
        #expect(simulation.teams[1].productivity["UXO"] == .triangular(min: 10_000, mode: 20_000, max: 40_000))
    }

    @Test func jsonIsAcceptedToo() throws {
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        try fixture.write("s.json", """
            {"clearcast": 1, "name": "J", "reference_date": "2024-01-01",
             "grid": {"crs": "EPSG:32638", "bbox": [0, 0, 1000, 1000], "cell_size": 100},
             "layers": {"incidents": "layers/incidents.geojson", "settlements": "layers/settlements.geojson",
                        "hazards": "layers/hazards.geojson"}}
            """)
        #expect(try fixture.load("s.json").get().grid.cellSize == 100)
    }

    /// Each kind of mistake gives a message naming the file, the field, the line and what was expected.
    /// (The last argument is unused documentation of the fixture line; the test counts it itself.)
    @Test(arguments: [
        ("  cell_size: 100", "  cel_size: 100", "grid.cel_size", "unknown field 'cel_size'; did you mean 'cell_size'?", 7),
        ("  cell_size: 100", "  cell_size: -100", "grid.cell_size", "found -100, expected a cell size in metres greater than 0", 7),
        ("  cell_size: 100", "  cell_size: wide", "grid.cell_size", "found 'wide', expected a number", 7),
        ("  cell_size: 100", "  cell_size: \"100\"", "grid.cell_size", "found '100', expected a number", 7),
        ("reference_date: 2024-06-30", "reference_date: 2024-02-30", "reference_date", "found '2024-02-30', expected a date written YYYY-MM-DD", 3),
        ("crs: EPSG:32638", "crs: WGS84", "grid.crs", "found 'WGS84', expected a CRS written EPSG:<code>", 5),
        ("  incidents: layers/incidents.geojson", "  incidents: layers/nowhere.geojson", "layers.incidents", "layer file 'layers/nowhere.geojson' not found", 9),
        ("weather_loss: 0.1", "weather_loss: 1.5", "simulation.calendar.weather_loss", "found 1.5, expected a share of working days lost in [0, 0.95]", 23),
        ("median: 300, p90: 600", "median: 300, p90: 200", "simulation.teams[0].productivity", "impossible distribution: lognormal: p90", 31),
        ("kind: manual", "kind: manul", "simulation.teams[0].kind", "did you mean 'manual'?", 29),
        ("nts_cancel_share: {dist: beta, alpha: 2, beta: 3}", "nts_cancel_share: {dist: normal, mean: 0.3, sd: 0.1}",
         "simulation.land_release.nts_cancel_share", "expected a share", 27),
        ("count: 4", "count: 2.5", "simulation.teams[0].count", "expected a number of teams: a whole number", 30),
        // A horizon of 0 days would leave the engine no year to book in: refused here, by name.
        ("horizon_years: 10", "horizon_years: 0", "simulation.horizon_years", "found 0, expected a horizon in whole years: a whole number from 1 to 100", 19),
    ])
    func eachMistakeIsReportedPrecisely(old: String, new: String, path: String, message: String, valueLine: Int) throws {
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        let text = ScenarioFixture.valid.replacing(old, with: new)
        let file = try fixture.write("s.yaml", text)
        // The line the parser must report: the one holding the changed value, counted independently.
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(new) }) + 1
        let issues = fixture.issues("s.yaml")
        let issue = try #require(issues.first { $0.path == path }, "no issue at \(path) in \(issues)")
        #expect(issue.message.contains(message), "\(issue.message)")
        #expect(issue.file == file)
        #expect(issue.line == line)
        #expect(issue.description.hasPrefix("\(file):\(line): \(path): "))
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        let text = ScenarioFixture.valid
            .replacing("  cell_size: 100", with: "  cell_size: 0")
            .replacing("name: Fixture valley\n", with: "")
            .replacing("seed: 7", with: "seed: -1")
        try fixture.write("s.yaml", text)
        let paths = Set(fixture.issues("s.yaml").map(\.path))
        #expect(paths == ["grid.cell_size", "", "simulation.seed"])
    }

    @Test func missingFileAndMalformedText() throws {
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        #expect(fixture.issues("absent.yaml").first?.message == "scenario file not found")
        try fixture.write("bad.yaml", "name: [unclosed\nclearcast: 1\n")
        let issue = try #require(fixture.issues("bad.yaml").first)
        #expect(issue.message.hasPrefix("not valid YAML or JSON"))
        #expect(issue.line != nil)
        try fixture.write("list.yaml", "- 1\n- 2\n")
        #expect(fixture.issues("list.yaml").first?.message.contains("expected a scenario mapping") == true)
        try fixture.write("empty.yaml", "")
        #expect(fixture.issues("empty.yaml").first?.message.contains("empty") == true)
    }

    @Test func extendsOverridesFieldsAndResolvesPathsFromTheirOwnFile() throws {
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        try fixture.write("s.yaml", ScenarioFixture.valid)
        try fixture.write("variants/more.yaml", """
            extends: ../s.yaml
            name: More teams
            grid:
              cell_size: 200
            simulation:
              policy: nearest_first
            """)
        let scenario = try fixture.load("variants/more.yaml").get()
        #expect(scenario.name == "More teams")
        #expect(scenario.grid.cellSize == 200)
        #expect(scenario.grid.epsg == 32638)  // inherited
        #expect(scenario.simulation?.policy == .nearestFirst)
        #expect(scenario.simulation?.teams.count == 2)
        #expect(scenario.layers.hazards.url.path == fixture.directory.appendingPathComponent("layers/hazards.geojson").standardizedFileURL.path)
        #expect(scenario.sourceFiles.map(\.lastPathComponent) == ["more.yaml", "s.yaml"])

        // An error in an inherited field names the base file and its line.
        try fixture.write("variants/broken.yaml", "extends: ../s.yaml\nsimulation:\n  horizon_years: -1\n")
        let issue = try #require(fixture.issues("variants/broken.yaml").first)
        #expect(issue.file.hasSuffix("variants/broken.yaml") && issue.line == 3 && issue.path == "simulation.horizon_years")
    }

    @Test func extendsCycleIsAnError() throws {
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        try fixture.write("a.yaml", "extends: b.yaml\n")
        try fixture.write("b.yaml", "extends: a.yaml\n")
        let issue = try #require(fixture.issues("a.yaml").first)
        #expect(issue.message == "extends cycle: a.yaml -> b.yaml -> a.yaml")
        try fixture.write("self.yaml", "extends: self.yaml\n")
        #expect(fixture.issues("self.yaml").first?.message == "extends cycle: self.yaml -> self.yaml")
    }

    @Test func ahpMatrixMustBeReciprocalAndPositive() throws {
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        let ahp = """
            weights:
                ahp:
                  factors: [incidents, contamination, return_pressure]
                  matrix: [[1, 3, 5], [0.3333, 1, 2], [0.2, 0.5, 1]]
            """
        let base = ScenarioFixture.valid.replacing("""
            weights:
                direct: {incidents: 0.5, return_pressure: 0.2, contamination: 0.3}
            """, with: ahp)
        try fixture.write("ok.yaml", base)
        guard case .ahp(_, let matrix, false) = try fixture.load("ok.yaml").get().scoring.weights else {
            Issue.record("expected AHP weights")
            return
        }
        #expect(matrix[1][0] == 1.0 / 3.0)  // exact reciprocal of the upper triangle

        try fixture.write("nonrecip.yaml", base.replacing("[0.2, 0.5, 1]", with: "[0.2, 2, 1]"))
        let issue = try #require(fixture.issues("nonrecip.yaml").first)
        #expect(issue.message.contains("entry [2][1] is 2.0 but entry [1][2] is 2.0; expected reciprocals"))
        try fixture.write("negative.yaml", base.replacing("[0.2, 0.5, 1]", with: "[-0.2, 0.5, 1]"))
        #expect(fixture.issues("negative.yaml").first?.message.contains("found -0.2, expected a pairwise comparison (Saaty scale 1/9 to 9) in [0.001, 1000]") == true)
        try fixture.write("ragged.yaml", base.replacing("[0.2, 0.5, 1]", with: "[0.2, 0.5]"))
        #expect(fixture.issues("ragged.yaml").first?.message.contains("must be square") == true)
    }
}

/// `land_release.density_factors` reaches the model (and only documented classes are accepted).
@Suite("Density factors in scenarios")
struct DensityFactorScenarioTests {
    @Test func densityFactorsAreReadAndChecked() throws {
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        let base = ScenarioFixture.valid
        try fixture.write("ok.yaml", base.replacing("    ts_reduce_share:", with: "    density_factors: {high: 0.5, low: 1.5}\n    ts_reduce_share:"))
        let scenario = try fixture.load("ok.yaml").get()
        #expect(scenario.simulation?.densityFactors == [.high: 0.5, .low: 1.5])
        try fixture.write("bad.yaml", base.replacing("    ts_reduce_share:", with: "    density_factors: {hihg: 0.5}\n    ts_reduce_share:"))
        #expect(fixture.issues("bad.yaml").first?.message.contains("unknown field 'hihg'") == true, "\(fixture.issues("bad.yaml"))")
        try fixture.write("zero.yaml", base.replacing("    ts_reduce_share:", with: "    density_factors: {high: 0}\n    ts_reduce_share:"))
        #expect(fixture.issues("zero.yaml").first?.message.contains("in [0.01, 100]") == true)
    }
}
