// MARK: - BarChart

/// Vertical stacked bars, one per category (e.g. year), one segment per stack (e.g. cancelled,
/// reduced, cleared). Zero-height segments are not drawn; each drawn one is a `rect class="bar"`.
///
/// ```swift
/// let chart = BarChart(title: "Released", yLabel: "ha", categories: ["2026", "2027"],
///                      stacks: [.init(name: "cleared", color: "#08519c", values: [3, 4])])
/// let svg = chart.render()
/// ```
struct BarChart {
    struct Stack {
        var name: String
        var color: String
        /// One value per category, >= 0 (negative values are drawn as 0).
        var values: [Double]
    }

    var title: String
    var yLabel: String
    var categories: [String]
    var stacks: [Stack]

    // MARK: Rendering

    /// - Complexity: O(categories × stacks).
    func render() -> String {
        let frame = ChartFrame()
        var svg = SVGDocument(width: frame.width, height: frame.height, title: title)
        frame.drawTitle(&svg, title)
        let totals = categories.indices.map { index in
            stacks.reduce(0.0) { $0 + max(0, index < $1.values.count ? $1.values[index] : 0) }
        }
        let yUpper = LinearScale.niceUpper(totals.max() ?? 1)
        let y = LinearScale(domain: 0...yUpper, range: (frame.plotBottom, frame.plotTop))
        frame.drawYAxis(&svg, scale: y, ticks: LinearScale.niceTicks(0, yUpper, count: 5), label: yLabel)
        svg.line(x1: frame.plotLeft, y1: frame.plotBottom, x2: frame.plotRight, y2: frame.plotBottom,
                 stroke: ChartPalette.axis)
        frame.drawLegend(&svg, stacks.map { ($0.name, $0.color) })
        if categories.isEmpty {
            svg.text("No data in this result", x: (frame.plotLeft + frame.plotRight) / 2, y: (frame.plotTop + frame.plotBottom) / 2,
                     anchor: .middle, size: 12, fill: ChartPalette.axis)
        }
        let slot = (frame.plotRight - frame.plotLeft) / Double(max(1, categories.count))
        let barWidth = slot * 0.7
        // Label every k-th category so that labels (about 30 px wide) never overlap.
        let labelEvery = max(1, Int((34 / slot).rounded(.up)))
        for (index, category) in categories.enumerated() {
            let left = frame.plotLeft + Double(index) * slot + (slot - barWidth) / 2
            var base = 0.0
            for stack in stacks {
                let value = index < stack.values.count ? max(0, stack.values[index]) : 0
                guard value > 0, value.isFinite else { continue }
                svg.rect(x: left, y: y(base + value), width: barWidth, height: y(base) - y(base + value),
                         fill: stack.color, cssClass: "bar")
                base += value
            }
            if index % labelEvery == 0 {
                svg.text(category, x: left + barWidth / 2, y: frame.plotBottom + 16, anchor: .middle, size: 10,
                         fill: ChartPalette.axis)
            }
        }
        return svg.render()
    }
}
