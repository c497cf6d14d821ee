// MARK: - MorrisChart

/// Morris screening: each input a labelled point at its μ* (overall influence, across) and σ
/// (spread of its effects: interactions or curvature, up), with the line σ = μ* dashed: inputs near
/// the origin can be fixed, inputs far right matter, and inputs above the line act through others.
///
/// Points are `circle class="point"`, their names `text class="label"`, the line `line class="reference"`.
///
/// ```swift
/// let chart = MorrisChart(title: "Completion", xLabel: "μ* (years)", yLabel: "σ (years)",
///                         points: [.init(label: "manual teams", muStar: 3.7, sigma: 0.2)])
/// let svg = chart.render()
/// ```
struct MorrisChart {
    struct Point {
        var label: String
        var muStar: Double
        var sigma: Double
    }

    var title: String
    var xLabel: String
    var yLabel: String
    var points: [Point]

    /// - Complexity: O(points²) for placing the labels apart.
    func render() -> String {
        let frame = ChartFrame(height: 400, left: 70, right: 30)
        var svg = SVGDocument(width: frame.width, height: frame.height, title: title)
        frame.drawTitle(&svg, title)
        let finite = points.filter { $0.muStar.isFinite && $0.sigma.isFinite }
        let xUpper = LinearScale.niceUpper((finite.map(\.muStar).max() ?? 0) * 1.1)
        let yUpper = LinearScale.niceUpper((finite.map(\.sigma).max() ?? 0) * 1.1)
        let x = LinearScale(domain: 0...xUpper, range: (frame.plotLeft, frame.plotRight))
        let y = LinearScale(domain: 0...yUpper, range: (frame.plotBottom, frame.plotTop))
        frame.drawYAxis(&svg, scale: y, ticks: LinearScale.niceTicks(0, yUpper, count: 5), label: yLabel)
        let ticks = LinearScale.niceTicks(0, xUpper, count: 6)
        let decimals = LinearScale.decimals(forStep: ticks.count > 1 ? ticks[1] - ticks[0] : 1)
        frame.drawXAxis(&svg, scale: x, ticks: ticks, label: xLabel) { Fixed.grouped($0, decimals: decimals) }
        let color = ChartPalette.color(0)
        frame.drawLegend(&svg, [("input", color), ("σ = μ*", ChartPalette.axis)])
        let reach = min(xUpper, yUpper)
        svg.line(x1: x(0), y1: y(0), x2: x(reach), y2: y(reach), stroke: ChartPalette.axis, width: 1, cssClass: "reference",
                 dashed: true)
        if finite.isEmpty {
            svg.text("No input in this result", x: (frame.plotLeft + frame.plotRight) / 2, y: (frame.plotTop + frame.plotBottom) / 2,
                     anchor: .middle, size: 12, fill: ChartPalette.axis)
        }
        // Labels right of their point (left in the right quarter), moved down a line while they would
        // overlap one already placed.
        var placed: [(left: Double, right: Double, y: Double)] = []
        for point in finite {
            let px = x(point.muStar), py = y(point.sigma)
            svg.circle(cx: px, cy: py, r: 5, fill: color, cssClass: "point", stroke: "#ffffff")
            let label = ChartFrame.shorten(point.label, to: 30)
            let width = Double(label.count) * 10 * 0.55
            let onLeft = px > frame.plotLeft + 0.75 * (frame.plotRight - frame.plotLeft)
            let left = onLeft ? px - 8 - width : px + 8
            var ly = py + 4
            for _ in 0..<4 {
                guard placed.contains(where: { $0.left < left + width && left < $0.right && abs($0.y - ly) < 11 }) else { break }
                ly += 11
            }
            placed.append((left, left + width, ly))
            svg.text(label, x: onLeft ? px - 8 : px + 8, y: ly, anchor: onLeft ? .end : .start, size: 10, halo: true,
                     cssClass: "label")
        }
        return svg.render()
    }
}
