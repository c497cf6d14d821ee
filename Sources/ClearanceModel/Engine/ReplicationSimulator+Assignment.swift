import ClearcastDomain
import EventSimulation
import Foundation

// MARK: - Choosing and starting work

extension ReplicationSimulator {
    /// Gives free unit `u` its next task step, or parks it in the idle set.
    mutating func assign(_ u: Int, now: Int) throws {
        guard let (task, step) = choose(u) else {
            guard hasPendingWork(m.unitPools[u]) else {
                try demobilise(u, now: now)
                return
            }
            status[u] = .idle
            idle.insert(u)
            uIdleSince[u] = Int32(now)
            return
        }
        try start(u, task: task, step: step, now: now)
    }

    /// The policy's pick among available, open steps the unit may do (nil if none).
    ///
    /// - Complexity: O(tasks / 64) per eligible step for static orders; nearestFirst also visits
    ///   every candidate, O(available tasks).
    mutating func choose(_ u: Int) -> (task: Int, step: Int)? {
        let mask = m.unitPools[u]
        var bestPos = Int.max, bestStep = -1
        if case .nearestFirst = m.model.policy {
            var bestD2 = Double.infinity
            let x0 = ux[u], y0 = uy[u]
            for k in 0..<CompiledModel.poolCount where mask & (1 << UInt16(k)) != 0 {
                available[k].forEach(and: open) { pos in
                    let t = m.order[pos]
                    let dx = m.x[t] - x0, dy = m.y[t] - y0
                    let d2 = dx * dx + dy * dy
                    if d2 < bestD2 || (d2 == bestD2 && pos < bestPos) {
                        bestD2 = d2
                        bestPos = pos
                        bestStep = k >> 2
                    }
                }
            }
        } else {
            for k in 0..<CompiledModel.poolCount where mask & (1 << UInt16(k)) != 0 {
                if let pos = available[k].first(and: open), pos < bestPos {
                    bestPos = pos
                    bestStep = k >> 2
                }
            }
        }
        return bestStep < 0 ? nil : (m.order[bestPos], bestStep)
    }

    /// Starts step `step` of `task` with unit `u`: travel, sample productivity, accident distance
    /// and weather, and schedule the single completion event.
    mutating func start(_ u: Int, task i: Int, step s: Int, now: Int) throws {
        let g = m.unitGroup[u]
        guard let dist = m.productivity[g][m.combo[i]] else {
            // Validation guarantees an entry; without one the unit cannot do this task, so it idles.
            status[u] = .idle
            idle.insert(u)
            uIdleSince[u] = Int32(now)
            return
        }
        // Claim the whole step, or a share of at most `splitArea` so other teams can join.
        let claim = min(unclaimed[i], m.splitArea)
        unclaimed[i] -= claim
        if unclaimed[i] <= 1e-9 {
            unclaimed[i] = 0
            available[m.pool(step: s, task: i)].remove(m.position[i])
        }
        workers[i] += 1
        uClaimed[u] = claim
        let dx = m.x[i] - ux[u], dy = m.y[i] - uy[u]
        // Capped at the horizon so absurd distances cannot overflow Int.
        let travel = ((dx * dx + dy * dy).squareRoot() / 1000 / m.groupSpeedKmPerDay[g]).rounded()
        let travelDays = Int(min(travel, Double(m.horizon + 1)))
        let s0 = min(now + travelDays, m.horizon)
        ux[u] = m.x[i]
        uy[u] = m.y[i]

        let q = max(claim, 1e-9)
        var factor = m.densityFactor[i] * m.stepFactor[g][s]
        if let ramp = m.groupRamp[g], uRampFrom[u] >= 0 { factor *= ramp.factor(elapsedDays: s0 - Int(uRampFrom[u])) }
        // The claim's key: which task, which step, which claim on it (synchronised streams).
        let slot = i * LandReleaseStep.count + s
        let key = UInt64(slot) << 24 | UInt64(claimsMade[slot] & 0xFF_FFFF)
        claimsMade[slot] &+= 1
        var productivityRNG = RandomStream(base: productivityBase, key: key)
        var accidentRNG = RandomStream(base: accidentBase, key: key)
        // Normal-type inputs can sample ≤ 0: floor at 1 % of the mean keeps durations finite.
        let sample = max(dist.sample(using: &productivityRNG), 0.01 * dist.mean)
        // Worked days for the claimed area, as a real number (days per task: the claimed share
        // of the step's days, so resumed or split steps take proportionally less).
        let stepDays = m.groupDaysPerTask[g] ? sample / factor * min(q / max(stepArea[i], 1e-9), 1) : q / (sample * factor)
        var planned = q, accident = false
        let rate = m.unitAccidentRate[u]
        if rate > 0, s != LandReleaseStep.nonTechnicalSurvey.index {
            let distance = -log(accidentRNG.nextOpenDouble()) / rate
            if distance < q {
                planned = distance
                accident = true
            }
        }
        let cap = Double(m.horizon + 1)
        // The tiny relative tolerance keeps exact inputs (e.g. 1000 m² at 100 m²/day) from
        // rounding up to an extra day through floating-point error.
        let n = Int(min(max((stepDays * (planned / q) * (1 - 1e-12)).rounded(.up), 1), cap))
        var weatherRNG = RandomStream(base: weatherBase, key: key)
        let days = weatherDays(worked: n, using: &weatherRNG)
        uAccidentRNG[u] = accidentRNG

        status[u] = .working
        generation[u] &+= 1
        uTask[u] = Int32(i)
        uStep[u] = UInt8(s)
        uStart[u] = Int32(s0)
        uPlanned[u] = planned
        uDays[u] = Int32(days)
        uEffectiveDays[u] = Int32(n)
        uAccident[u] = accident
        if let e = m.regionCalendars[m.regionOf[i]].dayOfWorkingDay(days, from: s0) {
            uEndTime[u] = Int32(e + 1)
            try queue.schedule(.stepEnd(unit: Int32(u), generation: generation[u]), at: Double(e + 1))
        } else {
            uEndTime[u] = Self.never
        }
    }

    /// Calendar working days needed for `n` worked days under the weather-loss rule.
    func weatherDays(worked n: Int, using weatherRNG: inout RandomStream) -> Int {
        let cap = m.horizon + 1
        switch m.model.calendar.weatherLoss {
        case .none:
            return n
        case .fixedShare(let share):
            return Int(min((Double(n) / (1 - share)).rounded(.up), Double(cap)))
        case .bernoulli(let p):
            guard p > 0 else { return n }
            // Failures before the n-th success ~ NegativeBinomial(n, 1 − p) = Poisson(Gamma(n, p/(1−p))).
            let lambda = weatherRNG.nextGamma(shape: Double(n)) * p / (1 - p)
            let lost = weatherRNG.nextPoisson(mean: min(lambda, Double(cap)))
            return Int(min(Double(n) + lost, Double(cap)))
        }
    }

    /// After step work on `task` became available: hand it to the lowest-numbered idle unit that
    /// may do it (continuing until it is taken or no such unit is left).
    mutating func wake(forTask i: Int, now: Int) throws {
        let pos = m.position[i]
        let step = Int(currentStep[i])
        guard step < LandReleaseStep.count, open.contains(pos) else { return }
        var candidate = 0
        let k = m.pool(step: step, task: i)
        while available[k].contains(pos), let u = idle.first(from: candidate) {
            candidate = u + 1
            guard m.unitPools[u] & (1 << UInt16(k)) != 0 else { continue }
            takeFromIdle(u, now: now)
            try assign(u, now: now)
        }
    }

    /// Offers work to every idle unit in number order (after a region reopens).
    mutating func wakeAll(now: Int) throws {
        var candidate = 0
        while let u = idle.first(from: candidate) {
            candidate = u + 1
            takeFromIdle(u, now: now)
            try assign(u, now: now)
        }
    }

    mutating func takeFromIdle(_ u: Int, now: Int) {
        idle.remove(u)
        bookIdle(u, from: Int(uIdleSince[u]), to: now)
    }
}
