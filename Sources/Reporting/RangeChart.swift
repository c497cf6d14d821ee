// MARK: - RangeChart

/// Horizontal P10–P90 bars with a P50 mark per row, e.g. completion dates per contamination class
/// or per scenario. Each bar is a `rect class="range"`, each mark a `line class="median"`; a row
/// without a P50 or interval shows its `note` instead (e.g. "not within horizon (2050)").
///
/// With a ``horizonEnd``, a row whose P90 falls after the horizon runs on to the horizon's end and
/// ends in an arrow (`polygon class="beyond"`): from its P10 as a faint bar (`rect class="range-open"`),
/// or, when not even its P10 is reached, as a fainter bar from the start of the axis. A comparison
/// in which nothing finishes is then drawn as such rather than left blank.
///
/// ```swift
/// let chart = RangeChart(title: "Completion", xLabel: "Year",
///                        rows: [.init(label: "UXO", low: 2026.2, mid: 2026.4, high: 2027.1, midLabel: "2026-05")])
/// let svg = chart.render()
/// ```
struct RangeChart {
    struct Row {
        var label: String
        var low: Double?
        var mid: Double?
        var high: Double?
        /// Text written right of the bar, e.g. the P50 as a date.
        var midLabel: String?
        var note: String?
    }

    var title: String
    var xLabel: String
    var rows: [Row]
    /// Axis labels for ticks; whole numbers only when `integerTicks` (calendar years).
    var integerTicks: Bool = false
    /// The axis range when no row has a value (e.g. start year to horizon), so the axis still means something.
    var emptyDomain: ClosedRange<Double>? = nil
    /// Where the horizon ends on the axis; rows unfinished by then run on to it (see above).
    var horizonEnd: Double? = nil
    var color: String = ChartPalette.color(0)

    // MARK: Rendering

    /// - Complexity: O(rows).
    func render() -> String {
        let rowHeight = 28.0
        let frame = ChartFrame(height: 90 + rowHeight * Double(max(1, rows.count)), left: 170, right: 90, top: 40)
        var svg = SVGDocument(width: frame.width, height: frame.height, title: title)
        frame.drawTitle(&svg, title)
        // Non-finite values (which validated results never hold) are left out rather than trapping below.
        let values = rows.flatMap { [$0.low, $0.mid, $0.high].compactMap { $0 } }.filter(\.isFinite)
        let fallback = emptyDomain.flatMap { $0.lowerBound.isFinite && $0.upperBound.isFinite ? $0 : nil }
        var lower = values.min() ?? fallback?.lowerBound ?? 0
        var upper = values.max() ?? fallback?.upperBound ?? 1
        let horizon = horizonEnd.flatMap { $0.isFinite ? $0 : nil }
        if let horizon, rows.contains(where: { $0.high == nil }) {
            // Unfinished rows run from the start to the horizon: show both.
            upper = max(upper, horizon)
            if let start = fallback?.lowerBound { lower = min(lower, start) }
        }
        if integerTicks {
            lower = lower.rounded(.down)
            upper = max(lower + 1, upper.rounded(.up))
        } else {
            lower = min(0, lower)
            upper = LinearScale.niceUpper(upper)
        }
        // A ClosedRange needs lower ≤ upper (NaN or an overflow to infinity would break that).
        if !(lower.isFinite && upper.isFinite && lower < upper) { (lower, upper) = (0, 1) }
        let x = LinearScale(domain: lower...upper, range: (frame.plotLeft, frame.plotRight))
        var ticks = LinearScale.niceTicks(lower, upper, count: 6)
        if integerTicks { ticks = ticks.filter { $0 == $0.rounded() } }
        let decimals = integerTicks ? 0 : LinearScale.decimals(forStep: ticks.count > 1 ? ticks[1] - ticks[0] : 1)
        frame.drawXAxis(&svg, scale: x, ticks: ticks, label: xLabel, gridLines: true) { Fixed.format($0, decimals: decimals) }
        for (index, row) in rows.enumerated() {
            let middle = frame.plotTop + rowHeight * (Double(index) + 0.5)
            svg.text(ChartFrame.shorten(row.label, to: 26), x: frame.plotLeft - 8, y: middle + 4, anchor: .end, size: 11)
            if let low = row.low, let high = row.high, low.isFinite, high.isFinite {
                svg.rect(x: x(low), y: middle - 8, width: x(high) - x(low), height: 16, fill: color,
                         cssClass: "range", opacity: 0.35)
            } else if row.high == nil, let horizon {
                Self.drawBeyondHorizon(&svg, from: row.low.flatMap { $0.isFinite ? x($0) : nil } ?? frame.plotLeft,
                                       horizon: x(horizon), middle: middle, halfHeight: 8, color: color,
                                       faint: row.low == nil)
            }
            var textX = frame.plotLeft + 4
            if let mid = row.mid, mid.isFinite {
                svg.line(x1: x(mid), y1: middle - 10, x2: x(mid), y2: middle + 10, stroke: color, width: 3,
                         cssClass: "median")
                textX = max(x(mid), row.high.flatMap { $0.isFinite ? x($0) : nil } ?? x(mid)) + 6
            }
            if let text = row.note ?? row.midLabel {
                svg.text(text, x: textX, y: middle + 4, size: 10, fill: ChartPalette.axis)
            }
        }
        return svg.render()
    }

    /// A range that runs past the horizon: a faint bar from `from` (its P10, or the axis start when
    /// no quantile is reached: fainter still, or a dashed line when `dashed`) to the horizon, ending in
    /// an arrow at the horizon.
    static func drawBeyondHorizon(_ svg: inout SVGDocument, from: Double, horizon: Double, middle: Double,
                                  halfHeight: Double, color: String, faint: Bool, dashed: Bool = false) {
        if faint && dashed {
            svg.line(x1: from, y1: middle, x2: horizon, y2: middle, stroke: color, width: 1.5, cssClass: "range-open",
                     dashed: true)
        } else if from < horizon {
            svg.rect(x: from, y: middle - halfHeight, width: horizon - from, height: 2 * halfHeight, fill: color,
                     cssClass: "range-open", opacity: faint ? 0.08 : 0.15)
        }
        let head = min(halfHeight, 7)
        svg.polygon([(x: horizon, y: middle - head), (x: horizon + 9, y: middle), (x: horizon, y: middle + head)],
                    fill: color, opacity: 0.8, cssClass: "beyond")
    }
}
