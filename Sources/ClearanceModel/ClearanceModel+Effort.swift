import ClearcastDomain
import EventSimulation

// MARK: - TaskEffort

/// The expected effort to release one hazard area and the civilian risk that removes: what a
/// planner ranks by when a mined belt costs 20–100 times more team-days per m² than battle area.
///
/// Deterministic (means, no sampling): for each step the area goes through (SHA: NTS, TS, then
/// clearance or BAC; CHA: TS, then clearance or BAC), the area it works is the recorded area less
/// the mean NTS cancellation and TS reduction shares of the steps before it. The step is worked by
/// **the fielded mix** of the groups that may do it (each group weighted by the largest number of
/// teams it ever fields): working together, `n_g` teams of group `g` finish `n_g / d_g` steps a day,
/// where `d_g` is one team's days for the step (area ÷ (mean productivity for the area's type and
/// terrain × density factor × step factor), TS working only its sampled share at its speed
/// factor; or the mean days of a days-per-task group). So the step takes `Σ n_g / Σ (n_g / d_g)`
/// team-days and costs `Σ n_g c_g / Σ (n_g / d_g)`. Why the mix and not the fastest kind: the
/// simulator hands work to whichever eligible team is free, so the mix is what a step will meet;
/// with one eligible kind both readings agree. Weather loss is included (days are divided by
/// `1 − loss`), as in the simulator's direct cost per step. Productivity means, not the mean of
/// `1 / productivity` the per-claim draws give, so realised days are longer by `E[X] E[1/X]`
/// (for a lognormal `exp(σ²)`), the same factor for every area of a kind.
public struct TaskEffort: Sendable, Equatable, Codable {
    public var id: String
    /// Expected team-days per step; a step no fielded group can do is missing and makes the area
    /// unreleasable (``teamDays`` nil).
    public var teamDaysByStep: [LandReleaseStep: Double]
    /// Expected team-days to release the whole area, nil when a step has no team.
    public var teamDays: Double?
    /// Expected direct cost (with `costs`), nil without costs or when unreleasable.
    public var cost: Double?
    /// Civilian casualties a year the area causes, on average over the horizon, if nothing is done
    /// about it (``CivilianRiskModel``, never the priority score).
    public var casualtiesPerYear: Double
    /// ``casualtiesPerYear`` ÷ ``teamDays`` (0 when unreleasable): the `risk_per_effort` key.
    public var casualtiesPerYearPerTeamDay: Double
    /// ``casualtiesPerYear`` per million of money, with costs.
    public var casualtiesPerYearPerMillion: Double?
}

extension ClearanceModel {
    /// The expected effort and civilian risk of every task, in task order (see ``TaskEffort``).
    ///
    /// - Complexity: O(tasks × groups).
    public func expectedEffort() -> [TaskEffort] {
        let exposure = CivilianExposure(model: self, tasks: tasks, horizon: horizonDays, calendars: [], yearEnds: yearEndDays)
        let weather: Double = switch calendar.weatherLoss {
        case .none: 0
        case .fixedShare(let p), .bernoulli(let p): p
        }
        let stretch = 1 / max(1 - weather, 1e-9)
        let weights = teams.map { g in Double(max(g.count, g.capacityPlan.map(\.count).max() ?? 0)) }
        return tasks.enumerated().map { i, t in
            var area = t.area, byStep: [LandReleaseStep: Double] = [:]
            var days: Double? = 0, money: Double? = costs == nil ? nil : 0
            for step in landRelease.steps(for: t.status, contamination: t.contamination) {
                if let (d, c) = stepEffort(step, task: t, area: area, weights: weights) {
                    byStep[step] = d * stretch
                    days = days.map { $0 + d * stretch }
                    money = money.map { m in c.map { m + $0 * stretch } } ?? nil
                } else {
                    days = nil
                }
                switch step {
                case .nonTechnicalSurvey: area *= 1 - min(max(landRelease.cancelShare(for: t.contamination, evidence: t.evidence).mean, 0), 1)
                case .technicalSurvey: area *= 1 - min(max(landRelease.reduceShare(for: t.contamination, status: t.status, evidence: t.evidence).mean, 0), 1)
                default: break
                }
            }
            if days == nil { money = nil }
            let risk = exposure.incidentsPerYearIfLeft(i, area: t.area) * civilianRisk.casualtiesPerIncident
            return TaskEffort(
                id: t.id, teamDaysByStep: byStep, teamDays: days, cost: money, casualtiesPerYear: risk,
                casualtiesPerYearPerTeamDay: days.map { $0 > 0 ? risk / $0 : 0 } ?? 0,
                casualtiesPerYearPerMillion: money.map { $0 > 0 ? risk / $0 * 1_000_000 : 0 })
        }
    }

    /// Task indices by ``TaskEffort/casualtiesPerYearPerTeamDay`` descending, compared as
    /// ``RoundedScore``s, then by rank, then input order: the `risk_per_effort` order (and the
    /// effort rank results show).
    public func riskPerEffortOrder(_ efforts: [TaskEffort]) -> [Int] {
        let key = efforts.map { RoundedScore(max(0, $0.casualtiesPerYearPerTeamDay)) }
        return tasks.indices.sorted { a, b in
            if key[a] != key[b] { return key[a] > key[b] }
            if tasks[a].rank != tasks[b].rank { return tasks[a].rank < tasks[b].rank }
            return a < b
        }
    }

    /// Team-days and cost of one step for the fielded mix (nil when no group can do it).
    private func stepEffort(_ step: LandReleaseStep, task t: HazardArea, area: Double, weights: [Double]) -> (Double, Double?)? {
        guard area > 0 else { return (0, costs == nil ? nil : 0) }
        var candidates: [(n: Double, days: Double, rate: Double?)] = []
        for (g, group) in teams.enumerated() where group.canWork(step, on: t.contamination) {
            guard let dist = group.productivity(for: t.contamination, terrain: t.terrain) else { continue }
            let sampled = step == .technicalSurvey ? landRelease.technicalSurveySampledShare : 1
            let factor = (landRelease.densityProductivityFactors[t.density] ?? 1) * (group.stepSpeedFactors[step] ?? 1) / sampled
            let mean = max(dist.mean, 1e-12)
            let d = group.rateUnit == .daysPerTask ? mean / factor : area / (mean * factor)
            candidates.append((weights[g], d, costs?.perTeamDay[group.kind]))
        }
        guard !candidates.isEmpty else { return nil }
        // Unfielded groups count only when no eligible group is ever fielded.
        if candidates.contains(where: { $0.n > 0 }) { candidates.removeAll { $0.n == 0 } } else {
            candidates = candidates.map { (1, $0.days, $0.rate) }
        }
        let perDay = candidates.reduce(0.0) { $0 + $1.n / $1.days }
        let teams = candidates.reduce(0.0) { $0 + $1.n }
        let days = teams / perDay
        guard costs != nil else { return (days, nil) }
        let money = candidates.reduce(0.0) { $0 + $1.n * ($1.rate ?? 0) } / perDay
        return (days, money)
    }
}
