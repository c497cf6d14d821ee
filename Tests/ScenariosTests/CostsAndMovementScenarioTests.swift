import _TestSupport
import ClearanceModel
import ClearcastDomain
import EventSimulation
@testable import Scenarios
import Testing

/// The `costs:` money fields, team movement fields and survey shares by class, as read from a file.
@Suite("Costs, team movement and survey shares in scenarios")
struct CostsAndMovementScenarioTests {
    static let movement = """
              capacity_plan: {2021: 1, 2023: 3}
              name: surveyors
              procurement_days: 45
              ramp_up: {days: 90, initial_share: 0.6}
              retrain_to: {team: deminers, days: 60}
        """



    func scenario(_ text: String) throws -> (ScenarioFixture, Scenario) {
        let fixture = try ScenarioFixture()
        try fixture.write("s.yaml", text)
        return (fixture, try fixture.load("s.yaml").get())
    }

    @Test func movementCostsAndSharesAreRead() throws {
        let text = ScenarioFixture.valid
            .replacing("    - kind: manual\n", with: "    - kind: manual\n      name: deminers\n")
            .replacing("      capacity_plan: {2021: 1, 2023: 3}", with: Self.movement)
            .replacing("    ts_reduce_share: {dist: uniform, min: 0.1, max: 0.4}", with: """
                ts_reduce_share: {dist: uniform, min: 0.1, max: 0.4}
                nts_cancel_share_by_type: {UXO: 0.8}
                ts_reduce_share_by: {CHA: 0.1, AP/SHA: 0.3}
                ts_sampled_share: 0.25
                handover_days: 20
              costs:
                currency: USD
                per_team_day: {manual: 630, survey: 300}
                standby_share: 0.4
                retraining_per_team: {manual: 12000}
                budget_per_year: {2021: 2000000, 2024: 3000000}
            """)
        let (fixture, s) = try scenario(text)
        defer { fixture.remove() }
        let spec = try #require(s.simulation)
        let team = try #require(spec.teams.last)
        #expect(team.procurementDays == 45 && team.rampUp?.days == 90 && team.rampUp?.initialShare == 0.6)
        #expect(team.retrainTo?.team == "deminers" && team.retrainTo?.days == 60)
        #expect(spec.ntsCancelShareByType == [.unexplodedOrdnance: .constant(0.8)])
        #expect(spec.tsReduceShareByClass == [.init(status: .confirmed): .constant(0.1),
                                              .init(type: .antiPersonnel, status: .suspected): .constant(0.3)])
        #expect(spec.tsSampledShare == 0.25 && spec.handoverDays == 20)
        let costs = try #require(spec.costs)
        #expect(costs.standbyShare == 0.4 && costs.retrainingPerTeam == [.manual: 12000])
        #expect(costs.budgetPerYear == [2021: 2_000_000, 2024: 3_000_000])
        // The movement rules reach the model's groups, with names resolved.
        try s.checkCostsAndRetraining(spec, teams: [])
    }

    @Test func aSingleBudgetAppliesFromTheStartYear() throws {
        let text = ScenarioFixture.valid.replacing("    ts_reduce_share: {dist: uniform, min: 0.1, max: 0.4}", with: """
                ts_reduce_share: {dist: uniform, min: 0.1, max: 0.4}
              costs: {currency: EUR, per_team_day: {manual: 1, survey: 1}, budget_per_year: 5000000}
            """)
        let (fixture, s) = try scenario(text)
        defer { fixture.remove() }
        #expect(s.simulation?.costs?.budgetPerYear == [2020: 5_000_000])
    }

    @Test func aFieldedKindWithoutACostIsAnError() throws {
        let text = ScenarioFixture.valid.replacing("    ts_reduce_share: {dist: uniform, min: 0.1, max: 0.4}", with: """
                ts_reduce_share: {dist: uniform, min: 0.1, max: 0.4}
              costs: {currency: USD, per_team_day: {manual: 630}}
            """)
        let (fixture, s) = try scenario(text)
        defer { fixture.remove() }
        let error = try #require(throws: ScenarioError.self) { try s.checkCostsAndRetraining(try #require(s.simulation), teams: []) }
        let issue = try #require(error.issues.first)
        #expect(issue.path == "simulation.costs.per_team_day")
        #expect(issue.message.contains("no cost for kind survey") && issue.message.contains("simulation.teams[1]"), "\(issue.message)")
    }

    @Test func anUnknownRetrainingTargetIsNamedWithASuggestion() throws {
        let text = ScenarioFixture.valid
            .replacing("    - kind: manual\n", with: "    - kind: manual\n      name: deminers\n")
            .replacing("      capacity_plan: {2021: 1, 2023: 3}", with: Self.movement.replacing("team: deminers", with: "team: deminer"))
        let (fixture, s) = try scenario(text)
        defer { fixture.remove() }
        let error = try #require(throws: ScenarioError.self) { try s.checkCostsAndRetraining(try #require(s.simulation), teams: []) }
        let issue = try #require(error.issues.first)
        #expect(issue.path == "simulation.teams[1].retrain_to.team")
        #expect(issue.message.contains("found 'deminer'") && issue.message.contains("did you mean 'deminers'"), "\(issue.message)")
    }

    @Test(arguments: [
        ("ramp_up: {days: 90, initial_share: 0.6}", "ramp_up: {days: 90, initial_share: 0}", "initial_share"),
        ("procurement_days: 45", "procurement_days: -3", "procurement_days"),
        ("retrain_to: {team: deminers, days: 60}", "retrain_to: {team: deminers}", "retrain_to"),
    ])
    func badMovementFieldsAreNamed(_ good: String, _ bad: String, _ field: String) throws {
        let text = ScenarioFixture.valid
            .replacing("    - kind: manual\n", with: "    - kind: manual\n      name: deminers\n")
            .replacing("      capacity_plan: {2021: 1, 2023: 3}", with: Self.movement.replacing(good, with: bad))
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        try fixture.write("bad.yaml", text)
        let issues = fixture.issues("bad.yaml")
        #expect(issues.contains { $0.path.contains(field) }, "\(issues)")
    }
}
