import ClearanceModel
import ClearcastDomain
import EventSimulation
import Testing

/// Hand-computed schedules: constant productivity, no randomness, known calendars.
@Suite("Deterministic schedules")
struct DeterministicScheduleTests {
    /// Mon 2026-01-05 start, Mon–Fri, holiday Wed 01-07. One confirmed 1000 m² AP task,
    /// 100 m²/day for TS and clearance, TS reduces exactly half.
    /// TS: 10 working days = Jan 5, 6, 8, 9, 12–16, 19 → ends Mon Jan 19.
    /// Clearance of 500 m² = 5 days: Jan 20, 21, 22, 23, 26 → released Mon Jan 26 = day 21.
    @Test func weekendsAndHolidayByHand() throws {
        let start = CivilDate(year: 2026, month: 1, day: 5)
        let cal = WorkCalendar(workingWeekdays: [1, 2, 3, 4, 5], holidays: [CivilDate(year: 2026, month: 1, day: 7)])
        let m = model([task("T", area: 1000)], [manualTeams(1)], calendar: cal, start: start, reduce: .constant(0.5))
        let f = try MonteCarloRunner.run(m, replications: 3, seed: 9, keepReplicationSummaries: true)
        #expect(f.completion.p50Day == 21)
        #expect(f.completion.p10Date == "2026-01-26" && f.completion.p90Date == "2026-01-26")
        #expect(f.completion.meanDay == 21)
        let r = try #require(f.replicationSummaries?.first)
        #expect(r.reducedByYear[0] == 500 && r.clearedByYear[0] == 500 && r.remainingByYear[0] == 0)
        // 15 worked days out of the office days of one year from Jan 5, 2026.
        #expect(r.workedDaysByKind[.manual] == 15)
    }

    /// Same, with the task 100 km from base at 50 km/day: 2 travel days, arriving on the holiday.
    /// TS: Jan 8, 9, 12–16, 19, 20, 21; clearance: Jan 22, 23, 26, 27, 28 → day 23.
    @Test func travelByHand() throws {
        let start = CivilDate(year: 2026, month: 1, day: 5)
        let cal = WorkCalendar(workingWeekdays: [1, 2, 3, 4, 5], holidays: [CivilDate(year: 2026, month: 1, day: 7)])
        let m = model([task("T", area: 1000, x: 100_000)], [manualTeams(1, speed: 50)], calendar: cal, start: start,
                      reduce: .constant(0.5))
        #expect(try releaseDays(m)["T"] == 23)
    }

    /// Seasonal stoppage: 3000 m² at 100 m²/day (TS 30 days + clearance 30 days) on a
    /// continuous calendar ends on day 59. A stoppage Feb 1–10 in the task's region adds exactly
    /// 10 days; one covering January delays the start to Feb 1 (day 31) → day 90. A team in an
    /// unaffected region is not delayed.
    @Test func seasonalStoppageShiftsCompletion() throws {
        let base = model([task("T", area: 3000, region: "H")], [manualTeams(1)])
        #expect(try releaseDays(base)["T"] == 59)
        var feb = base
        feb.calendar.seasonalStoppages = [SeasonalStoppage(regions: ["H"], start: .init(month: 2, day: 1), end: .init(month: 2, day: 10))]
        #expect(try releaseDays(feb)["T"] == 69)
        var jan = base
        jan.calendar.seasonalStoppages = [SeasonalStoppage(regions: ["H"], start: .init(month: 12, day: 20), end: .init(month: 1, day: 31))]
        #expect(try releaseDays(jan)["T"] == 90)
        var other = feb
        other.tasks = [task("T", area: 3000, region: "Lowland")]
        #expect(try releaseDays(other)["T"] == 59)
    }

    /// During a stoppage the team moves to open work and comes back: region H stops on day 10
    /// (Jan 11 – Jan 20), the team switches to the lowland task and no H work happens meanwhile.
    @Test func noWorkOnStoppedDays() throws {
        var m = model([task("H1", area: 2000, benefit: 2, region: "H"), task("L1", area: 1000, benefit: 1, region: "L")],
                      [manualTeams(1)])
        m.calendar.seasonalStoppages = [SeasonalStoppage(regions: ["H"], start: .init(month: 1, day: 11), end: .init(month: 1, day: 20))]
        // H1 TS days 0–9 (10 of 20 done) → stop day 10 → L1 TS 10–19 → H reopens day 20 and is
        // more urgent: H1 TS resumes 20–29, clearance 30–49 (released 49) → L1 clearance 50–59.
        let days = try releaseDays(m)
        #expect(days["H1"] == 49)
        #expect(days["L1"] == 59)
    }

    /// Capacity: 4 tasks of 1000 m² (TS 10 days + clearance 10 days each), continuous calendar.
    /// One team: 80 days → day 79. A second team from day 10: day 49 (see the schedule in the
    /// ClearanceModel test notes). Two teams cut to one on day 15 (the withdrawn team had done 5 of
    /// its 10 clearance days on T2): day 64.
    @Test func capacityPlanByHand() throws {
        let tasks = (1...4).map { task("T\($0)", area: 1000, benefit: Double(10 - $0)) }
        #expect(try releaseDays(model(tasks, [manualTeams(1)]))["T4"] == 79)
        let added = model(tasks, [manualTeams(1, plan: [CapacityChange(when: .day(10), count: 2)])])
        let addedDays = try releaseDays(added)
        #expect(addedDays == ["T1": 19, "T2": 29, "T3": 39, "T4": 49])
        let cut = model(tasks, [manualTeams(2, plan: [CapacityChange(when: .day(15), count: 1)])])
        let cutDays = try releaseDays(cut)
        #expect(cutDays == ["T1": 19, "T2": 24, "T3": 44, "T4": 64])
        // Availability windows behave like capacity changes.
        var late = manualTeams(1)
        late.availableFromDay = 30
        #expect(try releaseDays(model(tasks, [late]))["T4"] == 109)
    }

    /// Splitting: 1500 m² at 100 m²/day with two teams and at most 1000 m² per team.
    /// TS: A 1000 m² (days 0–9), B 500 m² (0–4); clearance from day 10: A 1000 (10–19), B 500
    /// (10–14) → released day 19. Without splitting one team does all: 15 + 15 days → day 29.
    @Test func splittingByHand() throws {
        var m = model([task("T", area: 1500)], [manualTeams(2)])
        #expect(try releaseDays(m)["T"] == 29)
        m.landRelease.maximumAreaPerTeam = 1000
        let f = try MonteCarloRunner.run(m, replications: 1, seed: 1, keepReplicationSummaries: true)
        #expect(f.completion.p50Day == 19)
        #expect(f.replicationSummaries?.first?.workedDaysByKind[.manual] == 30)
    }
}
