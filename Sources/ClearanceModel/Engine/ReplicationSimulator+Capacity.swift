import EventSimulation

// MARK: - Funding, seasons and the end of the horizon

extension ReplicationSimulator {
    /// Sets group `g` to `count` fielded teams from day `now`.
    ///
    /// Added teams mobilise from the base. Withdrawals take idle teams first, then mobilising or
    /// stood-down ones, then working ones (highest number first within each); a working team
    /// has finished day `now − 1` and its step returns to the pool.
    mutating func applyCapacity(group g: Int, count target: Int, now: Int) throws {
        let first = m.groupFirstUnit[g], slots = m.groupUnitCount[g]
        let units = first..<(first + slots)
        if target > activeCount[g] {
            var toAdd = target - activeCount[g]
            // No eligible work left: the added teams are never fielded (and never paid).
            let hasWork = hasPendingWork(m.teams.groupPools[g])
            let delay = m.groupMobilisation[g] + (now > 0 ? m.groupProcurement[g] : 0)
            for u in units where toAdd > 0 && status[u] == .inactive {
                toAdd -= 1
                activeCount[g] += 1
                generation[u] &+= 1
                guard hasWork else {
                    status[u] = .demobilised
                    continue
                }
                status[u] = .mobilising
                ux[u] = m.groupBaseX[g]
                uy[u] = m.groupBaseY[g]
                uActiveSince[u] = Int32(now)
                uRampFrom[u] = now > 0 ? Int32(now) : -1
                try queue.schedule(.unitReady(unit: Int32(u), generation: generation[u]), at: Double(now + delay))
            }
            return
        }
        var toRemove = activeCount[g] - target
        var freed: [Int] = []
        for pass in 0..<3 {
            for u in units.reversed() where toRemove > 0 {
                let st = status[u]
                let matches = pass == 0 ? (st == .demobilised || st == .idle)
                    : pass == 1 ? (st == .mobilising || st == .standDown) : st == .working
                guard matches else { continue }
                if st == .idle { takeFromIdle(u, now: now) }
                if st == .working, let task = try interrupt(u, at: now) { freed.append(task) }
                if st != .demobilised { bookFielded(u, from: Int(uActiveSince[u]), to: now) }
                status[u] = .inactive
                generation[u] &+= 1
                activeCount[g] -= 1
                toRemove -= 1
            }
        }
        for task in freed { try wake(forTask: task, now: now) }
    }

    /// Starts or ends a seasonal stoppage in region `r` on day `now`.
    mutating func applySeason(region r: Int, stopped: Bool, now: Int) throws {
        if stopped {
            for i in m.tasksByRegion[r] { open.remove(m.position[i]) }
            var moved: [Int] = []
            for u in 0..<m.unitCount where status[u] == .working && m.regionOf[Int(uTask[u])] == r {
                // A step completed instead may open its next step, but the region is closed now.
                _ = try interrupt(u, at: now)
                if status[u] == .idle { moved.append(u) }
            }
            for u in moved { try assign(u, now: now) }
        } else {
            for i in m.tasksByRegion[r] { open.insert(m.position[i]) }
            try wakeAll(now: now)
        }
    }

    /// Credits work in progress at the horizon and assembles the replication's results.
    mutating func finish() -> ReplicationOutcome {
        let h = m.horizon
        for u in 0..<m.unitCount {
            switch status[u] {
            case .working:
                _ = try? interrupt(u, at: h)
            case .idle where idle.contains(u):
                takeFromIdle(u, now: h)
            default:
                break
            }
            if status[u] != .inactive && status[u] != .demobilised {
                bookFielded(u, from: Int(uActiveSince[u]), to: h)
            }
        }
        if !m.yearEnds.isEmpty { snapshot(year: m.yearEnds.count - 1, at: h) }
        return ReplicationOutcome(simulator: self)
    }
}
