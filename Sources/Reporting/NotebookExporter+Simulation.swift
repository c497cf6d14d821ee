import ClearanceModel
// MARK: - Simulation section

extension NotebookExporter {
    /// Summary prose, completion dates, remaining area, area released per year, casualties and
    /// resources, provenance. `heading` is "#" for a notebook of its own, "##" inside a combined one.
    static func appendSimulation(_ result: SimulationResult, to document: inout NotebookDocument, heading: String) {
        document.markdown(simulationSummary(result, heading: heading))

        document.markdown("\(heading)# Completion dates\n\n" + completionTable(result))
        document.code(completionSource, svg: completionChart(result).render(),
                      description: "Completion date per contamination class: P10–P90 bars with P50 marks")

        let unit = ReportText.areaUnit(maximum: max(result.initialArea.total,
                                                    result.yearly.map { max($0.remaining.p90, $0.remaining.p50) }.max() ?? 0))
        document.markdown("""
        \(heading)# Remaining hazardous area

        Area still hazardous at the start date (\(ReportText.area(result.initialArea.total, unit: unit)) \(unit.name)) \
        and at the end of each calendar year, in \(unit.name): the line is the median (P50) replication, the band \
        runs from P10 to P90.
        """)
        document.code(remainingSource(unit: unit), svg: remainingChart(result, unit: unit).render(),
                      description: "Remaining hazardous area per year with P10–P90 band")

        let releasedUnit = ReportText.areaUnit(maximum: result.yearly
            .map { $0.cancelled.p50 + $0.reduced.p50 + $0.cleared.p50 }.max() ?? 0)
        document.markdown("""
        \(heading)# Area released per year

        Land released each calendar year by outcome, in \(releasedUnit.name). Each bar stacks the P50 of every \
        outcome; the sum of medians is not the median of the total.\(partialYearsNote(result))

        \(releasedTable(result, unit: releasedUnit))
        """)
        document.code(releasedSource(unit: releasedUnit), svg: releasedChart(result, unit: releasedUnit).render(),
                      description: "Area released per year: cancelled, reduced, cleared by mine clearance and by battle-area clearance (P50, stacked)")
        if let byType = releasedByTypeTable(result, unit: releasedUnit) {
            document.markdown("Land released each calendar year per contamination type (P50, all methods), in \(releasedUnit.name).\n\n" + byType)
        }
        appendCost(result, to: &document, heading: heading)

        document.markdown("\(heading)# Casualties and resources\n\n" + resourcesMarkdown(result))
        document.markdown(provenanceMarkdown(result.provenance, heading: heading))
    }

    // MARK: Prose

    static func simulationSummary(_ result: SimulationResult, heading: String) -> String {
        let overall = result.completion.overall
        var prose: [String] = []
        if let p50 = overall.p50Date {
            var sentence = "Half of the replications finish all clearance by **\(Markdown.escape(ReportText.month(p50)))**"
            if let p10 = overall.p10Date, let p90 = overall.p90Date {
                sentence += " (one in ten by \(Markdown.escape(ReportText.month(p10))), nine in ten by "
                    + "\(Markdown.escape(ReportText.month(p90))))"
            } else if let p10 = overall.p10Date {
                sentence += " (one in ten by \(Markdown.escape(ReportText.month(p10))); fewer than nine in ten "
                    + "finish within the horizon)"
            }
            prose.append(sentence + ".")
        } else {
            prose.append("Fewer than half of the replications finish all clearance within the \(Fixed.format(result.horizonYears, decimals: 1))-year horizon "
                + "(\(Fixed.percent(overall.finishedShare)) do).")
        }
        // Earliest class first, so the sentence reads as a timeline.
        let classes = result.completion.byType.sorted { a, b in
            switch (a.value.p50Days, b.value.p50Days) {
            case let (x?, y?): x != y ? x < y : a.key < b.key
            case (.some, .none): true
            case (.none, .some): false
            case (.none, .none): a.key < b.key
            }
        }
        let finished = classes.compactMap { entry in
            entry.value.p50Date.map { "\(Markdown.escape(ReportText.typeName(entry.key))) by \(Markdown.escape(ReportText.month($0)))" }
        }
        if !finished.isEmpty { prose.append("Half of the replications finish " + finished.joined(separator: "; ") + ".") }
        let unfinished = classes.filter { $0.value.p50Date == nil }.map {
            "\(Markdown.escape(ReportText.typeName($0.key))) (\(Fixed.percent($0.value.finishedShare)) of replications finish)"
        }
        if !unfinished.isEmpty {
            prose.append("Fewer than half finish within the horizon: " + unfinished.joined(separator: "; ") + ".")
        }
        let casualties = result.casualties
        prose.append("Expected civilian casualties over the horizon: \(ReportText.quantity(casualties.civilianExpected.p50)) "
            + "(P10 \(ReportText.quantity(casualties.civilianExpected.p10)), P90 \(ReportText.quantity(casualties.civilianExpected.p90))), "
            + "against \(ReportText.quantity(casualties.civilianWithoutClearance)) with no clearance; "
            + "\(ReportText.quantity(casualties.civilianAverted.p50)) averted (P50).")
        if result.unfinishedReplications > 0 {
            prose.append("\(result.unfinishedReplications) of \(result.replications) replications still had hazardous area at the horizon.")
        }
        var text = """
        \(heading) Forecast: \(Markdown.escape(result.scenario))

        **Start** \(Markdown.escape(result.startDate)) · **horizon** \(Fixed.format(result.horizonYears, decimals: 1)) years · \
        **replications** \(Fixed.grouped(Double(result.replications), decimals: 0)) · **policy** \(Markdown.escape(result.policy))

        \(prose.joined(separator: " "))
        """
        if !result.warnings.isEmpty {
            text += "\n\n**Warnings**\n\n" + result.warnings.map { "- " + Markdown.escape($0) }.joined(separator: "\n")
        }
        return text
    }

    // MARK: Tables

    static func completionRows(_ result: SimulationResult) -> [(label: String, quantiles: DateQuantiles)] {
        [("All hazards", result.completion.overall)]
            + result.completion.byType.sorted { $0.key < $1.key }.map { (ReportText.typeLabel($0.key), $0.value) }
    }

    private static func completionTable(_ result: SimulationResult) -> String {
        let classes = completionRows(result).map { ($0.label, $0.quantiles) }
            + result.completion.byRegion.sorted { $0.key < $1.key }.map { ("Region: " + $0.key, $0.value) }
        let rows = classes.map { label, q in
            [Markdown.escape(label), q.p10Date.map(Markdown.escape) ?? "—", q.p50Date.map(Markdown.escape) ?? "—",
             q.p90Date.map(Markdown.escape) ?? "—",
             q.meanDays.map { Fixed.format($0 / 365.25, decimals: 1) } ?? "—", Fixed.percent(q.finishedShare)]
        }
        return "Dates by which 10%, 50% and 90% of the replications have finished; “—” where fewer than that "
            + "share finish within the horizon.\n\n"
            + Markdown.table(["Class", "P10", "P50", "P90", "Mean (years)", "Finished in horizon"], rows,
                             alignRight: [4, 5])
    }

    private static func releasedTable(_ result: SimulationResult, unit: (name: String, divisor: Double, python: String)) -> String {
        let start = ["Start (\(Markdown.escape(result.startDate)))", "", "", "", "", ReportText.area(result.initialArea.total, unit: unit)]
        let rows = result.yearly.map { year in
            [Markdown.escape(ReportText.yearLabel(year)), ReportText.area(year.cancelled.p50, unit: unit),
             ReportText.area(year.reduced.p50, unit: unit), ReportText.area(year.cleared.p50, unit: unit),
             year.battleAreaCleared.map { ReportText.area($0.p50, unit: unit) } ?? "—",
             ReportText.area(year.remaining.p50, unit: unit)]
        }
        return Markdown.table(["Year", "Cancelled (P50)", "Reduced (P50)", "Cleared (P50)", "of which battle area (P50)",
                               "Remaining at year end (P50)"], [start] + rows, alignRight: [1, 2, 3, 4, 5])
    }

    /// Released per type and year (P50), nil for results without the per-type figures.
    private static func releasedByTypeTable(_ result: SimulationResult, unit: AreaUnit) -> String? {
        let codes = Set(result.yearly.flatMap { ($0.releasedByType ?? [:]).keys }).sorted()
        guard !codes.isEmpty else { return nil }
        let rows = result.yearly.map { year in
            [Markdown.escape(ReportText.yearLabel(year))]
                + codes.map { code in year.releasedByType?[code].map { ReportText.area($0.p50, unit: unit) } ?? "—" }
        }
        return Markdown.table(["Year"] + codes.map { Markdown.escape(ReportText.typeLabel($0)) }, rows,
                              alignRight: Set(1...codes.count))
    }

    /// " Years marked * are partial: 2020 from 10 Nov, 2035 to 9 Nov." (empty when none is).
    static func partialYearsNote(_ result: SimulationResult) -> String {
        let partial = result.yearly.compactMap { year in ReportText.partialSpan(year).map { "\(year.year) \($0)" } }
        guard !partial.isEmpty else { return "" }
        return " Years marked * are partial (the horizon covers only part of them): "
            + Markdown.escape(partial.joined(separator: ", ")) + "."
    }

    private static func resourcesMarkdown(_ result: SimulationResult) -> String {
        func row(_ name: String, _ q: Quantiles, decimals: Int = 1) -> [String] {
            [name] + [q.p10, q.p50, q.p90, q.mean].map { Fixed.grouped($0, decimals: decimals) }
        }
        let c = result.casualties
        var rows = [row("Civilian casualties expected", c.civilianExpected), row("Civilian casualties averted", c.civilianAverted),
                    row("Deminer casualties", c.deminers), row("Accidents", c.accidents), row("Team-years fielded", result.teamYears)]
        if let cost = result.cost { rows.append(row("Cost (\(Markdown.escape(cost.currency)))", cost.total, decimals: 0)) }
        var text = Markdown.table(["Quantity", "P10", "P50", "P90", "Mean"], rows, alignRight: [1, 2, 3, 4])
        text += "\n\nWith no clearance at all, \(ReportText.quantity(c.civilianWithoutClearance)) civilian casualties would be expected."
        let hurt = result.yearly.compactMap { y in y.civilianCasualties.map { (y, $0) } }
        if !hurt.isEmpty {
            text += "\n\nCasualties by calendar year (civilian: expected given the release path, P10–P90 over replications; "
                + "deminers: mean of accidents in the year):\n\n" + Markdown.table(
                    ["Year", "Civilian (mean)", "Civilian P10–P90", "Deminers (mean)"],
                    hurt.map { y, q in
                        [ReportText.yearLabel(y), Fixed.grouped(q.mean, decimals: 1),
                         "\(Fixed.grouped(q.p10, decimals: 1))–\(Fixed.grouped(q.p90, decimals: 1))",
                         y.deminerCasualties.map { Fixed.grouped($0.mean, decimals: 1) } ?? "–"]
                    }, alignRight: [1, 2, 3])
        }
        if !result.utilisation.isEmpty {
            text += "\n\nTeam utilisation (worked days ÷ fielded working days not lost to weather):\n\n" + Markdown.table(
                ["Team kind", "Utilisation"],
                result.utilisation.sorted { $0.key < $1.key }.map { [Markdown.escape($0.key), Fixed.percent($0.value)] },
                alignRight: [1])
        }
        if let down = result.teamsStoodDown, let retrained = result.teamsRetrained, down + retrained > 0 {
            text += "\n\nTeams whose eligible work ran out (means over replications): \(Fixed.format(down, decimals: 1)) stood down "
                + "(no longer fielded or paid), \(Fixed.format(retrained, decimals: 1)) retrained into another group."
        }
        text += "\n\n\(Fixed.grouped(Double(result.eventsSimulated), decimals: 0)) events simulated."
        return text
    }
}
