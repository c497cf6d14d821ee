import _TestSupport
import Foundation
import ClearcastDomain
import ClearanceModel
import EventSimulation
import Testing

@Suite("Civilian risk")
struct CivilianRiskTests {
    /// One 1000 m² task: TS on day 0 (1 day), then 100 m² cleared at the end of each of days
    /// 1…10. 0.1 incidents/day in total, 2 casualties per incident, 365-day horizon.
    /// Area-days: 1000 × 2 (t ∈ [0, 2)) + 900 + 800 + … + 100 = 6,500 → 0.65 incidents → 1.3
    /// casualties. Baseline: 0.1 × 365 × 2 = 73; averted 71.7.
    @Test func linearClearanceByHand() throws {
        var m = model([task("T", area: 1000)], [manualTeams(1, tsFactor: 100)])
        m.civilianRisk = CivilianRiskModel(incidentsPerYear: 0.1 * 365.2425, casualtiesPerIncident: 2)
        let f = try MonteCarloRunner.run(m, replications: 2, seed: 1)
        #expect(f.completion.p50Day == 10)
        #expect(abs(f.civilian.expectedCasualties.mean - 1.3) < 1e-9)
        #expect(abs(f.civilian.baselineCasualties - 73) < 1e-9)
        #expect(abs(f.civilian.avertedCasualties.p50 - 71.7) < 1e-9)
        #expect(f.civilian.sampledCasualties == nil)
    }

    /// Random tasks and exposures against a naive day-by-day integration of the known sequential
    /// schedule (one team, risk order, TS 1 day, clearance ceil(A/100) days spread evenly). The
    /// benefits order the work but do not weight the risk (civilian risk is not the score).
    @Test func randomTasksAgainstNaiveDailyLoop() throws {
        var rng = RandomStream(masterSeed: 99, replication: 0, stream: "test")
        var tasks: [HazardArea] = []
        for k in 0..<6 {
            var t = task("T\(k)", area: 500 + (rng.nextDouble() * 2500).rounded(), benefit: 0.1 + rng.nextDouble())
            t.civilianExposure = 0.5 + rng.nextDouble()
            tasks.append(t)
        }
        let horizon = 365
        var m = model(tasks, [manualTeams(1, tsFactor: 1_000)])
        m.civilianRisk = CivilianRiskModel(incidentsPerYear: 40)
        let f = try MonteCarloRunner.run(m, replications: 1, seed: 1)

        // Naive reference.
        let w = tasks.map(\.civilianExposure)
        let total = zip(w, tasks).reduce(0) { $0 + $1.0 * $1.1.area }
        let perDay = 40 / 365.2425
        var area = tasks.map(\.area)
        var releasesOnDay = [[Double]](repeating: [Double](repeating: 0, count: tasks.count), count: horizon)
        var day = 0
        for i in tasks.indices.sorted(by: { tasks[$0].priorityBenefit > tasks[$1].priorityBenefit }) {
            day += 1   // TS
            let n = Int((tasks[i].area / 100).rounded(.up))
            for d in day..<(day + n) { releasesOnDay[d][i] += tasks[i].area / Double(n) }
            day += n
        }
        var incidents = 0.0
        for d in 0..<horizon {
            for i in tasks.indices {
                incidents += perDay * w[i] * area[i] / total   // exposure during day d
                area[i] -= releasesOnDay[d][i]                // released at the end of day d
            }
        }
        #expect(abs(f.civilian.expectedCasualties.mean - incidents) < 1e-9 * max(incidents, 1))
        #expect(f.completion.p50Day == day - 1)
    }

    /// Yearly casualties on random tasks against a naive day-by-day loop over the known schedule,
    /// with returns, marking once surveyed and a risk-education campaign, starting on 20 November
    /// so the work crosses a new year: each calendar year's expectation equals the loop's sum over
    /// its days, and the years add up to the horizon's total.
    @Test(arguments: [UInt64(5), 17, 99])
    func yearlyCasualtiesAgainstNaiveDailyLoop(seed: UInt64) throws {
        var rng = RandomStream(masterSeed: seed, replication: 0, stream: "test")
        var tasks: [HazardArea] = []
        for k in 0..<6 {
            var t = task("T\(k)", area: 500 + (rng.nextDouble() * 2500).rounded(), benefit: 0.1 + rng.nextDouble())
            t.civilianExposure = 0.5 + rng.nextDouble()
            t.returnees = (rng.nextDouble() * 20).rounded()
            tasks.append(t)
        }
        let start = CivilDate(year: 2025, month: 11, day: 20)
        var m = model(tasks, [manualTeams(1, tsFactor: 1_000)], start: start, years: 2)
        m.civilianRisk = CivilianRiskModel(incidentsPerYear: 40, casualtiesPerIncident: 1.4)
        m.civilianRisk.backgroundExposure = 2
        m.civilianRisk.markingEffect = 0.4
        m.civilianRisk.returnSchedule = [.init(date: start.adding(days: 10), share: 0.1), .init(date: start.adding(days: 300), share: 0.9)]
        m.civilianRisk.riskEducation = .init(effect: 0.3, halfLifeYears: 0.5, first: start.adding(days: 60), everyYears: 1)
        let f = try MonteCarloRunner.run(m, replications: 1, seed: 1)

        // Naive reference: the same sequential schedule, every factor evaluated day by day.
        let horizon = m.horizonDays, r = m.civilianRisk
        func returned(_ d: Int) -> Double {
            let (d0, d1) = (10.0, 300.0), x = Double(d)
            return x <= d0 ? 0.1 : x >= d1 ? 0.9 : 0.1 + 0.8 * (x - d0) / (d1 - d0)
        }
        func education(_ d: Int) -> Double {
            guard d >= 60 else { return 1 }
            let period = 365.2425, since = Double(d - 60)
            return 1 - 0.3 * exp2(-(since - (since / period).rounded(.down) * period) / (0.5 * 365.2425))
        }
        var area = tasks.map(\.area), marked = [Double](repeating: 1, count: tasks.count)
        var releasesOnDay = [[Double]](repeating: [Double](repeating: 0, count: tasks.count), count: horizon)
        var markDay = [Int](repeating: horizon, count: tasks.count)
        var day = 0
        for i in tasks.indices.sorted(by: { tasks[$0].priorityBenefit > tasks[$1].priorityBenefit }) {
            day += 1   // TS on day − 1; marked from its end
            markDay[i] = day
            let n = Int((tasks[i].area / 100).rounded(.up))
            for d in day..<(day + n) { releasesOnDay[d][i] += tasks[i].area / Double(n) }
            day += n
        }
        let rate = { (i: Int, d: Int) in tasks[i].civilianExposure * (2 + tasks[i].returnees * returned(d)) * education(d) }
        let kappa = 40 / 365.2425 / tasks.indices.reduce(0.0) { $0 + rate($1, 0) * tasks[$1].area }
        var byYear: [Int: Double] = [:]
        for d in 0..<horizon {
            for i in tasks.indices {
                if d == markDay[i] { marked[i] = 0.6 }
                byYear[start.adding(days: d).year, default: 0] += kappa * rate(i, d) * marked[i] * area[i] * 1.4
                area[i] -= releasesOnDay[d][i]
            }
        }
        #expect(f.yearly.map(\.year) == [2025, 2026, 2027])
        var sum = 0.0
        for year in f.yearly {
            let expected = try #require(byYear[year.year]), got = try #require(year.civilianCasualties?.mean)
            #expect(abs(got - expected) < 1e-9 * max(expected, 1), "\(year.year): \(got) vs \(expected)")
            sum += got
        }
        #expect(abs(sum - f.civilian.expectedCasualties.mean) < 1e-9 * f.civilian.expectedCasualties.mean)
        #expect(day > 42, "the schedule crosses the new year")
    }

    /// No teams: nothing is averted and the expectation equals the analytic baseline.
    @Test func noClearanceEqualsBaseline() throws {
        var m = model([task("A", area: 500), task("B", area: 900, benefit: 3)], [manualTeams(0)], years: 2)
        m.civilianRisk = CivilianRiskModel(incidentsPerYear: 12, casualtiesPerIncident: 1.5, sampleCounts: true)
        let f = try MonteCarloRunner.run(m, replications: 50, seed: 4)
        let baseline = 12 * 1.5 * Double(m.horizonDays) / 365.2425
        #expect(abs(f.civilian.baselineCasualties - baseline) < 1e-9)
        #expect(abs(f.civilian.expectedCasualties.mean - baseline) < 1e-9)
        #expect(abs(f.civilian.avertedCasualties.mean) < 1e-9)
        // Poisson counts scatter around the expectation (mean 36.0; 50 draws → SE 0.85).
        let sampled = try #require(f.civilian.sampledCasualties)
        #expect(abs(sampled.mean - baseline) < Tolerance.mean(variance: baseline, n: 50, z: 4))
        #expect(f.unfinishedReplications == 50 && f.completion.p50Day == nil && f.completion.meanDay == nil)
        #expect(f.warnings.contains { $0.contains("no teams are ever fielded") })
    }
}
