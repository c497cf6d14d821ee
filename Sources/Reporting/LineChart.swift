// MARK: - LineChart

/// Lines of P50 values with a shaded P10–P90 band per series, e.g. remaining hazardous area by
/// year and contamination class.
///
/// Each data point is drawn as a `circle class="point"`, each line as `polyline class="line"` and
/// each band as `polygon class="band"`, so tests and stylesheets can find them.
///
/// ```swift
/// let chart = LineChart(title: "Remaining area", xLabel: "End of year", yLabel: "km²",
///                       series: [.init(name: "All", points: [.init(x: 2026, low: 3, mid: 4, high: 5)])])
/// let svg = chart.render()
/// ```
struct LineChart {
    struct Point {
        var x: Double
        var low: Double
        var mid: Double
        var high: Double
    }

    struct Series {
        var name: String
        var points: [Point]
    }

    var title: String
    var xLabel: String
    var yLabel: String
    var series: [Series]

    // MARK: Rendering

    /// Series past the palette's eight colours repeat them dashed, so no two lines look alike.
    static func isDashed(_ index: Int) -> Bool { index >= ChartPalette.colors.count && index < 2 * ChartPalette.colors.count }

    /// - Complexity: O(total points).
    func render() -> String {
        let names = series.map(\.name)
        let plain = ChartFrame()
        let oneRow = names.reduce(0) { $0 + ChartFrame.legendEntryWidth($1, size: 10) } <= plain.plotRight - plain.plotLeft
        let rows = oneRow ? [Array(names.indices)] : ChartFrame.wrappedLegend(names, available: plain.plotRight - plain.plotLeft)
        let extra = Double(max(rows.count - 1, 0)) * ChartFrame.legendRowHeight
        let frame = ChartFrame(height: plain.height + extra, top: plain.top + extra)
        var svg = SVGDocument(width: frame.width, height: frame.height, title: title)
        frame.drawTitle(&svg, title)
        let all = series.flatMap(\.points)
        // Domains from finite values only: NaN would make the ClosedRange below trap.
        let xs = all.map(\.x).filter(\.isFinite)
        let xLower = xs.min() ?? 0, xUpper = xs.max() ?? 1
        let yUpper = LinearScale.niceUpper(all.map { max($0.high, $0.mid) }.filter(\.isFinite).max() ?? 1)
        let x = LinearScale(domain: xLower...max(xLower, xUpper), range: (frame.plotLeft + 10, frame.plotRight - 10))
        let y = LinearScale(domain: 0...yUpper, range: (frame.plotBottom, frame.plotTop))
        frame.drawYAxis(&svg, scale: y, ticks: LinearScale.niceTicks(0, yUpper, count: 5), label: yLabel)
        // Whole years only: a fractional tick between two years would mislead.
        let xTicks = LinearScale.niceTicks(xLower, xUpper, count: 8).filter { $0 == $0.rounded() }
        frame.drawXAxis(&svg, scale: x, ticks: xTicks, label: xLabel) { Fixed.format($0, decimals: 0) }
        if oneRow {
            frame.drawLegend(&svg, series.enumerated().map { ($0.element.name, ChartPalette.color($0.offset)) })
        } else {
            drawWrappedLegend(&svg, frame: frame, rows: rows)
        }
        if all.isEmpty {
            svg.text("No data in this result", x: (frame.plotLeft + frame.plotRight) / 2, y: (frame.plotTop + frame.plotBottom) / 2,
                     anchor: .middle, size: 12, fill: ChartPalette.axis)
        }
        for (index, line) in series.enumerated() {
            // A point with a non-finite coordinate (never in a validated result) is not drawn.
            let points = line.points.filter { $0.x.isFinite && $0.low.isFinite && $0.mid.isFinite && $0.high.isFinite }
            guard !points.isEmpty else { continue }
            let color = ChartPalette.color(index)
            let upper = points.map { (x: x($0.x), y: y($0.high)) }
            let lower = points.reversed().map { (x: x($0.x), y: y($0.low)) }
            svg.polygon(upper + lower, fill: color, opacity: 0.18, cssClass: "band")
            svg.polyline(points.map { (x: x($0.x), y: y($0.mid)) }, stroke: color, cssClass: "line", dashed: Self.isDashed(index))
            for point in points {
                svg.circle(cx: x(point.x), cy: y(point.mid), r: 2.5, fill: color, cssClass: "point")
            }
        }
        return svg.render()
    }

    /// One row per entry of `rows` under the title: a line swatch (dashed for a dashed series)
    /// and the name, whole up to ``ChartFrame/longestWrappedName`` characters.
    private func drawWrappedLegend(_ svg: inout SVGDocument, frame: ChartFrame, rows: [[Int]]) {
        for (r, row) in rows.enumerated() {
            var x = frame.plotLeft
            let y = 36 + Double(r) * ChartFrame.legendRowHeight
            for index in row {
                let name = ChartFrame.shorten(series[index].name, to: ChartFrame.longestWrappedName)
                svg.polyline([(x: x, y: y), (x: x + 12, y: y)], stroke: ChartPalette.color(index), width: 3, cssClass: "legend",
                             dashed: Self.isDashed(index))
                svg.text(name, x: x + 16, y: y + 4, size: 10)
                x += ChartFrame.wrappedEntryWidth(name, size: 10)
            }
        }
    }
}
