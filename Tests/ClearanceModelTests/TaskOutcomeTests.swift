import ClearcastDomain
import EventSimulation
import Testing
@testable import ClearanceModel

/// Per hazard area, how its land is released (cancelled, reduced, cleared) and what is left at the
/// horizon: recorded per replication by the engine, averaged per area by the forecast.
@Suite("Task outcomes")
struct TaskOutcomeTests {
    /// A suspected 10 ha AP area: NTS (10,000 m²/day) cancels exactly half, 50,000 m²; TS reduces
    /// exactly 40 % of the rest, 20,000 m²; clearance takes the last 30,000 m². On a continuous
    /// calendar from 1 January 2026, NTS takes days 0-9 and TS (`tsDays` days) follows.
    static func suspectedArea(productivity: Double, years: Int) -> ClearanceModel {
        let survey = TeamGroup(id: "survey", kind: .survey, count: 1, productivity: ["*": ["*": .constant(10_000)]])
        var m = ClearanceModelTests.model([task("S", area: 100_000, status: .suspected)], [survey, manualTeams(1, productivity: productivity)],
                      years: years, reduce: .constant(0.4))
        m.landRelease.nonTechnicalSurveyCancelShare = .constant(0.5)
        return m
    }

    /// 1,000 m²/day: TS days 10-59, clearance 60-89; everything released on day 89.
    @Test func releasedAreaSplitsByOutcomeByHand() throws {
        let f = try MonteCarloRunner.run(Self.suspectedArea(productivity: 1_000, years: 1), replications: 3, seed: 4)
        let t = try #require(f.taskReleases.first)
        #expect(t.p50Day == 89 && t.releasedShare == 1)
        #expect(t.meanCancelled == 50_000 && t.meanReduced == 20_000 && t.meanCleared == 30_000 && t.meanRemaining == 0)
    }

    /// 100 m²/day over 2 years (730 days): TS days 10-509, clearance from day 510 would need 300
    /// days; 220 are worked by the horizon: 22,000 m² cleared, 8,000 m² still hazardous.
    @Test func horizonLeavesTheUnclearedRestByHand() throws {
        let f = try MonteCarloRunner.run(Self.suspectedArea(productivity: 100, years: 2), replications: 2, seed: 4)
        let t = try #require(f.taskReleases.first)
        #expect(t.p50Day == nil && t.releasedShare == 0)
        #expect(t.meanCancelled == 50_000 && t.meanReduced == 20_000 && t.meanCleared == 22_000 && t.meanRemaining == 8_000)
    }

    /// With every feature on (random shares, splitting, accidents, stoppages, capacity changes), in
    /// every replication and for every area: cancelled + reduced + cleared + remaining = area, the
    /// remaining part is 0 once the area is released, and the outcomes add up to the yearly totals.
    @Test func outcomesAddUpToTheAreaInEveryReplication() throws {
        var m = smallRandomModel(tasks: 80, teams: 16, years: 3, seed: 8)
        m.landRelease.maximumAreaPerTeam = 20_000
        let compiled = CompiledModel(m)
        var releasedSome = false, unfinishedSome = false
        for replication in 0..<4 {
            var simulator = ReplicationSimulator(model: compiled, seed: 21, replication: replication)
            let outcome = try simulator.run()
            for (i, t) in m.tasks.enumerated() {
                let parts = [outcome.cancelledByTask[i], outcome.reducedByTask[i], outcome.clearedByTask[i], outcome.remainingByTask[i]]
                #expect(parts.allSatisfy { $0 >= -1e-6 }, "\(t.id): \(parts)")
                #expect(abs(parts.reduce(0, +) - t.area) <= 1e-9 * t.area + 1e-6, "replication \(replication), \(t.id): \(parts) vs \(t.area)")
                if outcome.releaseDay[i] >= 0 {
                    releasedSome = true
                    #expect(abs(outcome.remainingByTask[i]) <= 1e-6, "\(t.id) released with \(outcome.remainingByTask[i]) m² left")
                } else {
                    unfinishedSome = true
                }
            }
            let summary = outcome.summary
            let byOutcome = [(summary.cancelledByYear, outcome.cancelledByTask), (summary.reducedByYear, outcome.reducedByTask),
                             (summary.clearedByYear, outcome.clearedByTask)]
            for (yearly, perTask) in byOutcome {
                let total = max(yearly.reduce(0, +), 1)
                #expect(abs(yearly.reduce(0, +) - perTask.reduce(0, +)) <= 1e-9 * total)
            }
            #expect(abs(summary.remainingAreaAtHorizon - outcome.remainingByTask.reduce(0, +)) <= 1e-6)
        }
        #expect(releasedSome && unfinishedSome, "the model should both release and leave areas")
        // The forecast's means add up to each area too, and follow the per-replication values.
        let f = try MonteCarloRunner.run(m, replications: 4, seed: 21, threads: 2)
        for (t, r) in zip(m.tasks, f.taskReleases) {
            let sum = r.meanCancelled + r.meanReduced + r.meanCleared + r.meanRemaining
            #expect(abs(sum - t.area) <= 1e-9 * t.area + 1e-6, "\(t.id)")
        }
    }
}
