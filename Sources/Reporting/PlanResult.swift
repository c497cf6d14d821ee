import ClearcastDomain
import ResourcePlanning

/// The result of `clearcast plan`: the smallest multiplier on chosen team groups that meets a
/// release target, the level below it that does not, the frontier of every level simulated and,
/// with a budget, the level the budget affords.
///
/// Schema: `schemas/result.schema.json`, `kind: "plan"`.
public struct PlanResult: Codable, Sendable, Equatable {
    public var schema: String = ResultSchema.identifier
    public var kind: String = "plan"
    public var provenance: Provenance
    public var scenario: String
    public var startDate: String
    public var horizonYears: Int
    public var target: Target
    public var search: Search
    /// The scenario's currency, when it has costs.
    public var currency: String?
    public var baseline: Level
    public var answer: Level?
    public var nextSmaller: Level?
    public var bestAchievable: Level?
    public var budgetPerYear: Double?
    public var affordable: Level?
    public var frontier: [Level]
    public var notes: [String]
    /// `mix` for the cheapest-mix search (plan mode (b)); absent for the multiplier search.
    public var mode: String?
    /// The cheapest-mix search: bounds, start, answer and every mix tried.
    public var mix: Mix?

    public struct Mix: Codable, Sendable, Equatable {
        /// Teams at the start per kind: [lowest, highest].
        public var bounds: [String: [Int]]
        public var start: MixLevel?
        public var answer: MixLevel?
        public var bestAchievable: MixLevel?
        /// Every mix simulated, in the order tried.
        public var evaluated: [MixLevel]
    }

    public struct MixLevel: Codable, Sendable, Equatable {
        /// Teams at the start per kind, as fielded.
        public var teams: [String: Int]
        public var successes: Int
        public var replications: Int
        public var probability: Double
        public var lower: Double
        public var upper: Double
        public var verdict: String
        public var costPerYear: Double
        public var shareReleasedAtProbability: Double
    }

    public struct Target: Codable, Sendable, Equatable {
        /// Contamination codes counted; nil for all.
        public var types: [String]?
        public var regions: [String]?
        public var share: Double
        public var deadline: String
        public var probability: Double
        /// The target in words.
        public var summary: String
    }

    public struct Search: Codable, Sendable, Equatable {
        public var groups: [String]
        public var step: Double
        public var maximumMultiplier: Double
        public var resolution: Double
        public var batch: Int
        public var maximumReplications: Int
    }

    public struct Level: Codable, Sendable, Equatable {
        public var multiplier: Double
        public var teams: [String: Int]
        public var totalTeams: Int
        /// Replications that met the target, of those run, with the estimate and its 95 % Wilson interval.
        public var successes: Int
        public var replications: Int
        public var probability: Double
        public var lower: Double
        public var upper: Double
        /// meets, fails, meets_within_error or fails_within_error.
        public var verdict: String
        public var costPerYear: Double?
        public var shareReleasedAtProbability: Double
    }
}

// MARK: - Building

extension PlanResult {
    /// The result for a plan made on `scenario`'s model (see ``MultiplierPlanner``).
    public static func make(provenance: Provenance, scenario: String, startDate: CivilDate, horizonYears: Int,
                            plan: ResourcePlan, resolution: Double, batch: Int, maximumReplications: Int,
                            currency: String?) -> PlanResult {
        let target = plan.target
        return PlanResult(
            provenance: provenance, scenario: scenario, startDate: startDate.description, horizonYears: horizonYears,
            target: Target(types: target.contaminationTypes.map { types in ContaminationType.allCases.filter(types.contains).map(\.rawValue) },
                           regions: target.regions?.sorted(), share: target.share, deadline: target.deadline.description,
                           probability: target.probability, summary: target.summary),
            search: Search(groups: plan.groups, step: plan.step, maximumMultiplier: plan.maximumMultiplier,
                           resolution: resolution, batch: batch, maximumReplications: maximumReplications),
            currency: currency, baseline: Level(plan.baseline), answer: plan.answer.map(Level.init),
            nextSmaller: plan.nextSmaller.map(Level.init), bestAchievable: plan.bestAchievable.map(Level.init),
            budgetPerYear: plan.budgetPerYear, affordable: plan.affordable.map(Level.init),
            frontier: plan.frontier.map(Level.init), notes: plan.notes)
    }
}

extension PlanResult {
    /// The result for a cheapest-mix search (``MixPlanner``): `baseline` and `frontier` hold the
    /// scenario as written, `mix` the search.
    public static func make(provenance: Provenance, scenario: String, startDate: CivilDate, horizonYears: Int,
                            mixPlan plan: MixPlan, resolution: Double, batch: Int, maximumReplications: Int,
                            currency: String?) -> PlanResult {
        let kinds = TeamKind.allCases.filter { plan.bounds[$0] != nil }
        let target = plan.target
        let baseline = Level(multiplier: 1, teams: Dictionary(uniqueKeysWithValues: plan.baseline.teams.map { ($0.key.rawValue, $0.value) }),
                             totalTeams: plan.baseline.teams.values.reduce(0, +), mix: plan.baseline)
        return PlanResult(
            provenance: provenance, scenario: scenario, startDate: startDate.description, horizonYears: horizonYears,
            target: Target(types: target.contaminationTypes.map { types in ContaminationType.allCases.filter(types.contains).map(\.rawValue) },
                           regions: target.regions?.sorted(), share: target.share, deadline: target.deadline.description,
                           probability: target.probability, summary: target.summary),
            search: Search(groups: kinds.map(\.rawValue), step: 1, maximumMultiplier: 1, resolution: resolution, batch: batch,
                           maximumReplications: maximumReplications),
            currency: currency, baseline: baseline, answer: nil, nextSmaller: nil, bestAchievable: nil, budgetPerYear: nil,
            affordable: nil, frontier: [baseline], notes: plan.notes, mode: "mix",
            mix: Mix(bounds: Dictionary(uniqueKeysWithValues: kinds.map { ($0.rawValue, [plan.bounds[$0]!.lowerBound, plan.bounds[$0]!.upperBound]) }),
                     start: plan.start.map(MixLevel.init), answer: plan.answer.map(MixLevel.init),
                     bestAchievable: plan.bestAchievable.map(MixLevel.init), evaluated: plan.evaluated.map(MixLevel.init)))
    }
}

extension PlanResult.MixLevel {
    init(_ c: MixCandidate) {
        let interval = c.probability.interval()
        self.init(teams: Dictionary(uniqueKeysWithValues: c.teams.map { ($0.key.rawValue, $0.value) }),
                  successes: c.probability.successes, replications: c.probability.trials, probability: c.probability.estimate,
                  lower: interval.lower, upper: interval.upper, verdict: c.verdict.rawValue, costPerYear: c.costPerYear,
                  shareReleasedAtProbability: c.shareReleasedAtProbability)
    }
}

extension PlanResult.Level {
    init(multiplier: Double, teams: [String: Int], totalTeams: Int, mix c: MixCandidate) {
        let interval = c.probability.interval()
        self.init(multiplier: multiplier, teams: teams, totalTeams: totalTeams, successes: c.probability.successes,
                  replications: c.probability.trials, probability: c.probability.estimate, lower: interval.lower,
                  upper: interval.upper, verdict: c.verdict.rawValue, costPerYear: c.costPerYear,
                  shareReleasedAtProbability: c.shareReleasedAtProbability)
    }
}

extension PlanResult.Level {
    init(_ candidate: PlanCandidate) {
        let interval = candidate.probability.interval()
        self.init(multiplier: candidate.multiplier, teams: candidate.teams, totalTeams: candidate.totalTeams,
                  successes: candidate.probability.successes, replications: candidate.probability.trials,
                  probability: candidate.probability.estimate, lower: interval.lower, upper: interval.upper,
                  verdict: candidate.verdict.rawValue, costPerYear: candidate.costPerYear,
                  shareReleasedAtProbability: candidate.shareReleasedAtProbability)
    }
}
