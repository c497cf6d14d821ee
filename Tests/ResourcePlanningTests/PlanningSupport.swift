import ClearanceModel
import ClearcastDomain
import EventSimulation

// MARK: - A case with an answer by hand

/// `tasks` confirmed AP areas of 1,000 m² at the teams' base, worked on every day (continuous
/// calendar) by manual teams at a constant 100 m²/day for technical survey and clearance alike, with
/// nothing reduced: each area takes exactly 10 days of survey then 10 of clearance, one team at a
/// time. Everything can be released within 20 days (by day 19) only if every area starts on day 0,
/// that is with at least `tasks` teams; with fewer, some area starts later and ends later.
func handModel(tasks: Int, teams: Int, years: Int = 1) -> ClearanceModel {
    let areas = (0..<tasks).map {
        HazardArea(id: "T\($0)", area: 1000, contamination: .antiPersonnel, status: .confirmed, region: "A",
                   priorityBenefit: Double(tasks - $0))
    }
    let group = TeamGroup(id: "manual", kind: .manual, count: teams, productivity: ["*": ["*": .constant(100)]],
                          stepSpeedFactors: [.technicalSurvey: 1], baseX: 0, baseY: 0, travelSpeedKmPerDay: 1e9)
    return ClearanceModel(startDate: CivilDate(year: 2026, month: 1, day: 1), horizonYears: years, tasks: areas,
                          teams: [group], calendar: .continuous,
                          landRelease: LandReleaseParameters(technicalSurveyReduceShare: .constant(0)))
}
