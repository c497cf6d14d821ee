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

        /// The largest level whose yearly commitment is within `budget` (cost grows with teams, so
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

        /// Runs batches of replications at one multiplier until the verdict is settled
        /// (``SequentialEstimate``).
        private func simulate(multiplier: Double) throws -> PlanCandidate {
            let scaled = planner.model.scalingTeams(planner.groups, by: multiplier)
            let estimate = try SequentialEstimate(model: scaled, evaluator: evaluator, settings: planner.settings, shouldStop: shouldStop)
            return PlanCandidate(
                multiplier: multiplier,
                teams: Dictionary(uniqueKeysWithValues: scaled.teams.filter { planner.groups.contains($0.id) }.map { ($0.id, $0.count) }),
                totalTeams: scaled.teams.reduce(0) { $0 + $1.count },
                probability: estimate.probability, verdict: estimate.verdict, costPerYear: estimate.costPerYear,
                shareReleasedAtProbability: estimate.shareReleasedAtProbability)
        }
    }
}

extension MultiplierPlanner {
    var settings: SequentialEstimate.Settings {
        .init(seed: seed, threads: threads, resolution: resolution, batch: batch, maximumReplications: maximumReplications,
              costPerTeamDay: costPerTeamDay)
    }
}
