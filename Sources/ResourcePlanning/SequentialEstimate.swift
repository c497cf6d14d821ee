import ClearanceModel
import ClearcastDomain

// MARK: - SequentialEstimate

/// The probability that one model meets a target, estimated in batches of replications by
/// ``SequentialTest`` (see ``MultiplierPlanner``): until the 99 % Wilson interval clears the required
/// probability, or the 95 % half-width falls below the resolution, or the replications run out.
/// Every model is run with the same seed, so two models share random numbers. The estimate can be
/// screened first and refined later (``refine(screening:)``), continuing with the next replications.
struct SequentialEstimate {
    /// What the model's teams commit a year at most (``ClearanceModel/peakYearlyCommitment(perTeamDay:)``),
    /// when costs are given: what a yearly budget must cover to field them.
    let costPerYear: Double?
    private(set) var test: SequentialTest
    private let prepared: PreparedClearanceModel
    private let evaluator: TargetEvaluator
    private let settings: Settings
    private let shouldStop: (@Sendable () -> Bool)?

    struct Settings: Sendable {
        var seed: UInt64
        var threads: Int
        var resolution: Double
        var batch: Int
        var maximumReplications: Int
        var costPerTeamDay: [TeamKind: Double]?
    }

    /// Estimates to `settings.resolution`.
    /// - Complexity: at most `maximumReplications` replications of `model`.
    init(model: ClearanceModel, evaluator: TargetEvaluator, settings: Settings, shouldStop: (@Sendable () -> Bool)?) throws {
        try self.init(model: model, evaluator: evaluator, settings: settings, screening: nil, shouldStop: shouldStop)
    }

    /// Estimates to `settings.resolution`, or only to the `screening` resolution while a search needs
    /// just a direction (``SequentialTest``).
    init(model: ClearanceModel, evaluator: TargetEvaluator, settings: Settings, screening: Double?,
         shouldStop: (@Sendable () -> Bool)?) throws {
        prepared = try PreparedClearanceModel(model)
        self.evaluator = evaluator
        self.settings = settings
        self.shouldStop = shouldStop
        test = SequentialTest(required: evaluator.target.probability, batch: settings.batch,
                              maximumReplications: settings.maximumReplications)
        costPerYear = settings.costPerTeamDay.map { model.peakYearlyCommitment(perTeamDay: $0) }
        try refine(screening: screening)
    }

    /// Continues with the next replications until the rule holds at `settings.resolution` (or may
    /// stop screening at `screening`); nothing when it already does.
    mutating func refine(screening: Double? = nil) throws {
        let (prepared, evaluator, settings, stop) = (prepared, evaluator, settings, shouldStop)
        try test.advance(to: settings.resolution, screening: screening) { range in
            try MonteCarloRunner.records(prepared, replications: range, seed: settings.seed, threads: settings.threads,
                                         shouldStop: stop)
                .map { SequentialTest.Outcome(met: evaluator.isMet($0), share: evaluator.releasedShare($0)) }
        }
    }

    var probability: ProportionEstimate { test.probability }
    var verdict: PlanCandidate.Verdict { test.verdict }
    /// The largest share of the target's area released with at least the required probability.
    var shareReleasedAtProbability: Double { Self.lowerQuantile(test.shares, probability: test.required) }

    /// The largest `s` with at least `probability` of the values ≥ `s`.
    static func lowerQuantile(_ values: [Double], probability: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let index = Int((Double(sorted.count) * (1 - probability)).rounded(.down))
        return sorted[min(index, sorted.count - 1)]
    }
}
