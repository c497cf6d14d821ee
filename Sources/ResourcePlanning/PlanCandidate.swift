import ClearanceModel
import ClearcastDomain

// MARK: - PlanCandidate

/// One resource level the planner simulated: the multiplier, the teams it fields, and how often
/// the target was met.
public struct PlanCandidate: Sendable, Equatable, Codable {
    /// Whether the candidate meets the target, and whether the Monte Carlo settled it.
    public enum Verdict: String, Sendable, Equatable, Codable {
        /// The 99 % interval of the probability lies above the required probability.
        case meets
        /// The 99 % interval lies below it.
        case fails
        /// Undecided when the replications ran out or the interval became narrower than the
        /// resolution: the estimate is at or above the required probability.
        case meetsWithinError = "meets_within_error"
        /// As above, with the estimate below the required probability.
        case failsWithinError = "fails_within_error"

        public var meets: Bool { self == .meets || self == .meetsWithinError }
    }

    /// Multiplier on the scaled groups' team counts (1 = the scenario as written).
    public var multiplier: Double
    /// Teams fielded at the start per scaled group (group id: count).
    public var teams: [String: Int]
    /// Teams fielded at the start over every group, scaled or not.
    public var totalTeams: Int
    /// Replications that met the target, out of those run.
    public var probability: ProportionEstimate
    public var verdict: Verdict
    /// Mean cost per simulated year (fielded team-days × cost per team-day, over the horizon), when
    /// the scenario has costs.
    public var costPerYear: Double?
    /// The largest share of the target's area released by the deadline with at least the required
    /// probability (a quantile over replications): what this level achieves when it misses.
    public var shareReleasedAtProbability: Double
}

// MARK: - ResourcePlan

/// The answer of ``MultiplierPlanner``: the smallest multiplier that meets the target, the one below
/// it that does not, and every level simulated on the way (the frontier).
public struct ResourcePlan: Sendable, Equatable, Codable {
    public var target: PlanTarget
    /// The team groups whose counts were scaled.
    public var groups: [String]
    /// The multiplier grid's step; answers are multiples of it.
    public var step: Double
    public var maximumMultiplier: Double
    /// The scenario as written (multiplier 1).
    public var baseline: PlanCandidate
    /// The smallest multiplier on the grid that meets the target; nil when none up to the maximum does.
    public var answer: PlanCandidate?
    /// The largest multiplier simulated below the answer: it does not meet the target.
    public var nextSmaller: PlanCandidate?
    /// When the target is unreachable: the best level simulated (the maximum multiplier).
    public var bestAchievable: PlanCandidate?
    /// Every level simulated, by multiplier.
    public var frontier: [PlanCandidate]
    /// The yearly budget of the budget mode, and the level it affords.
    public var budgetPerYear: Double?
    public var affordable: PlanCandidate?
    /// Facts about the search a reader must know (a non-monotone frontier, a target met at the
    /// smallest level, replications exhausted near the threshold).
    public var notes: [String]
    public var seed: UInt64
}
