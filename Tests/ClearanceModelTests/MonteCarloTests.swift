import _TestSupport
import ClearanceModel
import ClearcastDomain
import EventSimulation
import Foundation
import Testing

@Suite("Monte Carlo")
struct MonteCarloTests {
    /// Released + remaining = initial area at every year end, in every replication, with every
    /// feature on. Remaining area is measured from task states, releases from bookings.
    @Test func areaIsConserved() throws {
        let m = smallRandomModel()
        let initial = m.tasks.reduce(0) { $0 + $1.area }
        let f = try MonteCarloRunner.run(m, replications: 6, seed: 11, threads: 2, keepReplicationSummaries: true)
        let reps = try #require(f.replicationSummaries)
        #expect(reps.count == 6)
        var accidents = 0
        for r in reps {
            accidents += r.accidents
            var released = 0.0
            // The synthetic model starts on 1 January: one entry per horizon year.
            #expect(r.remainingByYear.count == m.horizonYears)
            for y in r.remainingByYear.indices {
                released += r.cancelledByYear[y] + r.reducedByYear[y] + r.clearedByYear[y]
                #expect(abs(released + r.remainingByYear[y] - initial) <= 1e-6 * initial, "rep \(r.replication) year \(y + 1)")
                let byClass = r.remainingByYearByClass.values.reduce(0) { $0 + $1[y] }
                #expect(abs(byClass - r.remainingByYear[y]) <= 1e-6 * initial)
                #expect(r.remainingByYear[y] >= -1e-6 * initial)
                if y > 0 { #expect(r.remainingByYear[y] <= r.remainingByYear[y - 1] + 1e-6 * initial) }
            }
            #expect(abs((r.remainingByYear.last ?? .nan) - r.remainingAreaAtHorizon) <= 1e-6 * initial)
            #expect(r.cancelledByYear.reduce(0, +) > 0 && r.reducedByYear.reduce(0, +) > 0 && r.clearedByYear.reduce(0, +) > 0)
        }
        #expect(accidents > 0)   // interruptions were exercised
    }

    /// Byte-identical JSON for 1, 2 and 4 threads and for repeated runs.
    @Test func deterministicAcrossThreadCounts() throws {
        let m = smallRandomModel(tasks: 80, teams: 20, years: 4, seed: 5)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func bytes(_ threads: Int) throws -> Data {
            try encoder.encode(MonteCarloRunner.run(m, replications: 12, seed: 77, threads: threads, keepReplicationSummaries: true))
        }
        let one = try bytes(1)
        #expect(try bytes(2) == one)
        #expect(try bytes(4) == one)
        #expect(try bytes(1) == one)
        let other = try encoder.encode(MonteCarloRunner.run(m, replications: 12, seed: 78, threads: 2, keepReplicationSummaries: true))
        #expect(other != one)   // the seed matters
    }

    /// One BAC team, tasks one at a time with exponential durations (mean μ days per task, whole
    /// days: each lasts ceil(E) ~ Geometric(q = 1 − e^(−1/μ)) days; the discrete analogue of
    /// Gamma(n, μ)). A fast TS team feeds it one task a day, so completion day = Σ ceil(E_i) ~
    /// n + NegativeBinomial(n, q). Checks the mean and P10/P50/P90 within Monte Carlo error.
    @Test func exponentialDurationsGiveNegativeBinomialCompletion() throws {
        let n = 8, mu = 30.0, reps = 1_500
        let tasks = (1...n).map { task("U\($0)", area: 1000, benefit: Double($0), type: .unexplodedOrdnance) }
        let ts = TeamGroup(id: "ts", kind: .manual, count: 1, steps: [.technicalSurvey], productivity: ["*": ["*": .constant(1e9)]])
        let bac = TeamGroup(id: "bac", kind: .bac, count: 1, productivity: ["*": ["*": .exponential(mean: mu)]], rateUnit: .daysPerTask)
        let m = model(tasks, [ts, bac], years: 4)
        let f = try MonteCarloRunner.run(m, replications: reps, seed: 2024, threads: 2, keepReplicationSummaries: true)
        #expect(f.unfinishedReplications == 0)
        let q = 1 - exp(-1 / mu)
        // Exact CDF of S = n + NB(n, q).
        var pmf: [Double] = [pow(q, Double(n))], cdf: [Double] = [pmf[0]]
        for k in 1..<4_000 {
            pmf.append(pmf[k - 1] * Double(k + n - 1) / Double(k) * (1 - q))
            cdf.append(cdf[k - 1] + pmf[k])
        }
        let days = try #require(f.replicationSummaries).compactMap(\.completionDay).map(Double.init)
        let mean = days.reduce(0, +) / Double(days.count)
        let exactMean = Double(n) / q
        let sd = (Double(n) * (1 - q)).squareRoot() / q
        let meanTolerance = Tolerance.mean(variance: sd * sd, n: reps, z: 4)
        #expect(abs(mean - exactMean) < meanTolerance, "mean \(mean) vs \(exactMean)")
        #expect(abs(try #require(f.completion.meanDay) - exactMean) < meanTolerance)
        for (p, day) in [(0.1, f.completion.p10Day), (0.5, f.completion.p50Day), (0.9, f.completion.p90Day)] {
            let d = try #require(day) - n
            let tolerance = Tolerance.proportion(p: p, n: reps, z: 4)
            // The empirical p-quantile must sit where the exact CDF crosses p (± MC error).
            #expect(cdf[d] >= p - tolerance && cdf[d] - pmf[d] <= p + tolerance, "P\(Int(p * 100)) = \(d + n)")
        }
        // And it is close to the continuous Gamma(n, μ) answer shifted by the rounding (n/2 days).
        #expect(abs(exactMean - (Double(n) * mu + Double(n) / 2)) < 1)
    }

    @Test func progressIsReportedForEveryReplication() throws {
        final class Counter: @unchecked Sendable {
            let lock = NSLock()
            var calls = 0, last = 0
        }
        let counter = Counter()
        let m = smallRandomModel(tasks: 30, teams: 10, years: 2)
        _ = try MonteCarloRunner.run(m, replications: 7, seed: 1, threads: 2) { done, total in
            counter.lock.lock()
            counter.calls += 1
            counter.last = max(counter.last, done)
            counter.lock.unlock()
            #expect(total == 7)
        }
        #expect(counter.calls == 7 && counter.last == 7)
    }
}

@Suite("Aggregation")
struct AggregationTests {
    /// Observed-day quantiles with unfinished replications counted as "later than any day".
    @Test func completionQuantilesWithUnfinishedReplications() {
        let f = CompletionForecast(days: [nil, 5, 3, nil, 10], start: jan1)
        #expect(f.completedReplications == 3)
        #expect(f.p10Day == 3 && f.p50Day == 10 && f.p90Day == nil && f.meanDay == nil)
        #expect(f.p10Date == "2026-01-04" && f.p90Date == nil)
        let all = CompletionForecast(days: [4, 2, 9], start: jan1)
        #expect(all.meanDay == 5 && all.p50Day == 4 && all.p90Day == 9 && all.meanDate == "2026-01-06")
    }

    /// Replication i of a run equals `replicate(…, replication: i)` (streams are keyed by index),
    /// and per-task release quantiles are ordered and bounded by the overall completion.
    @Test func replicationsAndTaskReleaseQuantiles() throws {
        let m = smallRandomModel(tasks: 70, teams: 8, years: 3, seed: 8)
        let f = try MonteCarloRunner.run(m, replications: 9, seed: 3, threads: 2, keepReplicationSummaries: true)
        for rep in [0, 4, 8] {
            #expect(try MonteCarloRunner.replicate(m, seed: 3, replication: rep) == f.replicationSummaries?[rep])
        }
        let released = f.taskReleases.filter { $0.releasedShare == 1 }
        #expect(!released.isEmpty)
        for t in f.taskReleases {
            if let p10 = t.p10Day, let p50 = t.p50Day { #expect(p10 <= p50) }
            if let p50 = t.p50Day, let p90 = t.p90Day { #expect(p50 <= p90) }
            if t.releasedShare < 0.5 { #expect(t.p50Day == nil) } else { #expect(t.p50Day != nil) }
            // A task is never released after the whole programme is done.
            if let done = f.completion.p50Day, let p50 = t.p50Day { #expect(p50 <= done) }
        }
    }
}
