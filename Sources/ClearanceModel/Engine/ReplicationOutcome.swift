import ClearcastDomain
import EventSimulation
// MARK: - ReplicationOutcome

/// Everything the aggregation needs from one replication: the public summary plus per-task
/// release days and outcome areas (kept out of the summary to keep it small).
struct ReplicationOutcome: Sendable {
    var summary: ReplicationSummary
    /// Release day per task (last working day), -1 when not released by the horizon.
    var releaseDay: [Int32]
    /// Area of each task (m²) cancelled, reduced and cleared, and still hazardous at the horizon
    /// (the task's state, booked independently of the releases: the four add up to its area).
    var cancelledByTask: [Double]
    var reducedByTask: [Double]
    var clearedByTask: [Double]
    var remainingByTask: [Double]
    /// Completion day per class index / region index, nil when unfinished or absent.
    var completionByClass: [Int?]
    var completionByRegion: [Int?]

    init(simulator s: ReplicationSimulator) {
        let m = s.m
        let nClass = ContaminationType.allCases.count
        var classDone = [Int?](repeating: 0, count: nClass)
        var regionDone = [Int?](repeating: 0, count: m.regionNames.count)
        var overall: Int? = 0
        var unfinished = 0
        for i in 0..<m.taskCount {
            let d = Int(s.releaseDay[i])
            let c = m.classOf[i], r = m.regionOf[i]
            if d < 0 {
                unfinished += 1
                classDone[c] = nil
                regionDone[r] = nil
                overall = nil
            } else {
                if let v = classDone[c] { classDone[c] = max(v, d) }
                if let v = regionDone[r] { regionDone[r] = max(v, d) }
                if let v = overall { overall = max(v, d) }
            }
        }
        for c in 0..<nClass where !m.classesPresent.contains(c) { classDone[c] = nil }
        releaseDay = s.releaseDay
        cancelledByTask = s.releasedByTask[0]
        reducedByTask = s.releasedByTask[1]
        clearedByTask = s.releasedByTask[2]
        remainingByTask = s.hazard
        completionByClass = classDone
        completionByRegion = regionDone

        var byClass: [ContaminationType: Int] = [:], byRegionName: [String: Int] = [:]
        for c in m.classesPresent { if let d = classDone[c] { byClass[ContaminationType.allCases[c]] = d } }
        for (r, name) in m.regionNames.enumerated() { if let d = regionDone[r] { byRegionName[name] = d } }
        let years = m.yearEnds.count
        var remainingByYearByClass: [ContaminationType: [Double]] = [:]
        for c in m.classesPresent {
            remainingByYearByClass[ContaminationType.allCases[c]] = (0..<years).map { s.remainingByClass[$0][c] }
        }
        let remaining = (0..<years).map { y in s.remainingByClass[y].reduce(0, +) }
        let incidents = max(m.baselineIncidents - s.avertedIncidentDays, 0)
        let expected = incidents * m.model.civilianRisk.casualtiesPerIncident
        // By calendar year: the year's part of every booking, and the rates removed before it.
        var backgroundGone = 0.0, returningGone = 0.0
        let civilianByYear = (0..<years).map { y in
            backgroundGone += s.avertedBackgroundFrom[y]
            returningGone += s.avertedReturningFrom[y]
            let left = m.exposure.baselineByYear[y] - s.avertedWithinYear[y]
                - backgroundGone * m.exposure.yearSum[y] - returningGone * m.exposure.yearSumReturn[y]
            return max(left, 0) * m.model.civilianRisk.casualtiesPerIncident
        }
        var civilian = s.civilianRNG
        let sampled: Double? = m.model.civilianRisk.sampleCounts ? civilian.nextPoisson(mean: expected) : nil
        func byKind(_ v: [Double]) -> [TeamKind: Double] {
            var out: [TeamKind: Double] = [:]
            for k in TeamKind.allCases where m.unitKind.contains(k.index) { out[k] = v[k.index] }
            return out
        }
        var costByYear: [Double] = [], stepCost: [LandReleaseStep: Double] = [:]
        if m.model.costs != nil {
            let nKind = TeamKind.count
            costByYear = (0..<years).map { y in
                var money = s.retrainingCostByYear[y]
                for k in 0..<nKind {
                    let fielded = s.fieldedByKindYear[k * years + y], idle = s.idleByKindYear[k * years + y]
                    money += m.teams.kindRate[k] * (fielded - idle) + m.teams.kindStandbyRate[k] * idle
                }
                return money
            }
            for step in LandReleaseStep.allCases {
                stepCost[step] = (0..<nKind).reduce(0.0) { $0 + m.teams.kindRate[$1] * s.stepDaysByKind[$1 * LandReleaseStep.count + step.index] }
            }
        }
        summary = ReplicationSummary(
            replication: s.replication, completionDay: overall,
            completionDayByClass: byClass, completionDayByRegion: byRegionName,
            cancelledByYear: s.released[0], reducedByYear: s.released[1], clearedByYear: s.released[2],
            battleAreaClearedByYear: s.released[3],
            remainingByYear: remaining, remainingByYearByClass: remainingByYearByClass,
            expectedCivilianCasualties: expected, sampledCivilianCasualties: sampled,
            accidents: s.accidents, deminerCasualties: s.deminerCasualties,
            expectedCivilianCasualtiesByYear: civilianByYear, deminerCasualtiesByYear: s.deminerCasualtiesByYear,
            workedDaysByKind: byKind(s.workedDays), availableDaysByKind: byKind(s.availableDays),
            idleDaysByKind: byKind(s.idleDays), weatherLostDaysByKind: byKind(s.weatherLostDays),
            costByYear: costByYear, directCostByStep: stepCost, teamsStoodDown: s.standDowns, teamsRetrained: s.retrainings,
            events: s.events, unfinishedTasks: unfinished,
            remainingAreaAtHorizon: s.hazard.reduce(0, +))
        if !s.discoveredByClassYear.isEmpty {
            var found: [ContaminationType: [Double]] = [:]
            for c in m.classesPresent { found[ContaminationType.allCases[c]] = s.discoveredByClassYear[c] }
            summary.discoveredByYearByClass = found
        }
    }
}
