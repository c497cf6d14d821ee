import _TestSupport
import Foundation
import Reporting
import Testing

/// `--set PATH=VALUE` reaches every command that reads a scenario, changes its result as the same
/// edit in a file does, and is recorded in the result's provenance.
@Suite struct OverrideCommandTests {
    static let valid = CLIRunner.fixtures.appendingPathComponent("valid.yaml").path

    /// Writes a variant of the fixture (it `extends:` it) into `scratch` and returns its path.
    static func variant(_ scratch: ScratchDirectory, _ name: String, _ text: String) throws -> String {
        try scratch.write("extends: \(valid)\n" + text, to: name)
    }

    @Test func validateAppliesAndListsTheOverrides() throws {
        let run = try CLIRunner.run(["validate", Self.valid, "--set", "simulation.teams[kind=manual].count=*2",
                                     "--set", "simulation.policy=nearest_first"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("  with --set simulation.teams[kind=manual].count=*2\n  with --set simulation.policy=nearest_first\n"), "\(run.stdout)")
    }

    @Test func aWrongOverrideIsABadInputNamingIt() throws {
        let selector = try CLIRunner.run(["validate", Self.valid, "--set", "simulation.teams[kind=manul].count=1"])
        #expect(selector.status == 2)
        #expect(selector.stderr.contains("--set simulation.teams[kind=manul].count=1: simulation.teams: has no item with kind 'manul'; did you mean 'manual'? (kinds: manual, survey, bac)"), "\(selector.stderr)")
        let range = try CLIRunner.run(["simulate", Self.valid, "--set", "simulation.horizon_years=0", "--quiet"])
        #expect(range.status == 2)
        #expect(range.stderr.contains("--set simulation.horizon_years=0: simulation.horizon_years: found 0, expected a horizon in whole years"), "\(range.stderr)")
        let syntax = try CLIRunner.run(["score", Self.valid, "--set", "scoring.weights"])
        #expect(syntax.status == 2)
        #expect(syntax.stderr.contains("--set scoring.weights: expected PATH=VALUE"), "\(syntax.stderr)")
    }

    @Test func scoreRecordsTheOverrideAndChangesTheResultAsTheFileWould() throws {
        let scratch = try ScratchDirectory("override-score")
        defer { scratch.remove() }
        let edited = try Self.variant(scratch, "edited.yaml", "scoring:\n  incident_density: {bandwidth_m: 900}\n")
        let set = try CLIRunner.run(["score", Self.valid, "--set", "scoring.incident_density.bandwidth_m=900", "--reproducible",
                                     "--quiet", "--out", scratch.file("set.json")])
        let file = try CLIRunner.run(["score", edited, "--reproducible", "--quiet", "--out", scratch.file("file.json")])
        #expect(set.status == 0 && file.status == 0, "\(set.stderr)\(file.stderr)")
        var bySet = try ResultEncoding.decode(ScoreResult.self, from: Data(contentsOf: scratch.fileURL("set.json")))
        var byFile = try ResultEncoding.decode(ScoreResult.self, from: Data(contentsOf: scratch.fileURL("file.json")))
        #expect(bySet.provenance.scenarios.map(\.overrides) == [["scoring.incident_density.bandwidth_m=900"]])
        #expect(byFile.provenance.scenarios.map(\.overrides) == [nil])
        (bySet.provenance.scenarios, byFile.provenance.scenarios) = ([], [])
        #expect(bySet == byFile)
        try Self.validateSchema(scratch.file("set.json"))
    }

    @Test func simulateRecordsTheOverrideAndChangesTheResultAsTheFileWould() throws {
        let scratch = try ScratchDirectory("override-simulate")
        defer { scratch.remove() }
        let edited = try Self.variant(scratch, "edited.yaml", "simulation:\n  horizon_years: 3\n  teams:\n    - {kind: manual, count: 4, productivity: {dist: lognormal, median: 400, p90: 800}}\n    - {kind: survey, count: 1, productivity: 50000}\n    - {kind: bac, count: 1, productivity: 3000}\n")
        let arguments = ["--replications", "6", "--reproducible", "--quiet"]
        let set = try CLIRunner.run(["simulate", Self.valid, "--set", "simulation.horizon_years=3", "--set", "simulation.teams[0].count=*2",
                                     "--out", scratch.file("set.json")] + arguments)
        let file = try CLIRunner.run(["simulate", edited, "--out", scratch.file("file.json")] + arguments)
        #expect(set.status == 0 && file.status == 0, "\(set.stderr)\(file.stderr)")
        var bySet = try ResultEncoding.decode(SimulationResult.self, from: Data(contentsOf: scratch.fileURL("set.json")))
        var byFile = try ResultEncoding.decode(SimulationResult.self, from: Data(contentsOf: scratch.fileURL("file.json")))
        #expect(bySet.horizonYears == 3)
        #expect(bySet.provenance.scenarios.first?.overrides == ["simulation.horizon_years=3", "simulation.teams[0].count=*2"])
        (bySet.provenance.scenarios, byFile.provenance.scenarios) = ([], [])
        #expect(bySet == byFile)
        try Self.validateSchema(scratch.file("set.json"))
        // The result file reads back through the Swift validation too.
        let report = try CLIRunner.run(["report", scratch.file("set.json"), "--notebook", scratch.file("set.ipynb")])
        #expect(report.status == 0, "\(report.stderr)")
    }

    @Test func compareAppliesEachOverrideToEveryScenario() throws {
        let scratch = try ScratchDirectory("override-compare")
        defer { scratch.remove() }
        let other = try Self.variant(scratch, "other.yaml", "name: Nearest first\nsimulation:\n  policy: nearest_first\n")
        let run = try CLIRunner.run(["compare", Self.valid, other, "--set", "simulation.horizon_years=2", "--replications", "4",
                                     "--reproducible", "--quiet", "--out", scratch.file("c.json")])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try ResultEncoding.decode(CompareResult.self, from: Data(contentsOf: scratch.fileURL("c.json")))
        #expect(result.scenarios.map(\.horizonYears) == [2, 2])
        #expect(result.provenance.scenarios.map(\.overrides) == [["simulation.horizon_years=2"], ["simulation.horizon_years=2"]])
        try Self.validateSchema(scratch.file("c.json"))
        // A selector that one of the scenarios cannot follow stops the comparison, naming the override.
        let wrong = try CLIRunner.run(["compare", Self.valid, other, "--set", "simulation.teams[3].count=1", "--quiet"])
        #expect(wrong.status == 2 && wrong.stderr.contains("--set simulation.teams[3].count=1: simulation.teams: has 3 items (items [0] to [2]), found [3]"), "\(wrong.stderr)")
    }

    @Test func helpShowsTheOption() throws {
        for command in ["validate", "score", "simulate", "compare"] {
            let run = try CLIRunner.run([command, "--help"])
            #expect(run.stdout.contains("--set <PATH=VALUE>"), "\(command): \(run.stdout)")
        }
        #expect(try CLIRunner.run(["compare", "--help"]).stdout.lowercased().contains("applied to every scenario"))
    }

    /// schemas/validate.py on `file`, when Python's jsonschema is installed (skipped visibly otherwise by the schema tests).
    static func validateSchema(_ file: String) throws {
        guard TestEnvironment.hasPythonModules(["jsonschema"]) else { return }
        let run = try TestEnvironment.runPython([CLIRunner.packageRoot.appendingPathComponent("schemas/validate.py").path, file])
        #expect(run.status == 0, "schema validation failed:\n\(run.combined)")
    }
}
