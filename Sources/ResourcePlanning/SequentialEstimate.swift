import ClearanceModel
import ClearcastDomain

// MARK: - SequentialEstimate

/// The probability that one model meets a target, estimated in batches of replications until the
/// verdict is settled (see ``MultiplierPlanner``): the 99 % Wilson interval clears the required
/// probability, or the 95 % half-width falls below `resolution`, or the replications run out.
/// Every model is run with the same seed, so two models share random numbers.
struct SequentialEstimate {
    var probability: ProportionEstimate
    var verdict: PlanCandidate.Verdict
    /// What the model's teams commit a year at most (``ClearanceModel/peakYearlyCommitment(perTeamDay:)``),
    /// when costs are given: what a yearly budget must cover to field them.
    var costPerYear: Double?
    /// The largest share of the target's area released with at least the required probability.
    var shareReleasedAtProbability: Double

    struct Settings: Sendable {
        var seed: UInt64
        var threads: Int
        var resolution: Double
        var batch: Int
        var maximumReplications: Int
        var costPerTeamDay: [TeamKind: Double]?
    }

    /// - Complexity: at most `maximumReplications` replications of `model`.
    init(model: ClearanceModel, evaluator: TargetEvaluator, settings: Settings, shouldStop: (@Sendable () -> Bool)?) throws {
        let prepared = try PreparedClearanceModel(model)
        let required = evaluator.target.probability
        var met = 0, run = 0
        var shares: [Double] = []
        var verdict = PlanCandidate.Verdict.failsWithinError
        while run < settings.maximumReplications {
            let count = min(settings.batch, settings.maximumReplications - run)
            let records = try MonteCarloRunner.records(prepared, replications: run..<(run + count), seed: settings.seed,
                                                       threads: settings.threads, shouldStop: shouldStop)
            for record in records {
                if evaluator.isMet(record) { met += 1 }
                shares.append(evaluator.releasedShare(record))
            }
            run += count
            let estimate = ProportionEstimate(successes: met, trials: run)
            let settled = estimate.interval(z: 2.5758293035489004)
            if settled.lower > required { verdict = .meets; break }
            if settled.upper < required { verdict = .fails; break }
            verdict = estimate.estimate >= required ? .meetsWithinError : .failsWithinError
            if estimate.halfWidth <= settings.resolution { break }
        }
        probability = ProportionEstimate(successes: met, trials: run)
        self.verdict = verdict
        costPerYear = settings.costPerTeamDay.map { model.peakYearlyCommitment(perTeamDay: $0) }
        shareReleasedAtProbability = Self.lowerQuantile(shares, probability: required)
    }

    /// The largest `s` with at least `probability` of the values ≥ `s`.
    static func lowerQuantile(_ values: [Double], probability: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let index = Int((Double(sorted.count) * (1 - probability)).rounded(.down))
        return sorted[min(index, sorted.count - 1)]
    }
}
