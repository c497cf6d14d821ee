import _TestSupport
import Foundation
import Testing

/// `clearcast calibrate` as a planner runs it: the verdict table, the JSON (schema-valid), the
/// notebook, and errors that name the observed file's line and field, the parameter or the option.
@Suite("calibrate command")
struct CalibrateCommandTests {
    static let demo = CLIRunner.packageRoot.appendingPathComponent("scenarios/demo/demo.yaml").path
    static let share = "simulation.land_release.nts_cancel_share=0.1..0.6"
    static let manual = "simulation.teams[kind=manual].count,simulation.teams[kind=manual].capacity_plan=*~0.5..1.5"

    /// The demo's own yearly released area (its as-written mean over 50 replications, seed 99).
    static let observed = """
        period_start,period_end,metric,value,unit,source
        2021-01-01,2021-12-31,released_area,1503.5,ha,demo
        2022-01-01,2022-12-31,released_area,1415.6,ha,demo
        2023-01-01,2023-12-31,released_area,981.4,ha,demo
        2024-01-01,2024-12-31,released_area,789.8,ha,demo
        2020-11-10,2021-12-14,casualties,197,people,not fitted

        """

    @Test func fitsReportsAndExports() throws {
        let scratch = try ScratchDirectory("calibrate-cli")
        let csv = try scratch.write(Self.observed, to: "observed.csv")
        let out = scratch.file("calibration.json")
        let run = try CLIRunner.run(["calibrate", Self.demo, "--observed", csv, "--param", Self.share, "--param", Self.manual,
                                     "--points", "12", "--replications", "4", "--seed", "1", "--quiet", "--reproducible", "--out", out],
                                    timeout: .seconds(600))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Calibration of Demo valley"), "\(run.stdout)")
        #expect(run.stdout.contains("4 figures, 12 points × 4 replications") && run.stdout.contains("accepted (90 %)")
                    && run.stdout.contains("Forecast over the") && run.stdout.contains("1 row of the observed file"), "\(run.stdout)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any] ?? [:]
        #expect(json["kind"] as? String == "calibrate" && (json["points"] as? [Any])?.count == 12)
        #expect((json["parameters"] as? [Any])?.count == 2 && (json["pairs"] as? [Any])?.count == 1)
        #expect((json["forecast"] as? [[String: Any]])?.map { $0["type"] as? String } == ["AP", "AV", "CM", "UXO"])
        try OverrideCommandTests.validateSchema(out)
        let notebook = scratch.file("calibration.ipynb")
        let report = try CLIRunner.run(["report", out, "--notebook", notebook, "--quiet"])
        #expect(report.status == 0, "\(report.stderr)")
        let text = try String(contentsOfFile: notebook, encoding: .utf8)
        #expect(text.contains("Calibration of Demo valley") && text.contains("class=\\\"point accepted\\\""))
    }

    @Test(arguments: [
        ("period_start,period_end,metric,value\n2021-01-01,2021-12-31,released_area,12x\n", [String](), "observed.csv:2: value: found '12x'"),
        ("period_start,period_end,metric,value\n2040-01-01,2040-12-31,released_area,12\n", [String](), "is not inside the simulation"),
        ("period_start,period_end,value\n", [String](), "missing column metric"),
        (observed, ["--param", "simulation.land_release.nts_cancel_share=0.6..0.1"], "LOW 0.6 ≥ HIGH 0.1"),
        (observed, ["--param", "simulation.teams[kind=manual].count=1.5..4.5"], "calibration parameter"),
        (observed, ["--input", "funding"], "has no uncertainty input"),
        (observed, ["--points", "1"], "--points must be between 2"),
        (observed, ["--level", "1.2"], "--level must be between 0 and 1"),
    ])
    func badInputsAreNamed(csv: String, options: [String], message: String) throws {
        let scratch = try ScratchDirectory("calibrate-cli-bad")
        let path = try scratch.write(csv, to: "observed.csv")
        let parameters = options.contains("--param") || options.contains("--input") ? [] : ["--param", Self.share]
        let run = try CLIRunner.run(["calibrate", Self.demo, "--observed", path, "--points", "2", "--replications", "1", "--quiet"]
                                    + parameters + options, timeout: .seconds(600))
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test func missingObservedFileIsNamed() throws {
        let run = try CLIRunner.run(["calibrate", Self.demo, "--observed", "/nonexistent/observed.csv", "--param", Self.share, "--quiet"])
        #expect(run.status == 2 && run.stderr.contains("/nonexistent/observed.csv"), "\(run.stderr)")
    }
}
