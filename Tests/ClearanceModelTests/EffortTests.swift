import _TestSupport
import ClearanceModel
import ClearcastDomain
import EventSimulation
import Testing

/// Expected effort per hazard area (``TaskEffort``) by hand, and the `risk_per_effort` order.
@Suite("Effort and risk per effort")
struct EffortTests {
    /// Survey ×2 (5,000 m²/day), manual ×3 (100 m²/day) and mechanical ×1 (400 m²/day), TS at
    /// speed 2 on a 25 % sample; NTS cancels half, TS reduces a fifth; no weather.
    func mix(weather: WeatherLoss = .none, area: Double = 10_000, status: HazardStatus = .suspected) -> ClearanceModel {
        let survey = TeamGroup(id: "survey", kind: .survey, count: 2, productivity: ["*": ["*": .constant(5_000)]],
                               baseX: 0, baseY: 0, travelSpeedKmPerDay: 1e9)
        var manual = manualTeams(3, productivity: 100, tsFactor: 2)
        manual.capacityPlan = [CapacityChange(when: .day(10), count: 1)]   // weight: the largest count, 3
        var machine = manualTeams(1, productivity: 400, tsFactor: 2, id: "machine")
        machine.kind = .mechanical
        var m = model([task("T", area: area, status: status)], [survey, manual, machine])
        m.landRelease.nonTechnicalSurveyCancelShare = .constant(0.5)
        m.landRelease.technicalSurveyReduceShare = .constant(0.2)
        m.landRelease.technicalSurveySampledShare = 0.25
        m.calendar.weatherLoss = weather
        m.costs = TeamCosts(perTeamDay: [.survey: 500, .manual: 600, .mechanical: 4_000])
        return m
    }

    /// NTS: 10,000 m² / 5,000 = 2 team-days, 1,000. TS of 5,000 m²: one manual team takes
    /// 5,000 / (100 × 2 / 0.25) = 6.25 days, the machine 1.5625; together 3/6.25 + 1/1.5625 = 1.12
    /// steps a day, so 4 / 1.12 team-days and (3 × 600 + 4,000) / 1.12 money. Clearance of 4,000 m²:
    /// 40 and 10 days, 3/40 + 1/10 = 0.175 a day: 4 / 0.175 team-days, 5,800 / 0.175 money.
    @Test func suspectedAreaByHand() throws {
        let e = try #require(mix().expectedEffort().first)
        #expect(abs((e.teamDaysByStep[.nonTechnicalSurvey] ?? -1) - 2) < 1e-12)
        #expect(abs((e.teamDaysByStep[.technicalSurvey] ?? -1) - 4 / 1.12) < 1e-12)
        #expect(abs((e.teamDaysByStep[.clearance] ?? -1) - 4 / 0.175) < 1e-12)
        let days = 2 + 4 / 1.12 + 4 / 0.175, money = 1_000 + 5_800 / 1.12 + 5_800 / 0.175
        #expect(abs((e.teamDays ?? -1) - days) < 1e-9)
        #expect(abs((e.cost ?? -1) - money) < 1e-6)
        // With a fifth of the days lost to weather, every day counts 1.25.
        let wet = try #require(mix(weather: .bernoulli(0.2)).expectedEffort().first)
        #expect(abs((wet.teamDays ?? -1) - 1.25 * days) < 1e-9)
        #expect(abs((wet.cost ?? -1) - 1.25 * money) < 1e-6)
    }

    /// A confirmed area starts at TS on the whole area: 10,000 m² of TS (2 × 4/1.12 team-days),
    /// then 8,000 m² of clearance (2 × 4/0.175).
    @Test func confirmedAreaByHand() throws {
        let e = try #require(mix(status: .confirmed).expectedEffort().first)
        #expect(e.teamDaysByStep[.nonTechnicalSurvey] == nil)
        #expect(abs((e.teamDays ?? -1) - (8 / 1.12 + 8 / 0.175)) < 1e-9)
    }

    /// A step no group can do makes the area unreleasable: no team-days, no cost, key 0.
    @Test func noTeamForAStep() throws {
        var m = mix()
        m.teams.removeFirst()   // no survey teams: NTS cannot be done
        let e = try #require(m.expectedEffort().first)
        #expect(e.teamDays == nil && e.cost == nil && e.casualtiesPerYearPerTeamDay == 0)
    }

    /// Risk per effort on a hand case: A (AP, 1,000 m², medium) and B (AP, 1,000 m², high density:
    /// half the speed, 1.5 × the hazard), C as A with half A's hazard. One manual team, 100 m²/day,
    /// TS at 10×: A takes 1 + 10 = 11 team-days, B 2 + 20 = 22. Risk at day 0 splits 1 : 1.5 : 0.5,
    /// so per team-day A 1/11 > B 1.5/22 > C 0.5/11: order A, B, C whatever the ranks say.
    @Test func orderByRiskPerTeamDay() throws {
        var a = task("A", area: 1000), b = task("B", area: 1000), c = task("C", area: 1000, type: .antiVehicle)
        b.density = .high
        (a.rank, b.rank, c.rank) = (3, 1, 2)
        var m = model([c, b, a], [manualTeams(1, tsFactor: 10)], policy: .riskPerEffort)
        m.landRelease.densityProductivityFactors = [.high: 0.5]
        m.civilianRisk = CivilianRiskModel(incidentsPerYear: 30)
        m.civilianRisk.hazardByDensity = [.high: 1.5]
        m.civilianRisk.hazardByType = [.antiVehicle: 0.5]
        let e = m.expectedEffort()
        #expect(abs((e[2].teamDays ?? 0) - 11) < 1e-12 && abs((e[1].teamDays ?? 0) - 22) < 1e-12)
        #expect(m.riskPerEffortOrder(e) == [2, 1, 0])
        // The simulator follows it: one team releases A first, then B, then C.
        let days = try releaseDays(m)
        #expect((days["A"] ?? nil)! < (days["B"] ?? nil)! && (days["B"] ?? nil)! < (days["C"] ?? nil)!)
    }

    /// Equal keys are ties: broken by rank, then input order (stable).
    @Test func tiesAreStable() {
        let tasks = (0..<6).map { i -> HazardArea in
            var t = task("T\(i)", area: 500)
            t.rank = [2, 1, 2, 0, 1, 0][i]
            return t
        }
        var m = model(tasks, [manualTeams(1)], policy: .riskPerEffort)
        m.civilianRisk = CivilianRiskModel(incidentsPerYear: 10)
        #expect(m.riskPerEffortOrder(m.expectedEffort()) == [3, 5, 1, 4, 0, 2])
    }
}
