import Foundation
import ClearanceModel
import SensitivityAnalysis
// MARK: - The evidence: forecast, comparison, plan and sensitivity

/// The charts are the notebook's (built by ``NotebookExporter``), so a briefing and a notebook of
/// the same results show the same figures.
extension BriefingReport {
    /// Remaining area over time with its band, area released per calendar year by method, and
    /// casualties: for the simulation, or the comparison's base scenario.
    func appendForecast(to page: inout HTMLDocument) {
        guard let forecast else { return }
        page.beginSection(id: "forecast", heading: "How the hazardous land is released")
        let unit = ReportText.areaUnit(maximum: max(forecast.initialArea.total,
                                                    forecast.yearly.map { max($0.remaining.p90, $0.remaining.p50) }.max() ?? 0))
        page.paragraph("The forecast of “\(forecast.scenario)”: start \(forecast.startDate), horizon "
            + "\(Fixed.format(forecast.horizonYears, decimals: 0)) years, \(forecast.replications) replications, policy \(forecast.policy).")
        page.heading("Remaining hazardous area", level: 3)
        let remaining = NotebookExporter.remainingChart(forecast, unit: unit)
        page.figure(svg: remaining.render(), expect: ("polyline.line", remaining.series.filter { !$0.points.isEmpty }.count),
                    label: "Line chart: remaining hazardous area in \(unit.name) at the end of each calendar year, per contamination type, median with P10 to P90 band",
                    caption: "Hazardous area still to release at the start (\(ReportText.area(forecast.initialArea.total, unit: unit)) \(unit.name)) "
                        + "and at the end of each calendar year, in \(unit.name): lines are the median replication, bands run from P10 to P90.")
        let releasedUnit = ReportText.areaUnit(maximum: forecast.yearly.map { $0.cancelled.p50 + $0.reduced.p50 + $0.cleared.p50 }.max() ?? 0)
        page.heading("Area released per calendar year, by method", level: 3)
        let released = NotebookExporter.releasedChart(forecast, unit: releasedUnit)
        // One bar segment per positive value: what the chart's data has (4 outcomes: BAC apart).
        let segments = released.stacks.map { $0.values.filter { $0 > 0 }.count }.reduce(0, +)
        page.figure(svg: released.render(), expect: ("rect.bar", segments),
                    label: "Stacked bar chart: area released per calendar year in \(releasedUnit.name), cancelled by non-technical survey, reduced by technical survey, cleared by mine clearance and by battle-area clearance",
                    caption: "Land released each calendar year in \(releasedUnit.name): cancelled (non-technical survey), reduced (technical survey) "
                        + "and cleared (mine clearance, and battle-area clearance of UXO land), each the median over replications (the sum of medians is not the median of the total); * marks a partial year.")
        page.table(caption: "Civilian casualties over the horizon (\(forecast.scenario))",
                   headers: ["Measure", "P10", "P50", "P90"],
                   rows: [("Expected with clearance", forecast.casualties.civilianExpected),
                          ("Averted by clearance", forecast.casualties.civilianAverted),
                          ("Deminer casualties", forecast.casualties.deminers)].map { label, q in
                       [.text(label)] + [q.p10, q.p50, q.p90].map { .number(ReportText.quantity($0), $0) }
                   } + [[.text("Expected with no clearance"), .text(""),
                         .number(ReportText.quantity(forecast.casualties.civilianWithoutClearance), forecast.casualties.civilianWithoutClearance),
                         .text("")]])
        page.endSection()
    }

    /// Completion by scenario and type, remaining area by scenario, casualties expected and averted
    /// by scenario (each scenario a policy or resource choice), and the paired differences.
    func appendComparison(to page: inout HTMLDocument) {
        guard let comparison, !comparison.scenarios.isEmpty else { return }
        page.beginSection(id: "comparison", heading: "The scenarios compared")
        page.paragraph("\(comparison.scenarios.count) scenarios, simulated with common random numbers (the same random draws in each, "
            + "so differences come from the scenarios, not from chance), each compared with the base “\(comparison.base)”.")
        page.heading("Completion by scenario", level: 3)
        let rows = (".range, .beyond", comparison.scenarios.count)
        page.figure(svg: NotebookExporter.comparisonCompletionChart(comparison).render(), expect: rows,
                    label: "Range chart: date by which all hazardous land is released, per scenario, P10 to P90 bar with P50 mark",
                    caption: "When all hazardous land is released, per scenario: bars run from P10 to P90, the mark is the median. "
                        + "A bar ending in an arrow does not finish within the horizon.")
        let types = NotebookExporter.comparisonTypes(comparison)
        if !types.isEmpty {
            page.figure(svg: NotebookExporter.typeCompletionChart(comparison, types: types).render(),
                        label: "Grouped range chart: completion date per scenario and contamination type, P10 to P90 with P50 mark",
                        caption: "Completion per contamination type and scenario (P10 to P90, median marked).")
        }
        page.table(caption: "Completion of all hazardous land by scenario", headers: ["Scenario", "P10", "P50", "P90", "Finished within horizon"],
                   rows: comparison.scenarios.map { s in
                       let q = s.completion.overall
                       let horizon = ReportText.notWithinHorizon(start: s.startDate, horizonYears: s.horizonYears)
                       return [.text(s.scenario), .text(q.p10Date ?? horizon), .text(q.p50Date ?? horizon), .text(q.p90Date ?? horizon),
                               .number(Fixed.percent(q.finishedShare, decimals: 0), q.finishedShare)]
                   }, sortable: true)
        let unit = ReportText.areaUnit(maximum: comparison.scenarios.map { s in
            max(s.initialArea.total, s.yearly.map(\.remaining.p90).max() ?? 0)
        }.max() ?? 0)
        page.heading("Remaining hazardous area by scenario", level: 3)
        page.figure(svg: NotebookExporter.remainingByScenarioChart(comparison, unit: unit).render(),
                    expect: ("polyline.line", comparison.scenarios.filter { !$0.yearly.isEmpty }.count),
                    label: "Line chart: remaining hazardous area in \(unit.name) per scenario over calendar years, median with P10 to P90 band",
                    caption: "Hazardous area left at the end of each calendar year per scenario, in \(unit.name) (median, P10–P90 band).")
        page.heading("Casualties expected and averted by scenario", level: 3)
        page.figure(svg: NotebookExporter.casualtiesChart(comparison).render(), expect: rows,
                    label: "Range chart: expected civilian casualties over the horizon per scenario, P10 to P90 with P50 mark",
                    caption: "Civilian casualties expected over the horizon per scenario (P10 to P90, median marked).")
        if let byYear = NotebookExporter.casualtiesByYearChart(comparison) {
            page.figure(svg: byYear.render(), expect: ("polyline.line", byYear.series.filter { !$0.points.isEmpty }.count),
                        label: "Line chart: expected civilian casualties a year per scenario over calendar years, median with P10 to P90 band",
                        caption: "Expected civilian casualties a year per scenario (partial first and last years scaled to a full year; "
                            + "median, P10–P90 band): when each policy or resource level removes the risk, not only how much.")
        }
        page.table(caption: "Civilian casualties over the horizon by scenario", headers: ["Scenario", "Expected (P50)", "P10", "P90", "Averted (P50)"],
                   rows: comparison.scenarios.map { s in
                       let q = s.casualties.civilianExpected
                       return [.text(s.scenario), .number(ReportText.quantity(q.p50), q.p50), .number(ReportText.quantity(q.p10), q.p10),
                               .number(ReportText.quantity(q.p90), q.p90),
                               .number(ReportText.quantity(s.casualties.civilianAverted.p50), s.casualties.civilianAverted.p50)]
                   }, sortable: true)
        appendDifferences(comparison, to: &page)
        page.endSection()
    }

    /// The paired differences from the base for completion and civilian casualties, one row per
    /// scenario (the result JSON and the notebook hold every metric).
    private func appendDifferences(_ comparison: CompareResult, to page: inout HTMLDocument) {
        var metrics: [String] = []
        for d in comparison.differences where (d.metric.hasPrefix("completion_") || d.metric == "civilian_casualties") && !metrics.contains(d.metric) {
            metrics.append(d.metric)
        }
        guard !metrics.isEmpty else { return }
        metrics.sort { ($0 == "civilian_casualties" ? 1 : 0, $0 == "completion_all" ? 0 : 1, $0) < ($1 == "civilian_casualties" ? 1 : 0, $1 == "completion_all" ? 0 : 1, $1) }
        let scenarios = comparison.scenarios.map(\.scenario).filter { $0 != comparison.base }
        func header(_ metric: String) -> String {
            let units = comparison.differences.first { $0.metric == metric }?.units ?? ""
            switch metric {
            case "civilian_casualties": return "Civilian casualties (\(units))"
            case "completion_all": return "Completion, all (\(units))"
            default: return "Completion, \(metric.dropFirst("completion_".count)) (\(units))"
            }
        }
        page.heading("Differences from the base", level: 3)
        page.table(caption: "Each scenario minus “\(comparison.base)”, paired by replication: the mean, with the 5th to 95th percentile below",
                   headers: ["Scenario"] + metrics.map(header), rows: scenarios.map { name in
                       [.text(name)] + metrics.map { metric -> HTMLDocument.Cell in
                           guard let d = comparison.differences.first(where: { $0.scenario == name && $0.metric == metric }) else { return .text("—") }
                           let interval = "\(Fixed.grouped(d.p5, decimals: 1)) to \(Fixed.grouped(d.p95, decimals: 1))"
                           var shown = Fixed.grouped(d.mean, decimals: 1)
                           switch CompareTable.unfinished(d, in: comparison)?.side {
                           case .neither?: return HTMLDocument.Cell(html: "n/a", sortKey: "", numeric: true)
                           case .scenario?: shown = "≥ " + shown
                           case .base?: shown = "≤ " + shown
                           case nil: break
                           }
                           return HTMLDocument.Cell(html: HTML.escape(shown) + "<br/><small>\(HTML.escape(interval))</small>",
                                                    sortKey: Fixed.format(d.mean, decimals: 6), numeric: true)
                       }
                   }, sortable: true)
        page.paragraph("n/a: neither side finishes within the horizon. A completion after the horizon counts as the horizon, so where "
            + "one side does not finish, the difference is a bound (≥ or ≤). Released area, deminer casualties and team-years are "
            + "in the result JSON and the notebook.")
    }

    func appendPlan(to page: inout HTMLDocument) {
        guard let plan else { return }
        page.beginSection(id: "plan", heading: "The resource plan")
        page.paragraph("Target: \(plan.target.summary). Every level simulated with the same random numbers.")
        if plan.mix == nil {
            page.figure(svg: NotebookExporter.frontierChart(plan).render(),
                        label: "Chart: probability of meeting the target against the team multiplier, with 95% intervals and the required probability",
                        caption: "Probability of meeting the target at each multiplier of the scaled team groups (95% intervals); the line is the required probability.")
        }
        page.table(caption: "Levels simulated", headers: ["Teams", "P(target met)", "95% interval", "Replications", "Verdict"],
                   rows: (plan.mix?.evaluated.map { ($0.teams, $0.probability, $0.lower, $0.upper, $0.replications, $0.verdict) }
                          ?? plan.frontier.map { ($0.teams, $0.probability, $0.lower, $0.upper, $0.replications, $0.verdict) }).map { level in
                       [.text(Self.teams(level.0)), .number(Fixed.format(level.1, decimals: 3), level.1),
                        .text("\(Fixed.format(level.2, decimals: 3))–\(Fixed.format(level.3, decimals: 3))"),
                        .number(String(level.4), Double(level.4)), .text(level.5.replacingOccurrences(of: "_", with: " "))]
                   })
        page.endSection()
    }

    func appendSensitivity(to page: inout HTMLDocument) {
        guard let sensitivity, !sensitivity.outputs.isEmpty else { return }
        page.beginSection(id: "sensitivity", heading: "Which assumptions matter")
        page.paragraph("Design: \(SensitivityTable.methodSummary(sensitivity)); \(sensitivity.replications) replications per point.")
        for j in sensitivity.outputs.indices {
            let chart = NotebookExporter.sensitivityChart(sensitivity, output: j)
            page.figure(svg: chart.svg, label: "Chart: " + chart.description,
                        caption: "\(SensitivityTable.title(sensitivity.outputs[j])), in \(sensitivity.outputs[j].units): inputs ranked by "
                            + "\(SensitivityTable.measure(sensitivity.method)).")
        }
        page.table(caption: "Inputs varied", headers: ["Input", "Field", "Varied over"], rows: sensitivity.inputs.map {
            [.text($0.label), .text(SensitivityTable.fields($0)), .text(SensitivityTable.variation($0))]
        })
        page.endSection()
    }
}
