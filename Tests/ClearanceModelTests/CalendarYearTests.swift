import ClearanceModel
import ClearcastDomain
import EventSimulation
import Testing

/// Yearly figures are calendar years: the first from the start date to 31 December, the last from
/// 1 January to the horizon's end, both possibly partial; checked on hand-computed schedules.
@Suite("Calendar years")
struct CalendarYearTests {
    /// Start 1 July 2026, 2-year horizon (to 30 June 2028, day 731). 1 January 2027 is day 184
    /// (31 + 31 + 30 + 31 + 30 + 31 days of July to December), 1 January 2028 day 549 (+365).
    @Test func yearBoundariesOfAMidYearStart() {
        let m = model([task("T", area: 1)], [manualTeams(1)], start: CivilDate(year: 2026, month: 7, day: 1), years: 2)
        #expect(m.horizonDays == 731)
        #expect(m.yearEndDays == [184, 549, 731])
    }

    /// A start on 1 January gives exactly `horizonYears` full years; a start on 29 February ends
    /// on 28 February (the anniversary in a common year) and 1 January 2025 is day 307.
    @Test func yearBoundariesOfOtherStarts() {
        let jan = model([task("T", area: 1)], [manualTeams(1)], start: jan1, years: 3)
        #expect(jan.yearEndDays == [365, 730, 1096])   // 2028 is a leap year
        let leap = model([task("T", area: 1)], [manualTeams(1)], start: CivilDate(year: 2024, month: 2, day: 29), years: 1)
        #expect(leap.horizonDays == 365 && leap.yearEndDays == [307, 365])
    }

    /// One team on a continuous calendar, clearance 100 m²/day, TS 1000 m²/day, TS reduces half.
    /// A 10,000 m² (most urgent): TS days 0–9 reduces 5,000 (booked day 9); clearance 10–59.
    /// B 40,000 m²: TS 60–99 reduces 20,000 (day 99); clearance 100–299, 84 days in 2026 (8,400 m²)
    ///   and 116 in 2027 (11,600 m²).
    /// C 100,000 m²: TS 300–399 reduces 50,000 (day 399, 2027); clearance from day 400 would take
    ///   500 days: 149 in 2027 (14,900 m²) and 182 in 2028 (18,200 m²) before the horizon (day 731),
    ///   leaving 16,900 m².
    /// 2026 (1 Jul–31 Dec, 184 days, partial): reduced 25,000, cleared 13,400, remaining 111,600.
    /// 2027 (full): reduced 50,000, cleared 26,500, remaining 35,100.
    /// 2028 (1 Jan–30 Jun, 182 days, partial): cleared 18,200, remaining 16,900.
    @Test func midYearStartByHand() throws {
        let tasks = [task("A", area: 10_000, benefit: 2), task("B", area: 40_000, benefit: 1), task("C", area: 100_000, benefit: 0.5)]
        let m = model(tasks, [manualTeams(1, tsFactor: 10)], start: CivilDate(year: 2026, month: 7, day: 1), years: 2,
                      reduce: .constant(0.5))
        let f = try MonteCarloRunner.run(m, replications: 2, seed: 5, keepReplicationSummaries: true)
        #expect(f.initialArea == 150_000 && f.initialAreaByClass == [.antiPersonnel: 150_000])
        #expect(f.yearly.map(\.year) == [2026, 2027, 2028])
        #expect(f.yearly.map(\.firstDate) == ["2026-07-01", "2027-01-01", "2028-01-01"])
        #expect(f.yearly.map(\.lastDate) == ["2026-12-31", "2027-12-31", "2028-06-30"])
        #expect(f.yearly.map(\.days) == [184, 365, 182])
        #expect(f.yearly.map(\.partial) == [true, false, true])
        #expect(f.yearly.map(\.firstDay) == [0, 184, 549] && f.yearly.map(\.endDay) == [184, 549, 731])
        #expect(f.yearly.map(\.cancelled.mean) == [0, 0, 0])
        #expect(f.yearly.map(\.reduced.mean) == [25_000, 50_000, 0])
        let cleared = f.yearly.map(\.cleared.mean), remaining = f.yearly.map(\.remaining.mean)
        for (value, expected) in zip(cleared + remaining, [13_400.0, 26_500, 18_200, 111_600, 35_100, 16_900]) {
            #expect(abs(value - expected) < 1e-6, "\(cleared) \(remaining)")
        }
        #expect(f.yearly.map { $0.remainingByClass[.antiPersonnel]?.mean } == remaining)
        #expect(f.taskReleases.map(\.p50Day) == [59, 299, nil])
        // Released per year sums to the total released; remaining(k) = stock − cumulative release.
        let r = try #require(f.replicationSummaries?.first)
        var cumulative = 0.0
        for k in r.remainingByYear.indices {
            cumulative += r.cancelledByYear[k] + r.reducedByYear[k] + r.clearedByYear[k]
            #expect(abs(r.remainingByYear[k] - (f.initialArea - cumulative)) < 1e-6)
        }
        #expect(abs(cumulative - (150_000 - 16_900)) < 1e-6 && abs(r.remainingAreaAtHorizon - 16_900) < 1e-6)
    }

    /// The same work from 1 January: three whole years, none partial, and the same releases
    /// by day, now all within 2026 for A and B.
    @Test func januaryStartGivesWholeYears() throws {
        let tasks = [task("A", area: 10_000, benefit: 2), task("B", area: 40_000, benefit: 1)]
        let m = model(tasks, [manualTeams(1, tsFactor: 10)], start: jan1, years: 3, reduce: .constant(0.5))
        let f = try MonteCarloRunner.run(m, replications: 1, seed: 5)
        #expect(f.yearly.map(\.year) == [2026, 2027, 2028])
        #expect(f.yearly.allSatisfy { !$0.partial })
        #expect(f.yearly.map(\.days) == [365, 365, 366])
        #expect(f.yearly.map(\.lastDate) == ["2026-12-31", "2027-12-31", "2028-12-31"])
        #expect(f.yearly.map(\.reduced.mean) == [25_000, 0, 0] && f.yearly.map(\.cleared.mean) == [25_000, 0, 0])
        #expect(f.yearly.map(\.remaining.mean) == [0, 0, 0])
    }

    /// With every feature on and a start on 10 November (a 52-day first year), releases and
    /// remaining area still balance at every year end of every replication.
    @Test func areaIsConservedFromAMidNovemberStart() throws {
        var m = smallRandomModel(years: 3)
        m.startDate = CivilDate(year: 2026, month: 11, day: 10)
        let initial = m.tasks.reduce(0) { $0 + $1.area }
        let f = try MonteCarloRunner.run(m, replications: 4, seed: 11, threads: 2, keepReplicationSummaries: true)
        #expect(f.yearly.map(\.year) == [2026, 2027, 2028, 2029] && f.yearly.map(\.days) == [52, 365, 366, 313])
        #expect(abs(f.initialArea - initial) <= 1e-9 * initial)
        for r in try #require(f.replicationSummaries) {
            var released = 0.0
            for k in r.remainingByYear.indices {
                released += r.cancelledByYear[k] + r.reducedByYear[k] + r.clearedByYear[k]
                #expect(abs(released + r.remainingByYear[k] - initial) <= 1e-6 * initial, "rep \(r.replication) year \(k)")
            }
            #expect(abs((r.remainingByYear.last ?? 0) - r.remainingAreaAtHorizon) <= 1e-6 * initial)
        }
    }
}
