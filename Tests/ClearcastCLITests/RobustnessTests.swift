import _TestSupport
import Foundation
import Testing

/// Issue 8: inputs at the edges of what a planner can give `clearcast` get defined answers.
///
/// The failing cases (layer with no or an unknown CRS, zero-area hazard) are in the broken corpus
/// (`Fixtures/broken/EXPECTED.tsv`); here are the inputs that must be *accepted*: exit code 0,
/// a warning where something is odd, and finite numbers in every result.
@Suite struct RobustnessTests {
    static let directory = CLIRunner.fixtures.appendingPathComponent("robustness")
    /// This test's output directory, removed when the test ends.
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("robust")
    }

    func path(_ name: String) -> String { scratch.file(name) }

    // MARK: CRS

    /// A shapefile without .prj and a CSV are fine once the scenario states their CRS.
    @Test func layersWithoutCRSAreReadWithTheDeclaredOne() throws {
        let run = try CLIRunner.run(["validate", "declared-crs.yaml"], in: Self.directory)
        #expect(run.status == 0, "\(run.stderr)")
        // The same 12 incidents and 3 hazards as the GeoJSON fixture, all inside the grid.
        #expect(run.stdout.contains("12 incidents (0 outside the grid), 2 settlements, 3 hazard areas"), "\(run.stdout)")
    }

    // MARK: Teams

    @Test func teamWithNoEligibleTaskIsAWarningNotAnError() throws {
        let run = try CLIRunner.run(["validate", "idle-team.yaml"], in: Self.directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("no eligible task"), "\(run.stderr)")
        #expect(run.stderr.contains("bac"), "the warning names the idle team: \(run.stderr)")
    }

    // MARK: Degenerate inputs

    /// All incidents in one cell, nobody displaced, a single hazard: a score, not NaN.
    @Test func degenerateInputsScoreToFiniteNumbers() throws {
        let run = try CLIRunner.run(["score", "degenerate.yaml", "--out", path("score.json"), "--reproducible"],
                                    in: Self.directory)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try Self.json(path("score.json"))
        #expect(Self.nonFinite(in: json).isEmpty, "non-finite values at \(Self.nonFinite(in: json))")
        let hazards = try #require((json as? [String: Any])?["hazards"] as? [[String: Any]])
        #expect(hazards.count == 1)
        #expect(hazards.first?["rank"] as? Int == 1)
        // Nobody displaced: return pressure contributes nothing, the other factors share the score.
        let factors = (hazards.first?["factors"] as? [[String: Any]]) ?? []
        let weights = Dictionary(uniqueKeysWithValues: factors.compactMap { factor in
            (factor["factor"] as? String).map { ($0, (factor["share"] as? Double) ?? .nan) }
        })
        #expect(weights["return_pressure"] == 0, "\(weights)")
        #expect(abs(weights.values.reduce(0, +) - 1) < 1e-9, "\(weights)")
        let mean = try #require(hazards.first?["meanScore"] as? Double)
        #expect(mean > 0 && mean <= 1)
    }

    @Test func degenerateInputsSimulateToFiniteNumbers() throws {
        let run = try CLIRunner.run(["simulate", "degenerate.yaml", "--out", path("sim.json"), "--replications", "4",
                                     "--threads", "2", "--quiet", "--reproducible"], in: Self.directory)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try Self.json(path("sim.json"))
        #expect(Self.nonFinite(in: json).isEmpty, "non-finite values at \(Self.nonFinite(in: json))")
    }

    // MARK: Horizon

    /// Work that cannot finish within the horizon is a result (unfinished replications), not an error.
    @Test func workBeyondTheHorizonIsReported() throws {
        let run = try CLIRunner.run(["simulate", "unfinishable.yaml", "--out", path("sim.json"), "--threads", "1",
                                     "--quiet", "--reproducible"], in: Self.directory)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try Self.json(path("sim.json")) as? [String: Any])
        #expect(json["replications"] as? Int == 4)
        #expect(json["unfinishedReplications"] as? Int == 4, "\(json["unfinishedReplications"] ?? "none")")
        #expect(Self.nonFinite(in: json).isEmpty, "non-finite values at \(Self.nonFinite(in: json))")
    }

    // MARK: Helpers

    static func json(_ path: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// JSON paths holding a non-finite number, or a string a NaN/infinity could have been encoded as.
    static func nonFinite(in value: Any, at path: String = "$") -> [String] {
        switch value {
        case let object as [String: Any]:
            return object.keys.sorted().flatMap { nonFinite(in: object[$0]!, at: "\(path).\($0)") }
        case let array as [Any]:
            return array.enumerated().flatMap { nonFinite(in: $1, at: "\(path)[\($0)]") }
        case let number as NSNumber:
            return number.doubleValue.isFinite ? [] : [path]
        case let text as String:
            return ["nan", "-nan", "inf", "-inf", "infinity", "-infinity"].contains(text.lowercased()) ? [path] : []
        default:
            return []
        }
    }
}
