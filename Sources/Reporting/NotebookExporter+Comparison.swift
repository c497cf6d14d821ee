import ClearanceModel
// MARK: - Comparison section

extension NotebookExporter {
    /// Scenarios side by side: completion overall and per contamination type, the remaining
    /// hazardous area over calendar years, civilian casualties, the differences from the base with
    /// their paired 90% intervals, provenance. A completion after the horizon is named as such
    /// ("not within horizon (2050)") and drawn running on to the horizon, so a comparison in which
    /// nothing finishes still reads and draws.
    static func appendComparison(_ result: CompareResult, to document: inout NotebookDocument, heading: String) {
        document.markdown(comparisonSummary(result, heading: heading))
        document.markdown("\(heading)# Completion by scenario\n\n" + comparisonCompletionTable(result))
        document.code(comparisonCompletionSource, svg: comparisonCompletionChart(result).render(),
                      description: "Completion date per scenario: P10–P90 bars with P50 marks")
        let types = comparisonTypes(result)
        if !types.isEmpty {
            document.markdown("\(heading)# Completion by contamination type\n\n" + typeCompletionTable(result, types: types))
            document.code(typeCompletionSource, svg: typeCompletionChart(result, types: types).render(),
                          description: "Completion date per scenario and contamination type: P10–P90 bars with P50 marks")
        }
        let unit = ReportText.areaUnit(maximum: result.scenarios.map { scenario in
            max(scenario.initialArea.total, scenario.yearly.map(\.remaining.p90).max() ?? 0)
        }.max() ?? 0)
        document.markdown("\(heading)# Remaining hazardous area by scenario\n\n" + remainingTable(result, unit: unit))
        document.code(remainingByScenarioSource(unit: unit), svg: remainingByScenarioChart(result, unit: unit).render(),
                      description: "Remaining hazardous area per scenario over calendar years, P50 with P10–P90 band")
        document.markdown("\(heading)# Civilian casualties by scenario\n\n" + casualtiesTable(result))
        document.code(casualtiesSource, svg: casualtiesChart(result).render(),
                      description: "Expected civilian casualties per scenario: P10–P90 bars with P50 marks")
        if let chart = casualtiesByYearChart(result) {
            document.code(casualtiesByYearSource, svg: chart.render(),
                          description: "Expected civilian casualties a year per scenario over calendar years, P50 with P10–P90 band")
        }
        document.markdown("\(heading)# Differences from the base scenario\n\n" + differencesTable(result))
        document.markdown(provenanceMarkdown(result.provenance, heading: heading))
    }

    // MARK: Prose and tables

    private static func comparisonSummary(_ result: CompareResult, heading: String) -> String {
        var text = "\(heading) Comparison against \(Markdown.escape(result.base))\n\n"
            + "\(result.scenarios.count) scenarios simulated with common random numbers (the same random draws in "
            + "every scenario, so differences come from the scenarios, not from chance), each compared with the base "
            + "scenario **\(Markdown.escape(result.base))** replication by replication."
        let finishing = result.scenarios.filter { $0.completion.overall.p50Date != nil }
        if !result.scenarios.isEmpty && finishing.isEmpty {
            text += " In none of them do half of the replications finish all clearance within the horizon; the "
                + "remaining hazardous area below shows how far each gets."
        } else if !result.scenarios.isEmpty {
            let completions = result.scenarios.map { scenario in
                let p50 = scenario.completion.overall.p50Date.map { "by \(Markdown.escape(ReportText.month($0)))" }
                    ?? ReportText.notWithinHorizon(start: scenario.startDate, horizonYears: scenario.horizonYears)
                return "\(Markdown.escape(scenario.scenario)) \(p50)"
            }
            text += " Half of the replications finish all clearance: " + completions.joined(separator: "; ") + "."
        }
        return text
    }

    /// A completion quantile's date, or "not within horizon (2050)".
    static func completionCell(_ date: String?, _ scenario: SimulationResult) -> String {
        date.map(Markdown.escape) ?? ReportText.notWithinHorizon(start: scenario.startDate, horizonYears: scenario.horizonYears)
    }

    private static func comparisonCompletionTable(_ result: CompareResult) -> String {
        "Dates by which 10%, 50% and 90% of the replications have finished all clearance.\n\n"
            + Markdown.table(["Scenario", "P10", "P50", "P90", "Finished in horizon"], result.scenarios.map { scenario in
                let q = scenario.completion.overall
                return [Markdown.escape(scenario.scenario), completionCell(q.p10Date, scenario), completionCell(q.p50Date, scenario),
                        completionCell(q.p90Date, scenario), Fixed.percent(q.finishedShare)]
            }, alignRight: [4])
    }

    /// Contamination type codes present in any scenario, in code order.
    static func comparisonTypes(_ result: CompareResult) -> [String] {
        Array(Set(result.scenarios.flatMap { $0.completion.byType.keys })).sorted()
    }

    private static func typeCompletionTable(_ result: CompareResult, types: [String]) -> String {
        let rows = result.scenarios.map { scenario in
            [Markdown.escape(scenario.scenario)] + types.map { code -> String in
                guard let q = scenario.completion.byType[code] else { return "—" }
                guard let p50 = q.p50Date else {
                    let note = ReportText.notWithinHorizon(start: scenario.startDate, horizonYears: scenario.horizonYears)
                    return q.finishedShare > 0 ? "\(note); \(Fixed.percent(q.finishedShare)) finish" : note
                }
                let p10 = q.p10Date.map(ReportText.month) ?? "?"
                let p90 = q.p90Date.map(ReportText.month) ?? "after the horizon"
                return Markdown.escape("\(ReportText.month(p50)) (\(p10) to \(p90))")
            }
        }
        return "When half of the replications have released every area of a contamination type: the P50 month, "
            + "with P10 to P90 in brackets; “—” where the scenario has no area of that type.\n\n"
            + Markdown.table(["Scenario"] + types.map { Markdown.escape(ReportText.typeLabel($0)) }, rows)
    }

    /// Stock at the start, remaining area (P50) at the end of the base's compared calendar years,
    /// and at the horizon's end with P10–P90.
    private static func remainingTable(_ result: CompareResult, unit: AreaUnit) -> String {
        let years = result.scenarios.first.map(CompareTable.releaseYears) ?? []
        let rows = result.scenarios.map { scenario in
            let atYears = years.map { year -> String in
                guard let entry = scenario.yearly.first(where: { $0.year == year }),
                      CompareTable.released(scenario, byEndOf: year) != nil else { return "—" }
                return ReportText.area(entry.remaining.p50, unit: unit)
            }
            let end = scenario.yearly.last.map { last in
                "\(ReportText.area(last.remaining.p50, unit: unit)) (\(ReportText.area(last.remaining.p10, unit: unit))–"
                    + "\(ReportText.area(last.remaining.p90, unit: unit)))"
            } ?? "—"
            let horizon = scenario.yearly.last.map { Markdown.escape($0.lastDate) } ?? "—"
            return [Markdown.escape(scenario.scenario), ReportText.area(scenario.initialArea.total, unit: unit)] + atYears + [end, horizon]
        }
        return "Hazardous area in \(unit.name): at the start date, at the end of calendar years (P50) and on the "
            + "horizon's last day (P50 with P10–P90). Every scenario starts from its own stock.\n\n"
            + Markdown.table(["Scenario", "Start"] + years.map { "End of \($0)" } + ["At horizon end", "Horizon ends"], rows,
                             alignRight: Set(1...(years.count + 2)))
    }

    private static func casualtiesTable(_ result: CompareResult) -> String {
        Markdown.table(["Scenario", "P10", "P50", "P90", "Mean", "Averted (P50)"], result.scenarios.map { scenario in
            let q = scenario.casualties.civilianExpected
            return [Markdown.escape(scenario.scenario)] + [q.p10, q.p50, q.p90, q.mean].map { Fixed.grouped($0, decimals: 1) }
                + [Fixed.grouped(scenario.casualties.civilianAverted.p50, decimals: 1)]
        }, alignRight: [1, 2, 3, 4, 5])
    }

    private static func differencesTable(_ result: CompareResult) -> String {
        guard !result.differences.isEmpty else { return "No differences were computed (a single scenario)." }
        let rows = result.differences.map { d -> [String] in
            let name = [Markdown.escape(d.scenario), Markdown.escape(d.metric), Markdown.escape(d.units)]
            let value = Fixed.grouped(d.mean, decimals: 2)
            let interval = "\(Fixed.grouped(d.p5, decimals: 2)) to \(Fixed.grouped(d.p95, decimals: 2))"
            guard let unfinished = CompareTable.unfinished(d, in: result) else { return name + [value, interval] }
            let within = CompareTable.withinHorizon(unfinished.horizonYear)
            switch unfinished.side {
            case .neither: return name + ["n/a", "neither finishes \(within)"]
            case .scenario: return name + ["≥ " + value, "\(interval); the scenario does not finish \(within): a lower bound"]
            case .base: return name + ["≤ " + value, "\(interval); the base does not finish \(within): an upper bound"]
            }
        }
        return "Each scenario minus the base, paired by replication. The 90% interval is the 5th to 95th percentile "
            + "of the paired differences; when it excludes 0 the direction of the difference is clear. A completion "
            + "after the horizon counts as the horizon, so where one side never finishes the difference is a bound.\n\n"
            + Markdown.table(["Scenario", "Metric", "Units", "Mean difference", "90% interval"], rows, alignRight: [3, 4])
    }
}
