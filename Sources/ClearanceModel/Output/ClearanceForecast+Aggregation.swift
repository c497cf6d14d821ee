import ClearcastDomain
// MARK: - Aggregation

extension ClearanceForecast {
    /// Aggregates outcomes that are already in replication order.
    ///
    /// - Complexity: O(R · (T + Y) + T · R log R) for R replications, T tasks, Y years.
    init(model m: CompiledModel, outcomes: [ReplicationOutcome], seed: UInt64, keepSummaries: Bool, warnings: [String]) {
        let model = m.model, start = model.startDate
        let r = outcomes.count
        let summaries = outcomes.map(\.summary)
        startDate = start.description
        horizonYears = model.horizonYears
        horizonDays = m.horizon
        replications = r
        self.seed = seed
        completion = CompletionForecast(days: summaries.map(\.completionDay), start: start)
        var byClass: [ContaminationType: CompletionForecast] = [:]
        for c in m.classesPresent {
            byClass[ContaminationType.allCases[c]] = CompletionForecast(days: outcomes.map { $0.completionByClass[c] }, start: start)
        }
        completionByClass = byClass
        var byRegion: [String: CompletionForecast] = [:]
        for (k, name) in m.regionNames.enumerated() {
            byRegion[name] = CompletionForecast(days: outcomes.map { $0.completionByRegion[k] }, start: start)
        }
        completionByRegion = byRegion

        initialArea = m.area[0..<m.knownCount].reduce(0, +)
        let found = { (s: ReplicationSummary, code: ContaminationType, y: Int) in s.discoveredByYearByClass?[code]?[y] ?? 0 }
        var initialByClass: [ContaminationType: Double] = [:]
        for c in m.classesPresent { initialByClass[ContaminationType.allCases[c]] = m.initialAreaByClass[c] }
        initialAreaByClass = initialByClass
        var yearlyForecasts = m.yearEnds.enumerated().map { y, end in
            var perClass: [ContaminationType: QuantileSummary] = [:], releasedPerClass: [ContaminationType: QuantileSummary] = [:]
            for c in m.classesPresent {
                let code = ContaminationType.allCases[c]
                perClass[code] = QuantileSummary(summaries.map { $0.remainingByYearByClass[code]?[y] ?? 0 })
                // Released in the year = stock at its start − stock at its end, per replication.
                releasedPerClass[code] = QuantileSummary(summaries.map { s in
                    let before = y == 0 ? m.initialAreaByClass[c] : (s.remainingByYearByClass[code]?[y - 1] ?? 0)
                    // With discovery, land found in the year joins the stock: + found.
                    let added = m.discovered.isEmpty ? 0 : found(s, code, y)
                    return max(before + added - (s.remainingByYearByClass[code]?[y] ?? 0), 0)
                })
            }
            return YearForecast(
                start: start, firstDay: y == 0 ? 0 : m.yearEnds[y - 1], endDay: end,
                cancelled: QuantileSummary(summaries.map { $0.cancelledByYear[y] }),
                reduced: QuantileSummary(summaries.map { $0.reducedByYear[y] }),
                cleared: QuantileSummary(summaries.map { $0.clearedByYear[y] }),
                battleAreaCleared: QuantileSummary(summaries.map { $0.battleAreaClearedByYear[y] }),
                remaining: QuantileSummary(summaries.map { $0.remainingByYear[y] }),
                remainingByClass: perClass, releasedByClass: releasedPerClass,
                cost: model.costs == nil ? nil : QuantileSummary(summaries.map { $0.costByYear.isEmpty ? 0 : $0.costByYear[y] }),
                civilianCasualties: QuantileSummary(summaries.map { y < $0.expectedCivilianCasualtiesByYear.count ? $0.expectedCivilianCasualtiesByYear[y] : 0 }),
                deminerCasualties: QuantileSummary(summaries.map { y < $0.deminerCasualtiesByYear.count ? $0.deminerCasualtiesByYear[y] : 0 }))
        }
        if !m.discovered.isEmpty {
            for y in yearlyForecasts.indices {
                yearlyForecasts[y].discovered = QuantileSummary(summaries.map { s in m.classesPresent.reduce(0.0) { $0 + found(s, ContaminationType.allCases[$1], y) } })
            }
        }
        yearly = yearlyForecasts

        let baseline = m.baselineIncidents * model.civilianRisk.casualtiesPerIncident
        let expected = summaries.map(\.expectedCivilianCasualties)
        civilian = CivilianRiskForecast(
            expectedCasualties: QuantileSummary(expected), baselineCasualties: baseline,
            avertedCasualties: QuantileSummary(expected.map { baseline - $0 }),
            sampledCasualties: model.civilianRisk.sampleCounts ? QuantileSummary(summaries.map { $0.sampledCivilianCasualties ?? 0 }) : nil)
        deminers = DeminerSafetyForecast(
            accidents: QuantileSummary(summaries.map { Double($0.accidents) }),
            casualties: QuantileSummary(summaries.map(\.deminerCasualties)))

        var use: [TeamKind: TeamUtilisation] = [:]
        for kind in TeamKind.allCases where m.unitKind.contains(kind.index) {
            let k = kind
            func mean(_ f: (ReplicationSummary) -> Double) -> Double {
                r > 0 ? summaries.reduce(0.0) { $0 + f($1) } / Double(r) : 0
            }
            use[k] = TeamUtilisation(meanWorkedDays: mean { $0.workedDaysByKind[k] ?? 0 },
                                     meanAvailableDays: mean { $0.availableDaysByKind[k] ?? 0 },
                                     meanIdleDays: mean { $0.idleDaysByKind[k] ?? 0 },
                                     meanWeatherLostDays: mean { $0.weatherLostDaysByKind[k] ?? 0 })
        }
        utilisation = use
        cost = r > 0 && model.costs != nil ? CostForecast(summaries) : nil
        meanTeamsStoodDown = r > 0 ? Double(summaries.reduce(0) { $0 + $1.teamsStoodDown }) / Double(r) : 0
        meanTeamsRetrained = r > 0 ? Double(summaries.reduce(0) { $0 + $1.teamsRetrained }) / Double(r) : 0
        eventsSimulated = summaries.reduce(0) { $0 + $1.events }
        unfinishedReplications = summaries.filter { $0.completionDay == nil }.count
        remainingAreaAtHorizon = QuantileSummary(summaries.map(\.remainingAreaAtHorizon))

        // Per-task release quantiles and mean outcome areas. Tasks are processed in blocks so each
        // replication's release days and areas are read contiguously (a plain task-by-task gather
        // would miss the cache once per task and replication).
        var releases: [TaskReleaseForecast] = []
        releases.reserveCapacity(m.taskCount)
        let block = 64
        var columns = [Int32](repeating: 0, count: block * r)
        var lo = 0
        while lo < m.taskCount {
            let hi = min(lo + block, m.taskCount)
            // Outcome areas summed in replication order, so the means do not depend on the thread count.
            var outcomeSums = [Double](repeating: 0, count: 4 * (hi - lo))
            for k in 0..<r {
                let outcome = outcomes[k], days = outcome.releaseDay
                for i in lo..<hi {
                    columns[(i - lo) * r + k] = days[i]
                    outcomeSums[(i - lo) * 4] += outcome.cancelledByTask[i]
                    outcomeSums[(i - lo) * 4 + 1] += outcome.reducedByTask[i]
                    outcomeSums[(i - lo) * 4 + 2] += outcome.clearedByTask[i]
                    outcomeSums[(i - lo) * 4 + 3] += outcome.remainingByTask[i]
                }
            }
            for i in lo..<hi {
                var column = columns[((i - lo) * r)..<((i - lo + 1) * r)]
                column.sort()
                let first = column.startIndex
                // Unreleased (-1) sort first; count them as later than any day.
                let unreleased = (column.firstIndex { $0 >= 0 } ?? column.endIndex) - first
                let released = r - unreleased
                func q(_ p: Double) -> Int? {
                    guard r > 0 else { return nil }
                    let k = max(Int((p * Double(r)).rounded(.up)) - 1, 0)
                    return k < released ? Int(column[first + unreleased + k]) : nil
                }
                let sum = { (outcome: Int) in outcomeSums[(i - lo) * 4 + outcome] }
                let mean = { (outcome: Int) in r > 0 ? max(sum(outcome), 0) / Double(r) : 0 }
                releases.append(TaskReleaseForecast(id: i < m.knownCount ? model.tasks[i].id : m.discovered[i - m.knownCount].area.id, releasedShare: r > 0 ? Double(released) / Double(r) : 0,
                                                    p10Day: q(0.1), p50Day: q(0.5), p90Day: q(0.9),
                                                    meanCancelled: mean(0), meanReduced: mean(1), meanCleared: mean(2),
                                                    meanRemaining: mean(3)))
            }
            lo = hi
        }
        taskReleases = Array(releases[0..<m.knownCount])
        // A found area is within the horizon, so its four outcome areas add up to what was found.
        discoveries = m.discovered.isEmpty ? nil : zip(m.discovered, releases[m.knownCount...]).map { d, release in
            DiscoveryForecast(task: d, release: release,
                              meanArea: release.meanCancelled + release.meanReduced + release.meanCleared + release.meanRemaining)
        }
        self.warnings = warnings
        replicationSummaries = keepSummaries ? summaries : nil
    }
}
