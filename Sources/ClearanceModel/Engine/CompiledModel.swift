import ClearcastDomain
import EventSimulation

// MARK: - CompiledModel

/// A validated ``ClearanceModel`` flattened into arrays for the replication loop: calendars
/// indexed per region, the policy order fixed, productivity distributions resolved per
/// (group, task class, terrain). Immutable and shared by all replication threads.
final class CompiledModel: Sendable {
    let model: ClearanceModel
    let horizon: Int
    let yearEnds: [Int]

    // MARK: Tasks
    let taskCount: Int
    let area: [Double]
    let classOf: [Int]
    let regionOf: [Int]
    let x: [Double]
    let y: [Double]
    let suspected: [Bool]
    let finalStep: [LandReleaseStep]
    let densityFactor: [Double]
    /// Survey share distributions per task (by type and evidence class).
    let cancelShare: [Distribution]
    let reduceShare: [Distribution]
    /// Civilian risk: per-area coefficients and the exposure profiles' tail sums.
    let exposure: CivilianExposure
    /// Policy order: `order[position]` is a task index; `position[task]` its place.
    let order: [Int]
    let position: [Int]
    let classesPresent: [Int]
    let initialAreaByClass: [Double]
    /// Tasks `0..<knownCount` are the inventory; the rest are ``ClearanceModel/discoveredTasks``
    /// (latent until their day; their ``area`` is the rule's mean, a replication draws its own).
    let knownCount: Int
    let discovered: [DiscoveredTask]
    let discoveryDay: [Int]
    let discoveryArea: [Distribution]
    let discoveryYear: [Int]
    /// Day of each task's last survey (for ageing suspicion; 0 = the start date).
    let lastSurveyDay: [Int]

    // MARK: Calendars
    let regionNames: [String]
    let regionCalendars: [WorkingDays]
    let office: WorkingDays
    let tasksByRegion: [[Int]]
    /// Region stoppage start/end days, sorted by (day, region).
    let seasonChanges: [(day: Int, region: Int, stopped: Bool)]
    let stoppedAtStart: [Bool]

    // MARK: Teams
    let unitGroup: [Int]
    let unitKind: [Int]
    /// Work pools a unit may take from: bit `step × 4 + class` (see ``poolCount``).
    let unitPools: [UInt16]
    let unitAccidentRate: [Double]
    let groupFirstUnit: [Int]
    let groupUnitCount: [Int]
    /// `productivity[group][combo[task]]`.
    let productivity: [[Distribution?]]
    let combo: [Int]
    let stepFactor: [[Double]]
    let capacityChanges: [(day: Int, group: Int, count: Int)]
    let groupSpeedKmPerDay: [Double]
    /// Largest area one team claims of a step (infinity: no splitting).
    let splitArea: Double
    let groupDaysPerTask: [Bool]
    let groupMobilisation: [Int]
    let groupProcurement: [Int]
    let groupRamp: [TeamGroup.RampUp?]
    let groupBaseX: [Double]
    let groupBaseY: [Double]
    /// Groups (scenario and retraining), budget caps and money rates.
    let teams: CompiledTeams
    /// Per work pool, the tasks that still have that pool's step ahead of them at the start
    /// (a team with no pending pool in its mask has no eligible work left: it stands down).
    let initialPending: [Int32]
    /// Year index (0-based) of every day in the horizon.
    let yearOfDay: [Int16]

    /// Expected civilian incidents over the horizon with no clearance (and no survey) at all.
    var baselineIncidents: Double { exposure.baselineIncidents }

    init(_ model: ClearanceModel) {
        self.model = model
        let h = model.horizonDays
        horizon = h
        yearEnds = model.yearEndDays
        let latent = model.discoveredTasks
        let tasks = model.tasks + latent.map(\.area)
        knownCount = model.tasks.count
        discovered = latent
        discoveryDay = latent.map(\.day)
        discoveryArea = latent.map { model.discoveries[$0.rule].areaPerYear }
        discoveryYear = latent.map(\.year)
        lastSurveyDay = tasks.map { $0.lastSurvey.map { model.startDate.days(to: $0) } ?? 0 }
        taskCount = tasks.count
        area = tasks.map(\.area)
        classOf = tasks.map(\.contamination.index)
        x = tasks.map(\.x)
        y = tasks.map(\.y)
        suspected = tasks.map { $0.status == .suspected }
        finalStep = tasks.map { model.landRelease.battleAreaClearanceTypes.contains($0.contamination) ? .battleAreaClearance : .clearance }
        densityFactor = tasks.map { model.landRelease.densityProductivityFactors[$0.density] ?? 1 }
        cancelShare = tasks.map { model.landRelease.cancelShare(for: $0.contamination, evidence: $0.evidence) }
        reduceShare = tasks.map { model.landRelease.reduceShare(for: $0.contamination, status: $0.status, evidence: $0.evidence) }
        var byClass = [Double](repeating: 0, count: ContaminationType.allCases.count)
        for t in model.tasks { byClass[t.contamination.index] += t.area }
        initialAreaByClass = byClass
        classesPresent = ContaminationType.allCases.map(\.index).filter { c in tasks.contains { $0.contamination.index == c } }

        // Regions in order of first appearance (deterministic).
        var names: [String] = [], regionIndex: [String: Int] = [:]
        for t in tasks where regionIndex[t.region] == nil {
            regionIndex[t.region] = names.count
            names.append(t.region)
        }
        regionNames = names
        regionOf = tasks.map { regionIndex[$0.region] ?? 0 }
        var byRegion = [[Int]](repeating: [], count: names.count)
        for (i, r) in regionOf.enumerated() { byRegion[r].append(i) }
        tasksByRegion = byRegion

        // Calendars.
        let cal = model.calendar, start = model.startDate
        let dates = (0..<h).map { start.adding(days: $0) }
        let officeDay = dates.map { cal.isOfficeDay($0) }
        office = WorkingDays(horizon: h) { officeDay[$0] }
        var calendars: [WorkingDays] = [], changes: [(day: Int, region: Int, stopped: Bool)] = []
        var stoppedAtStart: [Bool] = []
        for (r, name) in names.enumerated() {
            let rules = cal.seasonalStoppages.filter { $0.applies(to: name) }
            let stopped = dates.map { d in rules.contains { $0.covers(d) } }
            calendars.append(WorkingDays(horizon: h) { officeDay[$0] && !stopped[$0] })
            stoppedAtStart.append(stopped.first ?? false)
            for d in 1..<max(h, 1) where stopped[d] != stopped[d - 1] {
                changes.append((d, r, stopped[d]))
            }
        }
        regionCalendars = calendars
        self.stoppedAtStart = stoppedAtStart
        seasonChanges = changes.sorted { ($0.day, $0.region) < ($1.day, $1.region) }
        // Civilian risk (see CivilianRiskModel): independent of the priority score.
        exposure = CivilianExposure(model: model, tasks: tasks, horizon: h, calendars: calendars, yearEnds: yearEnds)

        // Policy order.
        // Discovered tasks come after every known one, in discovery order (they have no score).
        order = CompiledModel.policyOrder(model.policy, model.tasks, model: model) + Array(knownCount..<tasks.count)
        var pos = [Int](repeating: 0, count: tasks.count)
        for (p, t) in order.enumerated() { pos[t] = p }
        position = pos

        // Units: each group gets as many slots as its largest planned count (after budget caps).
        let compiled = CompiledTeams(model: model, horizon: h, yearEnds: yearEnds, office: office) { g in
            let classes = g.contaminationTypes ?? Set(ContaminationType.allCases)
            var mask: UInt16 = 0
            for s in g.effectiveSteps { for c in classes { mask |= 1 << UInt16(s.index * 4 + c.index) } }
            return mask
        }
        teams = compiled
        let groups = compiled.groups
        groupFirstUnit = compiled.groupFirstUnit
        groupUnitCount = compiled.groupUnitCount
        unitGroup = compiled.unitGroup
        unitKind = compiled.unitKind
        unitPools = compiled.unitPools
        unitAccidentRate = compiled.unitAccidentRate
        capacityChanges = compiled.capacityChanges

        // Productivity look-up per (class, terrain) combination.
        var terrains: [String: Int] = [:]
        for t in tasks where terrains[t.terrain] == nil { terrains[t.terrain] = terrains.count }
        let terrainNames = terrains.sorted { $0.value < $1.value }.map(\.key)
        let nTerrain = max(terrainNames.count, 1)
        combo = tasks.map { $0.contamination.index * nTerrain + (terrains[$0.terrain] ?? 0) }
        productivity = groups.map { g in
            var table = [Distribution?](repeating: nil, count: ContaminationType.allCases.count * nTerrain)
            for c in ContaminationType.allCases {
                for (ti, tn) in terrainNames.enumerated() { table[c.index * nTerrain + ti] = g.productivity(for: c, terrain: tn) }
            }
            return table
        }
        // TS works only the sampled share of an area: fewer days for the same productivity.
        let sampled = model.landRelease.technicalSurveySampledShare
        stepFactor = groups.map { g in
            LandReleaseStep.allCases.map { ($0 == .technicalSurvey ? 1 / sampled : 1) * (g.stepSpeedFactors[$0] ?? 1) }
        }

        groupSpeedKmPerDay = groups.map(\.travelSpeedKmPerDay)
        splitArea = model.landRelease.maximumAreaPerTeam ?? .infinity
        groupDaysPerTask = groups.map { $0.rateUnit == .daysPerTask }
        groupMobilisation = groups.map(\.mobilisationDays)
        groupProcurement = groups.map(\.procurementDays)
        groupRamp = groups.map(\.rampUp)
        groupBaseX = groups.map(\.baseX)
        groupBaseY = groups.map(\.baseY)
        var pending = [Int32](repeating: 0, count: Self.poolCount)
        // A discovered task counts as pending from the start (its drawn area may be 0: it is
        // retired then), so teams that could work it do not stand down before it is found.
        for (i, t) in tasks.enumerated() where t.area > 0 || i >= knownCount {
            for step in model.landRelease.steps(for: t.status, contamination: t.contamination) {
                pending[step.index << 2 | classOf[i]] += 1
            }
        }
        initialPending = pending
        var yod = [Int16](repeating: 0, count: h)
        var yi = 0
        for d in 0..<h {
            while yi < yearEnds.count - 1 && d >= yearEnds[yi] { yi += 1 }
            yod[d] = Int16(yi)
        }
        yearOfDay = yod
    }

    var unitCount: Int { unitGroup.count }

    /// Available work is kept in one pool per (step, contamination class), so team groups can
    /// be restricted to classes without scanning tasks they may not touch.
    static let poolCount = LandReleaseStep.count * 4

    @inline(__always)
    func pool(step: Int, task i: Int) -> Int { step << 2 | classOf[i] }

    /// The year (0-based) to book day `day` in, clamped into the horizon: a day before the start
    /// counts in the first year, one at or past the end in the last. Nil when the horizon has no
    /// day (a model of 0 years that skipped ``ClearanceModel/validate()``): there is no year to book
    /// in, and clamping alone would index day -1.
    @inline(__always)
    func year(ofDay day: Int) -> Int? {
        guard horizon > 0 else { return nil }
        return Int(yearOfDay[min(max(day, 0), horizon - 1)])
    }
}

// MARK: - Compilation helpers

extension CompiledModel {
    /// Task indices in the order the policy prefers them (nearestFirst: input order; the
    /// distance is evaluated at decision time). Risk priority compares benefits as
    /// ``RoundedScore``s, as the hazard ranking does, so the order is the same on every OpenBLAS kernel;
    /// risk per effort compares ``TaskEffort/casualtiesPerYearPerTeamDay`` the same way, then rank.
    static func policyOrder(_ policy: TaskSelectionPolicy, _ tasks: [HazardArea], model: ClearanceModel) -> [Int] {
        let risk: (Int, Int) -> Bool = { a, b in
            let ta = tasks[a], tb = tasks[b]
            let (benefitA, benefitB) = (RoundedScore(max(0, ta.priorityBenefit)), RoundedScore(max(0, tb.priorityBenefit)))
            if benefitA != benefitB { return benefitA > benefitB }
            if ta.rank != tb.rank { return ta.rank < tb.rank }
            return a < b
        }
        let idx = Array(tasks.indices)
        switch policy {
        case .riskPriority:
            return idx.sorted(by: risk)
        case .riskPerEffort:
            return model.riskPerEffortOrder(model.expectedEffort())
        case .nearestFirst, .asListed:
            return idx
        case .largestFirst:
            return idx.sorted { tasks[$0].area != tasks[$1].area ? tasks[$0].area > tasks[$1].area : $0 < $1 }
        case .smallestFirst:
            return idx.sorted { tasks[$0].area != tasks[$1].area ? tasks[$0].area < tasks[$1].area : $0 < $1 }
        case .regionSequence(let regions):
            let rank = Dictionary(regions.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            return idx.sorted { a, b in
                let ra = rank[tasks[a].region] ?? regions.count, rb = rank[tasks[b].region] ?? regions.count
                return ra != rb ? ra < rb : risk(a, b)
            }
        }
    }

    /// Team counts of a group over time as (day, count) changes within `[0, horizon)`:
    /// `count` at ``TeamGroup/availableFromDay``, then each plan entry, 0 from `availableUntilDay`.
    static func capacitySchedule(_ g: TeamGroup, start: CivilDate, horizon: Int) -> [(day: Int, count: Int)] {
        let plan = g.capacityPlan.map { ($0.day(from: start), $0.count) }.enumerated()
            .sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element)
        func countAt(_ d: Int) -> Int {
            if d < g.availableFromDay { return 0 }
            if let until = g.availableUntilDay, d >= until { return 0 }
            return plan.last { $0.0 <= d }?.1 ?? g.count
        }
        var days = Set([0, g.availableFromDay] + plan.map(\.0))
        if let until = g.availableUntilDay { days.insert(until) }
        var out: [(day: Int, count: Int)] = []
        var current = 0
        for d in days.sorted() where d >= 0 && d < horizon {
            let c = countAt(d)
            if c != current {
                out.append((day: d, count: c))
                current = c
            }
        }
        return out
    }
}
