// MARK: - ReliabilityChart

/// A reliability (calibration) diagram: per bin of predicted probability, the observed frequency
/// (`circle class="point"`) with its Wilson interval (`line class="interval"`), against the diagonal
/// of perfect calibration (`line class="diagonal"`). Both axes share one scale from 0 to the largest
/// value, so a point above the diagonal is a model that under-predicts.
struct ReliabilityChart {
    struct Bin {
        var predicted: Double
        var observed: Double
        var lower: Double
        var upper: Double
    }

    var title: String
    var bins: [Bin]

    /// - Complexity: O(bins).
    func render() -> String {
        let frame = ChartFrame(width: 480, height: 420, left: 70, right: 30)
        var svg = SVGDocument(width: frame.width, height: frame.height, title: title)
        frame.drawTitle(&svg, title)
        let finite = bins.filter { [$0.predicted, $0.observed, $0.lower, $0.upper].allSatisfy(\.isFinite) }
        let largest = finite.flatMap { [$0.predicted, $0.upper] }.max() ?? 1
        let upper = min(1, LinearScale.niceUpper(max(largest, 1e-6)))
        let x = LinearScale(domain: 0...upper, range: (frame.plotLeft, frame.plotRight))
        let y = LinearScale(domain: 0...upper, range: (frame.plotBottom, frame.plotTop))
        let ticks = LinearScale.niceTicks(0, upper, count: 5)
        let decimals = LinearScale.decimals(forStep: ticks.count > 1 ? ticks[1] - ticks[0] : 1)
        frame.drawYAxis(&svg, scale: y, ticks: ticks, label: "Observed frequency")
        frame.drawXAxis(&svg, scale: x, ticks: ticks, label: "Predicted probability (bin mean)") { Fixed.format($0, decimals: decimals) }
        frame.drawLegend(&svg, [("observed, with 95 % interval", ChartPalette.color(0)), ("perfect calibration", ChartPalette.axis)])
        svg.line(x1: x(0), y1: y(0), x2: x(upper), y2: y(upper), stroke: ChartPalette.axis, cssClass: "diagonal", dashed: true)
        for bin in finite {
            svg.line(x1: x(bin.predicted), y1: y(min(bin.lower, upper)), x2: x(bin.predicted), y2: y(min(bin.upper, upper)),
                     stroke: ChartPalette.color(0), width: 1.5, cssClass: "interval")
            svg.circle(cx: x(bin.predicted), cy: y(min(bin.observed, upper)), r: 4, fill: ChartPalette.color(0), cssClass: "point")
        }
        return svg.render()
    }
}
