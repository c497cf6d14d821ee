import _TestSupport
import ClearcastDomain
import EventSimulation
import Foundation
import Testing
@testable import Scenarios

/// `--set PATH=VALUE` (``ScenarioOverride``): each path form and value kind gives the scenario the
/// same edit written into a copy of the file gives, and every mistake names the override.
@Suite struct ScenarioOverrideTests {
    /// The merge tests' base: teams named deminers, machines and survey; a stoppage named snow.
    static let base = ExtendsMergeTests.base

    /// Loads the base with `overrides` and a copy of it edited by `edit`, and expects the same
    /// typed scenario (apart from the file name and the recorded overrides).
    func expectSame(_ overrides: [String], as edit: (String) -> String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        let path = try fixture.write("s.yaml", Self.base)
        try fixture.write("edited.yaml", edit(Self.base))
        let parsed = try overrides.map(ScenarioOverride.init)
        var overridden = try ScenarioLoader.load(path: path, overrides: parsed)
        var edited = try fixture.load("edited.yaml").get()
        #expect(overridden.overrides == parsed, sourceLocation: sourceLocation)
        #expect(overridden.overrides.map(\.description) == overrides, sourceLocation: sourceLocation)
        overridden.overrides = []
        (overridden.file, overridden.sourceFiles, edited.sourceFiles) = (edited.file, [], [])
        #expect(overridden == edited, sourceLocation: sourceLocation)
    }

    @Test func eachPathFormGivesTheSameScenarioAsEditingTheFile() throws {
        // Dotted keys; a list selector by name, by another field, and by index.
        try expectSame(["simulation.horizon_years=12"]) { $0.replacing("horizon_years: 10", with: "horizon_years: 12") }
        try expectSame(["simulation.teams[name=machines].count=7"]) { $0.replacing("count: 2\n", with: "count: 7\n") }
        try expectSame(["simulation.teams[kind=mechanical].count=7"]) { $0.replacing("count: 2\n", with: "count: 7\n") }
        try expectSame(["simulation.teams[1].count=7"]) { $0.replacing("count: 2\n", with: "count: 7\n") }
        try expectSame(["simulation.teams[name='machines'].capacity_plan.2024=8"]) { $0.replacing("{2022: 3, 2024: 5}", with: "{2022: 3, 2024: 8}") }
        try expectSame(["simulation.calendar.holidays[1]=2022-01-07"]) { $0.replacing("2021-05-28]", with: "2022-01-07]") }
        try expectSame(["simulation.calendar.stoppages[name=snow].to=\"04-01\""]) { $0.replacing("to: \"03-15\"", with: "to: \"04-01\"") }
        try expectSame(["simulation.teams[name=deminers].productivity.median=400"]) { $0.replacing("median: 300", with: "median: 400") }
        // A field the file does not write is created, with the mappings on the way.
        try expectSame(["simulation.accidents.rate_per_km2=0.1"]) { $0 + "  accidents: {rate_per_km2: 0.1}\n" }
        try expectSame(["simulation.teams[name=machines].capacity_plan.2026=9"]) { $0.replacing("2024: 5}", with: "2024: 5, 2026: 9}") }
    }

    @Test func valuesAreYAMLScalarsAndFlowValues() throws {
        try expectSame(["simulation.policy=nearest_first"]) { $0 + "  policy: nearest_first\n" }
        try expectSame(["name='Fixture: more'"]) { $0.replacing("name: Fixture valley", with: "name: 'Fixture: more'") }
        try expectSame(["simulation.calendar.working_days=[mon, tue]"]) { $0.replacing("[mon, tue, wed, thu, fri]", with: "[mon, tue]") }
        try expectSame(["simulation.land_release.nts_cancel_share={dist: uniform, min: 0.1, max: 0.3}"]) {
            $0.replacing("{dist: beta, alpha: 2, beta: 3}", with: "{dist: uniform, min: 0.1, max: 0.3}")
        }
        // Empty removes the field: its default applies.
        try expectSame(["simulation.calendar.weather_loss="]) { $0.replacing("    weather_loss: 0.1\n", with: "") }
        try expectSame(["simulation.calendar.weather_loss=null"]) { $0.replacing("    weather_loss: 0.1\n", with: "") }
        // A later override wins.
        try expectSame(["simulation.seed=1", "simulation.seed=99"]) { $0.replacing("seed: 7", with: "seed: 99") }
    }

    @Test func multiplyingIsExactDecimalArithmetic() throws {
        try expectSame(["simulation.teams[name=machines].count=*2"]) { $0.replacing("count: 2\n", with: "count: 4\n") }
        try expectSame(["simulation.teams[name=deminers].count=*1.5"]) { $0.replacing("count: 4\n", with: "count: 6\n") }
        // 300 × 1.1 is 330 exactly (in binary floating point it is 330.00000000000006).
        try expectSame(["simulation.teams[name=deminers].productivity.median=*1.1"]) { $0.replacing("median: 300", with: "median: 330") }
        // A mapping or list of numbers: each number.
        try expectSame(["simulation.teams[name=machines].capacity_plan=*2"]) { $0.replacing("{2022: 3, 2024: 5}", with: "{2022: 6, 2024: 10}") }
        try expectSame(["grid.bbox=*0.5"]) { $0.replacing("[600000, 4380000, 610000, 4390000]", with: "[300000, 2190000, 305000, 2195000]") }
    }

    /// Random counts and factors against integer arithmetic: count × f is whole exactly when
    /// count × (100 f) is a multiple of 100; otherwise the reader refuses it, naming the override.
    @Test func multiplyingAWholeNumberFieldAgreesWithIntegerArithmetic() throws {
        var rng = SeededGenerator(seed: 1804)
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        var refused = 0, accepted = 0
        for _ in 0..<40 {
            let count = Int.random(in: 0...400, using: &rng)
            // Half the factors are quarters (×0.25, ×1.5, …), so that many products are whole.
            let hundredths = Bool.random(using: &rng) ? 25 * Int.random(in: 1...16, using: &rng) : Int.random(in: 1...400, using: &rng)
            let factor = "\(hundredths / 100).\(String(format: "%02d", hundredths % 100))"
            let path = try fixture.write("s.yaml", Self.base.replacing("count: 2\n", with: "count: \(count)\n"))
            let override = try ScenarioOverride("simulation.teams[name=machines].count=*\(factor)")
            if (count * hundredths) % 100 == 0 {
                let scenario = try ScenarioLoader.load(path: path, overrides: [override])
                #expect(scenario.simulation?.teams[1].count == count * hundredths / 100, "\(count) × \(factor)")
                accepted += 1
            } else {
                let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(path: path, overrides: [override]) }
                let issue = try #require(error.issues.first)
                #expect(issue.file == "--set simulation.teams[name=machines].count=*\(factor)" && issue.line == nil)
                #expect(issue.path == "simulation.teams[1].count")
                #expect(issue.message.contains("expected a number of teams: a whole number"), "\(issue.message)")
                refused += 1
            }
        }
        #expect(accepted > 0 && refused > 0)
    }

    // MARK: Mistakes

    /// The single problem of loading the base with `overrides`.
    func problem(_ overrides: String...) throws -> ScenarioIssue {
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        let path = try fixture.write("s.yaml", Self.base)
        let error = try #require(throws: ScenarioError.self) {
            try ScenarioLoader.load(path: path, overrides: overrides.map(ScenarioOverride.init))
        }
        #expect(error.issues.count == 1, "\(error.issues)")
        return try #require(error.issues.first)
    }

    @Test func pathMistakesSayWhatThePathMeets() throws {
        let selector = try problem("simulation.teams[name=machine].count=*2")
        #expect(selector.description == "--set simulation.teams[name=machine].count=*2: simulation.teams: has no item with name 'machine'; did you mean 'machines'? (names: deminers, machines, survey)")
        #expect(try problem("simulation.teams[name=mach].count=*2").message.hasPrefix("has no item with name 'mach'; did you mean 'machines'?"))
        #expect(try problem("simulation.teams[7].count=1").message == "has 3 items (items [0] to [2]), found [7]")
        #expect(try problem("simulation.horizon_years.max=1").message == "is a single value ('10'), so it has no field 'max'")
        #expect(try problem("simulation.teams.count=1").message == "is a list, so it has no field 'count'; select an item first, e.g. [name=deminers].count")
        #expect(try problem("simulation.calendar[0]=1").message == "is a mapping, so it has no item [0]")
        #expect(try problem("simulation.calendar.holidays[name=x]=1").message == "has no item with a name: field (it has 2 items); select one by its number [N]")
    }

    @Test func multiplyMistakes() throws {
        #expect(try problem("simulation.accidents.rate_per_km2=*2").message == "is not set, so *F has no number to multiply; set it instead (simulation.accidents.rate_per_km2=VALUE)")
        #expect(try problem("simulation.policy=*2").message.hasPrefix("is not set"))
        #expect(try problem("simulation.teams[0].kind=*2").message == "found 'manual', expected a number to multiply")
        #expect(try problem("simulation.teams[0].productivity=*2").message.hasPrefix("holds 'dist': 'lognormal', expected only numbers to multiply (for a distribution, multiply its parameters one by one, e.g. simulation.teams[0].productivity.median=*2)"))
    }

    /// Problems the reader finds in what an override wrote name the override, not a file line; a
    /// problem in a mapping an override changed names the file and the override.
    @Test func readerProblemsNameTheOverride() throws {
        let range = try problem("simulation.teams[name=machines].count=-1")
        #expect(range.description == "--set simulation.teams[name=machines].count=-1: simulation.teams[1].count: found -1, expected a number of teams: a whole number from 0 to 100000")
        let unknown = try problem("simulation.teams[name=machines].cont=3")
        #expect(unknown.file == "--set simulation.teams[name=machines].cont=3" && unknown.line == nil)
        #expect(unknown.message.hasPrefix("unknown field 'cont'; did you mean 'count'?"))
        let type = try problem("simulation.horizon_years=soon")
        #expect(type.description == "--set simulation.horizon_years=soon: simulation.horizon_years: found 'soon', expected a horizon in whole years: a whole number from 1 to 100")
        let inside = try problem("simulation.land_release.nts_cancel_share.mean=0.5")
        #expect(inside.file.hasSuffix("s.yaml") && inside.line != nil && inside.path == "simulation.land_release.nts_cancel_share")
        #expect(inside.message.hasSuffix("(after --set simulation.land_release.nts_cancel_share.mean=0.5)"), "\(inside.message)")
    }

    @Test func everyUnfollowablePathIsReportedAtOnce() throws {
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        let path = try fixture.write("s.yaml", Self.base)
        let overrides = try ["simulation.teams[9].count=1", "simulation.seed=-3", "simulation.teams[name=x].count=1", "simulation.seed=4"]
            .map(ScenarioOverride.init)
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(path: path, overrides: overrides) }
        #expect(error.issues.map(\.file) == ["--set simulation.teams[9].count=1", "--set simulation.teams[name=x].count=1"])
        // The overrides that can be followed still apply, and what they write is checked too.
        let wrong = try ["simulation.teams[9].count=1", "simulation.seed=-3"].map(ScenarioOverride.init)
        let both = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(path: path, overrides: wrong) }
        #expect(both.issues.map(\.file) == ["--set simulation.teams[9].count=1", "--set simulation.seed=-3"])
        #expect(both.issues.last?.path == "simulation.seed")
    }

    @Test(arguments: [
        ("horizon_years", "expected PATH=VALUE, e.g. simulation.horizon_years=20 (found no '=' outside [...])"),
        ("=3", "expected PATH=VALUE with a field path before '=', e.g. simulation.horizon_years=20"),
        ("simulation..seed=3", "path 'simulation..seed': expected a field name at '.seed' (letters, digits, _ and -)"),
        ("simulation.=3", "path 'simulation.': ends with '.', expected a field name after it"),
        ("simulation.teams[name=x=1", "expected PATH=VALUE, e.g. simulation.horizon_years=20 (found no '=' outside [...])"),
        ("simulation.teams[x].count=1", "path 'simulation.teams[x].count': found [x], expected [N] (an item number from 0) or [name=NAME]"),
        ("simulation.teams[-1].count=1", "path 'simulation.teams[-1].count': found index [-1], expected an item number from 0"),
        ("simulation.teams[0]count=1", "path 'simulation.teams[0]count': found 'c' after '[0]', expected '.', '[' or '='"),
        ("simulation.seed=*x", "found '*x', expected *F or *~F with F a number, e.g. *2, *0.5 or *~1.3"),
        ("name=Valley: north", "the value reads as a mapping; write a flow mapping {key: value}, or quote text that holds ': ' ('...')"),
        ("simulation.seed=#1", "the value starts with '#', which YAML reads as a comment; quote it ('#...')"),
        ("extends=other.yaml", "extends cannot be set: the files a scenario extends are read before overrides apply; write a variant file that extends this one"),
    ])
    func unreadableOverridesAreRefusedWhenParsed(text: String, message: String) throws {
        let error = try #require(throws: ScenarioError.self) { try ScenarioOverride(text) }
        #expect(error.issues.first?.message == message)
        #expect(error.issues.first?.file == "--set \(text)")
    }

    @Test func valueThatIsNotYAMLIsRefused() throws {
        let error = try #require(throws: ScenarioError.self) { try ScenarioOverride("simulation.policy={a: [") }
        #expect(error.issues.first?.message.hasPrefix("the value is not YAML: ") == true)
    }

    @Test func parsedFormsAreTyped() throws {
        let override = try ScenarioOverride("simulation.teams[name=mech team].capacity_plan.2025=*1.25")
        #expect(override.path == [.key("simulation"), .key("teams"), .select(key: "name", value: "mech team"),
                                  .key("capacity_plan"), .key("2025")])
        #expect(override.change == .multiply(Decimal(string: "1.25")!))
        #expect(override.pathDescription == "simulation.teams[name=mech team].capacity_plan.2025")
        #expect(try ScenarioOverride(path: "simulation.teams[3].count", value: "1e3").change == .set("1e3"))
        #expect(try ScenarioOverride("a=b=c").change == .set("b=c"))
        #expect(try ScenarioOverride("a=*1e1").change == .multiply(10))
        #expect(try ScenarioOverride("a= * 0.25 ").change == .multiply(Decimal(string: "0.25")!))
        let unclosed = try #require(throws: ScenarioError.self) { try ScenarioOverride(path: "simulation.teams[0", value: "1") }
        #expect(unclosed.issues.first?.message == "path 'simulation.teams[0': a '[' without its ']'")
    }

    /// A source read once gives each override's scenario, as loading the file with it does.
    @Test func aSourceReadOnceServesManyOverrides() throws {
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        let path = try fixture.write("s.yaml", Self.base)
        let source = try ScenarioSource(path: path)
        for factor in ["*0", "*1", "*3"] {
            let override = try ScenarioOverride(path: "simulation.teams[name=survey].count", value: factor)
            #expect(try source.scenario(overrides: [override]) == ScenarioLoader.load(path: path, overrides: [override]))
        }
        #expect(try source.scenario() == ScenarioLoader.load(path: path))
    }
}
