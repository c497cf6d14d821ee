import BenchWorkloads
import ClearanceModel
import ClearcastDomain
import Foundation
import EventSimulation
import ResourcePlanning
import SensitivityAnalysis

// MARK: - DecisionSuite

/// `plan` on the national-scale programme (5,000 hazard areas, 300 teams): the time to find the
/// smallest multiplier on every team group that releases 95 % of the area within 5 years with
/// probability ≥ 0.9, to a probability resolution of ±0.02, against the 30 s target on 2 threads;
/// the replications per second it sustained; and the variance reduction that common random numbers
/// give when two neighbouring levels are compared (the variance of the per-replication difference in
/// released share with independent streams over that with common ones).
enum DecisionSuite {
    /// - Parameter planOnly: only the two `plan` rows (`--only plan`), for iterating on the planner.
    static func rows(planOnly: Bool = false, progress: (String) -> Void) throws -> [SummaryRow] {
        let w = ClearanceWorkload()
        let threads = min(2, ProcessInfo.processInfo.activeProcessorCount)
        BenchEnvironment.setBLASThreads(threads)  // ParallelWork's width bounds the workers; an earlier suite may have left 1
        let deadline = w.model.startDate.adding(years: 5).adding(days: -1)
        let target = PlanTarget(share: 0.95, deadline: deadline, probability: 0.9)
        var planner = MultiplierPlanner(model: w.model, groups: Set(w.model.teams.map(\.id)), seed: w.seed, threads: threads)
        planner.resolution = 0.02
        progress("plan: smallest multiplier for 95 % of the area by \(deadline) with p ≥ 0.9, on \(threads) thread(s)")
        var plan: ResourcePlan?
        // One line per simulated level (its replications and the time since the start): where the
        // time goes, without a profiler.
        let started = ContinuousClock.now
        let seconds = try Stopwatch.time {
            plan = try planner.plan(for: target) { c in
                let t = ContinuousClock.now - started
                FileHandle.standardError.write(Data((String(format: "…   level %.2f×: p = %.3f after %d replications, %@ (%.1f s)", c.multiplier,
                                c.probability.estimate, c.probability.trials, c.verdict.rawValue,
                                Double(t.components.seconds) + Double(t.components.attoseconds) * 1e-18) + "\n").utf8))
            }
        }
        let replications = plan?.frontier.reduce(0) { $0 + $1.probability.trials } ?? 0
        let answer = plan?.answer.map { String(format: "%.2f× (P = %.3f after %d replications)", $0.multiplier, $0.probability.estimate, $0.probability.trials) }
            ?? "none up to \(planner.maximumMultiplier)×"
        var time = SummaryRow(name: "plan.national.t\(threads)", value: seconds, unit: "s", limit: 30, limitName: "target 30 s",
                              target: .below(1),
                              note: "\(plan?.frontier.count ?? 0) levels, \(replications) replications; answer \(answer)")
        time.threads = threads
        var rate = SummaryRow(name: "plan.rate.national.t\(threads)", value: Double(replications) / seconds, unit: "replications/s",
                              note: "sequential stopping: levels far from the threshold settle after 50 replications")
        rate.threads = threads
        if planOnly { return [time, rate] }

        progress("plan: variance of a paired difference, common random numbers vs independent streams")
        let reduction = try crnVarianceReduction(w.model, seed: w.seed, target: target, threads: threads)
        var crn = SummaryRow(name: "plan.crn.variance-reduction", value: reduction.independent, unit: "variance",
                             limit: reduction.common, limitName: "with common random numbers", target: .atLeast(2),
                             note: "released share by the deadline, 1.00× vs 1.10× all groups, 100 replications each")
        crn.threads = threads

        progress("sensitivity: Morris screening of 10 inputs, 10 trajectories x 11 points x 20 replications")
        var effects: [MorrisEffect] = []
        let points = 10 * 11
        let morrisSeconds = try Stopwatch.time { effects = try morrisScreening(w.model, seed: w.seed, threads: threads) }
        let top = effects.indices.max { effects[$0].muStar < effects[$1].muStar }.map { screeningInputs[$0] } ?? "-"
        var morris = SummaryRow(name: "sensitivity.morris10.national.t\(threads)", value: morrisSeconds, unit: "s", limit: 120,
                                limitName: "target 2 min", target: .below(1),
                                note: "\(points) design points x 20 replications (common random numbers); output: area left after 5 years; largest mu*: \(top)")
        morris.threads = threads
        return [time, rate, crn, morris]
    }

    /// The screened inputs: each team kind's count and its productivity, each over ×0.7 to ×1.3.
    static let screeningInputs = TeamKind.allCases.map { "\($0.rawValue) teams" } + TeamKind.allCases.map { "\($0.rawValue) productivity" }

    /// Morris elementary effects of the 10 inputs on the area left after 5 years.
    static func morrisScreening(_ model: ClearanceModel, seed: UInt64, threads: Int) throws -> [MorrisEffect] {
        let kinds = TeamKind.allCases
        let design = SensitivityDesign.morris(dimension: 2 * kinds.count, trajectories: 10, seed: seed)
        let yearFive = min(4, model.yearEndDays.count - 1)
        let outputs = try design.points.map { u -> Double in
            var scaled = model
            for g in scaled.teams.indices {
                guard let k = kinds.firstIndex(of: scaled.teams[g].kind) else { continue }
                let count = 0.7 + 0.6 * u[k], speed = 0.7 + 0.6 * u[kinds.count + k]
                scaled.teams[g].count = Int((Double(scaled.teams[g].count) * count).rounded())
                for c in scaled.teams[g].capacityPlan.indices {
                    scaled.teams[g].capacityPlan[c].count = Int((Double(scaled.teams[g].capacityPlan[c].count) * count).rounded())
                }
                scaled.teams[g].productivity = scaled.teams[g].productivity.mapValues { $0.mapValues { $0.scaled(by: speed) } }
            }
            let f = try MonteCarloRunner.run(scaled, replications: 20, seed: seed, threads: threads, keepReplicationSummaries: true)
            let left = (f.replicationSummaries ?? []).map { $0.remainingByYear[yearFive] }
            return left.reduce(0, +) / Double(max(left.count, 1)) / 1e6
        }
        return SensitivityIndices.morris(design, outputs: outputs)
    }

    /// Variance of the difference in released share between 1.0× and 1.1× the teams, replication by
    /// replication with the same seed, and between independent runs (different seeds).
    static func crnVarianceReduction(_ model: ClearanceModel, seed: UInt64, target: PlanTarget, threads: Int) throws
        -> (common: Double, independent: Double) {
        let evaluator = try TargetEvaluator(target, model: model)
        let groups = Set(model.teams.map(\.id))
        func shares(_ multiplier: Double, seed: UInt64) throws -> [Double] {
            let prepared = try PreparedClearanceModel(model.scalingTeams(groups, by: multiplier))
            return try MonteCarloRunner.records(prepared, replications: 0..<100, seed: seed, threads: threads).map(evaluator.releasedShare)
        }
        let base = try shares(1, seed: seed), more = try shares(1.1, seed: seed), other = try shares(1.1, seed: seed &+ 7919)
        func variance(_ x: [Double]) -> Double {
            let mean = x.reduce(0, +) / Double(x.count)
            return x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count - 1)
        }
        return (variance(zip(more, base).map { $0 - $1 }), variance(zip(other, base).map { $0 - $1 }))
    }
}
