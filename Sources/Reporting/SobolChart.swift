// MARK: - SobolChart

/// Variance-based sensitivity: per input a row with two horizontal bars, its first-order index (the
/// share of the output's variance it explains alone) and its total index (with its interactions),
/// each with its 95 % interval as a whisker. Rows in the given order (largest total first). The
/// axis covers 0 to 1, wider when an estimate or interval leaves it (small samples do).
///
/// Bars are `rect class="first"` and `rect class="total"`, whiskers `line class="whisker"` (two per input).
///
/// ```swift
/// let chart = SobolChart(title: "Completion",
///                        rows: [.init(label: "manual teams", first: 0.6, firstLower: 0.5, firstUpper: 0.7,
///                                     total: 0.7, totalLower: 0.6, totalUpper: 0.8)])
/// let svg = chart.render()
/// ```
struct SobolChart {
    struct Row {
        var label: String
        var first: Double
        var firstLower: Double
        var firstUpper: Double
        var total: Double
        var totalLower: Double
        var totalUpper: Double
    }

    var title: String
    var xLabel = "Sobol index: share of the output's variance"
    var rows: [Row]

    /// - Complexity: O(rows).
    func render() -> String {
        let rowHeight = 36.0
        let frame = ChartFrame(height: 104 + rowHeight * Double(max(1, rows.count)), left: 170, right: 30, top: 56)
        var svg = SVGDocument(width: frame.width, height: frame.height, title: title)
        frame.drawTitle(&svg, title)
        let values = rows.flatMap { [$0.first, $0.firstLower, $0.firstUpper, $0.total, $0.totalLower, $0.totalUpper] }
            .filter(\.isFinite)
        let lower = min(0, values.min() ?? 0), upper = max(1, values.max() ?? 1)
        let step = LinearScale.niceStep(lower, upper, count: 6)
        let domainLower = step > 0 && step.isFinite ? (lower / step).rounded(.down) * step : lower
        let domainUpper = step > 0 && step.isFinite ? (upper / step).rounded(.up) * step : upper
        let x = LinearScale(domain: domainLower...max(domainUpper, domainLower + 1e-9), range: (frame.plotLeft, frame.plotRight))
        let ticks = LinearScale.niceTicks(domainLower, domainUpper, count: 6)
        let decimals = LinearScale.decimals(forStep: ticks.count > 1 ? ticks[1] - ticks[0] : 1)
        frame.drawXAxis(&svg, scale: x, ticks: ticks, label: xLabel, gridLines: true) { Fixed.grouped($0, decimals: decimals) }
        let firstColor = ChartPalette.color(0), totalColor = ChartPalette.color(1)
        frame.drawLegend(&svg, [("first-order (alone)", firstColor), ("total (with interactions)", totalColor),
                                ("95% interval", ChartPalette.axis)])
        if rows.isEmpty {
            svg.text("No input in this result", x: (frame.plotLeft + frame.plotRight) / 2, y: frame.plotTop + rowHeight / 2,
                     anchor: .middle, size: 12, fill: ChartPalette.axis)
        }
        func finite(_ value: Double) -> Double { value.isFinite ? value : 0 }
        for (index, row) in rows.enumerated() {
            let middle = frame.plotTop + rowHeight * (Double(index) + 0.5)
            svg.text(ChartFrame.shorten(row.label, to: 26), x: frame.plotLeft - 8, y: middle + 4, anchor: .end, size: 11)
            let bars = [(row.first, row.firstLower, row.firstUpper, firstColor, "first", middle - 7),
                        (row.total, row.totalLower, row.totalUpper, totalColor, "total", middle + 7)]
            for (value, low, high, color, cssClass, centre) in bars {
                let v = finite(value)
                svg.rect(x: x(min(0, v)), y: centre - 6, width: abs(x(v) - x(0)), height: 12, fill: color, cssClass: cssClass,
                         opacity: 0.85)
                let a = x(finite(low)), b = x(finite(high))
                svg.line(x1: a, y1: centre, x2: b, y2: centre, stroke: ChartPalette.axis, width: 1.2, cssClass: "whisker")
                for end in [a, b] { svg.line(x1: end, y1: centre - 4, x2: end, y2: centre + 4, stroke: ChartPalette.axis, width: 1.2) }
            }
        }
        svg.line(x1: x(0), y1: frame.plotTop, x2: x(0), y2: frame.plotBottom, stroke: ChartPalette.axis)
        return svg.render()
    }
}
