import ClearcastDomain
import EventSimulation

// MARK: - Finishing and interrupting steps

extension ReplicationSimulator {
    /// Books a finished step chunk of unit `u` (its end time is `now`) and advances the task.
    /// Leaves the unit `.idle` (free, not yet in the idle set) or `.standDown` after an accident.
    ///
    /// - Returns: the task whose next step just became available, if any.
    mutating func complete(_ u: Int, now: Int) throws -> Int? {
        let i = Int(uTask[u]), s = Int(uStep[u])
        let planned = uPlanned[u], days = Int(uDays[u])
        let kind = m.unitKind[u]
        workedDays[kind] += Double(uEffectiveDays[u])
        weatherLostDays[kind] += Double(days - Int(uEffectiveDays[u]))
        stepDaysByKind[kind * LandReleaseStep.count + s] += Double(days)
        if s >= LandReleaseStep.clearance.index {
            releaseLinear(task: i, start: Int(uStart[u]), days: days, perDay: planned / Double(days))
        }
        stepRemaining[i] = max(stepRemaining[i] - planned, 0)
        workers[i] -= 1
        generation[u] &+= 1
        uTask[u] = -1
        if uAccident[u] {
            unclaimed[i] += max(uClaimed[u] - planned, 0)
            accidents += 1
            let hurt = max(m.model.accidents.casualtiesPerAccident.sample(using: &uAccidentRNG[u]), 0)
            deminerCasualties += hurt
            if let y = m.year(ofDay: now - 1) { deminerCasualtiesByYear[y] += hurt }
            status[u] = .standDown
            try queue.schedule(.unitReady(unit: Int32(u), generation: generation[u]),
                               at: Double(now + m.model.accidents.standDownDays))
            available[m.pool(step: s, task: i)].insert(m.position[i])
            return i
        }
        status[u] = .idle
        // With splitting, the step finishes when its last team finishes.
        guard workers[i] == 0, unclaimed[i] <= 1e-9 else { return nil }
        return advance(task: i, finished: s, now: now) ? i : nil
    }

    /// Moves task `i` past finished step `s`: survey shares, next step or release.
    /// - Returns: true when a next step became available.
    mutating func advance(task i: Int, finished s: Int, now: Int) -> Bool {
        var bucket = 2
        retirePool(m.pool(step: s, task: i))
        switch s {
        case LandReleaseStep.nonTechnicalSurvey.index:
            bucket = 0
            var surveyRNG = RandomStream(base: surveyBase, key: UInt64(i) << 1)
            let share = cancelShare(task: i, sampled: min(max(m.cancelShare[i].sample(using: &surveyRNG), 0), 1), now: now)
            releaseLump(task: i, amount: share * hazard[i], bucket: 0, at: now)
        case LandReleaseStep.technicalSurvey.index:
            bucket = 1
            var surveyRNG = RandomStream(base: surveyBase, key: UInt64(i) << 1 | 1)
            let share = min(max(m.reduceShare[i].sample(using: &surveyRNG), 0), 1)
            releaseLump(task: i, amount: share * hazard[i], bucket: 1, at: now)
        default:
            break
        }
        if s < LandReleaseStep.clearance.index { mark(task: i, at: now) }
        let isFinal = s >= LandReleaseStep.clearance.index
        if isFinal || hazard[i] <= 1e-6 {
            // Rounding residue (or a share of exactly 1) ends the task; book it so areas balance.
            if hazard[i] != 0 { releaseLump(task: i, amount: hazard[i], bucket: bucket, at: now) }
            // Steps the task no longer needs (survey released all of it) leave their pools too.
            if !isFinal {
                if s == LandReleaseStep.nonTechnicalSurvey.index { retirePool(m.pool(step: LandReleaseStep.technicalSurvey.index, task: i)) }
                retirePool(m.pool(step: m.finalStep[i].index, task: i))
            }
            hazard[i] = 0
            stepRemaining[i] = 0
            currentStep[i] = Self.releasedTask
            // After clearance, post-clearance inspection (QA) and handover delay the release date;
            // the land is no longer hazardous meanwhile (it is cleared), so areas are booked as cleared.
            let handover = isFinal ? m.model.landRelease.handoverDays : 0
            releaseDay[i] = now - 1 + handover < m.horizon ? Int32(now - 1 + handover) : -1
            return false
        }
        let next = s == LandReleaseStep.nonTechnicalSurvey.index ? LandReleaseStep.technicalSurvey.index : m.finalStep[i].index
        currentStep[i] = UInt8(next)
        stepRemaining[i] = hazard[i]
        stepArea[i] = hazard[i]
        unclaimed[i] = hazard[i]
        available[m.pool(step: next, task: i)].insert(m.position[i])
        return true
    }

    /// Stops unit `u` at the start of day `t` (it has worked every day before `t`), credits its
    /// progress and returns the step to the pool. A step due to end by `t` is completed instead.
    ///
    /// - Returns: the task whose step work became available, if any.
    mutating func interrupt(_ u: Int, at t: Int) throws -> Int? {
        guard status[u] == .working else { return nil }
        if Int(uEndTime[u]) <= t { return try complete(u, now: Int(uEndTime[u])) }
        let i = Int(uTask[u]), s = Int(uStep[u])
        let s0 = Int(uStart[u]), days = Int(uDays[u])
        let cal = m.regionCalendars[m.regionOf[i]]
        let k = min(cal.count(from: s0, to: t), days - 1)
        if k > 0 {
            let progress = uPlanned[u] * Double(k) / Double(days)
            let kind = m.unitKind[u]
            workedDays[kind] += Double(uEffectiveDays[u]) * Double(k) / Double(days)
            weatherLostDays[kind] += Double(days - Int(uEffectiveDays[u])) * Double(k) / Double(days)
            stepDaysByKind[kind * LandReleaseStep.count + s] += Double(k)
            if s >= LandReleaseStep.clearance.index {
                releaseLinear(task: i, start: s0, days: k, perDay: uPlanned[u] / Double(days))
            }
            stepRemaining[i] = max(stepRemaining[i] - progress, 0)
            unclaimed[i] += max(uClaimed[u] - progress, 0)
        } else {
            unclaimed[i] += uClaimed[u]
        }
        workers[i] -= 1
        available[m.pool(step: s, task: i)].insert(m.position[i])
        generation[u] &+= 1
        uTask[u] = -1
        status[u] = .idle
        return i
    }

    // MARK: Release bookings

    /// Marks (fences) the rest of a surveyed area at time `t`: its risk falls by the marking effect
    /// from then on, booked as averted like a release.
    mutating func mark(task i: Int, at t: Int) {
        guard marking[i] == 1, m.exposure.markingFactor < 1, hazard[i] > 0 else { return }
        avertedIncidentDays += (1 - m.exposure.markingFactor) * hazard[i] * m.exposure.tailRate(i, from: t)
        bookAvertedByYear(task: i, perSquareMetre: (1 - m.exposure.markingFactor) * hazard[i], from: t)
        marking[i] = m.exposure.markingFactor
    }

    /// Books a survey release (or residue) at time `t` (the end of day `t − 1`).
    mutating func releaseLump(task i: Int, amount: Double, bucket: Int, at t: Int) {
        guard amount > 0 else { return }
        hazard[i] -= amount
        if let y = m.year(ofDay: t - 1) {
            released[bucket][y] += amount
            if bucket == 2 && m.finalStep[i] == .battleAreaClearance { released[3][y] += amount }
        }
        releasedByTask[bucket][i] += amount
        avertedIncidentDays += marking[i] * amount * m.exposure.tailRate(i, from: t)
        bookAvertedByYear(task: i, perSquareMetre: marking[i] * amount, from: t)
    }

    /// Splits the incidents a lump release (or marking) of `f` m² (marking-weighted) from day `t`
    /// avoids by calendar year: its own year's part now, later whole years as rates.
    mutating func bookAvertedByYear(task i: Int, perSquareMetre f: Double, from t: Int) {
        guard t < m.horizon, f != 0, let y = m.year(ofDay: t) else { return }
        avertedWithinYear[y] += f * m.exposure.tailRateWithinYear(i, from: t, year: y)
        avertedBackgroundFrom[y + 1] += f * m.exposure.background[i]
        avertedReturningFrom[y + 1] += f * m.exposure.returning[i]
    }

    /// Books clearance of `perDay` m² at the end of each of the first `days` working days from `start`.
    mutating func releaseLinear(task i: Int, start: Int, days: Int, perDay: Double) {
        guard days > 0 else { return }
        let cal = m.regionCalendars[m.regionOf[i]]
        guard let first = cal.dayOfWorkingDay(1, from: start), let last = cal.dayOfWorkingDay(days, from: start) else { return }
        hazard[i] -= perDay * Double(days)
        releasedByTask[2][i] += perDay * Double(days)
        let k0 = Int(cal.prefix[min(max(start, 0), cal.horizon)])
        avertedIncidentDays += marking[i] * perDay * m.exposure.workingRate(i, region: m.regionOf[i], firstIndex: k0, count: days)
        let y0 = Int(m.yearOfDay[first]), y1 = Int(m.yearOfDay[last])
        // Battle-area clearance is booked as cleared and, apart, as its own share of it.
        let bac = m.finalStep[i] == .battleAreaClearance
        let f = marking[i] * perDay, r = m.regionOf[i]
        var k = k0
        for y in y0...y1 {
            let lo = y == 0 ? 0 : m.yearEnds[y - 1]
            let count = y0 == y1 ? days : cal.count(from: max(start, lo), to: min(last + 1, m.yearEnds[y]))
            released[2][y] += perDay * Double(count)
            if bac { released[3][y] += perDay * Double(count) }
            avertedWithinYear[y] += f * m.exposure.workingRateWithinYear(i, region: r, firstIndex: k, count: count, year: y)
            avertedBackgroundFrom[y + 1] += f * Double(count) * m.exposure.background[i]
            avertedReturningFrom[y + 1] += f * Double(count) * m.exposure.returning[i]
            k += count
        }
    }

    /// Remaining hazardous area per class at the start of day `t`, from task states minus the
    /// clearance progress of steps still running.
    mutating func snapshot(year y: Int, at t: Int) {
        var rem = [Double](repeating: 0, count: ContaminationType.allCases.count)
        for i in 0..<m.taskCount { rem[m.classOf[i]] += hazard[i] }
        for u in 0..<m.unitCount where status[u] == .working && Int(uStep[u]) >= LandReleaseStep.clearance.index {
            let i = Int(uTask[u]), days = Int(uDays[u])
            let k = min(m.regionCalendars[m.regionOf[i]].count(from: Int(uStart[u]), to: t), days)
            rem[m.classOf[i]] -= uPlanned[u] * Double(k) / Double(days)
        }
        remainingByClass[y] = rem
    }
}
