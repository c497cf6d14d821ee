import ClearanceModel
// MARK: - Simulation charts

/// Each chart comes as a pair: the SVG stored in the notebook, and the Python that redraws it
/// from the JSON. Both read the same fields in the same order, so they show the same thing.
extension NotebookExporter {
    typealias AreaUnit = (name: String, divisor: Double, python: String)

    // MARK: Completion

    static func completionChart(_ result: SimulationResult) -> RangeChart {
        let rows = completionRows(result).map { label, q in
            let range = completionRange(q, result)
            return RangeChart.Row(label: label, low: range.low, mid: range.mid, high: range.high,
                                  midLabel: q.p50Date.map(ReportText.month), note: range.note)
        }
        let domain = horizonDomain(start: result.startDate, horizonYears: result.horizonYears)
        return RangeChart(title: "Completion date: P10–P90 with P50 mark", xLabel: "Year", rows: rows, integerTicks: true,
                          emptyDomain: domain, horizonEnd: domain?.upperBound)
    }

    /// Start year to the end of the horizon as fractional years, for a date axis with no data;
    /// nil unless the start is a date and the horizon a finite positive number (a negative
    /// horizon made `start...(start + horizon)` trap before results were validated on reading).
    static func horizonDomain(start: String, horizonYears: Double) -> ClosedRange<Double>? {
        guard let origin = ReportText.decimalYear(start), horizonYears.isFinite, horizonYears > 0 else { return nil }
        let end = origin + horizonYears
        return end.isFinite && end > origin ? origin...end : nil
    }

    static let completionSource = """
    completion = simulation["completion"]
    classes = [("All hazards", completion["overall"])] + [
        (TYPE_LABELS.get(code, code), q) for code, q in sorted(completion["byType"].items())
    ]
    start = decimal_year(simulation["startDate"])
    range_chart(
        [(label,) + completion_years(simulation["startDate"], q) for label, q in classes],
        "Completion date: P10-P90 with P50 mark",
        "Year",
        start=start,
        horizon=start + simulation["horizonYears"],
    )
    """

    // MARK: Remaining area

    static func remainingClasses(_ result: SimulationResult) -> [String] {
        Array(Set(result.yearly.flatMap { $0.remainingByType.keys }).union(result.initialArea.byType.keys)).sorted()
    }

    /// One line per class from the start stock at the start date to each year's end (the day after
    /// its last day), on a calendar-year axis: a partial first or last year takes its true width.
    static func remainingChart(_ result: SimulationResult, unit: AreaUnit) -> LineChart {
        func point(_ x: Double?, _ q: Quantiles) -> LineChart.Point? {
            x.map { .init(x: $0, low: q.p10 / unit.divisor, mid: q.p50 / unit.divisor, high: q.p90 / unit.divisor) }
        }
        let start = ReportText.decimalYear(result.startDate)
        // The start stock begins each line; with no yearly entries there is no line to begin.
        func stock(_ area: Double?) -> [LineChart.Point] {
            guard !result.yearly.isEmpty else { return [] }
            return area.flatMap { point(start, Quantiles(mean: $0, p10: $0, p50: $0, p90: $0)) }.map { [$0] } ?? []
        }
        var series = [LineChart.Series(name: "All hazards", points: stock(result.initialArea.total)
            + result.yearly.compactMap { point(ReportText.yearEnd($0), $0.remaining) })]
        for code in remainingClasses(result) {
            series.append(.init(name: ReportText.typeLabel(code), points: stock(result.initialArea.byType[code])
                + result.yearly.compactMap { year in year.remainingByType[code].flatMap { point(ReportText.yearEnd(year), $0) } }))
        }
        return LineChart(title: "Remaining hazardous area (P50, P10–P90 band)", xLabel: "Year",
                         yLabel: "Area (\(unit.name))", series: series)
    }

    static func remainingSource(unit: AreaUnit) -> String {
        """
        AREA_UNIT, AREA_DIVISOR = \(NotebookDocument.quote(unit.name)), \(unit.python)
        yearly, initial = simulation["yearly"], simulation["initialArea"]
        start = decimal_year(simulation["startDate"])
        codes = sorted({code for entry in yearly for code in entry["remainingByType"]} | set(initial["byType"]))


        def stock(area):
            \"\"\"The start stock as a point with no spread (none without yearly entries).\"\"\"
            return [] if area is None or not yearly else [(start, {"p10": area, "p50": area, "p90": area, "mean": area})]


        series = [("All hazards", stock(initial["total"]) + [(year_end(e), e["remaining"]) for e in yearly])] + [
            (
                TYPE_LABELS.get(code, code),
                stock(initial["byType"].get(code))
                + [(year_end(e), e["remainingByType"][code]) for e in yearly if code in e["remainingByType"]],
            )
            for code in codes
        ]
        fig, ax = plt.subplots(figsize=(8, 4.5))
        for index, (name, points) in enumerate(series):
            frame = pd.DataFrame([{"year": year, **q} for year, q in points], columns=["year", "p10", "p50", "p90", "mean"])
            color = COLORS[index % len(COLORS)]
            ax.fill_between(frame["year"], frame["p10"] / AREA_DIVISOR, frame["p90"] / AREA_DIVISOR, color=color, alpha=0.18)
            ax.plot(frame["year"], frame["p50"] / AREA_DIVISOR, marker="o", color=color, label=name)
        ax.set(title="Remaining hazardous area (P50, P10-P90 band)", xlabel="Year", ylabel=f"Area ({AREA_UNIT})")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylim(bottom=0)
        ax.legend()
        plt.show()
        """
    }

    // MARK: Released per year

    static func releasedChart(_ result: SimulationResult, unit: AreaUnit) -> BarChart {
        let yearly = result.yearly
        let note = yearly.contains(where: \.partial) ? "; * partial year" : ""
        return BarChart(title: "Area released per year (P50 of each outcome\(note))", yLabel: "Area (\(unit.name))",
                        categories: yearly.map { String($0.year) + ($0.partial ? "*" : "") },
                        stacks: [.init(name: "Cancelled", color: ChartPalette.cancelled, values: yearly.map { $0.cancelled.p50 / unit.divisor }),
                                 .init(name: "Reduced", color: ChartPalette.reduced, values: yearly.map { $0.reduced.p50 / unit.divisor }),
                                 .init(name: "Cleared (mine clearance)", color: ChartPalette.cleared,
                                       values: yearly.map { max($0.cleared.p50 - ($0.battleAreaCleared?.p50 ?? 0), 0) / unit.divisor }),
                                 .init(name: "Cleared (battle area)", color: ChartPalette.battleAreaCleared,
                                       values: yearly.map { ($0.battleAreaCleared?.p50 ?? 0) / unit.divisor })])
    }

    static func releasedSource(unit: AreaUnit) -> String {
        """
        AREA_UNIT, AREA_DIVISOR = \(NotebookDocument.quote(unit.name)), \(unit.python)
        released = pd.DataFrame(
            [
                {
                    "year": f"{e['year']}*" if e["partial"] else str(e["year"]),  # * marks a partial year
                    "Cancelled": e["cancelled"]["p50"],
                    "Reduced": e["reduced"]["p50"],
                    "Cleared (mine clearance)": e["cleared"]["p50"] - e.get("battleAreaCleared", {}).get("p50", 0),
                    "Cleared (battle area)": e.get("battleAreaCleared", {}).get("p50", 0),
                }
                for e in simulation["yearly"]
            ],
            columns=["year", "Cancelled", "Reduced", "Cleared (mine clearance)", "Cleared (battle area)"],
        ).set_index("year") / AREA_DIVISOR
        if released.empty:
            print("This result has no yearly figures.")
        else:
            ax = released.plot(kind="bar", stacked=True, figsize=(8, 4.5), color=["#9ecae1", "#4292c6", "#08519c", "#d55e00"])
            note = "; * partial year" if any(e["partial"] for e in simulation["yearly"]) else ""
            ax.set(title=f"Area released per year (P50 of each outcome{note})", xlabel="Year", ylabel=f"Area ({AREA_UNIT})")
            plt.show()
        """
    }
}
