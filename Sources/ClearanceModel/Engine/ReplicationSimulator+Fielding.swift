import ClearcastDomain
import EventSimulation

// MARK: - Fielded time, standing down and retraining

extension ReplicationSimulator {
    /// Books unit `u` as fielded (paid) on the office days of `[a, b)`, per calendar year.
    ///
    /// - Complexity: O(years touched). (A plain loop: a closure over `self` here would copy the
    ///   simulator's state on every call, which cost 14 % of the national benchmark's time.)
    mutating func bookFielded(_ u: Int, from a: Int, to b: Int) {
        let k = m.unitKind[u], years = m.yearEnds.count
        var lo = max(a, 0)
        let hi = min(b, m.horizon)
        while lo < hi {
            let y = Int(m.yearOfDay[lo]), end = min(hi, m.yearEnds[y])
            let days = Double(m.office.count(from: lo, to: end))
            availableDays[k] += days
            fieldedByKindYear[k * years + y] += days
            lo = end
        }
    }

    /// Books unit `u`'s idle office days in `[a, b)`, per calendar year.
    mutating func bookIdle(_ u: Int, from a: Int, to b: Int) {
        let k = m.unitKind[u], years = m.yearEnds.count
        var lo = max(a, 0)
        let hi = min(b, m.horizon)
        while lo < hi {
            let y = Int(m.yearOfDay[lo]), end = min(hi, m.yearEnds[y])
            let days = Double(m.office.count(from: lo, to: end))
            idleDays[k] += days
            idleByKindYear[k * years + y] += days
            lo = end
        }
    }

    /// True when some task still has a step ahead in one of the pools of `mask`.
    @inline(__always)
    func hasPendingWork(_ mask: UInt16) -> Bool {
        var bits = mask
        while bits != 0 {
            let p = bits.trailingZeroBitCount
            if pending[p] > 0 { return true }
            bits &= bits - 1
        }
        return false
    }

    /// One task no longer needs pool `p`'s step. When the pool empties, idle teams with no
    /// eligible work left stand down (their turn comes in ``assign(_:now:)`` otherwise).
    mutating func retirePool(_ p: Int) {
        pending[p] -= 1
        guard pending[p] == 0 else { return }
        poolsEmptied = true
    }

    /// Stands down every idle team whose pools are all empty (after a pool emptied on day `now`).
    mutating func standDownIdleWithoutWork(now: Int) throws {
        guard poolsEmptied else { return }
        poolsEmptied = false
        var candidate = 0
        while let u = idle.first(from: candidate) {
            candidate = u + 1
            guard !hasPendingWork(m.unitPools[u]) else { continue }
            takeFromIdle(u, now: now)
            try demobilise(u, now: now)
        }
    }

    /// Team `u` has no eligible work left: it leaves the field on day `now` (no longer paid), or,
    /// when its group retrains to a group that still has work, starts retraining there: a slot
    /// of the retraining group mobilises from where the team is, for the rule's days, and ramps
    /// up like any new team.
    mutating func demobilise(_ u: Int, now: Int) throws {
        bookFielded(u, from: Int(uActiveSince[u]), to: now)
        status[u] = .demobilised
        generation[u] &+= 1
        let target = m.teams.retrainGroup[m.unitGroup[u]]
        guard target >= 0, hasPendingWork(m.teams.groupPools[target]) else {
            standDowns += 1
            return
        }
        let first = m.groupFirstUnit[target]
        for v in first..<(first + m.groupUnitCount[target]) where status[v] == .inactive {
            status[v] = .mobilising
            generation[v] &+= 1
            ux[v] = ux[u]
            uy[v] = uy[u]
            uActiveSince[v] = Int32(now)
            uRampFrom[v] = Int32(now)
            retrainings += 1
            if let y = m.year(ofDay: now) { retrainingCostByYear[y] += m.teams.kindRetrainingCost[m.unitKind[v]] }
            try queue.schedule(.unitReady(unit: Int32(v), generation: generation[v]), at: Double(now + m.groupMobilisation[target]))
            return
        }
        standDowns += 1
    }
}
