// MARK: - HeatMap

/// The priority surface as a north-up map: one colour class per cell (``ColorScale``), cells of the
/// same class that touch along a row merged into one `rect class="cell"`, numbered markers at the
/// top-ranked hazards' centroids, axes in kilometres of the projected CRS, a legend and a north arrow.
///
/// ```swift
/// let map = HeatMap(title: "Priority", rows: 2, columns: 2, values: [0, 0.2, 0.4, 0.8],
///                   west: 500_000, north: 4_200_000, cellSize: 1_000, epsg: 32636, labels: [])
/// let svg = map.render()
/// ```
struct HeatMap {
    struct Label {
        var text: String
        /// Projected coordinates in metres.
        var x: Double
        var y: Double
    }

    var title: String
    var rows: Int
    var columns: Int
    /// Row-major, north first; missing trailing values count as 0.
    var values: [Double]
    /// West and north edges of the covered area, in metres.
    var west: Double
    var north: Double
    /// Size of one map cell in metres.
    var cellSize: Double
    var epsg: Int
    var labels: [Label]

    /// The colour classes: 9 bins up to the largest value rounded up to a tenth.
    var colorScale: ColorScale {
        let largest = values.filter(\.isFinite).max() ?? 0
        return ColorScale(maximum: largest > 0 ? (largest * 10).rounded(.up) / 10 : 1)
    }

    // MARK: Rendering

    /// Blocks outside the study area (value -1 in results) are drawn in this neutral grey, not as score 0.
    static let outsideFill = "#d9d9d9"

    /// The colour class of `value`, or -1 for a block outside the study area.
    static func bin(_ value: Double, _ scale: ColorScale) -> Int { value < 0 ? -1 : scale.bin(for: value) }

    /// Most rows and columns drawn; results hold at most 160 (`ScoreReport.previewSide`). A larger
    /// size (only in a file that skipped validation) is cut, so the loops below stay bounded.
    static let maximumSide = 1024

    /// - Complexity: O(rows × columns) time; output size O(runs of equal classes).
    func render() -> String {
        let marginLeft = 70.0, marginTop = 40.0, marginBottom = 48.0, legendWidth = 150.0
        let box = 520.0
        let rows = min(max(0, self.rows), Self.maximumSide), columns = min(max(0, self.columns), Self.maximumSide)
        // A zero, negative, tiny or huge cell size would give infinite scales and NaN coordinates.
        let cellSize = (1e-6...1e12).contains(self.cellSize) ? self.cellSize : 1
        let extentX = Double(max(1, columns)) * cellSize, extentY = Double(max(1, rows)) * cellSize
        // One scale for both axes: a map must not be stretched.
        let pixelsPerMetre = min(box / extentX, box / extentY)
        let mapWidth = extentX * pixelsPerMetre, mapHeight = extentY * pixelsPerMetre
        let width = marginLeft + mapWidth + 20 + legendWidth
        let height = marginTop + mapHeight + marginBottom
        var svg = SVGDocument(width: width, height: height, title: title)
        svg.text(title, x: marginLeft, y: 20, size: 14, bold: true, cssClass: "title")
        let px = { (metresX: Double) in marginLeft + (metresX - west) * pixelsPerMetre }
        let py = { (metresY: Double) in marginTop + (north - metresY) * pixelsPerMetre }
        let scale = colorScale
        let cell = cellSize * pixelsPerMetre

        svg.beginGroup([("shape-rendering", "crispEdges")])
        for row in 0..<rows {
            var column = 0
            while column < columns {
                let bin = Self.bin(value(row: row, column: column), scale)
                var end = column + 1
                while end < columns, Self.bin(value(row: row, column: end), scale) == bin { end += 1 }
                svg.rect(x: marginLeft + Double(column) * cell, y: marginTop + Double(row) * cell,
                         width: Double(end - column) * cell, height: cell,
                         fill: bin < 0 ? Self.outsideFill : scale.color(bin: bin), cssClass: "cell")
                column = end
            }
        }
        svg.endGroup()
        svg.rect(x: marginLeft, y: marginTop, width: mapWidth, height: mapHeight, fill: "none", stroke: ChartPalette.axis)
        drawAxes(&svg, px: px, py: py, mapWidth: mapWidth, mapHeight: mapHeight, marginLeft: marginLeft,
                 marginTop: marginTop,
                 extent: (east: west + Double(columns) * cellSize, south: north - Double(rows) * cellSize))
        for label in labels {
            let x = px(label.x), y = py(label.y)
            // Centroids outside the previewed extent would be drawn over the axes: leave them out.
            guard x >= marginLeft, x <= marginLeft + mapWidth, y >= marginTop, y <= marginTop + mapHeight else { continue }
            svg.circle(cx: x, cy: y, r: 3.5, fill: "#ffffff", cssClass: "label", stroke: "#000000")
            svg.text(label.text, x: x + 5, y: y - 5, size: 11, bold: true, fill: "#000000", halo: true)
        }
        drawLegend(&svg, scale: scale, x: marginLeft + mapWidth + 20, y: marginTop)
        return svg.render()
    }

    /// The value at (row, column) of the row-major `values`; 0 outside them (and for any position
    /// whose index would overflow).
    func value(row: Int, column: Int) -> Double {
        let (offset, overflow) = row.multipliedReportingOverflow(by: columns)
        let (index, carry) = offset.addingReportingOverflow(column)
        return !overflow && !carry && index >= 0 && index < values.count ? values[index] : 0
    }

    // MARK: Decorations

    private func drawAxes(_ svg: inout SVGDocument, px: (Double) -> Double, py: (Double) -> Double,
                          mapWidth: Double, mapHeight: Double, marginLeft: Double, marginTop: Double,
                          extent: (east: Double, south: Double)) {
        let bottom = marginTop + mapHeight
        let eastKm = extent.east / 1000, southKm = extent.south / 1000
        let decimals = (eastKm - west / 1000) < 5 ? 1 : 0
        for tick in LinearScale.niceTicks(west / 1000, eastKm, count: 5) {
            let x = px(tick * 1000)
            svg.line(x1: x, y1: bottom, x2: x, y2: bottom + 4, stroke: ChartPalette.axis)
            svg.text(Fixed.format(tick, decimals: decimals), x: x, y: bottom + 16, anchor: .middle, size: 10,
                     fill: ChartPalette.axis)
        }
        for tick in LinearScale.niceTicks(southKm, north / 1000, count: 5) {
            let y = py(tick * 1000)
            svg.line(x1: marginLeft - 4, y1: y, x2: marginLeft, y2: y, stroke: ChartPalette.axis)
            svg.text(Fixed.format(tick, decimals: decimals), x: marginLeft - 6, y: y + 4, anchor: .end, size: 10,
                     fill: ChartPalette.axis)
        }
        svg.text("Easting (km, EPSG:\(epsg))", x: marginLeft + mapWidth / 2, y: bottom + 38, anchor: .middle, size: 11,
                 fill: ChartPalette.axis)
        svg.text("Northing (km)", x: 14, y: marginTop + mapHeight / 2, anchor: .middle, size: 11,
                 fill: ChartPalette.axis, rotate: -90)
        // North arrow in the top-right corner of the map: the map is drawn north-up.
        let arrowX = marginLeft + mapWidth - 16, arrowY = marginTop + 10
        svg.polygon([(x: arrowX, y: arrowY), (x: arrowX - 6, y: arrowY + 16), (x: arrowX + 6, y: arrowY + 16)],
                    fill: "#000000", opacity: 0.8, cssClass: "north-arrow")
        svg.text("N", x: arrowX, y: arrowY + 28, anchor: .middle, size: 11, bold: true, fill: "#000000", halo: true)
    }

    private func drawLegend(_ svg: inout SVGDocument, scale: ColorScale, x: Double, y: Double) {
        svg.text("Priority score", x: x, y: y + 10, size: 11, bold: true)
        // Highest class on top, as on the map's colour ramp from yellow (high) to purple (low).
        for bin in (0..<scale.bins).reversed() {
            let top = y + 20 + Double(scale.bins - 1 - bin) * 18
            let range = scale.range(bin: bin)
            svg.rect(x: x, y: top, width: 16, height: 16, fill: scale.color(bin: bin), cssClass: "legend")
            svg.text("\(Fixed.format(range.lower, decimals: 2))–\(Fixed.format(range.upper, decimals: 2))",
                     x: x + 22, y: top + 12, size: 10)
        }
        if values.contains(where: { $0 < 0 }) {
            let top = y + 20 + Double(scale.bins) * 18 + 6
            svg.rect(x: x, y: top, width: 16, height: 16, fill: Self.outsideFill, cssClass: "legend")
            svg.text("outside the study area", x: x + 22, y: top + 12, size: 10)
        }
    }
}
