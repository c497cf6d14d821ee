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
