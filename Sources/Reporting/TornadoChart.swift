// MARK: - TornadoChart

/// A one-at-a-time sensitivity chart: per input a row with two bars from the baseline output, one
/// to the output with the input at its low end and one to the output at its high end, rows in the
/// given order (widest swing first), the baseline as a dashed vertical line, and each bar's end
/// labelled with the input's value there.
///
/// Bars are `rect class="low"` and `rect class="high"` (one each per input, zero-width when the
/// output does not move), the baseline `line class="baseline"`.
///
/// ```swift
/// let chart = TornadoChart(title: "Completion", xLabel: "Median years from the start", baseline: 5.7,
///                          baselineText: "5.70 years",
///                          rows: [.init(label: "manual teams", low: 7.6, high: 3.8, lowText: "1", highText: "4")])
/// let svg = chart.render()
/// ```
struct TornadoChart {
    struct Row {
        var label: String
        /// The output with the input at its low and at its high end.
        var low: Double
        var high: Double
        /// The input's value at each end, written beside the bar's end.
        var lowText: String
        var highText: String
    }

    var title: String
    var xLabel: String
    var baseline: Double
    /// The baseline for the legend, with its units ("5.68 years").
    var baselineText: String
    var rows: [Row]

    /// - Complexity: O(rows).
    func render() -> String {
        let rowHeight = 30.0
        let frame = ChartFrame(height: 104 + rowHeight * Double(max(1, rows.count)), left: 170, right: 40, top: 56)
        var svg = SVGDocument(width: frame.width, height: frame.height, title: title)
        frame.drawTitle(&svg, title)
        let base = baseline.isFinite ? baseline : 0
        let values = ([base] + rows.flatMap { [$0.low, $0.high] }).filter(\.isFinite)
        var lower = values.min() ?? 0, upper = values.max() ?? 1
        // Room for the value labels beyond the bars' ends, and a visible axis when nothing moves.
        let pad = max((upper - lower) * 0.12, abs(base) * 0.05, 1e-9)
        (lower, upper) = (lower - pad, upper + pad)
        if !(lower.isFinite && upper.isFinite && lower < upper) { (lower, upper) = (base - 1, base + 1) }
        let x = LinearScale(domain: lower...upper, range: (frame.plotLeft, frame.plotRight))
        let ticks = LinearScale.niceTicks(lower, upper, count: 6)
        let decimals = LinearScale.decimals(forStep: ticks.count > 1 ? ticks[1] - ticks[0] : 1)
        frame.drawXAxis(&svg, scale: x, ticks: ticks, label: xLabel, gridLines: true) { Fixed.grouped($0, decimals: decimals) }
        let lowColor = ChartPalette.color(0), highColor = ChartPalette.color(1)
        frame.drawLegend(&svg, [("input at its low end", lowColor), ("at its high end", highColor),
                                ("baseline " + baselineText, ChartPalette.axis)])
        if rows.isEmpty {
            svg.text("No input in this result", x: (frame.plotLeft + frame.plotRight) / 2, y: frame.plotTop + rowHeight / 2,
                     anchor: .middle, size: 12, fill: ChartPalette.axis)
        }
        for (index, row) in rows.enumerated() {
            let middle = frame.plotTop + rowHeight * (Double(index) + 0.5)
            svg.text(ChartFrame.shorten(row.label, to: 26), x: frame.plotLeft - 8, y: middle + 4, anchor: .end, size: 11)
            // (Non-finite values, which validated results never hold, are drawn at the baseline.)
            let low = row.low.isFinite ? row.low : base, high = row.high.isFinite ? row.high : base
            let ends = [(low, lowColor, "low", row.lowText), (high, highColor, "high", row.highText)]
            // The longer bar first, so that a shorter one on the same side stays visible on top of it.
            let longerFirst = abs(low - base) >= abs(high - base) ? ends : ends.reversed()
            for (value, color, cssClass, _) in longerFirst {
                svg.rect(x: x(min(base, value)), y: middle - 9, width: abs(x(value) - x(base)), height: 18, fill: color,
                         cssClass: cssClass, opacity: 0.85)
            }
            // Each end's input value beyond the bar's end; when both ends lie on one side, only the farther.
            let sameSide = (low - base) * (high - base) > 0
            for (value, _, _, text) in longerFirst.prefix(sameSide ? 1 : 2) where value != base {
                let right = value > base
                svg.text(text, x: x(value) + (right ? 4 : -4), y: middle + 4, anchor: right ? .start : .end, size: 9,
                         fill: ChartPalette.axis)
            }
        }
        svg.line(x1: x(base), y1: frame.plotTop - 4, x2: x(base), y2: frame.plotBottom, stroke: ChartPalette.axis,
                 width: 1.5, cssClass: "baseline", dashed: true)
        return svg.render()
    }
}
