import Calibration
import ClearcastDomain

// MARK: - Calibration section

extension NotebookExporter {
    /// A `clearcast calibrate` result: the fit, each parameter's accepted range and verdict, the pairs
    /// the data cannot split, observed against simulated figures, the forecast over the accepted
    /// parameter sets, a scatter of the design (accepted points in colour) and the provenance.
    static func appendCalibration(_ r: CalibrationResult, to document: inout NotebookDocument, heading: String) {
        document.markdown(calibrationSummary(r, heading: heading))
        let chart = calibrationChart(r)
        document.code(calibrationChartSource(r), svg: chart.render(), description: chart.title)
        document.markdown(calibrationFigures(r, heading: heading))
        document.markdown(provenanceMarkdown(r.provenance, heading: heading))
    }

    private static func calibrationSummary(_ r: CalibrationResult, heading: String) -> String {
        let level = "\(Int((r.level * 100).rounded())) %"
        var text = "\(heading) Calibration of \(Markdown.escape(r.scenario)) to `\(Markdown.escape(r.observedFile))`\n\n"
            + "**Method:** \(r.points.count) points spread over the parameters' ranges (a Halton design), each simulated with "
            + "\(r.replications) replications and the same random numbers (seed \(r.provenance.seed.map(String.init) ?? "not set")). "
            + "A point's distance sums, over the \(r.fit.figures) observed figures, the squared log error of the simulated mean "
            + "over the figure's reporting error (±\(Int((r.observationError * 100).rounded())) % unless the file gives one) and the "
            + "simulator's own spread\(r.observations.contains { $0.metric == "civilian_casualties" } ? " (for civilian casualties also the Poisson variance of a reported count)" : ""). Points within the \(level) chi-square threshold of the best are **accepted**: together they "
            + "are what the data allow (a likelihood-ratio region; ABC rejection with a tolerance set by the statistics).\n\n"
            + "**Fit:** best distance \(CalibrationFit.text(r.fit.minimumDistance)) on \(r.fit.figures) figures; "
            + "\(r.fit.acceptedPoints) of \(r.points.count) points accepted (distance ≤ \(CalibrationFit.text(r.fit.threshold))). "
            + "The scenario as written has distance \(CalibrationFit.text(r.fit.asWrittenDistance)), "
            + (r.fit.asWrittenAccepted ? "within the region." : "outside the region.") + "\n\n"
        text += Markdown.table(["Parameter", "Range tried", "Best", "Accepted (\(level))", "What the data say"], r.parameters.map { p in
            [Markdown.escape(p.input.label), Markdown.escape("\(CalibrationTable.value(p.input, p.input.low)) to \(CalibrationTable.value(p.input, p.input.high))"),
             Markdown.escape(CalibrationTable.value(p.input, p.estimate.best)),
             Markdown.escape("\(CalibrationTable.value(p.input, p.estimate.acceptedLow)) to \(CalibrationTable.value(p.input, p.estimate.acceptedHigh))"),
             Markdown.escape(p.estimate.explanation)]
        })
        let tradeOffs = r.pairs.filter { $0.verdict == "trade_off" }
        if !tradeOffs.isEmpty {
            text += "\n\n**What the data cannot split:**\n\n" + tradeOffs.map { pair in
                "- **\(Markdown.escape(r.parameters[pair.first].input.label)) × \(Markdown.escape(r.parameters[pair.second].input.label))**: "
                    + Markdown.escape(pair.explanation)
            }.joined(separator: "\n")
            text += "\n\nA forecast that takes one point of such a ridge as *the* calibrated scenario hides that range: the forecast "
                + "below is pooled over every accepted point, and its spread between points is shown."
        }
        if !r.notes.isEmpty { text += "\n\n" + r.notes.map { "- " + Markdown.escape($0) }.joined(separator: "\n") }
        return text
    }

    private static func calibrationFigures(_ r: CalibrationResult, heading: String) -> String {
        let observed = Markdown.table(["Period", "Metric", "Observed", "Best: mean (P10–P90)", "Accepted points' means", "As written"],
                                      r.observations.map { o in
            let ha = { (x: Double) in CalibrationTable.figure(x, unit: o.unit) }
            return [Markdown.escape("\(o.periodStart) to \(o.periodEnd)"), Markdown.escape(o.metric + (o.type.map { " \($0)" } ?? "") + ", \(o.unit)"), ha(o.observed),
             "\(ha(o.bestMean)) (\(ha(o.bestP10))–\(ha(o.bestP90)))", "\(ha(o.acceptedLow))–\(ha(o.acceptedHigh))", ha(o.asWrittenMean)]
        })
        let years = CalibrationTable.years
        let forecast = Markdown.table(["Type", "Completion P50 (P10–P90), years", "Finished", "Accepted points' P50", "Left at horizon, km² (points' range)"],
                                      r.forecast.map { f in
            [f.type.rawValue, "\(years(f.p50Years)) (\(years(f.p10Years))–\(years(f.p90Years)))", "\(Int((f.finishedShare * 100).rounded())) %",
             "\(years(f.pointP50Earliest))–\(years(f.pointP50Latest))",
             "\(Fixed.grouped(f.remainingKm2, decimals: 0)) (\(Fixed.grouped(f.remainingKm2Low, decimals: 0))–\(Fixed.grouped(f.remainingKm2High, decimals: 0)))"]
        })
        return "\(heading)# Observed and simulated\n\n" + observed
            + "\n\n\(heading)# Forecast over the accepted parameter sets\n\nYears from \(r.startDate), horizon \(r.horizonYears) years; "
            + "\"beyond\" means not within the horizon.\n\n" + forecast
    }

    /// The first two parameters' design points (or the one parameter against the distance).
    static func calibrationChart(_ r: CalibrationResult) -> ScatterChart {
        let best = r.points.indices.contains(r.fit.best) ? r.points[r.fit.best] : nil
        let first = r.parameters[0].input
        if r.parameters.count >= 2 {
            let second = r.parameters[1].input
            return ScatterChart(title: "Design points: accepted (in colour) and rejected", xLabel: first.label, yLabel: second.label,
                                xDomain: first.low...first.high, yDomain: second.low...second.high,
                                points: r.points.map { .init(x: $0.values[0], y: $0.values[1], accepted: $0.accepted) },
                                best: best.map { .init(x: $0.values[0], y: $0.values[1], accepted: true) })
        }
        return ScatterChart(title: "Distance to the observed series", xLabel: first.label, yLabel: "distance", xDomain: first.low...first.high,
                            yDomain: nil, points: r.points.map { .init(x: $0.values[0], y: $0.distance, accepted: $0.accepted) },
                            best: best.map { .init(x: $0.values[0], y: $0.distance, accepted: true) })
    }

    private static func calibrationChartSource(_ r: CalibrationResult) -> String {
        """
        # The design: accepted points (in colour) against rejected ones; a ridge of accepted points means
        # the data identify only a combination of the two parameters.
        points = pd.DataFrame(calibration["points"])
        labels = [p["input"]["label"] for p in calibration["parameters"]]
        fig, ax = plt.subplots(figsize=(7, 5))
        ys = points["values"].str[1] if len(labels) > 1 else points["distance"]
        accepted = points["accepted"]
        ax.scatter(points["values"].str[0][~accepted], ys[~accepted], s=8, color="#888888", label="rejected")
        ax.scatter(points["values"].str[0][accepted], ys[accepted], s=40, color=COLORS[0], label="accepted")
        best = calibration["fit"]["best"]
        ax.scatter([points["values"].str[0][best]], [ys[best]], s=160, facecolors="none", edgecolors=COLORS[1], label="best")
        ax.set(xlabel=labels[0], ylabel=labels[1] if len(labels) > 1 else "distance")
        ax.legend()
        plt.show()
        """
    }
}
