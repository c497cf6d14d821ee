import _TestSupport
import Foundation
import Testing

/// `clearcast plan` as a planner runs it: the answer, the JSON, the notebook, and errors that name
/// the option at fault.
@Suite("plan command")
struct PlanCommandTests {
    static let valid = CLIRunner.fixtures.appendingPathComponent("valid.yaml").path

    @Test func planWritesAResultThatReportReads() throws {
        let scratch = try ScratchDirectory("plan")
        let run = try CLIRunner.run(["plan", Self.valid, "--by", "2024-12-31", "--max-replications", "100", "--quiet",
                                     "--reproducible", "--out", scratch.file("plan.json")], timeout: .seconds(600))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Plan for ") && run.stdout.contains("Frontier"), "\(run.stdout)")
        #expect(run.stdout.contains("Answer: ") || run.stdout.contains("Unreachable within"), "\(run.stdout)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: scratch.fileURL("plan.json"))) as? [String: Any]
        #expect(json?["kind"] as? String == "plan" && (json?["frontier"] as? [Any])?.isEmpty == false)
        // The same seed gives the same bytes, whatever the thread count.
        let again = try CLIRunner.run(["plan", Self.valid, "--by", "2024-12-31", "--max-replications", "100", "--quiet",
                                       "--reproducible", "--threads", "1", "--out", scratch.file("again.json")], timeout: .seconds(600))
        #expect(again.status == 0)
        #expect(try Data(contentsOf: scratch.fileURL("plan.json")) == Data(contentsOf: scratch.fileURL("again.json")))
        let report = try CLIRunner.run(["report", scratch.file("plan.json"), "--notebook", scratch.file("plan.ipynb")])
        #expect(report.status == 0, "\(report.stderr)")
        let notebook = try String(contentsOfFile: scratch.file("plan.ipynb"), encoding: .utf8)
        #expect(notebook.contains("Probability of meeting the target") && notebook.contains("PLAN_PATH"))
    }

    /// `--set` changes the scenario the plan starts from, and the result records it.
    @Test func overridesReachThePlan() throws {
        let scratch = try ScratchDirectory("plan-set")
        let run = try CLIRunner.run(["plan", Self.valid, "--by", "2024-12-31", "--kinds", "manual", "--max-multiplier", "1",
                                     "--max-replications", "50", "--quiet", "--set", "simulation.teams[kind=manual].count=*3",
                                     "--out", scratch.file("p.json")], timeout: .seconds(300))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("manual-1 6"), "the baseline fields 2 × 3 manual teams: \(run.stdout)")
        let text = try String(contentsOfFile: scratch.file("p.json"), encoding: .utf8)
        #expect(text.contains("simulation.teams[kind=manual].count=*3"))
    }

    /// `--mix` searches the cheapest mix within bounds; its result validates and reports.
    @Test func mixModeWritesAResult() throws {
        let scratch = try ScratchDirectory("plan-mix")
        let scenario = try scratch.write(try String(contentsOfFile: Self.valid, encoding: .utf8)
            .replacingOccurrences(of: "\nsimulation:\n", with: "\nsimulation:\n  costs:\n    currency: USD\n    per_team_day: {manual: 600, survey: 500, bac: 800}\n")
            .replacingOccurrences(of: "layers/", with: CLIRunner.fixtures.path + "/layers/"), to: "costed.yaml")
        let run = try CLIRunner.run(["plan", scenario, "--by", "2024-12-31", "--mix", "manual=1..6,survey=1..3", "--max-replications", "100",
                                     "--quiet", "--reproducible", "--out", scratch.file("mix.json")], timeout: .seconds(600))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Cheapest team mix for ") && run.stdout.contains("Mixes tried"), "\(run.stdout)")
        let json = try String(contentsOfFile: scratch.file("mix.json"), encoding: .utf8)
        #expect(json.contains("\"mode\" : \"mix\"") || json.contains("\"mode\":\"mix\""), "\(json.prefix(400))")
        let report = try CLIRunner.run(["report", scratch.file("mix.json"), "--notebook", scratch.file("mix.ipynb")])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(try String(contentsOfFile: scratch.file("mix.ipynb"), encoding: .utf8).contains("Probability of meeting the target by cost"))
        for (mix, message) in [("manul=1..4", "did you mean 'manual'?"), ("manual=4..1", "expected KIND=LOW..HIGH"),
                               ("dogs=0..4", "no dogs teams")] {
            let bad = try CLIRunner.run(["plan", scenario, "--by", "2024-12-31", "--mix", mix, "--quiet"], timeout: .seconds(300))
            #expect(bad.status == 2 && bad.stderr.contains(message), "\(mix): \(bad.stderr)")
        }
    }

    @Test(arguments: [
        (["--by", "2024-13-01"], "--by: found '2024-13-01'; expected a date YYYY-MM-DD"),
        (["--by", "2030-01-01"], "after the horizon's end"),
        (["--by", "2024-12-31", "--types", "AP,IED"], "--types: found 'IED'; expected AP, AV, CM or UXO"),
        (["--by", "2024-12-31", "--kinds", "manul"], "did you mean 'manual'?"),
        (["--by", "2024-12-31", "--kinds", "dogs"], "the scenario has no dogs teams"),
        (["--by", "2024-12-31", "--groups", "manual-9"], "no team group 'manual-9'"),
        (["--by", "2024-12-31", "--probability", "1"], "probability must be in (0, 1)"),
        (["--by", "2024-12-31", "--regions", "Nowhere"], "no hazard area lies in region 'Nowhere'"),
        (["--by", "2024-12-31", "--budget-per-year", "1000"], "a budget needs the scenario's costs.per_team_day"),
    ])
    func badOptionsAreNamed(options: [String], message: String) throws {
        let run = try CLIRunner.run(["plan", Self.valid, "--quiet"] + options, timeout: .seconds(300))
        #expect(run.status == 2, "\(options): \(run.stderr)")
        #expect(run.stderr.contains(message), "\(options): \(run.stderr)")
    }
}
