import ClearanceModel
import ClearcastDomain

// MARK: - MultiplierPlanner

/// Finds the smallest multiplier on chosen team groups that meets a ``PlanTarget`` (plan mode (a)),
/// or the largest one a yearly budget affords (mode (c)).
///
/// **Search.** Multipliers live on a grid (`step`, default 0.05). The scenario as written (1×) is
/// simulated first; the search doubles (or halves) until it brackets the target, then bisects.
/// It assumes that more teams never lower the probability of meeting the target; the result notes
/// any simulated level where that fails beyond Monte Carlo error.
///
/// **Estimates.** At each level, replications run in batches (sequential stopping, ``SequentialTest``):
/// after each batch the Wilson interval of the probability is checked, and the level is settled as
/// soon as the 99 % interval lies wholly above or below the required probability; undecided levels
/// stop when the 95 % half-width falls below `resolution` or the replications run out, and are
/// decided by the estimate (the verdict says "within error"). The stricter 99 % level for stopping
/// offsets the repeated looks. While bracketing and bisecting, the search only needs a direction,
/// so a level whose 95 % interval still contains the required probability stops at twice the
/// resolution (``screeningResolution``): near a flat threshold most levels are such levels, and
/// each then costs about a quarter of the replications. The levels the answer rests on (the answer
/// and its neighbour below) and the baseline are then refined to `resolution` by continuing their
/// replications, so they end with exactly the figures an unscreened estimate gives; a screened
/// verdict that does not survive refinement moves the bracket, and the search goes on.
/// **Common random numbers**: every level uses the same seed, so replication `i`
/// of two levels shares its productivity, weather and accident draws, and the comparison between
/// neighbouring levels is much sharper than independent runs would give.
///
/// ```swift
/// let planner = MultiplierPlanner(model: model, groups: ["mech", "manual"], seed: 1, threads: 2)
/// let plan = try planner.plan(for: target)
/// print(plan.answer?.multiplier ?? "unreachable")
/// ```
public struct MultiplierPlanner: Sendable {
    public var model: ClearanceModel
    public var groups: Set<String>
    public var step = 0.05
    public var maximumMultiplier = 8.0
    public var resolution = 0.02
    public var batch = 50
    public var maximumReplications = 2000
    public var seed: UInt64
    public var threads: Int
    /// Cost per team-day by kind (kinds missing cost nothing); needed for the budget mode.
    public var costPerTeamDay: [TeamKind: Double]?

    public init(model: ClearanceModel, groups: Set<String>, seed: UInt64, threads: Int = 1,
                costPerTeamDay: [TeamKind: Double]? = nil) {
        self.model = model
        self.groups = groups
        self.seed = seed
        self.threads = threads
        self.costPerTeamDay = costPerTeamDay
    }

    /// Checks the settings, naming each one out of range.
    public func validate() throws {
        var problems: [String] = []
        let ids = model.teams.map(\.id)
        if groups.isEmpty { problems.append("no team group to scale") }
        for group in groups.sorted() where !ids.contains(group) {
            let hint = Spelling.closest(to: group, among: ids).map { "; did you mean '\($0)'?" } ?? ""
            problems.append("no team group '\(group)' (the scenario has \(ids.joined(separator: ", ")))\(hint)")
        }
        if !(step > 0 && step <= 1) { problems.append("step must be in (0, 1], found \(step)") }
        if !(maximumMultiplier >= 1 && maximumMultiplier <= 100) {
            problems.append("maximum multiplier must be in [1, 100], found \(maximumMultiplier)")
        }
        if !(resolution > 0 && resolution < 0.5) { problems.append("resolution must be in (0, 0.5), found \(resolution)") }
        if batch < 1 { problems.append("batch must be ≥ 1, found \(batch)") }
        if maximumReplications < batch { problems.append("maximum replications (\(maximumReplications)) must be ≥ batch (\(batch))") }
        guard problems.isEmpty else { throw PlanningError.invalidSearch(problems) }
    }

    /// Plan mode (a): the smallest multiplier that meets `target`, with its neighbour below and the
    /// frontier. With `budgetPerYear`, also mode (c): the largest multiplier whose yearly commitment
    /// (``ClearanceModel/peakYearlyCommitment(perTeamDay:)``) stays within the budget, and what it achieves.
    ///
    /// - Parameter progress: called after each simulated level, e.g. to print it.
    /// - Throws: ``PlanningError`` for settings or a target that do not fit the model;
    ///   ``ClearanceModelError`` from the model; `CancellationError` when `shouldStop` says so.
    /// - Complexity: O(log(maximumMultiplier / step)) levels of at most `maximumReplications` replications.
    public func plan(for target: PlanTarget, budgetPerYear: Double? = nil,
                     progress: (@Sendable (PlanCandidate) -> Void)? = nil,
                     shouldStop: (@Sendable () -> Bool)? = nil) throws -> ResourcePlan {
        try validate()
        if let budgetPerYear {
            guard costPerTeamDay != nil else {
                throw PlanningError.invalidSearch(["a budget needs the scenario's costs.per_team_day"])
            }
            guard budgetPerYear > 0, budgetPerYear.isFinite else {
                throw PlanningError.invalidSearch(["budget per year must be > 0, found \(budgetPerYear)"])
            }
        }
        let evaluator = try TargetEvaluator(target, model: model)
        var levels = LevelCache(planner: self, evaluator: evaluator, progress: progress, shouldStop: shouldStop)
        let unit = Int((1 / step).rounded())
        let top = max(unit, Int((maximumMultiplier / step).rounded(.down)))
        var notes: [String] = []

        // Bracket: `low` fails (or is 0 teams' worth), `high` meets; levels screened coarsely.
        var low = 0, high: Int?
        if try levels.level(unit, screening: true).verdict.meets {
            high = unit
            var k = unit / 2
            while k >= 1 {
                if try levels.level(k, screening: true).verdict.meets { high = k; k /= 2 } else { low = k; break }
            }
        } else {
            low = unit
            var k = unit
            while k < top {
                k = min(k * 2, top)
                if try levels.level(k, screening: true).verdict.meets { high = k; break } else { low = k }
            }
            // Unreachable as screened: the top level decides it at the full resolution.
            if high == nil, low == top, try levels.level(top).verdict.meets {
                high = top
                low = levels.largestFailing(below: top) ?? 0
            }
        }
        if var hi = high {
            while true {
                while hi - low > 1 {
                    let mid = (low + hi) / 2
                    if try levels.level(mid, screening: true).verdict.meets { hi = mid } else { low = mid }
                }
                // The answer and its neighbour below at the full resolution; a screened verdict that
                // does not survive moves the bracket (each level is refined at most once, so this ends).
                if try !levels.level(hi).verdict.meets {
                    low = hi
                    if let above = levels.smallestMeeting(above: hi) { hi = above; continue }
                    var k = hi, found: Int?
                    while k < top {
                        k = min(k * 2, top)
                        if try levels.level(k, screening: true).verdict.meets { found = k; break } else { low = k }
                    }
                    if found == nil, low == top, low != hi, try levels.level(top).verdict.meets {
                        found = top
                        low = levels.largestFailing(below: top) ?? 0
                    }
                    guard let found else { high = nil; break }
                    hi = found
                    continue
                }
                if low > 0, try levels.level(low).verdict.meets {
                    hi = low
                    low = levels.largestFailing(below: low) ?? 0
                    continue
                }
                high = hi
                break
            }
        }
        if let high, low == 0 { notes.append("the target is met even at the smallest multiplier simulated (\(Self.format(Double(high) * step))×)") }
        let baseline = try levels.level(unit)

        var affordable: PlanCandidate?
        if let budgetPerYear {
            affordable = try levels.largestAffordable(budgetPerYear, top: top)
            if affordable == nil { notes.append("the budget does not afford even \(Self.format(step))× the scaled groups") }
        }
        let frontier = levels.all
        notes += Self.monotonicityNotes(frontier)
        if high == nil, let best = levels.cached(top), let half = levels.cached(top / 2), top / 2 >= unit,
           best.probability.interval().lower <= half.probability.interval().upper,
           best.shareReleasedAtProbability - half.shareReleasedAtProbability < 0.02 {
            let others = model.teams.map(\.id).filter { !groups.contains($0) }
            notes.append("doubling the scaled groups from \(Self.format(half.multiplier))× to \(Self.format(best.multiplier))× "
                + "raises neither the probability (beyond Monte Carlo error) nor the share of area released: they are not what limits it "
                + (others.isEmpty ? "(look at the calendar, stoppages, mobilisation and the claim size)"
                                  : "(scale the other groups too: \(others.joined(separator: ", ")); or look at the calendar and stoppages)"))
        }
        if let high, let answer = levels.cached(high), answer.verdict == .meetsWithinError {
            notes.append("the answer meets the target only within Monte Carlo error (p = \(Self.format(answer.probability.estimate)) "
                + "after \(answer.probability.trials) replications); raise the replications for a sharper answer")
        }
        return ResourcePlan(
            target: target, groups: groups.sorted(), step: step, maximumMultiplier: Double(top) * step,
            baseline: baseline, answer: high.flatMap(levels.cached), nextSmaller: high != nil && low > 0 ? levels.cached(low) : nil,
            bestAchievable: high == nil ? levels.cached(top) : nil, frontier: frontier,
            budgetPerYear: budgetPerYear, affordable: affordable, notes: notes, seed: seed)
    }

    /// Pairs of levels where more teams met the target less often, beyond both 95 % intervals.
    static func monotonicityNotes(_ frontier: [PlanCandidate]) -> [String] {
        var notes: [String] = []
        for (a, b) in zip(frontier, frontier.dropFirst()) where b.probability.interval().upper < a.probability.interval().lower {
            notes.append("more teams met the target less often: \(format(a.multiplier))× p = \(format(a.probability.estimate)), "
                + "\(format(b.multiplier))× p = \(format(b.probability.estimate)) (task order effects); the answer assumes monotonicity")
        }
        return notes
    }

    static func format(_ x: Double) -> String {
        let r = (x * 1000).rounded() / 1000
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
