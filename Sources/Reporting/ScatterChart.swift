// MARK: - ScatterChart

/// Design points of a calibration over two parameters (or one parameter against the distance):
/// rejected points small and grey, accepted points in colour, the best point ringed. A ridge of
/// accepted points across the box is what "only a combination is identified" looks like.
///
/// Points are `circle class="point"` (accepted also `class="accepted"`), the best `circle class="best"`.
struct ScatterChart {
    struct Point {
        var x: Double
        var y: Double
        var accepted: Bool
    }

    var title: String
    var xLabel: String
    var yLabel: String
    var xDomain: ClosedRange<Double>
    /// nil: from 0 to the largest y (a distance).
    var yDomain: ClosedRange<Double>?
    var points: [Point]
    var best: Point?

    func render() -> String {
        let frame = ChartFrame(height: 400, left: 70, right: 30)
        var svg = SVGDocument(width: frame.width, height: frame.height, title: title)
        frame.drawTitle(&svg, title)
        let finite = points.filter { $0.x.isFinite && $0.y.isFinite }
        let yRange = yDomain ?? 0...LinearScale.niceUpper((finite.map(\.y).max() ?? 1) * 1.05)
        let x = LinearScale(domain: xDomain, range: (frame.plotLeft, frame.plotRight))
        let y = LinearScale(domain: yRange, range: (frame.plotBottom, frame.plotTop))
        frame.drawYAxis(&svg, scale: y, ticks: LinearScale.niceTicks(yRange.lowerBound, yRange.upperBound, count: 5), label: yLabel)
        let ticks = LinearScale.niceTicks(xDomain.lowerBound, xDomain.upperBound, count: 6)
        let decimals = LinearScale.decimals(forStep: ticks.count > 1 ? ticks[1] - ticks[0] : 1)
        frame.drawXAxis(&svg, scale: x, ticks: ticks, label: xLabel) { Fixed.grouped($0, decimals: decimals) }
        let accepted = ChartPalette.color(0), rejected = ChartPalette.axis, ring = ChartPalette.color(1)
        frame.drawLegend(&svg, [("accepted", accepted), ("rejected", rejected), ("best", ring)])
        for point in finite where !point.accepted {
            svg.circle(cx: x(point.x), cy: y(point.y), r: 2.5, fill: rejected, cssClass: "point")
        }
        for point in finite where point.accepted {
            svg.circle(cx: x(point.x), cy: y(point.y), r: 5, fill: accepted, cssClass: "point accepted", stroke: "#ffffff")
        }
        if let best, best.x.isFinite, best.y.isFinite {
            svg.circle(cx: x(best.x), cy: y(best.y), r: 9, fill: "none", cssClass: "best", stroke: ring)
        }
        return svg.render()
    }
}
