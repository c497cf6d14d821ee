import ClearcastDomain
import EventSimulation

// MARK: - Hazard discovery

extension ReplicationSimulator {
    /// Discovered task `k` (task `knownCount + k`) is found on day `now`: its drawn area becomes
    /// hazardous and its first step joins the work pool, where the policy order puts it (after
    /// every known task); idle teams that may do it wake. A found area of 0 m² is released at
    /// once (day 0, so it never delays completion) and its steps leave their pools, so teams whose
    /// last pending work it was stand down.
    ///
    /// - Complexity: O(1) amortised (plus the wake-up, as for any step that becomes available).
    mutating func discover(_ k: Int, now: Int) throws {
        let i = m.knownCount + k
        let a = foundArea[k]
        let steps = m.model.landRelease.steps(for: m.suspected[i] ? .suspected : .confirmed,
                                              contamination: ContaminationType.allCases[m.classOf[i]])
        guard a > 0 else {
            for step in steps { retirePool(m.pool(step: step.index, task: i)) }
            currentStep[i] = Self.releasedTask
            releaseDay[i] = 0
            return
        }
        hazard[i] = a
        stepRemaining[i] = a
        stepArea[i] = a
        unclaimed[i] = a
        if let y = m.year(ofDay: now) { discoveredByClassYear[m.classOf[i]][y] += a }
        let first = steps[0].index
        currentStep[i] = UInt8(first)
        available[m.pool(step: first, task: i)].insert(m.position[i])
        try wake(forTask: i, now: now)
    }

    /// The NTS cancellation share of task `i` ending on day `now`, raised by the age of its last
    /// survey when ``LandReleaseParameters/cancelShareRisePerYear`` is set.
    func cancelShare(task i: Int, sampled c: Double, now: Int) -> Double {
        let release = m.model.landRelease
        guard release.cancelShareRisePerYear > 0 else { return c }
        return release.agedCancelShare(c, ageYears: Double(now - m.lastSurveyDay[i]) / 365.2425)
    }
}
