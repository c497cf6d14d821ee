import ClearcastDomain
import ClearanceModel
import EventSimulation
import Testing

/// Money, standing down, retraining, procurement, ramp-up and budget caps on cases small enough
/// to compute by hand (continuous calendar: every day is a working day; no travel).
@Suite struct CostAndMovementTests {
    /// One summary of a one-replication run.
    func run(_ m: ClearanceModel) throws -> (ClearanceForecast, ReplicationSummary) {
        try m.validate()
        let f = try MonteCarloRunner.run(m, replications: 1, seed: 1, keepReplicationSummaries: true)
        return (f, try #require(f.replicationSummaries?.first))
    }

    @Test func aTeamIsPaidUntilItsWorkEnds() throws {
        // 1,000 m² at 100 m²/day (TS takes 1 day at 1000×): TS day 0, clearance days 1–10.
        var m = model([task("T", area: 1000)], [manualTeams(1, tsFactor: 1000)], years: 2)
        m.costs = TeamCosts(perTeamDay: [.manual: 100])
        let (f, s) = try run(m)
        #expect(s.completionDay == 10)
        #expect(s.availableDaysByKind[.manual] == 11)           // stood down on day 11, not paid for two years
        #expect(s.cost == 1100)
        #expect(s.costToCompletion == 1100)
        #expect(s.teamsStoodDown == 1)
        #expect(f.cost?.toCompletion?.p50 == 1100)
    }

    @Test func twoTeamsCostByHandAcrossTheNewYear() throws {
        // Manual does TS only (10 days), mechanical clearance only; TS reduces half the area.
        // Start 25 Dec 2026: days 0–6 are 2026. Manual: days 0–9 → 7 days in 2026, 3 in 2027.
        // Mechanical: idle days 0–9 (standby 50 %), clears 500 m² on days 10–14, stood down on 15.
        var manual = manualTeams(1)
        manual.steps = [.technicalSurvey]
        var mech = manualTeams(1, id: "mech")
        mech.kind = .mechanical
        mech.steps = [.clearance]
        var m = model([task("T", area: 1000)], [manual, mech], start: CivilDate(year: 2026, month: 12, day: 25), reduce: .constant(0.5))
        m.costs = TeamCosts(perTeamDay: [.manual: 100, .mechanical: 500], standbyShare: 0.5)
        let (f, s) = try run(m)
        #expect(s.completionDay == 14)
        let byHand: [Double] = [700 + 1750, 300 + 750 + 2500]
        #expect(s.costByYear == byHand)
        #expect(s.cost == 6000)
        #expect(s.directCostByStep[.technicalSurvey] == 1000)
        #expect(s.directCostByStep[.clearance] == 2500)
        #expect(s.idleDaysByKind[.mechanical] == 10)
        let cost = try #require(f.cost)
        #expect(cost.perSquareMetreByStep[.technicalSurvey] == 2)   // 1,000 for 500 m² reduced
        #expect(cost.perSquareMetreByStep[.clearance] == 5)         // 2,500 for 500 m² cleared
        #expect(abs(cost.overheadShare - 2500.0 / 6000) < 1e-12)
        #expect(f.yearly.map { $0.cost?.p50 ?? -1 } == byHand)
        #expect(abs((f.utilisation[.mechanical]?.utilisation ?? 0) - 5.0 / 15) < 1e-12)
    }

    @Test func utilisationIgnoresDaysLostToWeather() throws {
        // 10 worked days need ceil(10 / 0.8) = 13 days at a fixed 20 % weather loss: fully busy.
        var calendar = WorkCalendar.continuous
        calendar.weatherLoss = .fixedShare(0.2)
        let m = model([task("T", area: 1000)], [manualTeams(1, tsFactor: 1e9)], calendar: calendar)
        let (f, s) = try run(m)
        // TS: 1 worked day takes ceil(1 / 0.8) = 2; clearance 10 take 13: 4 lost of 15 fielded.
        #expect(s.weatherLostDaysByKind[.manual] == 4)
        #expect(s.availableDaysByKind[.manual] == 15)
        let use = try #require(f.utilisation[.manual])
        #expect(abs(use.utilisation - 1) < 1e-12)
    }

    @Test func retrainingTakesItsLagAndCost() throws {
        // A battle-area team finishes its UXO area (TS day 0–4, BAC 5–9), retrains for 30 days
        // into the manual group (no teams of its own), then does TS 40–59 and clearance 60–79.
        var bac = manualTeams(1, id: "bac")
        bac.kind = .bac
        bac.steps = [.technicalSurvey, .battleAreaClearance]
        bac.contaminationTypes = [.unexplodedOrdnance]
        bac.retraining = TeamGroup.Retraining(targetGroup: "manual", days: 30)
        var manual = manualTeams(0)
        manual.contaminationTypes = [.antiPersonnel]
        let tasks = [task("U", area: 500, type: .unexplodedOrdnance), task("M", area: 2000)]
        var m = model(tasks, [bac, manual])
        m.costs = TeamCosts(perTeamDay: [.bac: 200, .manual: 100], retrainingPerTeam: [.manual: 5000])
        let (f, s) = try run(m)
        let days = Dictionary(uniqueKeysWithValues: f.taskReleases.map { ($0.id, $0.p50Day) })
        #expect(days["U"] == 9)
        #expect(days["M"] == 79)
        #expect(s.teamsRetrained == 1)
        let byHand: Double = 10 * 200 + 5000 + 70 * 100
        #expect(s.cost == byHand)
        #expect(s.battleAreaClearedByYear.reduce(0, +) == 500)
        #expect(s.clearedByYear.reduce(0, +) == 2500)

        // Ramp-up of the retrained team: 50 % rising over 60 days from the start of retraining
        // (day 10). TS from day 40 at 75 %: ceil(2000 / 75) = 27 days (40–66); clearance from 67
        // at 50 % + 50 % × 57/60 = 97.5 %: ceil(2000 / 97.5) = 21 days (67–87).
        m.teams[1].rampUp = TeamGroup.RampUp(days: 60, initialShare: 0.5)
        let ramped = try run(m).0
        #expect(ramped.taskReleases.first { $0.id == "M" }?.p50Day == 87)
    }

    @Test func withoutRetrainingTheTeamStandsDownAndTheWorkWaits() throws {
        var bac = manualTeams(1, id: "bac")
        bac.kind = .bac
        bac.steps = [.technicalSurvey, .battleAreaClearance]
        bac.contaminationTypes = [.unexplodedOrdnance]
        var manual = manualTeams(0)
        manual.contaminationTypes = [.antiPersonnel]
        let m = model([task("U", area: 500, type: .unexplodedOrdnance), task("M", area: 2000)], [bac, manual])
        let (f, s) = try run(m)
        #expect(f.taskReleases.first { $0.id == "M" }?.p50Day == nil)
        #expect(s.teamsStoodDown == 1)
        #expect(s.availableDaysByKind[.bac] == 10)
    }

    @Test func procurementDelaysTeamsAddedLater() throws {
        // No teams until day 100; then one, mobilising 5 days after 30 days of procurement.
        var team = manualTeams(0, tsFactor: 1e9, plan: [CapacityChange(when: .day(100), count: 1)])
        team.mobilisationDays = 5
        team.procurementDays = 30
        let m = model([task("T", area: 1000)], [team])
        let (_, s) = try run(m)
        // Works from day 135: TS that day, clearance days 136–145.
        #expect(s.completionDay == 145)
        #expect(s.availableDaysByKind[.manual] == 46)             // fielded from day 100 to 146
    }

    @Test func aBudgetCapsTheTeamsInScenarioOrder() throws {
        // 2027 in full: a manual team-year costs 36,500 and a mechanical one 182,500. The budget
        // buys both manual teams, then one mechanical team (1.5 affordable, rounded down).
        var mech = manualTeams(2, id: "mech")
        mech.kind = .mechanical
        let tasks = (0..<4).map { task("T\($0)", area: 1e9) }
        var m = model(tasks, [manualTeams(2), mech], start: CivilDate(year: 2027, month: 1, day: 1))
        let budget: Double = 2 * 36_500 + 1.5 * 182_500
        m.costs = TeamCosts(perTeamDay: [.manual: 100, .mechanical: 500], budgetPerYear: [2027: budget])
        let (_, s) = try run(m)
        #expect(s.availableDaysByKind[.manual] == 730)
        #expect(s.availableDaysByKind[.mechanical] == 365)
        let spent: Double = 2 * 36_500 + 182_500
        #expect(s.cost == spent)

        // A budget from a later year on leaves the earlier years uncapped.
        m.costs?.budgetPerYear = [2028: 0]
        #expect(try run(m).1.availableDaysByKind[.mechanical] == 730)
    }

    @Test func surveySharesByTypeAndSampledTechnicalSurvey() throws {
        // AP cancels half at NTS, other types nothing; TS works a quarter of the area.
        var release = LandReleaseParameters(nonTechnicalSurveyCancelShare: .constant(0))
        release.nonTechnicalSurveyCancelShareByType = [.antiPersonnel: .constant(0.5)]
        release.technicalSurveyReduceShareByClass = [.init(type: .antiVehicle, status: .suspected): .constant(1)]
        release.technicalSurveySampledShare = 0.25
        var survey = manualTeams(1, productivity: 1e9, id: "survey")
        survey.kind = .survey
        survey.steps = [.nonTechnicalSurvey]
        let tasks = [task("A", area: 1000, status: .suspected), task("V", area: 1000, type: .antiVehicle, status: .suspected)]
        var m = model(tasks, [survey, manualTeams(1)])
        m.landRelease = release
        let f = try run(m).0
        let a = try #require(f.taskReleases.first { $0.id == "A" }), v = try #require(f.taskReleases.first { $0.id == "V" })
        #expect(a.meanCancelled == 500 && a.meanCleared == 500)
        #expect(v.meanCancelled == 0 && v.meanReduced == 1000)
        // One manual team: TS of A's 500 m² samples 125 m² (2 days at 100/day), the share of
        // AV/SHA reduces V whole after ceil(1000 × 0.25 / 100) = 3 days of TS.
        let inverted = release.reduceShare(for: .antiVehicle, status: .suspected)
        #expect(inverted == .constant(1))
        #expect(release.reduceShare(for: .antiVehicle, status: .confirmed) == .constant(0))
    }

    @Test func handoverDelaysTheReleaseDateNotTheClearance() throws {
        // Clearance ends on day 10 (see aTeamIsPaidUntilItsWorkEnds); 30 days of inspection and
        // handover release it on day 40. The area is cleared (not hazardous) from day 11 on.
        var m = model([task("T", area: 1000)], [manualTeams(1, tsFactor: 1000)], years: 1)
        m.landRelease.handoverDays = 30
        let (f, s) = try run(m)
        #expect(s.completionDay == 40)
        #expect(s.remainingByYear.last == 0)
        m.landRelease.handoverDays = 360   // day 370: after the one-year horizon
        #expect(try run(m).0.taskReleases.first?.p50Day == nil)
        _ = f
    }

    @Test func costsMustCoverEveryFieldedKind() throws {
        var m = model([task("T", area: 1000)], [manualTeams(1)])
        m.costs = TeamCosts(perTeamDay: [.mechanical: 5])
        #expect(throws: ClearanceModelError.self) { try m.validate() }
        m.costs = TeamCosts(perTeamDay: [.manual: 5], standbyShare: 2)
        #expect(throws: ClearanceModelError.self) { try m.validate() }
    }

    /// On a random model with every feature on: cost at full standby and no retraining equals
    /// rate × fielded days per kind; battle-area clearance is the UXO part of what was cleared;
    /// utilisation stays in [0, 1]; the per-year costs add up to the total.
    @Test func randomModelIdentities() throws {
        var m = smallRandomModel(tasks: 70, teams: 16, years: 4, seed: 9)
        m.costs?.standbyShare = 1
        m.costs?.retrainingPerTeam = [:]
        let f = try MonteCarloRunner.run(m, replications: 6, seed: 4, threads: 2, keepReplicationSummaries: true)
        let rates = try #require(m.costs?.perTeamDay)
        for s in f.replicationSummaries ?? [] {
            let byDays = s.availableDaysByKind.reduce(0.0) { $0 + $1.value * (rates[$1.key] ?? 0) }
            let total = try #require(s.cost)
            #expect(abs(total - byDays) <= 1e-9 * max(total, 1))
            #expect(zip(s.battleAreaClearedByYear, s.clearedByYear).allSatisfy { $0 <= $1 + 1e-6 })
        }
        let uxo = Set(m.tasks.filter { $0.contamination == .unexplodedOrdnance }.map(\.id))
        let meanUXOCleared = f.taskReleases.filter { uxo.contains($0.id) }.reduce(0.0) { $0 + $1.meanCleared }
        let summaries = f.replicationSummaries ?? []
        let meanBAC = summaries.reduce(0.0) { $0 + $1.battleAreaClearedByYear.reduce(0, +) } / Double(summaries.count)
        #expect(abs(meanUXOCleared - meanBAC) <= 1e-6 * max(meanBAC, 1))
        #expect(f.utilisation.values.allSatisfy { $0.utilisation >= 0 && $0.utilisation <= 1 })
        // Released by type adds up to released by method, year by year (means are linear).
        for year in f.yearly {
            let byType = year.releasedByClass.values.reduce(0.0) { $0 + $1.mean }
            let byMethod = year.cancelled.mean + year.reduced.mean + year.cleared.mean
            #expect(abs(byType - byMethod) <= 1e-6 * max(byMethod, 1), "\(year.year): \(byType) vs \(byMethod)")
        }
        #expect(summaries.contains { $0.teamsRetrained > 0 || $0.teamsStoodDown > 0 })
    }
}
