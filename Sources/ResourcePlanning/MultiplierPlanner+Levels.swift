import ClearanceModel
import ClearcastDomain

// MARK: - Simulated levels

extension MultiplierPlanner {
    /// The levels simulated so far, by grid index (multiplier = index × step); each is simulated
    /// once, with the same seed (common random numbers).
    struct LevelCache {
        let planner: MultiplierPlanner
        let evaluator: TargetEvaluator
        let progress: (@Sendable (PlanCandidate) -> Void)?
        let shouldStop: (@Sendable () -> Bool)?
        private var levels: [Int: PlanCandidate] = [:]

        init(planner: MultiplierPlanner, evaluator: TargetEvaluator, progress: (@Sendable (PlanCandidate) -> Void)?,
             shouldStop: (@Sendable () -> Bool)?) {
            self.planner = planner
            self.evaluator = evaluator
            self.progress = progress
            self.shouldStop = shouldStop
        }

        func cached(_ k: Int) -> PlanCandidate? { levels[k] }

        var all: [PlanCandidate] { levels.keys.sorted().compactMap { levels[$0] } }

        /// Simulates grid level `k` (once).
        mutating func level(_ k: Int) throws -> PlanCandidate {
            if let known = levels[k] { return known }
            // Rounded to 1e-9 so that level 102 of a 0.05 grid reads 5.1, not 5.1000000000000005.
            let candidate = try simulate(multiplier: (Double(k) * planner.step * 1e9).rounded() / 1e9)
            levels[k] = candidate
            progress?(candidate)
            return candidate
        }

        /// The largest level whose mean yearly cost is within `budget` (cost grows with teams, so
        /// bisection applies), or nil when even the first level costs more.
        mutating func largestAffordable(_ budget: Double, top: Int) throws -> PlanCandidate? {
            func affordable(_ k: Int) throws -> Bool { (try level(k).costPerYear ?? .infinity) <= budget }
            guard try affordable(1) else { return nil }
            if try affordable(top) { return levels[top] }
            var low = 1, high = top
            while high - low > 1 {
                let mid = (low + high) / 2
                if try affordable(mid) { low = mid } else { high = mid }
            }
            return levels[low]
        }

        /// Runs batches of replications at one multiplier until the verdict is settled (see
        /// ``MultiplierPlanner``).
        private func simulate(multiplier: Double) throws -> PlanCandidate {
            let scaled = planner.model.scalingTeams(planner.groups, by: multiplier)
            let prepared = try PreparedClearanceModel(scaled)
            let required = evaluator.target.probability
            var met = 0, run = 0
            var shares: [Double] = [], costs: [Double] = []
            var verdict = PlanCandidate.Verdict.failsWithinError
            while run < planner.maximumReplications {
                let count = min(planner.batch, planner.maximumReplications - run)
                let records = try MonteCarloRunner.records(prepared, replications: run..<(run + count), seed: planner.seed,
                                                           threads: planner.threads, shouldStop: shouldStop)
                for record in records {
                    if evaluator.isMet(record) { met += 1 }
                    shares.append(evaluator.releasedShare(record))
                    if let table = planner.costPerTeamDay { costs.append(Self.cost(record.summary, table)) }
                }
                run += count
                let estimate = ProportionEstimate(successes: met, trials: run)
                let settled = estimate.interval(z: 2.5758293035489004)
                if settled.lower > required { verdict = .meets; break }
                if settled.upper < required { verdict = .fails; break }
                verdict = estimate.estimate >= required ? .meetsWithinError : .failsWithinError
                if estimate.halfWidth <= planner.resolution { break }
            }
            let years = Double(max(scaled.horizonYears, 1))
            return PlanCandidate(
                multiplier: multiplier,
                teams: Dictionary(uniqueKeysWithValues: scaled.teams.filter { planner.groups.contains($0.id) }.map { ($0.id, $0.count) }),
                totalTeams: scaled.teams.reduce(0) { $0 + $1.count },
                probability: ProportionEstimate(successes: met, trials: run), verdict: verdict,
                costPerYear: costs.isEmpty ? nil : costs.reduce(0, +) / Double(costs.count) / years,
                shareReleasedAtProbability: Self.lowerQuantile(shares, probability: required))
        }

        /// Fielded team-days times cost per team-day, as ``ClearanceForecast/costTotals(perTeamDay:)``.
        static func cost(_ summary: ReplicationSummary, _ table: [TeamKind: Double]) -> Double {
            TeamKind.allCases.reduce(0.0) { $0 + (summary.availableDaysByKind[$1] ?? 0) * (table[$1] ?? 0) }
        }

        /// The largest `s` with at least `probability` of the values ≥ `s`.
        static func lowerQuantile(_ values: [Double], probability: Double) -> Double {
            guard !values.isEmpty else { return 0 }
            let sorted = values.sorted()
            let index = Int((Double(sorted.count) * (1 - probability)).rounded(.down))
            return sorted[min(index, sorted.count - 1)]
        }
    }
}
