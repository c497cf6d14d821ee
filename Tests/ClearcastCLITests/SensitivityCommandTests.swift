import _TestSupport
import Foundation
import Testing

/// `clearcast sensitivity` as a planner runs it: the ranked table, the JSON, the notebook, and
/// errors that name the section, the input or the option at fault.
@Suite("sensitivity command")
struct SensitivityCommandTests {
    static let valid = CLIRunner.fixtures.appendingPathComponent("valid.yaml").path

    /// The CLI fixture with an `uncertainty:` section (through `extends:`, so its layers resolve).
    static func scenario(in scratch: ScratchDirectory, shareRange: String = "[0.1, 0.5]") throws -> String {
        try scratch.write(Data("""
            extends: \(valid)
            name: CLI fixture sensitivity
            uncertainty:
              inputs:
                - path: simulation.teams[kind=manual].count
                  range: [1, 4]
                  label: manual teams
                - path: simulation.land_release.ts_reduce_share
                  range: \(shareRange)
                  label: TS reduce share
                - path: simulation.teams[kind=manual].productivity.median
                  scale: [0.7, 1.3]
              outputs: [completion_years.AP, completion_years.UXO, remaining_km2]

            """.utf8), to: "sensitivity.yaml")
    }

    static func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:]
    }

    @Test func oneAtATimeRanksTheInputs() throws {
        let scratch = try ScratchDirectory("sensitivity-oat")
        let path = try Self.scenario(in: scratch)
        let run = try CLIRunner.run(["sensitivity", path, "--method", "oat", "--replications", "6", "--quiet",
                                     "--out", scratch.file("oat.json")], timeout: .seconds(600))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Sensitivity of CLI fixture sensitivity: one at a time"), "\(run.stdout)")
        #expect(run.stdout.contains("Completion, Anti-personnel (AP): median years from the start")
                    && run.stdout.contains("inputs by swing") && run.stdout.contains("range 1 to 4 (whole)"), "\(run.stdout)")
        let json = try Self.json(scratch.file("oat.json"))
        #expect(json["kind"] as? String == "sensitivity" && json["method"] as? String == "oat" && json["samples"] == nil)
        #expect((json["points"] as? [Any])?.count == 6)
        let outputs = json["outputs"] as? [[String: Any]] ?? []
        #expect(outputs.map { $0["name"] as? String } == ["completion_years.AP", "completion_years.UXO", "remaining_km2"])
        #expect(outputs.map { $0["units"] as? String } == ["years", "years", "km²"])
        // More manual teams never finish AP land later: the high end's output is at most the low end's.
        let teams = (outputs.first?["oneAtATime"] as? [[String: Double]])?.first
        #expect((teams?["high"] ?? 1) <= (teams?["low"] ?? 0), "\(String(describing: teams))")
    }

    @Test func morrisIsReproducibleAndReported() throws {
        let scratch = try ScratchDirectory("sensitivity-morris")
        let path = try Self.scenario(in: scratch)
        let arguments = ["sensitivity", path, "--samples", "3", "--replications", "4", "--quiet", "--reproducible",
                         "--set", "simulation.horizon_years=4"]
        let run = try CLIRunner.run(arguments + ["--out", scratch.file("m.json")], timeout: .seconds(600))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Morris elementary effects, 3 trajectories on a 4-level grid (12 points and the baseline)")
                    && run.stdout.contains("inputs by μ*"), "\(run.stdout)")
        let json = try Self.json(scratch.file("m.json"))
        #expect(json["samples"] as? Int == 3 && json["levels"] as? Int == 4 && json["horizonYears"] as? Int == 4)
        #expect((json["points"] as? [[String: Any]])?.allSatisfy { ($0["coordinates"] as? [Double])?.count == 3 } == true)
        let text = try String(contentsOfFile: scratch.file("m.json"), encoding: .utf8)
        #expect(text.contains("\"simulation.horizon_years=4\""), "the override is in the provenance")
        // The same seed gives the same bytes, whatever the thread count.
        let again = try CLIRunner.run(arguments + ["--threads", "1", "--out", scratch.file("again.json")], timeout: .seconds(600))
        #expect(again.status == 0)
        #expect(try Data(contentsOf: scratch.fileURL("m.json")) == Data(contentsOf: scratch.fileURL("again.json")))
        let report = try CLIRunner.run(["report", scratch.file("m.json"), "--notebook", scratch.file("m.ipynb")])
        #expect(report.status == 0, "\(report.stderr)")
        let notebook = try String(contentsOfFile: scratch.file("m.ipynb"), encoding: .utf8)
        #expect(notebook.contains("SENSITIVITY_PATH = \\\"m.json\\\"") && notebook.contains("Morris screening"), "\(notebook.prefix(2000))")
        #expect(notebook.components(separatedBy: "class=\\\"point\\\"").count - 1 == 3 * 3, "3 inputs on each of 3 output charts")
        // A sensitivity result of another scenario does not go into a notebook with this one's forecast.
        let other = try CLIRunner.run(["simulate", "scenarios/demo/demo.yaml", "--replications", "2", "--quiet",
                                       "--out", scratch.file("demo.json")], timeout: .seconds(600))
        #expect(other.status == 0, "\(other.stderr)")
        let mixed = try CLIRunner.run(["report", scratch.file("m.json"), scratch.file("demo.json"), "--notebook", scratch.file("x.ipynb")])
        #expect(mixed.status == 2 && mixed.stderr.contains("share no scenario"), "\(mixed.stderr)")
    }

    /// SALib, the reference library, analyses the same design points and simulated outputs of a
    /// small clearance scenario and gets the same Morris measures (skipped, saying so, without SALib).
    @Test(.enabled(if: TestEnvironment.hasPythonModules(["SALib"]), "needs python3 with SALib: pip install SALib"))
    func salibAgreesOnAClearanceScenario() throws {
        let scratch = try ScratchDirectory("sensitivity-salib")
        let path = try Self.scenario(in: scratch)
        let run = try CLIRunner.run(["sensitivity", path, "--samples", "4", "--replications", "3", "--quiet", "--reproducible",
                                     "--set", "simulation.horizon_years=4", "--out", scratch.file("m.json")], timeout: .seconds(600))
        #expect(run.status == 0, "\(run.stderr)")
        let script = """
            import json, sys
            import numpy as np
            from SALib.analyze import morris
            r = json.load(open(sys.argv[1]))
            d = len(r["inputs"])
            problem = {"num_vars": d, "names": [i["label"] for i in r["inputs"]], "bounds": [[0, 1]] * d}
            x = np.array([p["coordinates"] for p in r["points"]])
            worst = 0.0
            for j, out in enumerate(r["outputs"]):
                y = np.array([p["outputs"][j] for p in r["points"]])
                s = morris.analyze(problem, x, y, num_levels=r["levels"], num_resamples=10)
                for i, ours in enumerate(out["morris"]):
                    scale = max(1.0, abs(ours["muStar"]))
                    worst = max(worst, abs(s["mu_star"][i] - ours["muStar"]) / scale, abs(s["mu"][i] - ours["mu"]) / scale,
                                abs(s["sigma"][i] - ours["sigma"]) / max(1.0, abs(ours["sigma"])))
            print("largest relative difference", worst)
            sys.exit(0 if worst < 1e-9 else 1)
            """
        let salib = try TestEnvironment.runPython(["-c", script, scratch.file("m.json")])
        #expect(salib.status == 0, "\(salib.stdout)\(salib.stderr)")
    }

    @Test func aScenarioWithoutUncertaintyIsRefused() throws {
        let run = try CLIRunner.run(["sensitivity", Self.valid, "--quiet"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("valid.yaml: uncertainty: missing") && run.stderr.contains("docs/scenario-format.md"), "\(run.stderr)")
    }

    /// A share above 1 at the high end is found by building the scenario at both ends, before any
    /// forecast runs (no design point starts), and the message names the input.
    @Test func anInvalidEndIsRefusedBeforeAnyRun() throws {
        let scratch = try ScratchDirectory("sensitivity-ends")
        let path = try Self.scenario(in: scratch, shareRange: "[0.5, 1.5]")
        let run = try CLIRunner.run(["sensitivity", path, "--method", "oat", "--out", scratch.file("s.json")],
                                    environment: ["CLEARCAST_TEST_READY_LINE": "1"])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("uncertainty.inputs[1] (TS reduce share) at its high end, "
                                    + "simulation.land_release.ts_reduce_share=1.5"), "\(run.stderr)")
        #expect(!run.stderr.contains("clearcast: ready"), "no design point ran: \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.file("s.json")))
    }

    @Test(arguments: [
        (["--method", "morri"], "did you mean 'morris'?"),
        (["--method", "oat", "--samples", "4"], "--samples applies to morris and sobol"),
        (["--method", "sobol", "--samples", "1"], "--samples must be between 2 and 100000 for sobol, found 1"),
        (["--replications", "0"], "--replications must be between 1 and 1000000"),
    ])
    func badOptionsAreNamed(options: [String], message: String) throws {
        let run = try CLIRunner.run(["sensitivity", Self.valid, "--quiet"] + options)
        #expect(run.status == 2, "\(options): \(run.stderr)")
        #expect(run.stderr.contains(message), "\(options): \(run.stderr)")
    }
}
