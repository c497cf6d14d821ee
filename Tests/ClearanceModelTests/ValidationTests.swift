import ClearanceModel
import EventSimulation
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

    @Test func runnerRejectsBadInputWithoutCrashing() {
        let m = model([task("A", area: .nan)], [manualTeams(1)])
        #expect(throws: ClearanceModelError.self) { try MonteCarloRunner.run(m, replications: 3, seed: 1) }
        #expect(throws: ClearanceModelError.self) {
            try MonteCarloRunner.run(model([task("A", area: 1)], [manualTeams(1)]), replications: 0, seed: 1)
        }
    }
}
