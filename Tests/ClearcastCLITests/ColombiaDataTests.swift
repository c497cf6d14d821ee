import _TestSupport
import Foundation
import Testing

/// The Colombian victims file has known defects (swapped columns, "2,006" years, an incomplete 2023,
/// several victims per incident); `scenarios/colombia/prepare.py` handles each explicitly. These tests
/// run it as a planner would regenerate the layers.
@Suite(.enabled(if: TestEnvironment.hasPython, "needs python3 on PATH (or CLEARCAST_PYTHON) to run prepare.py"))
struct ColombiaDataTests {
    static let script = CLIRunner.packageRoot.appendingPathComponent("scenarios/colombia/prepare.py")
    /// The full victims file, in the shared data directory.
    static let rawVictims = "data/colombia-victims/SituacionVictimas.csv"

    /// Runs prepare.py; its report is on standard output, its warnings on standard error.
    func prepare(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let run = try TestEnvironment.runPython([Self.script.path] + arguments)
        return (run.status, run.combined)
    }

    /// The excerpt holds every defect; the counts were established by reading its 56 rows by hand
    /// (see scenarios/colombia/README.md, "Excerpt check values").
    @Test func excerptDefectsAreHandledAndCounted() throws {
        let scratch = try ScratchDirectory("colombia")
        defer { scratch.remove() }
        let out = scratch.url
        let excerpt = CLIRunner.packageRoot.appendingPathComponent("scenarios/colombia/raw-excerpt.csv").path
        let run = try prepare(["--input", excerpt, "--output", out.path, "--provenance", out.appendingPathComponent("P.md").path])
        #expect(run.status == 0, "\(run.output)")
        for line in [
            "rows read (victims): 56", "estado/genero swapped back: 56", "years written with a thousands separator (fixed): 56",
            "rows dropped: outside Antioquia (DANE department 5): 10", "rows dropped: year 2023 (incomplete in the source): 6",
            "victims kept (Antioquia, 1990-2022): 40", "municipalities: 15",
            "incidents (groups of municipality, year, month, coordinate): 33", "incidents with more than one victim: 3",
            "incidents with a civilian/military tie (victim set to military): 1",
        ] {
            #expect(run.output.contains(line), "missing «\(line)» in:\n\(run.output)")
        }
        let csv = try String(contentsOf: out.appendingPathComponent("incidents-antioquia.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n")
        #expect(rows.count == 34)  // header + 33 incidents
        #expect(!csv.contains("2,0"), "no year keeps its thousands separator")
        #expect(!csv.contains("2023-"), "the incomplete year 2023 is left out")
    }

    /// With the shared data (as in CI), the committed layers are exactly what the script makes.
    @Test(.enabled(if: TestEnvironment.sharedFile(Self.rawVictims) != nil,
                   "needs the full victims file ../shared/data/colombia-victims/SituacionVictimas.csv (present in CI)"))
    func committedLayersAreCurrent() throws {
        let raw = try #require(TestEnvironment.sharedFile(Self.rawVictims))
        let scratch = try ScratchDirectory("colombia-full")
        defer { scratch.remove() }
        let out = scratch.url
        let run = try prepare(["--input", raw.path, "--output", out.path, "--provenance", out.appendingPathComponent("P.md").path])
        #expect(run.status == 0, "\(run.output)")
        let committed = CLIRunner.packageRoot.appendingPathComponent("scenarios/colombia/layers")
        for name in ["incidents-antioquia.csv", "settlements-antioquia.geojson", "hazards-proxy-2010.geojson", "hazards-proxy-2015.geojson"] {
            let made = try Data(contentsOf: out.appendingPathComponent(name))
            let kept = try Data(contentsOf: committed.appendingPathComponent(name))
            #expect(made == kept, "\(name) differs from what prepare.py makes: regenerate it")
        }
    }
}
