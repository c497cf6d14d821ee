import ClearanceModel
import ClearcastDomain

// MARK: - MixPlanner

/// Plan mode (b): the cheapest whole-team mix, within bounds per team kind, that meets a
/// ``PlanTarget``.
///
/// **Optimiser, and why.** A fluid (linear-programme) bound would treat teams as interchangeable
/// rates, but here one area's survey, technical survey and clearance follow each other, claims are
/// capped and teams travel: the binding constraint is often the sequencing, which a rate model does
/// not see. So the search works on the simulator itself, under common random numbers:
/// 1. *Start*: the smallest uniform multiplier of the bounded kinds that meets the target
///    (``MultiplierPlanner``, capped so no kind exceeds its upper bound; counts clamped to the lower
///    bounds). When even every kind at its upper bound fails, the target is unreachable within the
///    bounds and that mix is reported as the best achievable.
/// 2. *Local search*: repeatedly try removing teams of one kind, or swapping teams of a costlier
///    kind for a cheaper one, in steps of about a tenth of the kind's count (halved down to one team
///    when nothing is accepted); accept the move that saves the most cost a year and still meets the
///    target. Stop when no one-team move does.
/// The answer is a local optimum of a noisy objective, not a proven global one; the result lists
/// every mix tried, so the frontier of cost against probability can be read.
///
/// ```swift
/// let planner = MixPlanner(model: model, bounds: [.manual: 10...200, .mechanical: 5...60],
///                          costPerTeamDay: [.manual: 630, .mechanical: 5250], seed: 1, threads: 2)
/// let mix = try planner.plan(for: target)
/// ```
public struct MixPlanner: Sendable {
    public var model: ClearanceModel
    /// Teams at the start per kind (summed over the kind's groups); kinds not listed keep their counts.
    public var bounds: [TeamKind: ClosedRange<Int>]
    public var costPerTeamDay: [TeamKind: Double]
    public var seed: UInt64
    public var threads: Int
    public var resolution = 0.02
    public var batch = 50
    public var maximumReplications = 2000
    /// Most mixes simulated by the local search (each one sequential estimate).
    public var maximumEvaluations = 60

    public init(model: ClearanceModel, bounds: [TeamKind: ClosedRange<Int>], costPerTeamDay: [TeamKind: Double],
                seed: UInt64, threads: Int = 1) {
        self.model = model
        self.bounds = bounds
        self.costPerTeamDay = costPerTeamDay
        self.seed = seed
        self.threads = threads
    }

    /// Teams at the start per kind in `model`.
    static func counts(_ model: ClearanceModel) -> [TeamKind: Int] {
        model.teams.reduce(into: [:]) { $0[$1.kind, default: 0] += $1.count }
    }

    /// The model with each bounded kind's groups (counts and capacity plans) scaled so that the kind
    /// fields about `mix[kind]` teams at the start.
    func model(for mix: [TeamKind: Int]) -> ClearanceModel {
        let base = Self.counts(model)
        var scaled = model
        for (kind, count) in mix {
            guard let b = base[kind], b > 0 else { continue }
            scaled = scaled.scalingTeams(Set(model.teams.filter { $0.kind == kind }.map(\.id)), by: Double(count) / Double(b))
        }
        return scaled
    }

    public func validate() throws {
        var problems: [String] = []
        let base = Self.counts(model)
        if bounds.isEmpty { problems.append("no team kind to mix") }
        for kind in TeamKind.allCases {
            guard let range = bounds[kind] else { continue }
            if (base[kind] ?? 0) == 0 { problems.append("the scenario has no \(kind.rawValue) teams, so their number cannot be varied") }
            if range.lowerBound < 0 { problems.append("\(kind.rawValue): bounds must be ≥ 0, found \(range.lowerBound)") }
            if costPerTeamDay[kind] == nil { problems.append("\(kind.rawValue): no cost per team-day in the scenario's costs, so the mix cannot be costed") }
        }
        if !(resolution > 0 && resolution < 0.5) { problems.append("resolution must be in (0, 0.5), found \(resolution)") }
        if batch < 1 || maximumReplications < batch { problems.append("replications: batch \(batch), most \(maximumReplications)") }
        guard problems.isEmpty else { throw PlanningError.invalidSearch(problems) }
    }
}
