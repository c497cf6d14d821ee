import Calibration
import ClearcastDomain

// MARK: - CalibrationTable

/// The text `clearcast calibrate` prints: the fit, each parameter's accepted range and verdict,
/// the pairs the data cannot split, observed against simulated figures, and the forecast over the
/// accepted parameter sets.
///
/// ```text
/// Calibration of Demo valley to observed.csv: 4 figures, 24 points × 10 replications (common random numbers), seed 1
/// Fit: best distance 1.92 on 4 figures; 9 of 24 points accepted (90 % region: distance ≤ 6.53)
///
/// parameter        range        best   accepted (90 %)  verdict
/// manual teams     ×0.5–×1.5    ×0.94  ×0.62–×1.44      not identified by these data: ...
/// ```
public enum CalibrationTable {
    public static func render(_ r: CalibrationResult) -> String {
        let level = "\(Int((r.level * 100).rounded())) %"
        var lines = ["Calibration of \(r.scenario) to \(r.observedFile): \(r.fit.figures) figure\(r.fit.figures == 1 ? "" : "s"), "
            + "\(r.points.count) points × \(r.replications) replications (common random numbers), seed \(r.provenance.seed.map(String.init) ?? "-")"]
        lines.append("Fit: best distance \(CalibrationFit.text(r.fit.minimumDistance)) on \(r.fit.figures) figures; "
            + "\(r.fit.acceptedPoints) of \(r.points.count) points accepted (\(level) region: distance ≤ \(CalibrationFit.text(r.fit.threshold))); "
            + "scenario as written: distance \(CalibrationFit.text(r.fit.asWrittenDistance))\(r.fit.asWrittenAccepted ? ", within the region" : ", outside the region")")
        lines.append("")
        var rows = [["parameter", "range", "best", "accepted (\(level))", "verdict"]]
        for p in r.parameters {
            rows.append([p.input.label, "\(value(p.input, p.input.low))–\(value(p.input, p.input.high))", value(p.input, p.estimate.best),
                         "\(value(p.input, p.estimate.acceptedLow))–\(value(p.input, p.estimate.acceptedHigh))", p.estimate.explanation])
        }
        lines.append(SensitivityTable.leftAligned(rows))
        let pairs = r.pairs.filter { $0.verdict != "separate" }
        if !pairs.isEmpty {
            lines.append("")
            for pair in pairs {
                lines.append("\(r.parameters[pair.first].input.label) × \(r.parameters[pair.second].input.label): \(pair.explanation)")
            }
        }
        let units = Set(r.observations.map(\.unit)).sorted().joined(separator: " or ")
        lines += ["", "Observed and simulated (\(units); best point mean [P10–P90], accepted points' means, scenario as written)"]
        var figures = [["period", "metric", "observed", "best", "P10–P90", "accepted", "as written"]]
        for o in r.observations {
            let ha = { (x: Double) in figure(x, unit: o.unit) }
            figures.append(["\(o.periodStart)…\(o.periodEnd)", o.metric + (o.type.map { " \($0)" } ?? ""), ha(o.observed), ha(o.bestMean),
                            "\(ha(o.bestP10))–\(ha(o.bestP90))", "\(ha(o.acceptedLow))–\(ha(o.acceptedHigh))", ha(o.asWrittenMean)])
        }
        lines.append(TextFormat.table(figures))
        lines += ["", "Forecast over the \(r.fit.acceptedPoints) accepted parameter sets (years from \(r.startDate); horizon \(r.horizonYears) years)"]
        var forecast = [["type", "completion P50", "P10–P90", "finished", "accepted points' P50", "left at horizon km²", "range"]]
        for f in r.forecast {
            forecast.append([f.type.rawValue, years(f.p50Years), "\(years(f.p10Years))–\(years(f.p90Years))",
                             "\(Int((f.finishedShare * 100).rounded())) %", "\(years(f.pointP50Earliest))–\(years(f.pointP50Latest))",
                             Fixed.grouped(f.remainingKm2, decimals: 0), "\(Fixed.grouped(f.remainingKm2Low, decimals: 0))–\(Fixed.grouped(f.remainingKm2High, decimals: 0))"])
        }
        lines.append(TextFormat.table(forecast))
        for note in r.notes { lines += ["", "Note: \(note)"] }
        lines += ["", "Method: ABC rejection on a Halton design with common random numbers; a point is accepted when its distance "
            + "(squared log errors over reporting error and simulation spread\(r.observations.contains { $0.metric == "civilian_casualties" } ? ", and a reported count's Poisson variance" : "")) is within the \(level) chi-square threshold of the best "
            + "(docs/calibration.md)."]
        return lines.joined(separator: "\n")
    }

    /// A parameter's value as the run set it: `0.42`, `17`, `×1.15`.
    static func value(_ input: SensitivityResult.Input, _ x: Double) -> String {
        input.variation == "scale" ? "×" + CalibrationFit.text(x) : input.whole == true ? Fixed.grouped(x.rounded(), decimals: 0) : CalibrationFit.text(x)
    }

    static func ha(_ x: Double) -> String { Fixed.grouped(x, decimals: 0) }
    /// Hectares whole, casualties to one decimal (expected counts of a few a year).
    static func figure(_ x: Double, unit: String) -> String { Fixed.grouped(x, decimals: unit == "people" ? 1 : 0) }

    static func years(_ x: Double?) -> String { x.map { TextFormat.number($0, 1) } ?? "beyond" }
}
