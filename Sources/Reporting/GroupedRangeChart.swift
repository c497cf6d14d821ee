// MARK: - GroupedRangeChart

/// Horizontal P10–P90 bars with P50 marks, several per row: e.g. one row per scenario and one
/// coloured bar per contamination type in it, so a planner reads "which scenario finishes AP
/// first" down a colour. Bars are `rect class="range"`, marks `line class="median"`; a range that
/// runs past the horizon ends in an arrow at ``horizonEnd`` as in ``RangeChart`` (dashed from the
/// axis start when not even its P10 is reached). A group absent
/// from a row (a type a scenario does not have) is left out of it.
///
/// ```swift
/// let chart = GroupedRangeChart(title: "Completion by type", xLabel: "Year",
///                               groups: [.init(name: "AP", color: ChartPalette.color(1))],
///                               rows: [.init(label: "Baseline", ranges: [.init(low: 2030, mid: 2031, high: 2033)])],
///                               domain: 2026...2041, horizonEnd: 2041)
/// ```
struct GroupedRangeChart {
    struct Group {
        var name: String
        var color: String
    }

    /// P10, P50, P90 on the axis; nil where not reached within the horizon.
    struct Range {
        var low: Double?
        var mid: Double?
        var high: Double?
    }

    struct Row {
        var label: String
        /// One per group, in group order; nil where the row does not have the group.
        var ranges: [Range?]
    }

    var title: String
    var xLabel: String
    var groups: [Group]
    var rows: [Row]
    /// The axis range when nothing is reached (start to horizon end).
    var domain: ClosedRange<Double>?
    var horizonEnd: Double?

    // MARK: Rendering

    /// - Complexity: O(rows × groups).
    func render() -> String {
        let band = 10.0, rowHeight = band * Double(max(1, groups.count)) + 12
        let frame = ChartFrame(height: 110 + rowHeight * Double(max(1, rows.count)), left: 170, right: 40)
        var svg = SVGDocument(width: frame.width, height: frame.height, title: title)
        frame.drawTitle(&svg, title)
        frame.drawLegend(&svg, groups.map { ($0.name, $0.color) })
        let ranges = rows.flatMap { $0.ranges.compactMap { $0 } }
        let values = ranges.flatMap { [$0.low, $0.mid, $0.high].compactMap { $0 } }.filter(\.isFinite)
        let fallback = domain.flatMap { $0.lowerBound.isFinite && $0.upperBound.isFinite ? $0 : nil }
        let horizon = horizonEnd.flatMap { $0.isFinite ? $0 : nil }
        var lower = values.min() ?? fallback?.lowerBound ?? 0
        var upper = values.max() ?? fallback?.upperBound ?? 1
        if let horizon, ranges.contains(where: { $0.high == nil }) {
            upper = max(upper, horizon)
            if let start = fallback?.lowerBound { lower = min(lower, start) }
        }
        lower = lower.rounded(.down)
        upper = max(lower + 1, upper.rounded(.up))
        if !(lower.isFinite && upper.isFinite && lower < upper) { (lower, upper) = (0, 1) }
        let x = LinearScale(domain: lower...upper, range: (frame.plotLeft, frame.plotRight))
        let ticks = LinearScale.niceTicks(lower, upper, count: 6).filter { $0 == $0.rounded() }
        frame.drawXAxis(&svg, scale: x, ticks: ticks, label: xLabel, gridLines: true) { Fixed.format($0, decimals: 0) }
        if rows.isEmpty || groups.isEmpty {
            svg.text("No data in this result", x: (frame.plotLeft + frame.plotRight) / 2, y: (frame.plotTop + frame.plotBottom) / 2,
                     anchor: .middle, size: 12, fill: ChartPalette.axis)
        }
        for (index, row) in rows.enumerated() {
            let top = frame.plotTop + rowHeight * Double(index) + 6
            svg.text(ChartFrame.shorten(row.label, to: 26), x: frame.plotLeft - 8, y: top + rowHeight / 2, anchor: .end, size: 11)
            for (g, group) in groups.enumerated() {
                guard g < row.ranges.count, let range = row.ranges[g] else { continue }
                let middle = top + band * (Double(g) + 0.5)
                if let low = range.low, let high = range.high, low.isFinite, high.isFinite {
                    svg.rect(x: x(low), y: middle - 3.5, width: x(high) - x(low), height: 7, fill: group.color,
                             cssClass: "range", opacity: 0.45)
                } else if range.high == nil, let horizon {
                    RangeChart.drawBeyondHorizon(&svg, from: range.low.flatMap { $0.isFinite ? x($0) : nil } ?? frame.plotLeft,
                                                 horizon: x(horizon), middle: middle, halfHeight: 3.5, color: group.color,
                                                 faint: range.low == nil, dashed: true)
                }
                if let mid = range.mid, mid.isFinite {
                    svg.line(x1: x(mid), y1: middle - 4.5, x2: x(mid), y2: middle + 4.5, stroke: group.color, width: 3,
                             cssClass: "median")
                }
            }
        }
        return svg.render()
    }
}
