import ClearcastDomain
import ClearanceModel
import EventSimulation

// MARK: - Builders shared by the tests

/// A confirmed task (TS then clearance/BAC) at (x, y) in region "A".
func task(_ id: String, area: Double, benefit: Double = 1, x: Double = 0, y: Double = 0,
          type: ContaminationType = .antiPersonnel, status: HazardStatus = .confirmed, region: String = "A") -> HazardArea {
    HazardArea(id: id, area: area, contamination: type, status: status, region: region, x: x, y: y,
               priorityBenefit: benefit, civilianExposure: 1)
}

/// Manual teams with constant productivity; TS at `tsFactor` × that speed.
func manualTeams(_ count: Int, productivity: Double = 100, tsFactor: Double = 1, plan: [CapacityChange] = [],
                 speed: Double = 1e9, x: Double = 0, y: Double = 0, id: String = "manual") -> TeamGroup {
    TeamGroup(id: id, kind: .manual, count: count, productivity: ["*": ["*": .constant(productivity)]],
              stepSpeedFactors: [.technicalSurvey: tsFactor], baseX: x, baseY: y,
              travelSpeedKmPerDay: speed, capacityPlan: plan)
}

let jan1 = CivilDate(year: 2026, month: 1, day: 1)

func model(_ tasks: [HazardArea], _ teams: [TeamGroup], calendar: WorkCalendar = .continuous,
           start: CivilDate = jan1, years: Int = 1, policy: TaskSelectionPolicy = .riskPriority,
           reduce: Distribution = .constant(0)) -> ClearanceModel {
    ClearanceModel(startDate: start, horizonYears: years, tasks: tasks, teams: teams, calendar: calendar,
                   landRelease: LandReleaseParameters(technicalSurveyReduceShare: reduce), policy: policy)
}

/// Per-task release days from a single-replication forecast.
func releaseDays(_ m: ClearanceModel, seed: UInt64 = 1) throws -> [String: Int?] {
    let f = try MonteCarloRunner.run(m, replications: 1, seed: seed)
    return Dictionary(uniqueKeysWithValues: f.taskReleases.map { ($0.id, $0.p50Day) })
}

/// A small but complete random model: every feature on (survey, BAC, stoppages, weather,
/// accidents, capacity changes, civilian risk, costs with standby and a budget cap, retraining,
/// ramp-up, procurement lag, survey shares by type and evidence class, sampled TS).
func smallRandomModel(tasks: Int = 120, teams: Int = 24, years: Int = 5, seed: UInt64 = 3) -> ClearanceModel {
    var m = ClearanceModel.syntheticNationalScale(tasks: tasks, teams: teams, seed: seed, horizonYears: years)
    m.accidents.ratePerSquareMetre = 2e-5  // many accidents, to exercise interruptions
    let start = m.startDate.year
    m.costs = TeamCosts(perTeamDay: [.survey: 300, .manual: 600, .mechanical: 4000, .dogs: 900, .bac: 700],
                        standbyShare: 0.5, retrainingPerTeam: [.manual: 10_000],
                        budgetPerYear: [start + 1: 1_500_000, start + 2: 4_000_000])
    if let bac = m.teams.firstIndex(where: { $0.kind == .bac }), let manual = m.teams.first(where: { $0.kind == .manual }) {
        m.teams[bac].retraining = TeamGroup.Retraining(targetGroup: manual.id, days: 40)
    }
    for i in m.teams.indices where m.teams[i].kind == .manual { m.teams[i].rampUp = TeamGroup.RampUp(days: 120, initialShare: 0.5) }
    for i in m.teams.indices where m.teams[i].kind == .mechanical { m.teams[i].procurementDays = 60 }
    m.landRelease.nonTechnicalSurveyCancelShareByType = [.unexplodedOrdnance: .beta(alpha: 3, beta: 2)]
    m.landRelease.technicalSurveyReduceShareByClass = [.init(status: .confirmed): .uniform(min: 0, max: 0.2)]
    m.landRelease.technicalSurveySampledShare = 0.5
    return m
}
