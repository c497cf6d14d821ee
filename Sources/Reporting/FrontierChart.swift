// MARK: - FrontierChart

/// The planning frontier: probability of meeting a target against the team multiplier, each level a
/// point with its 95 % interval as a vertical bar, meeting levels filled and failing ones hollow, and
/// the required probability as a dashed line.
///
/// Points are `circle class="point"`, interval bars `line class="interval"` and the requirement
/// `line class="required"`, so tests and stylesheets can find them.
///
/// ```swift
/// let chart = FrontierChart(title: "Frontier", xLabel: "Team multiplier", required: 0.9,
///                           levels: [.init(x: 1, estimate: 0.4, lower: 0.3, upper: 0.5, meets: false)])
/// let svg = chart.render()
/// ```
struct FrontierChart {
    struct Level {
        var x: Double
        var estimate: Double
        var lower: Double
        var upper: Double
        var meets: Bool
    }

    var title: String
    var xLabel: String
    var required: Double
    var levels: [Level]
    /// Appended to every x tick ("×" for multipliers, "" for amounts).
    var xSuffix = "×"

    /// - Complexity: O(levels).
    func render() -> String {
        let frame = ChartFrame()
        var svg = SVGDocument(width: frame.width, height: frame.height, title: title)
        frame.drawTitle(&svg, title)
        let finite = levels.filter { [$0.x, $0.estimate, $0.lower, $0.upper].allSatisfy(\.isFinite) }
        let xs = finite.map(\.x)
        let xUpper = LinearScale.niceUpper(xs.max() ?? 1)
        let x = LinearScale(domain: 0...xUpper, range: (frame.plotLeft + 10, frame.plotRight - 10))
        let y = LinearScale(domain: 0...1, range: (frame.plotBottom, frame.plotTop))
        frame.drawYAxis(&svg, scale: y, ticks: LinearScale.niceTicks(0, 1, count: 5), label: "P(target met)")
        let ticks = LinearScale.niceTicks(0, xUpper, count: 8)
        let decimals = LinearScale.decimals(forStep: ticks.count > 1 ? ticks[1] - ticks[0] : 1)
        frame.drawXAxis(&svg, scale: x, ticks: ticks, label: xLabel) { Fixed.grouped($0, decimals: decimals) + xSuffix }
        let meets = ChartPalette.color(0), fails = ChartPalette.color(1)
        frame.drawLegend(&svg, [("meets the target", meets), ("does not", fails),
                                ("required \(Fixed.format(required, decimals: 2))", ChartPalette.axis)])
        svg.line(x1: frame.plotLeft, y1: y(required), x2: frame.plotRight, y2: y(required), stroke: ChartPalette.axis,
                 width: 1.5, cssClass: "required", dashed: true)
        if finite.isEmpty {
            svg.text("No level in this result", x: (frame.plotLeft + frame.plotRight) / 2, y: (frame.plotTop + frame.plotBottom) / 2,
                     anchor: .middle, size: 12, fill: ChartPalette.axis)
        }
        for level in finite {
            let color = level.meets ? meets : fails
            svg.line(x1: x(level.x), y1: y(level.lower), x2: x(level.x), y2: y(level.upper), stroke: color, width: 2,
                     cssClass: "interval")
            svg.circle(cx: x(level.x), cy: y(level.estimate), r: 4, fill: level.meets ? color : "#ffffff", cssClass: "point",
                       stroke: color)
        }
        return svg.render()
    }
}
