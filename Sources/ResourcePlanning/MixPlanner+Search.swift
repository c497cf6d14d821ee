import ClearanceModel
import ClearcastDomain

// MARK: - Mixes and the search

/// One team mix the search simulated.
public struct MixCandidate: Sendable, Equatable, Codable {
    /// Teams at the start per kind, as fielded (after rounding each group).
    public var teams: [TeamKind: Int]
    public var probability: ProportionEstimate
    public var verdict: PlanCandidate.Verdict
    public var costPerYear: Double
    public var shareReleasedAtProbability: Double
}

/// The answer of ``MixPlanner``.
public struct MixPlan: Sendable, Equatable {
    public var target: PlanTarget
    public var bounds: [TeamKind: ClosedRange<Int>]
    /// The scenario as written.
    public var baseline: MixCandidate
    /// The uniform start the local search began from; nil when the target is unreachable.
    public var start: MixCandidate?
    /// The cheapest mix found that meets the target; nil when none within the bounds does.
    public var answer: MixCandidate?
    /// When unreachable: every bounded kind at its upper bound.
    public var bestAchievable: MixCandidate?
    /// Every mix simulated, in the order tried.
    public var evaluated: [MixCandidate]
    public var notes: [String]
}

extension MixPlanner {
    /// - Throws: ``PlanningError`` for bounds or a target that do not fit the model; the model's
    ///   errors; `CancellationError` when `shouldStop` says so.
    public func plan(for target: PlanTarget, progress: (@Sendable (MixCandidate) -> Void)? = nil,
                     shouldStop: (@Sendable () -> Bool)? = nil) throws -> MixPlan {
        try validate()
        let evaluator = try TargetEvaluator(target, model: model)
        let settings = SequentialEstimate.Settings(seed: seed, threads: threads, resolution: resolution, batch: batch,
                                                   maximumReplications: maximumReplications, costPerTeamDay: costPerTeamDay)
        var evaluated: [MixCandidate] = []
        var cache: [[Int]: MixCandidate] = [:]
        let kinds = TeamKind.allCases.filter { bounds[$0] != nil }
        func evaluate(_ mix: [TeamKind: Int]) throws -> MixCandidate {
            let key = kinds.map { mix[$0] ?? 0 }
            if let known = cache[key] { return known }
            let scaled = model(for: mix)
            let e = try SequentialEstimate(model: scaled, evaluator: evaluator, settings: settings, shouldStop: shouldStop)
            let candidate = MixCandidate(teams: Self.counts(scaled).filter { bounds[$0.key] != nil }, probability: e.probability,
                                         verdict: e.verdict, costPerYear: e.costPerYear ?? 0,
                                         shareReleasedAtProbability: e.shareReleasedAtProbability)
            cache[key] = candidate
            evaluated.append(candidate)
            progress?(candidate)
            return candidate
        }
        let base = Self.counts(model)
        let baseline = try evaluate(base.filter { bounds[$0.key] != nil })
        var notes: [String] = []

        // 1. The uniform start, capped by the upper bounds.
        let cap = kinds.map { Double(bounds[$0]!.upperBound) / Double(base[$0]!) }.min() ?? 1
        var uniform = MultiplierPlanner(model: model, groups: Set(model.teams.filter { bounds[$0.kind] != nil }.map(\.id)),
                                        seed: seed, threads: threads, costPerTeamDay: costPerTeamDay)
        uniform.maximumMultiplier = min(max(cap, 1), 100)
        (uniform.resolution, uniform.batch, uniform.maximumReplications) = (resolution, batch, maximumReplications)
        let top = kinds.reduce(into: [TeamKind: Int]()) { $0[$1] = bounds[$1]!.upperBound }
        var current: [TeamKind: Int]
        if cap >= 1, let found = try uniform.plan(for: target, shouldStop: shouldStop).answer {
            current = kinds.reduce(into: [:]) { mix, kind in
                let count = Int((Double(base[kind]!) * found.multiplier).rounded(.toNearestOrAwayFromZero))
                mix[kind] = min(max(count, bounds[kind]!.lowerBound), bounds[kind]!.upperBound)
            }
        } else {
            current = top
        }
        var best = try evaluate(current)
        if !best.verdict.meets {
            if current != top { best = try evaluate(top) }
            guard best.verdict.meets else {
                notes.append("unreachable within the bounds: every bounded kind at its upper bound meets the target with P = \(MultiplierPlanner.format(best.probability.estimate))")
                return MixPlan(target: target, bounds: bounds, baseline: baseline, start: nil, answer: nil, bestAchievable: best,
                               evaluated: evaluated, notes: notes)
            }
            current = top
        }
        let start = best

        // 2. Local search: removals and swaps towards cheaper kinds, largest saving first.
        func teamYearCost(_ kind: TeamKind) -> Double { costPerTeamDay[kind] ?? 0 }
        var steps = kinds.reduce(into: [TeamKind: Int]()) { $0[$1] = max(1, (current[$1] ?? 0) / 10) }
        // Moves (kind, swapped-to kind, step) that failed: with fewer teams since, they would fail
        // again (more teams never hurt, the search assumes), so they are not retried until the step changes.
        var failed: Set<String> = []
        func signature(_ kind: TeamKind, _ to: TeamKind?, _ step: Int) -> String { "\(kind.rawValue)>\(to?.rawValue ?? "-")x\(step)" }
        while evaluated.count < maximumEvaluations {
            var moves: [(saving: Double, kind: TeamKind, signature: String, mix: [TeamKind: Int])] = []
            for kind in kinds {
                let step = steps[kind]!, count = current[kind]!
                if count - step >= bounds[kind]!.lowerBound {
                    var fewer = current
                    fewer[kind] = count - step
                    moves.append((teamYearCost(kind) * Double(step), kind, signature(kind, nil, step), fewer))
                    for cheaper in kinds where teamYearCost(cheaper) < teamYearCost(kind) && current[cheaper]! + step <= bounds[cheaper]!.upperBound {
                        var swapped = fewer
                        swapped[cheaper] = current[cheaper]! + step
                        moves.append(((teamYearCost(kind) - teamYearCost(cheaper)) * Double(step), kind, signature(kind, cheaper, step), swapped))
                    }
                }
            }
            var accepted: MixCandidate?
            for move in moves.sorted(by: { $0.saving > $1.saving }) where evaluated.count < maximumEvaluations && !failed.contains(move.signature) {
                let candidate = try evaluate(move.mix)
                guard candidate.verdict.meets && candidate.costPerYear < best.costPerYear else {
                    failed.insert(move.signature)
                    continue
                }
                accepted = candidate
                current = move.mix
                // A move that worked is tried again with a larger step (up to a fifth of the kind).
                steps[move.kind] = min(steps[move.kind]! * 2, max(1, current[move.kind]! / 5))
                break
            }
            if let accepted {
                best = accepted
            } else if steps.values.contains(where: { $0 > 1 }) {
                for kind in kinds { steps[kind] = max(1, steps[kind]! / 2) }
            } else {
                break
            }
        }
        if evaluated.count >= maximumEvaluations {
            notes.append("the local search stopped after \(maximumEvaluations) mixes; the answer may not be a local optimum")
        }
        if best.verdict == .meetsWithinError {
            notes.append("the answer meets the target only within Monte Carlo error (P = \(MultiplierPlanner.format(best.probability.estimate)) after \(best.probability.trials) replications)")
        }
        return MixPlan(target: target, bounds: bounds, baseline: baseline, start: start, answer: best, bestAchievable: nil,
                       evaluated: evaluated, notes: notes)
    }
}
