import _TestSupport
import ClearanceModel
import ClearcastDomain
import Foundation
import RiskModel
@testable import Scenarios
import Testing

/// The `civilian_risk:` exposure fields and the `risk_per_effort` policy, as read from a file.
@Suite("Civilian risk in scenarios")
struct CivilianRiskScenarioTests {
    func issues(_ text: String) throws -> [ScenarioIssue] {
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        try fixture.write("s.yaml", text)
        return fixture.issues("s.yaml")
    }

    @Test func exposureFieldsAreRead() throws {
        let text = ScenarioFixture.valid
            .replacing("  seed: 7\n", with: "  seed: 7\n  policy: risk_per_effort\n")
            .replacing("  teams:\n", with: """
              civilian_risk:
                incidents_per_year: 40
                casualties_per_incident: 1.5
                hazard_by_type: {AP: 1, UXO: 0.4}
                hazard_by_density: {high: 2}
                hazard_by_status: {SHA: 0.3}
                background_people: 250
                reach_m: 4000
                return_schedule: {2021-01-01: 0, 2025-06-30: 0.4, 2030-12-31: 1}
                marking_effect: 0.6
                confirmed_marked_at_start: true
                risk_education: {effect: 0.3, half_life_years: 1.5, first: 2021-04-01, every_years: 2}
              teams:

            """)
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        try fixture.write("s.yaml", text)
        let s = try fixture.load("s.yaml").get()
        let spec = try #require(s.simulation)
        let r = spec.civilianRisk
        #expect(spec.policy == .riskPerEffort && spec.policy.scenarioName == "risk_per_effort")
        #expect(r.incidentsPerYear == 40 && r.casualtiesPerIncident == 1.5)
        #expect(r.hazardByType == [.antiPersonnel: 1, .unexplodedOrdnance: 0.4])
        #expect(r.hazardByDensity == [.high: 2] && r.hazardByStatus == [.suspected: 0.3])
        #expect(r.backgroundPeople == 250 && r.reachMetres == 4000 && r.markingEffect == 0.6 && r.confirmedMarkedAtStart)
        #expect(r.returnSchedule.map(\.share) == [0, 0.4, 1])
        #expect(r.returnSchedule[1].date == CivilDate(year: 2025, month: 6, day: 30))
        #expect(r.riskEducation == .init(effect: 0.3, halfLifeYears: 1.5, first: CivilDate(year: 2021, month: 4, day: 1), everyYears: 2))
    }

    @Test func badExposureFieldsAreNamed() throws {
        let text = ScenarioFixture.valid.replacing("  teams:\n", with: """
              civilian_risk:
                hazard_by_type: {APX: 1}
                return_schedule: {2025-01-01: 0.5, 2024-01-01: 0.6, soon: 1}
                marking_effect: 1.5
                risk_education: {effect: 0.3}
              teams:

            """)
        let found = try issues(text).map { "\($0.path): \($0.message)" }
        #expect(found.contains { $0.hasPrefix("simulation.civilian_risk.hazard_by_type.APX") })
        #expect(found.contains { $0.hasPrefix("simulation.civilian_risk.return_schedule.2024-01-01") && $0.contains("increase") })
        #expect(found.contains { $0.hasPrefix("simulation.civilian_risk.return_schedule.soon") && $0.contains("YYYY-MM-DD") })
        #expect(found.contains { $0.hasPrefix("simulation.civilian_risk.marking_effect") })
        #expect(found.contains { $0.hasPrefix("simulation.civilian_risk.risk_education") && $0.contains("half_life_years") })
    }

    /// One settlement of 1,000 displaced, half of whom return, at σ from the area: 500 × e^(−1/2).
    @Test func returneesNearAnAreaByHand() {
        let village = Settlement(name: "V", x: 3_000, y: 4_000, displaced: 1_000, returnShare: 0.5)
        let n = Scenario.returnees(near: (0, 0), settlements: [village], reach: 5_000)
        #expect(abs(n - 500 * exp(-0.5)) < 1e-9)
        #expect(Scenario.returnees(near: (0, 0), settlements: [], reach: 5_000) == 0)
    }
}
