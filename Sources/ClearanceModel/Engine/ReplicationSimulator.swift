import ClearcastDomain
import EventSimulation

// MARK: - Events

/// Simulation events. Unit events carry the unit's generation number: whenever a unit's plan
/// changes (interrupted, withdrawn) its generation increases and older events are ignored,
/// which is cheaper than cancelling them.
enum SimEvent: Sendable {
    case unitReady(unit: Int32, generation: UInt32)
    case stepEnd(unit: Int32, generation: UInt32)
    case capacity(index: Int32)
    case season(index: Int32)
    case yearEnd(index: Int32)
    /// Discovered task `knownCount + index` enters the work queue.
    case discovery(index: Int32)
}

/// `standDown`: after an accident, for ``AccidentModel/standDownDays``. `demobilised`: no eligible
/// work is left for the team anywhere (it is no longer fielded nor paid, but still counts toward
/// its group's planned count, so the capacity plan does not field a replacement).
enum UnitStatus: UInt8, Sendable {
    case inactive, mobilising, idle, working, standDown, demobilised
}

// MARK: - ReplicationSimulator

/// One replication of the land release process.
///
/// Teams work whole working days. When a team starts a task step it samples productivity once
/// for that step (stream "productivity"), converts the area into worked days, adds weather-lost
/// days, and finds the finishing day from the region's working-day index in O(1): one event per
/// step, never one per team-day. Interruptions (accidents, seasonal stoppages, withdrawals)
/// credit progress for the working days elapsed, spread evenly over the step's working days.
struct ReplicationSimulator {
    let m: CompiledModel
    let replication: Int
    var queue = EventQueue<SimEvent>()
    /// Bases of the keyed streams: every claim on a task's step, and every survey outcome of a task,
    /// draws from a sub-stream of its own (``RandomStream/init(base:key:)``), so that the same claim
    /// draws the same productivity, weather and accident distance whichever team makes it and
    /// whatever happened before: common random numbers stay synchronised between scenarios that
    /// differ in teams or order (compare, plan, sensitivity).
    let productivityBase: UInt64
    let surveyBase: UInt64
    let weatherBase: UInt64
    let accidentBase: UInt64
    /// Claims made so far on each (task, step): the claim's ordinal in its key.
    var claimsMade: [UInt32]
    /// The accident stream of each unit's current claim (its casualty count is drawn at the step's end).
    var uAccidentRNG: [RandomStream]
    var civilianRNG: RandomStream
    /// Area each discovered task turns out to have in this replication (stream "discovery",
    /// keyed by the discovered task's number), and the area found per `[class][year]`.
    var foundArea: [Double]
    var discoveredByClassYear: [[Double]]

    // MARK: Task state
    var hazard: [Double]
    /// Marking factor of each area's civilian risk (1 until it is surveyed and marked).
    var marking: [Double]
    var stepRemaining: [Double]
    /// Area the current step started with (for per-task durations of resumed steps).
    var stepArea: [Double]
    /// Area of the current step no team has claimed yet (splitting, see LandReleaseParameters).
    var unclaimed: [Double]
    /// Teams working on the task's current step.
    var workers: [Int32]
    var currentStep: [UInt8]
    var releaseDay: [Int32]
    var available: [TaskBitset]
    var open: TaskBitset
    var idle: TaskBitset

    // MARK: Unit state
    var status: [UnitStatus]
    var generation: [UInt32]
    var ux: [Double]
    var uy: [Double]
    var uTask: [Int32]
    var uStep: [UInt8]
    var uStart: [Int32]
    var uEndTime: [Int32]
    var uPlanned: [Double]
    var uClaimed: [Double]
    var uDays: [Int32]
    var uEffectiveDays: [Int32]
    var uAccident: [Bool]
    var uActiveSince: [Int32]
    var uIdleSince: [Int32]
    /// Activation day of a team that ramps up (fielded after day 0), -1 for none.
    var uRampFrom: [Int32]
    var activeCount: [Int]
    /// Per work pool, tasks that still have that pool's step ahead (see ``CompiledModel/initialPending``).
    var pending: [Int32]

    // MARK: Accounting
    var released: [[Double]]           // [cancelled, reduced, cleared, of which BAC][year]
    /// Area of each task released by outcome: [cancelled, reduced, cleared][task].
    var releasedByTask: [[Double]]
    var remainingByClass: [[Double]]   // [year][class]
    var avertedIncidentDays = 0.0
    /// The same by calendar year: the part of each booking within its own year, and the per-m²
    /// rates removed from the start of each later year on (see ``CivilianExposure/yearSum``).
    var avertedWithinYear: [Double]
    var avertedBackgroundFrom: [Double]
    var avertedReturningFrom: [Double]
    var accidents = 0
    var deminerCasualties = 0.0
    var deminerCasualtiesByYear: [Double]
    var workedDays = [Double](repeating: 0, count: TeamKind.count)
    var availableDays = [Double](repeating: 0, count: TeamKind.count)
    var idleDays = [Double](repeating: 0, count: TeamKind.count)
    /// Working days lost to weather within steps, per kind.
    var weatherLostDays = [Double](repeating: 0, count: TeamKind.count)
    /// Fielded and idle office days per `kind × years + year`; step working days per `kind × 4 + step`.
    var fieldedByKindYear: [Double]
    var idleByKindYear: [Double]
    var stepDaysByKind: [Double]
    var retrainingCostByYear: [Double]
    var standDowns = 0
    /// Set when a pool emptied: idle teams may have lost their last eligible work.
    var poolsEmptied = false
    var retrainings = 0
    var events = 0

    static let releasedTask = UInt8.max
    static let never = Int32.max

    init(model m: CompiledModel, seed: UInt64, replication: Int) {
        self.m = m
        self.replication = replication
        productivityBase = RandomStream.base(masterSeed: seed, replication: replication, stream: "productivity")
        surveyBase = RandomStream.base(masterSeed: seed, replication: replication, stream: "survey")
        weatherBase = RandomStream.base(masterSeed: seed, replication: replication, stream: "weather")
        accidentBase = RandomStream.base(masterSeed: seed, replication: replication, stream: "accidents")
        claimsMade = [UInt32](repeating: 0, count: m.taskCount * LandReleaseStep.count)
        uAccidentRNG = [RandomStream](repeating: RandomStream(seed: 0), count: m.unitCount)
        civilianRNG = RandomStream(masterSeed: seed, replication: replication, stream: "civilian")
        let discoveryBase = RandomStream.base(masterSeed: seed, replication: replication, stream: "discovery")
        foundArea = m.discoveryArea.enumerated().map { k, d in
            var rng = RandomStream(base: discoveryBase, key: UInt64(k))
            let a = d.sample(using: &rng)
            return a.isFinite ? max(a, 0) : 0
        }
        discoveredByClassYear = m.discoveryArea.isEmpty ? []
            : [[Double]](repeating: [Double](repeating: 0, count: m.yearEnds.count), count: ContaminationType.allCases.count)
        let n = m.taskCount, u = m.unitCount, years = m.yearEnds.count
        hazard = m.area
        marking = m.exposure.markAtStart
        stepRemaining = m.area
        stepArea = m.area
        unclaimed = m.area
        workers = [Int32](repeating: 0, count: n)
        currentStep = [UInt8](repeating: 0, count: n)
        releaseDay = [Int32](repeating: -1, count: n)
        available = (0..<CompiledModel.poolCount).map { _ in TaskBitset(count: n) }
        open = TaskBitset(count: n)
        idle = TaskBitset(count: u)
        status = [UnitStatus](repeating: .inactive, count: u)
        generation = [UInt32](repeating: 0, count: u)
        ux = [Double](repeating: 0, count: u)
        uy = ux
        uTask = [Int32](repeating: -1, count: u)
        uStep = [UInt8](repeating: 0, count: u)
        uStart = [Int32](repeating: 0, count: u)
        uEndTime = uStart
        uPlanned = ux
        uClaimed = ux
        uDays = uStart
        uEffectiveDays = uStart
        uAccident = [Bool](repeating: false, count: u)
        uActiveSince = uStart
        uIdleSince = uStart
        uRampFrom = [Int32](repeating: -1, count: u)
        pending = m.initialPending
        fieldedByKindYear = [Double](repeating: 0, count: TeamKind.count * years)
        idleByKindYear = fieldedByKindYear
        stepDaysByKind = [Double](repeating: 0, count: TeamKind.count * LandReleaseStep.count)
        retrainingCostByYear = [Double](repeating: 0, count: years)
        activeCount = [Int](repeating: 0, count: m.groupUnitCount.count)
        released = [[Double]](repeating: [Double](repeating: 0, count: years), count: 4)
        avertedWithinYear = [Double](repeating: 0, count: years)
        deminerCasualtiesByYear = avertedWithinYear
        avertedBackgroundFrom = [Double](repeating: 0, count: years + 1)
        avertedReturningFrom = avertedBackgroundFrom
        releasedByTask = [[Double]](repeating: [Double](repeating: 0, count: n), count: 3)
        remainingByClass = [[Double]](repeating: [Double](repeating: 0, count: ContaminationType.allCases.count), count: years)
        queue.reserveCapacity(u + m.capacityChanges.count + m.seasonChanges.count + years + m.discoveryDay.count + 8)
    }

    // MARK: Run

    /// Runs the replication to the horizon.
    mutating func run() throws -> ReplicationOutcome {
        let h = m.horizon
        for i in 0..<m.taskCount {
            let pos = m.position[i]
            if !m.stoppedAtStart[m.regionOf[i]] { open.insert(pos) }
            if i >= m.knownCount {
                // Latent: no hazardous area and no available step until its discovery event.
                hazard[i] = 0
                stepRemaining[i] = 0
                stepArea[i] = 0
                unclaimed[i] = 0
                currentStep[i] = UInt8((m.suspected[i] ? LandReleaseStep.nonTechnicalSurvey : .technicalSurvey).index)
            } else if m.area[i] <= 0 {
                hazard[i] = 0
                currentStep[i] = Self.releasedTask
                releaseDay[i] = 0
            } else {
                let first: LandReleaseStep = m.suspected[i] ? .nonTechnicalSurvey : .technicalSurvey
                currentStep[i] = UInt8(first.index)
                available[m.pool(step: first.index, task: i)].insert(pos)
            }
        }
        for (k, c) in m.capacityChanges.enumerated() { try queue.schedule(.capacity(index: Int32(k)), at: Double(c.day)) }
        for (k, c) in m.seasonChanges.enumerated() { try queue.schedule(.season(index: Int32(k)), at: Double(c.day)) }
        for (k, day) in m.discoveryDay.enumerated() { try queue.schedule(.discovery(index: Int32(k)), at: Double(day)) }
        for y in 0..<max(m.yearEnds.count - 1, 0) {
            // Half a day after the boundary: every release due at the boundary is booked first.
            try queue.schedule(.yearEnd(index: Int32(y)), at: Double(m.yearEnds[y]) + 0.5)
        }
        while let t = queue.peekTime, t <= Double(h), let next = queue.popNext() {
            try handle(next.event, now: Int(next.time))
            if poolsEmptied { try standDownIdleWithoutWork(now: Int(next.time)) }
        }
        return finish()
    }

    mutating func handle(_ event: SimEvent, now: Int) throws {
        switch event {
        case .unitReady(let u32, let g):
            let u = Int(u32)
            guard generation[u] == g, status[u] == .mobilising || status[u] == .standDown else { return }
            events += 1
            try assign(u, now: now)
        case .stepEnd(let u32, let g):
            let u = Int(u32)
            guard generation[u] == g, status[u] == .working else { return }
            events += 1
            let freed = try complete(u, now: now)
            if status[u] == .idle { try assign(u, now: now) }
            if let freed { try wake(forTask: freed, now: now) }
        case .capacity(let k):
            events += 1
            let change = m.capacityChanges[Int(k)]
            try applyCapacity(group: change.group, count: change.count, now: now)
        case .season(let k):
            events += 1
            let change = m.seasonChanges[Int(k)]
            try applySeason(region: change.region, stopped: change.stopped, now: now)
        case .yearEnd(let y):
            events += 1
            snapshot(year: Int(y), at: m.yearEnds[Int(y)])
        case .discovery(let k):
            events += 1
            try discover(Int(k), now: now)
        }
    }
}
