import ClearanceModel
// MARK: - Comparison section

extension NotebookExporter {
    /// Scenarios side by side: completion and civilian casualties (P50 with P10–P90), the
    /// differences from the base with their paired 90% intervals, provenance.
    static func appendComparison(_ result: CompareResult, to document: inout NotebookDocument, heading: String) {
        document.markdown(comparisonSummary(result, heading: heading))
        document.markdown("\(heading)# Completion by scenario\n\n" + comparisonCompletionTable(result))
        document.code(comparisonCompletionSource, svg: comparisonCompletionChart(result).render(),
                      description: "Completion date per scenario: P10–P90 bars with P50 marks")
        document.markdown("\(heading)# Civilian casualties by scenario\n\n" + casualtiesTable(result))
        document.code(casualtiesSource, svg: casualtiesChart(result).render(),
                      description: "Expected civilian casualties per scenario: P10–P90 bars with P50 marks")
        document.markdown("\(heading)# Differences from the base scenario\n\n" + differencesTable(result))
        document.markdown(provenanceMarkdown(result.provenance, heading: heading))
    }

    // MARK: Prose and tables

    private static func comparisonSummary(_ result: CompareResult, heading: String) -> String {
        let completions = result.scenarios.map { scenario in
            let p50 = scenario.completion.overall.p50Date.map { "by \(Markdown.escape(ReportText.month($0)))" }
                ?? "not within the horizon"
            return "\(Markdown.escape(scenario.scenario)) \(p50)"
        }
        var text = "\(heading) Comparison against \(Markdown.escape(result.base))\n\n"
            + "\(result.scenarios.count) scenarios simulated with common random numbers (the same random draws in "
            + "every scenario, so differences come from the scenarios, not from chance), each compared with the base "
            + "scenario **\(Markdown.escape(result.base))** replication by replication."
        if !completions.isEmpty {
            text += " Half of the replications finish all clearance: " + completions.joined(separator: "; ") + "."
        }
        return text
    }

    private static func comparisonCompletionTable(_ result: CompareResult) -> String {
        Markdown.table(["Scenario", "P10", "P50", "P90", "Finished in horizon"], result.scenarios.map { scenario in
            let q = scenario.completion.overall
            return [Markdown.escape(scenario.scenario), q.p10Date.map(Markdown.escape) ?? "—", q.p50Date.map(Markdown.escape) ?? "—",
                    q.p90Date.map(Markdown.escape) ?? "—",
                    Fixed.percent(q.finishedShare)]
        }, alignRight: [4])
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
        return "Each scenario minus the base, paired by replication. The 90% interval is the 5th to 95th percentile "
            + "of the paired differences; when it excludes 0 the direction of the difference is clear.\n\n"
            + Markdown.table(["Scenario", "Metric", "Units", "Mean difference", "90% interval"], result.differences.map { d in
                CompareTable.neitherFinishes(d, in: result)
                    ? [Markdown.escape(d.scenario), Markdown.escape(d.metric), Markdown.escape(d.units), "n/a",
                       "neither finishes within the horizon"]
                    : [Markdown.escape(d.scenario), Markdown.escape(d.metric), Markdown.escape(d.units), Fixed.grouped(d.mean, decimals: 2),
                       "\(Fixed.grouped(d.p5, decimals: 2)) to \(Fixed.grouped(d.p95, decimals: 2))"]
            }, alignRight: [3, 4])
    }

    // MARK: Charts

    static func comparisonCompletionChart(_ result: CompareResult) -> RangeChart {
        RangeChart(title: "Completion of all clearance: P10–P90 with P50 mark", xLabel: "Year",
                   rows: result.scenarios.map { scenario in
                       let q = scenario.completion.overall
                       return RangeChart.Row(label: scenario.scenario,
                                             low: ReportText.completionYear(start: scenario.startDate, days: q.p10Days),
                                             mid: ReportText.completionYear(start: scenario.startDate, days: q.p50Days),
                                             high: ReportText.completionYear(start: scenario.startDate, days: q.p90Days),
                                             midLabel: q.p50Date.map(ReportText.month),
                                             note: q.p50Days == nil ? "P50 not reached (\(Fixed.percent(q.finishedShare)) finish)" : nil)
                   }, integerTicks: true,
                   emptyDomain: result.scenarios.first.flatMap { horizonDomain(start: $0.startDate, horizonYears: $0.horizonYears) })
    }

    static let comparisonCompletionSource = """
    range_chart(
        [(s["scenario"],) + completion_years(s["startDate"], s["completion"]["overall"]) for s in comparison["scenarios"]],
        "Completion of all clearance: P10-P90 with P50 mark",
        "Year",
    )
    """

    static func casualtiesChart(_ result: CompareResult) -> RangeChart {
        RangeChart(title: "Expected civilian casualties: P10–P90 with P50 mark", xLabel: "Civilian casualties over the horizon",
                   rows: result.scenarios.map { scenario in
                       let q = scenario.casualties.civilianExpected
                       return RangeChart.Row(label: scenario.scenario, low: q.p10, mid: q.p50, high: q.p90,
                                             midLabel: Fixed.format(q.p50, decimals: 1), note: nil)
                   })
    }

    static let casualtiesSource = """
    range_chart(
        [
            (s["scenario"], q["p10"], q["p50"], q["p90"])
            for s in comparison["scenarios"]
            for q in [s["casualties"]["civilianExpected"]]
        ],
        "Expected civilian casualties: P10-P90 with P50 mark",
        "Civilian casualties over the horizon",
    )
    """
}
