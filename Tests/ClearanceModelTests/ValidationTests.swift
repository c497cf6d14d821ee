import ClearanceModel
import ClearcastDomain
import EventSimulation
import Foundation
import Testing

@Suite("Validation")
struct ValidationTests {
    private func issues(_ m: ClearanceModel) -> [ValidationIssue] {
        do {
            try m.validate()
            return []
        } catch let ClearanceModelError.invalidInput(list) {
            return list
        } catch {
            return [ValidationIssue(path: "?", message: "\(error)")]
        }
    }

    @Test func validModelPasses() throws {
        try smallRandomModel(tasks: 20, teams: 10, years: 2).validate()
    }

    @Test func fieldPathsAreReported() {
        var bad = manualTeams(1)
        bad.productivity = ["AP": ["open": .constant(-5)], "XX": ["*": .constant(1)]]
        var m = model([task("A", area: -1), task("A", area: 10, type: .unexplodedOrdnance)],
                      [manualTeams(1), manualTeams(1, id: "m2"), bad], years: 0)
        m.teams[2].id = "bad"
        m.calendar.workingWeekdays = [0]
        m.calendar.weatherLoss = .bernoulli(1.5)
        m.landRelease.technicalSurveyReduceShare = .uniform(min: 2, max: 3)
        m.accidents.standDownDays = -1
        let paths = Set(issues(m).map(\.path))
        for expected in ["horizonYears", "tasks[0].area", "tasks[1].id", "teams[2].productivity.AP.open",
                         "teams[2].productivity.XX", "teams[2].productivity.UXO", "calendar.workingWeekdays",
                         "calendar.weatherLoss", "landRelease.technicalSurveyReduceShare", "accidents.standDownDays"] {
            #expect(paths.contains(expected), "missing \(expected) in \(paths.sorted())")
        }
    }

    /// Extreme values are rejected (or handled) instead of overflowing.
    @Test func extremeValuesDoNotCrash() throws {
        var m = model([task("A", area: 100)], [manualTeams(1, plan: [CapacityChange(when: .yearOffset(.max), count: 1)])])
        m.teams[0].count = 1_000_000_000_000
        m.teams[0].mobilisationDays = .max
        m.accidents.standDownDays = .max
        m.horizonYears = .max
        #expect(m.horizonDays > 0)
        let paths = Set(issues(m).map(\.path))
        #expect(paths.isSuperset(of: ["horizonYears", "teams[0].count", "teams[0].mobilisationDays",
                                      "teams[0].capacityPlan[0].when", "accidents.standDownDays"]))
        // A task absurdly far away is valid but never reached: reported as unfinished.
        let far = model([task("A", area: 100, x: 1e300)], [manualTeams(1, speed: 1)])
        let f = try MonteCarloRunner.run(far, replications: 2, seed: 1)
        #expect(f.unfinishedReplications == 2 && f.taskReleases[0].releasedShare == 0)
    }

    @Test func runnerRejectsBadInputWithoutCrashing() {
        let m = model([task("A", area: .nan)], [manualTeams(1)])
        #expect(throws: ClearanceModelError.self) { try MonteCarloRunner.run(m, replications: 3, seed: 1) }
        #expect(throws: ClearanceModelError.self) {
            try MonteCarloRunner.run(model([task("A", area: 1)], [manualTeams(1)]), replications: 0, seed: 1)
        }
    }
}

/// Inputs survive a JSON round trip (the Scenarios layer may store resolved models), and a
/// forecast of a model where nothing finishes still encodes (no NaN or infinity anywhere).
@Test func codableRoundTrips() throws {
    var m = smallRandomModel(tasks: 15, teams: 6, years: 2)
    m.policy = .regionSequence(["R2", "R1"])
    m.teams[0].capacityPlan.append(CapacityChange(when: .date(CivilDate(year: 2027, month: 6, day: 1)), count: 0))
    let data = try JSONEncoder().encode(m)
    #expect(try JSONDecoder().decode(ClearanceModel.self, from: data) == m)
    let stuck = model([task("A", area: 1e12)], [manualTeams(1, productivity: 1)])
    let f = try MonteCarloRunner.run(stuck, replications: 3, seed: 1, keepReplicationSummaries: true)
    let json = try JSONEncoder().encode(f)
    #expect(try JSONDecoder().decode(ClearanceForecast.self, from: json) == f)
}
