import ClearcastDomain
import EventSimulation

// MARK: - ClearanceModel

/// Everything needed to forecast land release: hazard areas, teams, calendar, survey shares,
/// accident and civilian-risk parameters and the task-selection policy. Plain values only.
///
/// ```swift
/// let model = ClearanceModel(startDate: CivilDate(year: 2026, month: 1, day: 1), horizonYears: 15,
///                            tasks: areas, teams: groups, calendar: WorkCalendar(),
///                            policy: .riskPriority)
/// try model.validate()
/// let forecast = try MonteCarloRunner.run(model, replications: 1000, seed: 42, threads: 2)
/// ```
public struct ClearanceModel: Sendable, Equatable, Codable {
    /// Calendar date of day 0.
    public var startDate: CivilDate
    /// Simulated span in whole years: the horizon ends on the `horizonYears`-th anniversary of
    /// ``startDate`` (results are still reported by calendar year, see ``yearEndDays``).
    public var horizonYears: Int
    public var tasks: [HazardArea]
    public var teams: [TeamGroup]
    public var calendar: WorkCalendar
    public var landRelease: LandReleaseParameters
    public var accidents: AccidentModel
    public var civilianRisk: CivilianRiskModel
    public var policy: TaskSelectionPolicy
    /// Team rates, standby share and yearly budget; nil: nothing is costed or capped.
    public var costs: TeamCosts?
    /// Hazardous land found during the forecast (see ``DiscoveryRule``); empty: the inventory is fixed.
    public var discoveries: [DiscoveryRule] = []

    public init(
        startDate: CivilDate, horizonYears: Int, tasks: [HazardArea], teams: [TeamGroup],
        calendar: WorkCalendar = WorkCalendar(), landRelease: LandReleaseParameters = LandReleaseParameters(),
        accidents: AccidentModel = .none, civilianRisk: CivilianRiskModel = CivilianRiskModel(),
        policy: TaskSelectionPolicy = .riskPriority, costs: TeamCosts? = nil
    ) {
        self.costs = costs
        self.startDate = startDate
        self.horizonYears = horizonYears
        self.tasks = tasks
        self.teams = teams
        self.calendar = calendar
        self.landRelease = landRelease
        self.accidents = accidents
        self.civilianRisk = civilianRisk
        self.policy = policy
    }

    /// Number of days simulated: from ``startDate`` to its `horizonYears`-th anniversary.
    /// (`horizonYears` is clamped to 0...``maximumHorizonYears`` so unvalidated input cannot overflow.)
    public var horizonDays: Int { startDate.days(to: startDate.adding(years: clampedYears)) }

    private var clampedYears: Int { min(max(horizonYears, 0), Self.maximumHorizonYears) }

    /// Day number at which each reported year ends (the first day after it): every 1 January
    /// after ``startDate`` and before the horizon's end, then the horizon's end. Results are
    /// reported by calendar year, as mine action reports are: the first year runs from the start
    /// date to 31 December and the last from 1 January to the horizon's end, so either may be
    /// partial; a start on 1 January gives exactly `horizonYears` full years. Year `k` (0-based)
    /// is calendar year `startDate.year + k` and covers days `[ends[k-1], ends[k])` (from 0 for `k = 0`).
    public var yearEndDays: [Int] {
        let end = horizonDays
        guard end > 0 else { return [] }
        var ends: [Int] = []
        for year in (startDate.year + 1)... {
            let newYear = startDate.days(to: CivilDate(year: year, month: 1, day: 1))
            guard newYear < end else { break }
            ends.append(newYear)
        }
        return ends + [end]
    }
}

// MARK: - Validation

extension ClearanceModel {
    /// Longest horizon accepted (keeps calendar tables small and dates in range).
    public static let maximumHorizonYears = 100

    /// Checks every field and throws ``ClearanceModelError/invalidInput(_:)`` listing all problems
    /// with paths such as `teams[2].productivity.AP.open`.
    public func validate() throws {
        var c = IssueCollector()
        if !startDate.isValid { c.add("startDate", "\(startDate) is not a valid date") }
        if horizonYears < 1 || horizonYears > Self.maximumHorizonYears {
            c.add("horizonYears", "must be in 1...\(Self.maximumHorizonYears), found \(horizonYears)")
        }
        var seenTasks: [String: Int] = [:]
        for (i, t) in tasks.enumerated() {
            c.nest("tasks[\(i)]") { try t.validate() }
            if let first = seenTasks[t.id] {
                c.add("tasks[\(i)].id", "duplicate id '\(t.id)' (first used by tasks[\(first)])")
            } else {
                seenTasks[t.id] = i
            }
        }
        for (i, rule) in discoveries.enumerated() {
            c.nest("discoveries[\(i)]") { try rule.validate() }
        }
        for d in discoveredTasks where seenTasks[d.area.id] != nil {
            c.add("discoveries[\(d.rule)]", "the found area's id '\(d.area.id)' is also a hazard id; rename that hazard")
        }
        let worked = tasks + discoveredTasks.map(\.area)
        var seenTeams: [String: Int] = [:]
        for (i, g) in teams.enumerated() {
            c.nest("teams[\(i)]") { try g.validate() }
            if let first = seenTeams[g.id] {
                c.add("teams[\(i)].id", "duplicate id '\(g.id)' (first used by teams[\(first)])")
            } else {
                seenTeams[g.id] = i
            }
            // Every task the group could work must have a productivity entry.
            var missing = Set<String>()
            for t in worked where !missing.contains("\(t.contamination.rawValue)/\(t.terrain)") {
                let steps = landRelease.steps(for: t.status, contamination: t.contamination)
                if steps.contains(where: { g.canWork($0, on: t.contamination) }), g.productivity(for: t.contamination, terrain: t.terrain) == nil {
                    missing.insert("\(t.contamination.rawValue)/\(t.terrain)")
                    c.add("teams[\(i)].productivity.\(t.contamination.rawValue)",
                          "no entry for terrain '\(t.terrain)' (needed by task '\(t.id)'); add it or a \"*\" fallback")
                }
            }
        }
        for (i, g) in teams.enumerated() {
            guard let rule = g.retraining else { continue }
            if !teams.contains(where: { $0.id == rule.targetGroup }) {
                c.add("teams[\(i)].retraining.targetGroup",
                      "no group is called '\(rule.targetGroup)'; expected one of \(teams.map(\.id).filter { $0 != g.id }.joined(separator: ", "))")
            }
        }
        if let costs {
            let fieldedGroups = teams.filter { g in g.count > 0 || g.capacityPlan.contains { $0.count > 0 } }
            let retrainedInto = fieldedGroups.compactMap(\.retraining).compactMap { r in teams.first { $0.id == r.targetGroup }?.kind }
            let fielded = Set(fieldedGroups.map(\.kind) + retrainedInto)
            c.nest("costs") { try costs.validate(fieldedKinds: fielded) }
        }
        c.nest("calendar") { try calendar.validate() }
        c.nest("landRelease") { try landRelease.validate() }
        c.nest("accidents") { try accidents.validate() }
        c.nest("civilianRisk") { try civilianRisk.validate() }
        try c.throwIfAny()
    }

    /// Non-fatal problems worth telling the planner: steps no team can do, groups with no work.
    public var warnings: [String] {
        var out: [String] = []
        var stranded: [LandReleaseStep: Int] = [:]
        let worked = tasks + discoveredTasks.map(\.area)
        for t in worked where t.area > 0 {
            for s in landRelease.steps(for: t.status, contamination: t.contamination)
            where !teams.contains(where: { $0.canWork(s, on: t.contamination) }) {
                stranded[s, default: 0] += 1
            }
        }
        for step in LandReleaseStep.allCases where stranded[step, default: 0] > 0 {
            out.append("\(stranded[step, default: 0]) task(s) need step \(step.rawValue) but no team group can do it for their contamination type; they will never be released")
        }
        for g in teams where !worked.contains(where: { t in
            t.area > 0 && landRelease.steps(for: t.status, contamination: t.contamination).contains { g.canWork($0, on: t.contamination) }
        }) {
            out.append("teams with no eligible task: group '\(g.id)' (\(g.kind.rawValue)) can do \(g.effectiveSteps.sorted().map(\.rawValue).joined(separator: ", ")) but no task needs it")
        }
        if teams.allSatisfy({ g in g.count == 0 && g.capacityPlan.allSatisfy { $0.count == 0 } }) {
            out.append("no teams are ever fielded")
        }
        if let cap = landRelease.maximumAreaPerTeam {
            // A claim takes at least one working day, so a cap below a day's work caps the team's
            // output at `cap` m² a day, whatever its productivity.
            for g in teams where g.rateUnit == .squareMetresPerDay {
                let fastest = min(g.productivity.values.flatMap(\.values).map(\.mean).filter(\.isFinite).max() ?? 0, 1e15)
                if cap < fastest {
                    out.append("landRelease.maximumAreaPerTeam (\(Int(cap)) m²) is below a day's work of group '\(g.id)' (mean up to \(Int(fastest)) m²/day): every claim takes at least one working day, so this cap limits the group to \(Int(cap)) m² a day")
                }
            }
        }
        return out
    }
}
