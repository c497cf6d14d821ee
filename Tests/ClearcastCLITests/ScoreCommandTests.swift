import _TestSupport
import Foundation
import GeoData
import Reporting
import Testing

@Suite struct ScoreCommandTests {
    /// This test's output directory, removed when the test ends.
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("score")
    }

    func path(_ name: String) -> String { scratch.file(name) }

    @Test func scoreWritesResultRasterAndHazardLayer() throws {
        let run = try CLIRunner.run(["score", "valid.yaml", "--out", path("r.json"), "--raster", path("p.tif"),
                                     "--hazards", path("h.gpkg"), "--reproducible"], in: CLIRunner.fixtures)
        #expect(run.status == 0, "\(run.stderr)")
        let result = try ResultEncoding.decode(ScoreResult.self, from: Data(contentsOf: URL(fileURLWithPath: path("r.json"))))
        #expect(result.kind == "score" && result.schema == "clearcast-result/2")
        #expect(result.provenance.runDate == nil)
        #expect(result.hazards.map(\.rank) == [1, 2, 3])
        for hazard in result.hazards where hazard.meanScore > 0 {
            #expect(abs(hazard.shares.map(\.weight).reduce(0, +) - 1) < 1e-9)
        }
        // The raster is georeferenced on the scenario grid: 80 x 70 cells of 200 m from (678000, 4390000).
        let raster = try readRaster(path: path("p.tif"))
        #expect(raster.columns == 80 && raster.rows == 70 && raster.epsg == 32638)
        #expect(raster.geoTransform == [678_000, 200, 0, 4_390_000, 0, -200])
        #expect(raster.bandDescriptions == ["incidents", "return_pressure", "contamination", "priority"])
        // The hazard layer carries the ranking.
        let layer = try readVectorLayer(at: path("h.gpkg"), targetEPSG: 32638)
        #expect(layer.features.count == 3)
        let ranks = layer.features.compactMap { $0.attributes["rank"]?.intValue }.sorted()
        #expect(ranks == [1, 2, 3])
        let top = try #require(layer.features.first { $0.attributes["rank"]?.intValue == 1 })
        #expect(top.attributes["id"]?.stringValue == result.hazards[0].id)
        #expect(top.attributes["score_mean"]?.doubleValue == result.hazards[0].meanScore)
    }

    @Test func sameInputsGiveByteIdenticalJSON() throws {
        for name in ["a.json", "b.json"] {
            let run = try CLIRunner.run(["score", "valid.yaml", "--out", path(name), "--reproducible"], in: CLIRunner.fixtures)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let a = try Data(contentsOf: URL(fileURLWithPath: path("a.json")))
        let b = try Data(contentsOf: URL(fileURLWithPath: path("b.json")))
        #expect(a == b && !a.isEmpty)
        // Neither does the number of OpenBLAS threads (OpenBLAS runs one per call, the products are cut
        // into fixed blocks): --reproducible leaves out what describes the run and keeps the kernel.
        let one = try CLIRunner.run(["score", "valid.yaml", "--out", path("c.json"), "--reproducible"],
                                    in: CLIRunner.fixtures, environment: ["OPENBLAS_NUM_THREADS": "1"])
        #expect(one.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path("c.json"))) == a)
        // Nor does clearcast's own bound on threads, which cuts nothing differently.
        for threads in ["1", "3"] {
            let run = try CLIRunner.run(["score", "valid.yaml", "--out", path("t\(threads).json"), "--reproducible",
                                         "--threads", threads], in: CLIRunner.fixtures)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path("t\(threads).json"))) == a, "--threads \(threads)")
        }
        let zero = try CLIRunner.run(["score", "valid.yaml", "--threads", "0"], in: CLIRunner.fixtures)
        #expect(zero.status == 2 && zero.stderr.contains("--threads must be between 1 and 1024"))
        let decoded = try ResultEncoding.decode(ScoreResult.self, from: a)
        #expect(decoded.provenance.threads == nil && decoded.provenance.runDate == nil)
        #expect(decoded.provenance.blas?.core.isEmpty == false && decoded.provenance.blas?.threads == nil
                && decoded.provenance.blas?.advisory == nil)
    }

    @Test func holdoutValidationReportsBaselines() throws {
        let run = try CLIRunner.run(["score", "valid.yaml", "--holdout-after", "2023-01-01", "--out", path("v.json")],
                                    in: CLIRunner.fixtures)
        #expect(run.status == 0, "\(run.stderr)")
        let result = try ResultEncoding.decode(ScoreResult.self, from: Data(contentsOf: URL(fileURLWithPath: path("v.json"))))
        let validation = try #require(result.validation)
        // Fixture incidents are dated 2021..2023 by index (i % 3): 4 of 12 are in 2023.
        #expect(validation.trainingIncidents + validation.heldOutIncidents == 12)
        #expect(validation.heldOutIncidents == 4)
        #expect(validation.uniform.hitRate10 == 0.1 && validation.uniform.pai10 == 1)
        #expect(validation.uniform.auc == 0.5)
        #expect(run.stdout.contains("density only"))
    }

    @Test func badHoldoutDateAndUnwritableOutputExitTwo() throws {
        let date = try CLIRunner.run(["score", "valid.yaml", "--holdout-after", "soon"], in: CLIRunner.fixtures)
        #expect(date.status == 2 && date.stderr.contains("expected a date written YYYY-MM-DD"))
        let out = try CLIRunner.run(["score", "valid.yaml", "--out", "/nonexistent/dir/r.json"], in: CLIRunner.fixtures)
        #expect(out.status == 2 && out.stderr.contains("does not exist"))
        let late = try CLIRunner.run(["score", "valid.yaml", "--holdout-after", "2030-01-01"], in: CLIRunner.fixtures)
        #expect(late.status == 2 && late.stderr.contains("no incident is dated on or after 2030-01-01"))
    }

    /// A run that would not fit in memory is refused before it allocates, naming the figure and the limit.
    @Test func memoryLimitIsCheckedBeforeAllocating() throws {
        let run = try CLIRunner.run(["score", "valid.yaml", "--out", path("r.json")], in: CLIRunner.fixtures,
                                    environment: ["CLEARCAST_MEMORY_LIMIT_MB": "64"])
        #expect(run.status == 2 && run.stderr.contains("MB of memory, over the limit of 67 MB"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path("r.json")))
        let simulate = try CLIRunner.run(["simulate", "valid.yaml", "--replications", "100000", "--yes"], in: CLIRunner.fixtures,
                                         environment: ["CLEARCAST_MEMORY_LIMIT_MB": "100"])
        #expect(simulate.status == 2 && simulate.stderr.contains("MB of memory, over the limit of 105 MB"), "\(simulate.stderr)")
    }

    /// The limit is parsed strictly: a unit, a word, a sign or infinity is an error, not ignored.
    @Test(arguments: ["50MB", "abc", "-1", "0", "inf", "1e3", "63", ""])
    func memoryLimitIsParsedStrictly(value: String) throws {
        let run = try CLIRunner.run(["validate", "valid.yaml"], in: CLIRunner.fixtures,
                                    environment: ["CLEARCAST_MEMORY_LIMIT_MB": value])
        let score = try CLIRunner.run(["score", "valid.yaml"], in: CLIRunner.fixtures,
                                      environment: ["CLEARCAST_MEMORY_LIMIT_MB": value])
        #expect(run.status == 0, "validate allocates nothing large: \(run.stderr)")
        #expect(score.status == 2 && score.stderr.contains("CLEARCAST_MEMORY_LIMIT_MB: found '\(value)', expected a whole number"),
                "\(score.stderr)")
    }

    /// The estimate counts fielded teams, not only tasks: 100,000 teams per group asks first.
    @Test func manyTeamsNeedConfirmation() throws {
        let scratch = try ScratchDirectory("many-teams")
        let valid = CLIRunner.fixtures.appendingPathComponent("valid.yaml").path
        let scenario = try scratch.write("""
            extends: \(valid)
            simulation:
              teams:
                - {kind: manual, count: 100000, productivity: 400}
                - {kind: survey, count: 100000, productivity: 50000}
                - {kind: bac, count: 100000, productivity: 3000}
            """, to: "s.yaml")
        let run = try CLIRunner.run(["simulate", scenario, "--replications", "100000", "--threads", "1"], timeout: .seconds(120))
        #expect(run.status == 2 && run.stderr.contains("hours; pass --yes to run it anyway"), "\(run.stderr)")
    }

    /// A run estimated to take hours asks for --yes instead of starting (no terminal to ask on here).
    @Test func longRunNeedsConfirmation() throws {
        let run = try CLIRunner.run(["simulate", "scenarios/karabakh/baseline.yaml", "--replications", "1000000", "--threads", "1"],
                                    environment: ["CLEARCAST_MEMORY_LIMIT_MB": "1000000"])
        #expect(run.status == 2 && run.stderr.contains("hours; pass --yes to run it anyway"), "\(run.stderr)")
    }
}
