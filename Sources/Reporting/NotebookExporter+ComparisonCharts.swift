import ClearanceModel
// MARK: - Comparison charts

/// Each chart comes as a pair, as in the simulation section: the SVG stored in the notebook and the
/// Python that redraws it from the comparison JSON.
extension NotebookExporter {
    // MARK: Completion

    /// The axis position of a scenario's horizon end (start date plus its horizon, in years).
    static func horizonEnd(_ scenario: SimulationResult) -> Double? {
        horizonDomain(start: scenario.startDate, horizonYears: scenario.horizonYears)?.upperBound
    }

    /// A completion as chart values (fractional years), with the note for a P50 after the horizon.
    static func completionRange(_ q: DateQuantiles, _ scenario: SimulationResult) -> (low: Double?, mid: Double?, high: Double?, note: String?) {
        let year = { (days: Double?) in ReportText.completionYear(start: scenario.startDate, days: days) }
        let note = q.p50Days == nil
            ? "P50 \(ReportText.notWithinHorizon(start: scenario.startDate, horizonYears: scenario.horizonYears)); \(Fixed.percent(q.finishedShare)) finish"
            : nil
        return (year(q.p10Days), year(q.p50Days), year(q.p90Days), note)
    }

    static func comparisonCompletionChart(_ result: CompareResult) -> RangeChart {
        let domain = result.scenarios.first.flatMap { horizonDomain(start: $0.startDate, horizonYears: $0.horizonYears) }
        return RangeChart(title: "Completion of all clearance: P10–P90 with P50 mark", xLabel: "Year",
                          rows: result.scenarios.map { scenario in
                              let q = scenario.completion.overall, range = completionRange(q, scenario)
                              return RangeChart.Row(label: scenario.scenario, low: range.low, mid: range.mid, high: range.high,
                                                    midLabel: q.p50Date.map(ReportText.month), note: range.note)
                          }, integerTicks: true, emptyDomain: domain,
                          horizonEnd: result.scenarios.compactMap(horizonEnd).max())
    }

    static let comparisonCompletionSource = """
    scenarios = comparison["scenarios"]
    starts = [decimal_year(s["startDate"]) for s in scenarios]
    range_chart(
        [(s["scenario"],) + completion_years(s["startDate"], s["completion"]["overall"]) for s in scenarios],
        "Completion of all clearance: P10-P90 with P50 mark",
        "Year",
        start=min(starts),
        horizon=max(start + s["horizonYears"] for start, s in zip(starts, scenarios)),
    )
    """

    static func typeCompletionChart(_ result: CompareResult, types: [String]) -> GroupedRangeChart {
        GroupedRangeChart(
            title: "Completion by contamination type: P10–P90 with P50 mark", xLabel: "Year",
            groups: types.enumerated().map { .init(name: ReportText.typeLabel($0.element), color: ChartPalette.color($0.offset)) },
            rows: result.scenarios.map { scenario in
                .init(label: scenario.scenario, ranges: types.map { code in
                    scenario.completion.byType[code].map { q in
                        let range = completionRange(q, scenario)
                        return .init(low: range.low, mid: range.mid, high: range.high)
                    }
                })
            },
            domain: result.scenarios.first.flatMap { horizonDomain(start: $0.startDate, horizonYears: $0.horizonYears) },
            horizonEnd: result.scenarios.compactMap(horizonEnd).max())
    }

    static let typeCompletionSource = """
    scenarios = comparison["scenarios"]
    codes = sorted({code for s in scenarios for code in s["completion"]["byType"]})
    starts = [decimal_year(s["startDate"]) for s in scenarios]
    horizon = max(start + s["horizonYears"] for start, s in zip(starts, scenarios))
    fig, ax = plt.subplots(figsize=(8, 0.25 * len(scenarios) * len(codes) + 2))
    for i, s in enumerate(scenarios):
        for j, code in enumerate(codes):
            if code not in s["completion"]["byType"]:
                continue
            low, mid, high = completion_years(s["startDate"], s["completion"]["byType"][code])
            y, color = i + (j - (len(codes) - 1) / 2) * 0.8 / len(codes), COLORS[j % len(COLORS)]
            if low is not None and high is not None:
                ax.barh(y, high - low, left=low, height=0.6 / len(codes), color=color, alpha=0.45)
            else:  # runs past the horizon: from P10 (or dashed from the start) to the horizon, with an arrow
                if low is None:
                    ax.plot([min(starts), horizon], [y, y], color=color, linestyle="--", linewidth=1.5)
                else:
                    ax.barh(y, horizon - low, left=low, height=0.6 / len(codes), color=color, alpha=0.15)
                ax.plot(horizon, y, marker=">", markersize=6, color=color)
            if mid is not None:
                ax.plot([mid, mid], [y - 0.3 / len(codes), y + 0.3 / len(codes)], color=color, linewidth=3)
    for j, code in enumerate(codes):
        ax.plot([], [], color=COLORS[j % len(COLORS)], linewidth=6, alpha=0.45, label=TYPE_LABELS.get(code, code))
    ax.set_yticks(range(len(scenarios)), [s["scenario"] for s in scenarios])
    ax.invert_yaxis()
    ax.set(title="Completion by contamination type: P10-P90 with P50 mark", xlabel="Year")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="x", color="#e5e5e5")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small")
    plt.show()
    """

    // MARK: Remaining area

    /// One line per scenario: its start stock at its start date, then the remaining area (P50, with
    /// a P10–P90 band) at the end of each calendar year.
    static func remainingByScenarioChart(_ result: CompareResult, unit: AreaUnit) -> LineChart {
        let series = result.scenarios.map { scenario -> LineChart.Series in
            var points: [LineChart.Point] = []
            if !scenario.yearly.isEmpty, let start = ReportText.decimalYear(scenario.startDate) {
                let stock = scenario.initialArea.total / unit.divisor
                points.append(.init(x: start, low: stock, mid: stock, high: stock))
            }
            points += scenario.yearly.compactMap { year in
                ReportText.yearEnd(year).map { .init(x: $0, low: year.remaining.p10 / unit.divisor,
                                                     mid: year.remaining.p50 / unit.divisor, high: year.remaining.p90 / unit.divisor) }
            }
            return .init(name: scenario.scenario, points: points)
        }
        return LineChart(title: "Remaining hazardous area by scenario (P50, P10–P90 band)", xLabel: "Year",
                         yLabel: "Area (\(unit.name))", series: series)
    }

    static func remainingByScenarioSource(unit: AreaUnit) -> String {
        """
        AREA_UNIT, AREA_DIVISOR = \(NotebookDocument.quote(unit.name)), \(unit.python)
        fig, ax = plt.subplots(figsize=(8, 4.5))
        for index, s in enumerate(comparison["scenarios"]):
            stock = s["initialArea"]["total"]
            points = [(decimal_year(s["startDate"]), {"p10": stock, "p50": stock, "p90": stock})] if s["yearly"] else []
            points += [(year_end(e), e["remaining"]) for e in s["yearly"]]
            frame = pd.DataFrame([{"year": year, **q} for year, q in points], columns=["year", "p10", "p50", "p90"])
            color = COLORS[index % len(COLORS)]
            ax.fill_between(frame["year"], frame["p10"] / AREA_DIVISOR, frame["p90"] / AREA_DIVISOR, color=color, alpha=0.18)
            ax.plot(frame["year"], frame["p50"] / AREA_DIVISOR, marker="o", markersize=3, color=color, label=s["scenario"])
        ax.set(title="Remaining hazardous area by scenario (P50, P10-P90 band)", xlabel="Year", ylabel=f"Area ({AREA_UNIT})")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylim(bottom=0)
        ax.legend(fontsize="small")
        plt.show()
        """
    }

    // MARK: Casualties

    static func casualtiesChart(_ result: CompareResult) -> RangeChart {
        RangeChart(title: "Expected civilian casualties: P10–P90 with P50 mark", xLabel: "Civilian casualties over the horizon",
                   rows: result.scenarios.map { scenario in
                       let q = scenario.casualties.civilianExpected
                       return RangeChart.Row(label: scenario.scenario, low: q.p10, mid: q.p50, high: q.p90,
                                             midLabel: Fixed.format(q.p50, decimals: 1), note: nil)
                   })
    }

    /// One line per scenario: expected civilian casualties a year (P50, P10–P90 band) at the middle
    /// of each calendar year; partial first and last years are annualised (÷ days × 365.2425) so
    /// they do not dip. Nil when no scenario has yearly casualties (results written before them).
    static func casualtiesByYearChart(_ result: CompareResult) -> LineChart? {
        let series = result.scenarios.map { scenario -> LineChart.Series in
            .init(name: scenario.scenario, points: scenario.yearly.compactMap { year in
                guard let q = year.civilianCasualties, let start = ReportText.decimalYear(year.firstDate),
                      let end = ReportText.yearEnd(year), year.days > 0 else { return nil }
                let scale = 365.2425 / Double(year.days)
                return .init(x: (start + end) / 2, low: q.p10 * scale, mid: q.p50 * scale, high: q.p90 * scale)
            })
        }
        guard series.contains(where: { !$0.points.isEmpty }) else { return nil }
        return LineChart(title: "Expected civilian casualties a year by scenario (P50, P10–P90 band)", xLabel: "Year",
                         yLabel: "Civilian casualties a year", series: series)
    }

    static let casualtiesByYearSource = """
    fig, ax = plt.subplots(figsize=(8, 4.5))
    for index, s in enumerate(comparison["scenarios"]):
        rows = [
            {"year": (decimal_year(e["firstDate"]) + year_end(e)) / 2,
             **{k: e["civilianCasualties"][k] * 365.2425 / e["days"] for k in ("p10", "p50", "p90")}}
            for e in s["yearly"] if "civilianCasualties" in e
        ]
        frame = pd.DataFrame(rows, columns=["year", "p10", "p50", "p90"])
        color = COLORS[index % len(COLORS)]
        ax.fill_between(frame["year"], frame["p10"], frame["p90"], color=color, alpha=0.18)
        ax.plot(frame["year"], frame["p50"], marker="o", markersize=3, color=color, label=s["scenario"])
    ax.set(title="Expected civilian casualties a year by scenario (P50, P10-P90 band)", xlabel="Year",
           ylabel="Civilian casualties a year")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(bottom=0)
    ax.legend(fontsize="small")
    plt.show()
    """

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
