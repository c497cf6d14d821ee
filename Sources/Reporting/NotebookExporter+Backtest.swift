// MARK: - Backtest section

extension NotebookExporter {
    /// A table and a chart of simulated against reported released area, with the misses stated.
    static func appendBacktest(_ backtest: Backtest, to document: inout NotebookDocument, heading: String) {
        guard !backtest.rows.isEmpty else { return }
        let rows = backtest.rows.map { row in
            [Markdown.escape("\(row.periodStart) to \(row.periodEnd)") + (row.matchesSimulatedYear ? "" : " \\*"), Fixed.grouped(row.reportedHectares, decimals: 0),
             Fixed.grouped(row.simulatedMean, decimals: 0),
             "\(Fixed.grouped(row.simulatedP10, decimals: 0))–\(Fixed.grouped(row.simulatedP90, decimals: 0))",
             (row.relativeError >= 0 ? "+" : "") + Fixed.percent(row.relativeError, decimals: 0), Markdown.escape(row.source)]
        }
        let worst = backtest.rows.max { abs($0.relativeError) < abs($1.relativeError) }
        var prose = "Simulated released area (cancelled + reduced + cleared, mean over replications) beside the reported "
            + "figures for the same periods. The simulation reports calendar years, so a reported calendar year is "
            + "compared with exactly that simulated year and its own P10–P90."
        if backtest.rows.contains(where: { !$0.matchesSimulatedYear }) {
            prose += " A period marked \\* is not one simulated year: its simulated area is the overlap-weighted share of "
                + "the years it touches (releases spread evenly within a year), and its P10–P90 adds yearly quantiles "
                + "(wider than the exact band)."
        }
        if let worst {
            prose += " The largest miss is \(Markdown.escape(worst.periodStart)) to \(Markdown.escape(worst.periodEnd)): "
                + "simulated \(Fixed.grouped(worst.simulatedMean, decimals: 0)) ha against \(Fixed.grouped(worst.reportedHectares, decimals: 0)) ha reported "
                + "(\(worst.relativeError >= 0 ? "+" : "")\(Fixed.percent(worst.relativeError, decimals: 0)))."
        }
        document.markdown("\(heading) Backtest against reported figures\n\n" + prose + "\n\n"
            + Markdown.table(["Period", "Reported ha", "Simulated ha (mean)", "Simulated P10–P90", "Difference", "Source"],
                             rows, alignRight: [1, 2, 3, 4]))
        let midYear = { (row: Backtest.Row) -> Double in
            let year = { (text: String) in Double(text.prefix(4)) ?? 0 }
            return (year(row.periodStart) + year(row.periodEnd) + 1) / 2
        }
        let chart = LineChart(title: "Released area per period: reported and simulated", xLabel: "Period (mid-year)",
                              yLabel: "ha", series: [
            .init(name: "reported", points: backtest.rows.map { .init(x: midYear($0), low: $0.reportedHectares,
                                                                        mid: $0.reportedHectares, high: $0.reportedHectares) }),
            .init(name: "simulated", points: backtest.rows.map { .init(x: midYear($0), low: $0.simulatedP10,
                                                                         mid: $0.simulatedMean, high: $0.simulatedP90) }),
        ])
        let list = { (values: [Double]) in "[" + values.map { Fixed.format($0, decimals: 1) }.joined(separator: ", ") + "]" }
        document.code("""
            # The backtest table above, redrawn with matplotlib (values in hectares).
            import matplotlib.pyplot as plt
            mid = \(list(backtest.rows.map(midYear)))
            reported = \(list(backtest.rows.map(\.reportedHectares)))
            simulated = \(list(backtest.rows.map(\.simulatedMean)))
            p10 = \(list(backtest.rows.map(\.simulatedP10)))
            p90 = \(list(backtest.rows.map(\.simulatedP90)))
            fig, ax = plt.subplots()
            ax.fill_between(mid, p10, p90, alpha=0.3, label="simulated P10-P90")
            ax.plot(mid, simulated, marker="o", label="simulated (mean)")
            ax.plot(mid, reported, marker="s", label="reported")
            ax.set_xlabel("Period (mid-year)"); ax.set_ylabel("ha released"); ax.legend()
            """, svg: chart.render(), description: "Reported and simulated released area per period")
    }
}
