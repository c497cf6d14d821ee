import ClearanceModel
import ClearcastDomain

// MARK: - Simulated levels

extension MultiplierPlanner {
    /// The levels simulated so far, by grid index (multiplier = index × step); each is simulated
    /// with the same seed (common random numbers), and a level asked for again at a finer
    /// resolution continues with its next replications (none is run twice).
    struct LevelCache {
        let planner: MultiplierPlanner
        let evaluator: TargetEvaluator
        let progress: (@Sendable (PlanCandidate) -> Void)?
        let shouldStop: (@Sendable () -> Bool)?
        private var levels: [Int: PlanCandidate] = [:]
        private var estimates: [Int: SequentialEstimate] = [:]

        init(planner: MultiplierPlanner, evaluator: TargetEvaluator, progress: (@Sendable (PlanCandidate) -> Void)?,
             shouldStop: (@Sendable () -> Bool)?) {
            self.planner = planner
            self.evaluator = evaluator
            self.progress = progress
            self.shouldStop = shouldStop
        }

        func cached(_ k: Int) -> PlanCandidate? { levels[k] }

        var all: [PlanCandidate] { levels.keys.sorted().compactMap { levels[$0] } }

        /// The smallest level simulated above `k` that meets the target (as estimated so far).
        func smallestMeeting(above k: Int) -> Int? { levels.keys.filter { $0 > k && levels[$0]!.verdict.meets }.min() }

        /// The largest level simulated below `k` that fails the target (as estimated so far).
        func largestFailing(below k: Int) -> Int? { levels.keys.filter { $0 < k && !levels[$0]!.verdict.meets }.max() }

        /// Grid level `k`, estimated to the planner's resolution, or only screened (``SequentialTest``)
        /// when `screening`: simulated the first time, refined with further replications when asked
        /// for without screening later.
        mutating func level(_ k: Int, screening: Bool = false) throws -> PlanCandidate {
            let coarse = screening ? planner.screeningResolution : nil
            if var estimate = estimates[k], let known = levels[k] {
                guard !estimate.test.isDone(at: planner.resolution, screening: coarse) else { return known }
                try estimate.refine(screening: coarse)
                estimates[k] = estimate
                let refined = known.updated(with: estimate)
                levels[k] = refined
                progress?(refined)
                return refined
            }
            // Rounded to 1e-9 so that level 102 of a 0.05 grid reads 5.1, not 5.1000000000000005.
            let multiplier = (Double(k) * planner.step * 1e9).rounded() / 1e9
            let scaled = planner.model.scalingTeams(planner.groups, by: multiplier)
            let estimate = try SequentialEstimate(model: scaled, evaluator: evaluator, settings: planner.settings,
                                                  screening: coarse, shouldStop: shouldStop)
            let candidate = PlanCandidate(
                multiplier: multiplier,
                teams: Dictionary(uniqueKeysWithValues: scaled.teams.filter { planner.groups.contains($0.id) }.map { ($0.id, $0.count) }),
                totalTeams: scaled.teams.reduce(0) { $0 + $1.count },
                probability: estimate.probability, verdict: estimate.verdict, costPerYear: estimate.costPerYear,
                shareReleasedAtProbability: estimate.shareReleasedAtProbability)
            estimates[k] = estimate
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
    }
}

extension PlanCandidate {
    /// The same level with a refined estimate.
    func updated(with estimate: SequentialEstimate) -> PlanCandidate {
        var c = self
        c.probability = estimate.probability
        c.verdict = estimate.verdict
        c.shareReleasedAtProbability = estimate.shareReleasedAtProbability
        return c
    }
}

extension MultiplierPlanner {
    var settings: SequentialEstimate.Settings {
        .init(seed: seed, threads: threads, resolution: resolution, batch: batch, maximumReplications: maximumReplications,
              costPerTeamDay: costPerTeamDay)
    }

    /// The half-width at which a level whose 95 % interval still contains the required probability
    /// stops while the search only needs the direction to go: twice ``resolution`` (capped below
    /// 0.5). The answer, its neighbour below and the baseline are refined to ``resolution`` before
    /// they are reported.
    var screeningResolution: Double { min(2 * resolution, 0.49) }
}
