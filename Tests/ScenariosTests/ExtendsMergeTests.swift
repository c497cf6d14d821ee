import _TestSupport
import ClearcastDomain
import EventSimulation
import Foundation
import Testing
@testable import Scenarios

/// `extends:` merge rules (docs/scenario-format.md, "How `extends:` merges"): named lists merge by
/// name, `delete: true` removes, `!replace` replaces, distributions replace whole, unnamed lists
/// replace; each checked against the same scenario written out in full.
@Suite struct ExtendsMergeTests {
    /// The valid fixture with its `teams:` list replaced by `teams` (the list ends the fixture).
    static func withTeams(_ teams: String) -> String {
        let valid = ScenarioFixture.valid
        return String(valid[..<valid.range(of: "  teams:\n")!.upperBound]) + teams
    }

    /// A base with three named team groups and a named stoppage.
    static let base = withTeams("""
            - name: deminers
              kind: manual
              count: 4
              terrain_factors: {mountain: 0.6, urban: 0.7}
              productivity: {dist: lognormal, median: 300, p90: 600}
            - name: machines
              kind: mechanical
              count: 2
              productivity: 2500
              capacity_plan: {2022: 3, 2024: 5}
            - name: survey
              kind: survey
              count: 1
              productivity: 20000

        """).replacing("- {regions: [Highland]", with: "- {name: snow, regions: [Highland]")

    /// Loads `variant` (which extends the base) and `full` (the same scenario written out), and
    /// expects the same typed scenario apart from the file names.
    func expectSame(variant: String, full: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        try fixture.write("base.yaml", Self.base)
        try fixture.write("variant.yaml", "extends: base.yaml\n" + variant)
        try fixture.write("full.yaml", full)
        var merged = try fixture.load("variant.yaml").get()
        var written = try fixture.load("full.yaml").get()
        merged.file = written.file
        merged.sourceFiles = []
        written.sourceFiles = []
        #expect(merged == written, sourceLocation: sourceLocation)
    }

    @Test func namedItemsMergeByNameAndNewNamesAreAppended() throws {
        try expectSame(variant: """
            simulation:
              teams:
                - {name: machines, count: 6, capacity_plan: {2024: 9}}
                - {name: dogs, kind: dogs, count: 1, productivity: 800}
            """, full: Self.base
                .replacing("    count: 2\n", with: "    count: 6\n")
                .replacing("{2022: 3, 2024: 5}", with: "{2022: 3, 2024: 9}")
                + "\n    - {name: dogs, kind: dogs, count: 1, productivity: 800}\n")
    }

    @Test func deleteRemovesTheNamedItemAndKeepsTheOrderOfTheRest() throws {
        try expectSame(variant: """
            simulation:
              teams:
                - {name: deminers, delete: true}
              calendar:
                stoppages:
                  - {name: snow, delete: true}
            """, full: Self.base
                .replacing("""
                    - name: deminers
                      kind: manual
                      count: 4
                      terrain_factors: {mountain: 0.6, urban: 0.7}
                      productivity: {dist: lognormal, median: 300, p90: 600}

                """, with: "")
                .replacing("""
                    stoppages:
                      - {name: snow, regions: [Highland], from: "12-01", to: "03-15"}

                """, with: "    stoppages: []\n"))
    }

    @Test func replaceTagReplacesAListOrAMappingWhole() throws {
        // A list without names replaces, as it always did; `!replace` says so explicitly for a named one.
        let newTeams = "    - {kind: dogs, count: 3, productivity: 900}\n"
        let full = Self.withTeams(newTeams).replacing("- {regions: [Highland]", with: "- {name: snow, regions: [Highland]")
        try expectSame(variant: "simulation:\n  teams:\n" + newTeams, full: full)
        try expectSame(variant: "simulation:\n  teams: !replace\n" + newTeams.replacing("{kind", with: "{name: dogs, kind"),
                       full: full.replacing("{kind", with: "{name: dogs, kind"))
        // On a mapping: the plan is the variant's alone, not the base's with 2022 changed.
        try expectSame(variant: """
            simulation:
              teams:
                - {name: machines, capacity_plan: !replace {2022: 4}}
            """, full: Self.base.replacing("{2022: 3, 2024: 5}", with: "{2022: 4}"))
        // Without the tag the mapping merges year by year.
        try expectSame(variant: """
            simulation:
              teams:
                - {name: machines, capacity_plan: {2022: 4}}
            """, full: Self.base.replacing("{2022: 3, 2024: 5}", with: "{2022: 4, 2024: 5}"))
    }

    @Test func aDistributionReplacesWholeAndParametersMergeWithoutDist() throws {
        try expectSame(variant: """
            simulation:
              land_release:
                nts_cancel_share: {dist: uniform, min: 0.2, max: 0.5}
              teams:
                - {name: deminers, productivity: {median: 400}}
            """, full: Self.base
                .replacing("{dist: beta, alpha: 2, beta: 3}", with: "{dist: uniform, min: 0.2, max: 0.5}")
                .replacing("median: 300, p90: 600", with: "median: 400, p90: 600"))
    }

    /// Random bases and variants against a naive reference: a list of (name, fields) updated in
    /// order, by name, as the documentation states the rules.
    @Test func randomMergesAgreeWithANaiveReference() throws {
        var rng = SeededGenerator(seed: 18)
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        let allNames = ["a", "b", "c", "d", "e", "f"]
        var checked = 0
        for trial in 0..<60 {
            let baseNames = allNames.filter { _ in Bool.random(using: &rng) }.shuffled(using: &rng)
            guard !baseNames.isEmpty else { continue }
            var expected = baseNames.map { (name: $0, count: Int.random(in: 0...50, using: &rng), mobilisation: 1.0) }
            let baseTeams = expected.map { "    - {name: \($0.name), kind: manual, count: \($0.count), productivity: 100}\n" }.joined()
            var lines: [String] = []
            for name in allNames.shuffled(using: &rng) where Bool.random(using: &rng) {
                let count = Int.random(in: 0...50, using: &rng)
                if let index = expected.firstIndex(where: { $0.name == name }) {
                    if Bool.random(using: &rng), expected.count > 1 {
                        lines.append("    - {name: \(name), delete: true}\n")
                        expected.remove(at: index)
                    } else {
                        lines.append("    - {name: \(name), count: \(count), mobilisation_days: 3}\n")
                        expected[index].count = count
                        expected[index].mobilisation = 3
                    }
                } else {
                    lines.append("    - {name: \(name), kind: manual, count: \(count), productivity: 100}\n")
                    expected.append((name, count, 1))
                }
            }
            guard !lines.isEmpty else { continue }
            try fixture.write("base.yaml", Self.withTeams(baseTeams))
            try fixture.write("variant.yaml", "extends: base.yaml\nsimulation:\n  teams:\n" + lines.joined())
            let teams = try #require(try fixture.load("variant.yaml").get().simulation?.teams)
            #expect(teams.map(\.name) == expected.map(\.name), "trial \(trial)")
            #expect(teams.map(\.count) == expected.map(\.count), "trial \(trial)")
            #expect(teams.map(\.mobilisationDays) == expected.map(\.mobilisation), "trial \(trial)")
            checked += 1
        }
        #expect(checked >= 30)
    }

    // MARK: Errors

    /// Loads a variant of `base` and returns its single problem.
    func problem(base: String = ExtendsMergeTests.base, _ variant: String) throws -> ScenarioIssue {
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        try fixture.write("base.yaml", base)
        try fixture.write("variant.yaml", "extends: base.yaml\n" + variant)
        let issues = fixture.issues("variant.yaml")
        #expect(issues.count == 1, "\(issues)")
        return try #require(issues.first)
    }

    @Test func deletingANameTheBaseLacksSuggestsTheClosest() throws {
        let issue = try problem("simulation:\n  teams:\n    - {name: machine, delete: true}\n")
        #expect(issue.path == "simulation.teams[name=machine]")
        #expect(issue.message == "deletes 'machine', but the extended list has no item named 'machine'; did you mean 'machines'? (names: deminers, machines, survey)")
        #expect(issue.file.hasSuffix("variant.yaml") && issue.line == 4)
    }

    @Test func mergingByNameNeedsUniqueNamesInTheBase() throws {
        let unnamed = try problem(base: ScenarioFixture.valid, "simulation:\n  teams:\n    - {name: x, count: 1}\n")
        #expect(unnamed.path == "simulation.teams")
        let line = try #require(ScenarioFixture.valid.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("- kind: manual") }) + 1
        #expect(unnamed.message.hasPrefix("cannot merge by name: item [0] of the extended list (base.yaml:\(line)) has no name;"))
        #expect(unnamed.message.hasSuffix("or write `teams: !replace [...]` to replace the whole list"))
        let twice = try problem(base: Self.base.replacing("name: machines", with: "name: deminers"),
                                "simulation:\n  teams:\n    - {name: survey, count: 1}\n")
        #expect(twice.message.hasPrefix("cannot merge by name: the extended list has two items named 'deminers' ([0] and [1], base.yaml:"))
    }

    @Test func otherMistakesInANamedListAreRefused() throws {
        #expect(try problem("simulation:\n  teams:\n    - {name: survey, count: 1}\n    - {kind: dogs, count: 1, productivity: 5}\n").message
            .hasPrefix("item [1] has no name but others do;"))
        #expect(try problem("simulation:\n  teams:\n    - {name: survey, count: 1}\n    - {name: survey, count: 2}\n").message
            == "'survey' is named twice in this list; expected each name once")
        #expect(try problem("simulation:\n  teams:\n    - {name: survey, delete: true, count: 2}\n").message
            == "an item with delete: true holds only name: and delete:, found 'count' too")
        let keep = try problem("simulation:\n  teams:\n    - {name: survey, delete: false}\n")
        #expect(keep.path == "simulation.teams[name=survey].delete" && keep.message.hasPrefix("found 'false', expected true"))
        #expect(try problem("simulation:\n  teams: !keep [1]\n").message.hasPrefix("unknown tag '!keep'; the only tag a scenario may carry is !replace"))
    }

    @Test func namesMustBeDistinctInAFile() throws {
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        try fixture.write("s.yaml", Self.base.replacing("name: machines", with: "name: deminers"))
        let issue = try #require(fixture.issues("s.yaml").first)
        #expect(issue.path == "simulation.teams[1]")
        #expect(issue.message == "the team group name 'deminers' is also the name of item [0]; expected a distinct name for each")
    }

    /// A list a variant adds where the base has none is taken as written; a delete in it has nothing to remove.
    @Test func aNamedListWithoutABaseIsTakenAsWritten() throws {
        let base = ScenarioFixture.valid.replacing("""
                stoppages:
                  - {regions: [Highland], from: "12-01", to: "03-15"}

            """, with: "")
        try expectSameWithBase(base, variant: """
            simulation:
              calendar:
                stoppages:
                  - {name: snow, regions: [Highland], from: "11-01", to: "03-01"}
            """, full: base.replacing("    weather_loss: 0.1\n", with: """
                weather_loss: 0.1
                stoppages:
                  - {name: snow, regions: [Highland], from: "11-01", to: "03-01"}

            """))
        let issue = try problem(base: base, "simulation:\n  calendar:\n    stoppages:\n      - {name: snow, delete: true}\n")
        #expect(issue.message == "deletes 'snow', but the extended list has no item named 'snow' (it is empty)")
    }

    func expectSameWithBase(_ base: String, variant: String, full: String) throws {
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        try fixture.write("base.yaml", base)
        try fixture.write("variant.yaml", "extends: base.yaml\n" + variant)
        try fixture.write("full.yaml", full)
        var merged = try fixture.load("variant.yaml").get(), written = try fixture.load("full.yaml").get()
        merged.file = written.file
        (merged.sourceFiles, written.sourceFiles) = ([], [])
        #expect(merged == written)
    }
}
