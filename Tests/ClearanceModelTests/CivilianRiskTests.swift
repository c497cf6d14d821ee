import _TestSupport
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
