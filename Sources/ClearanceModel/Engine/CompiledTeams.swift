import ClearcastDomain
import EventSimulation

// MARK: - CompiledTeams

/// The team side of a ``CompiledModel``: the scenario's groups plus one hidden group per
/// retraining rule (teams retrained from group A to group B work as B's kind but are counted
/// apart, so B's own capacity plan never withdraws them), the unit slots, the capacity schedule
/// after budget caps, and the money rates.
struct CompiledTeams: Sendable {
    /// The scenario's groups followed by the retraining groups.
    let groups: [TeamGroup]
    /// Groups `0 ..< scenarioGroupCount` are the scenario's.
    let scenarioGroupCount: Int
    let unitGroup: [Int]
    let unitKind: [Int]
    let unitPools: [UInt16]
    let unitAccidentRate: [Double]
    let groupFirstUnit: [Int]
    let groupUnitCount: [Int]
    let groupPools: [UInt16]
    /// Index of the retraining group for each group, -1 for none.
    let retrainGroup: [Int]
    let capacityChanges: [(day: Int, group: Int, count: Int)]
    /// Cost of a fielded team-day per kind index, and of an idle one (0 without costs).
    let kindRate: [Double]
    let kindStandbyRate: [Double]
    let kindRetrainingCost: [Double]
    /// Teams each scenario group may field per year index under the budget (nil: no budget).
    let budgetCaps: [[Int]]?

    /// - Complexity: O(groups × (horizon + plan entries) + units).
    init(model: ClearanceModel, horizon h: Int, yearEnds: [Int], office: WorkingDays, pools: (TeamGroup) -> UInt16) {
        var groups = model.teams
        var retrain = [Int](repeating: -1, count: groups.count)
        for (gi, g) in model.teams.enumerated() {
            guard let rule = g.retraining, let target = model.teams.first(where: { $0.id == rule.targetGroup }) else { continue }
            var hidden = target
            hidden.id = "\(g.id)→\(target.id)"
            hidden.count = 0
            hidden.capacityPlan = []
            hidden.availableFromDay = 0
            hidden.mobilisationDays = rule.days
            hidden.procurementDays = 0
            hidden.retraining = nil
            retrain[gi] = groups.count
            groups.append(hidden)
        }
        self.groups = groups
        scenarioGroupCount = model.teams.count
        // Retrained teams do not retrain again (one rule per team, no chains).
        retrainGroup = retrain + [Int](repeating: -1, count: groups.count - retrain.count)

        let costs = model.costs
        kindRate = TeamKind.allCases.map { costs?.perTeamDay[$0] ?? 0 }
        kindStandbyRate = TeamKind.allCases.map { (costs?.perTeamDay[$0] ?? 0) * (costs?.standbyShare ?? 1) }
        kindRetrainingCost = TeamKind.allCases.map { costs?.retrainingPerTeam[$0] ?? 0 }

        let start = model.startDate
        var plans = model.teams.map { CompiledModel.capacitySchedule($0, start: start, horizon: h) }
        var caps: [[Int]]?
        if let costs, !costs.budgetPerYear.isEmpty {
            let computed = Self.budgetCaps(model.teams, plans: plans, costs: costs, start: start, yearEnds: yearEnds, office: office)
            plans = zip(plans, computed).map { Self.capped($0, caps: $1, yearEnds: yearEnds, horizon: h) }
            caps = computed
        }
        budgetCaps = caps

        var first: [Int] = [], counts: [Int] = [], uGroup: [Int] = [], uKind: [Int] = [], uPools: [UInt16] = []
        var uRate: [Double] = [], capacity: [(day: Int, group: Int, count: Int)] = [], masks: [UInt16] = []
        for (gi, g) in groups.enumerated() {
            let plan = gi < plans.count ? plans[gi] : []
            // A retraining group has a slot for every team its source group may ever field.
            let slots = gi < plans.count ? (plan.map(\.count).max() ?? 0)
                : (plans[retrain.firstIndex(of: gi) ?? 0].map(\.count).max() ?? 0)
            first.append(uGroup.count)
            counts.append(slots)
            let mask = pools(g)
            masks.append(mask)
            let rate = g.accidentRatePerSquareMetre ?? model.accidents.ratePerKind[g.kind] ?? model.accidents.ratePerSquareMetre
            for _ in 0..<slots {
                uGroup.append(gi)
                uKind.append(g.kind.index)
                uPools.append(mask)
                uRate.append(rate)
            }
            capacity += plan.map { (day: $0.day, group: gi, count: $0.count) }
        }
        groupFirstUnit = first
        groupUnitCount = counts
        groupPools = masks
        unitGroup = uGroup
        unitKind = uKind
        unitPools = uPools
        unitAccidentRate = uRate
        capacityChanges = capacity.sorted { ($0.day, $0.group) < ($1.day, $1.group) }
    }

    /// Teams each group may field in each year under the budget.
    ///
    /// On the first day of each calendar year of the horizon (the start date for the first),
    /// that year's budget buys teams in the order the scenario lists the groups: each group gets
    /// as many whole teams as the money left covers, up to the largest count its plan asks for
    /// during the year, each team costing its kind's full rate for every office working day left
    /// in the year. A partial first or last year gets the budget's share for its days. Money a
    /// team saves by standing down or idling is not re-spent within the year.
    static func budgetCaps(_ teams: [TeamGroup], plans: [[(day: Int, count: Int)]], costs: TeamCosts,
                           start: CivilDate, yearEnds: [Int], office: WorkingDays) -> [[Int]] {
        var caps = teams.map { _ in [Int](repeating: 0, count: yearEnds.count) }
        for y in yearEnds.indices {
            let lo = y == 0 ? 0 : yearEnds[y - 1], hi = yearEnds[y]
            let year = start.adding(days: lo).year
            let daysInYear = CivilDate.isLeap(year) ? 366.0 : 365.0
            var money = costs.budget(forYear: year).map { $0 * Double(hi - lo) / daysInYear }
            let officeDays = Double(office.count(from: lo, to: hi))
            for (gi, g) in teams.enumerated() {
                let planned = maxCount(plans[gi], from: lo, to: hi)
                guard let left = money else {
                    caps[gi][y] = planned
                    continue
                }
                let teamCost = (costs.perTeamDay[g.kind] ?? 0) * officeDays
                let affordable = teamCost > 0 ? min(planned, Int((left / teamCost).rounded(.down))) : planned
                caps[gi][y] = max(affordable, 0)
                money = left - Double(caps[gi][y]) * teamCost
            }
        }
        return caps
    }

    /// The largest count a schedule gives on any day of `[lo, hi)`.
    static func maxCount(_ plan: [(day: Int, count: Int)], from lo: Int, to hi: Int) -> Int {
        var best = plan.last { $0.day <= lo }?.count ?? 0
        for change in plan where change.day > lo && change.day < hi { best = max(best, change.count) }
        return best
    }

    /// The schedule with each year's count limited to its cap (changes at plan days and 1 January).
    static func capped(_ plan: [(day: Int, count: Int)], caps: [Int], yearEnds: [Int], horizon: Int) -> [(day: Int, count: Int)] {
        let days = Set(plan.map(\.day) + [0] + yearEnds.dropLast()).sorted()
        var out: [(day: Int, count: Int)] = [], current = 0
        var y = 0
        for d in days where d < horizon {
            while y < yearEnds.count - 1 && d >= yearEnds[y] { y += 1 }
            let planned = plan.last { $0.day <= d }?.count ?? 0
            let count = min(planned, caps[y])
            if count != current {
                out.append((day: d, count: count))
                current = count
            }
        }
        return out
    }
}
