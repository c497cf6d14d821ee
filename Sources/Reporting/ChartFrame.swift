// MARK: - ChartFrame

/// The common layout of the cartesian charts: a plot area inside margins, a title, axes with
/// tick labels and light grid lines, and a one-row legend under the title (names whole when they fit).
///
/// ```swift
/// let frame = ChartFrame(width: 640, height: 360, left: 70)
/// var svg = SVGDocument(width: frame.width, height: frame.height, title: "Area")
/// frame.drawTitle(&svg, "Area")
/// ```
struct ChartFrame {
    let width: Double
    let height: Double
    let left: Double
    let right: Double
    let top: Double
    let bottom: Double

    init(width: Double = 640, height: Double = 360, left: Double = 70, right: Double = 20,
         top: Double = 56, bottom: Double = 48) {
        self.width = width
        self.height = height
        self.left = left
        self.right = right
        self.top = top
        self.bottom = bottom
    }

    var plotLeft: Double { left }
    var plotRight: Double { width - right }
    var plotTop: Double { top }
    var plotBottom: Double { height - bottom }

    // MARK: Drawing

    func drawTitle(_ svg: inout SVGDocument, _ title: String) {
        svg.text(title, x: left, y: 20, size: 14, bold: true, cssClass: "title")
    }

    /// Horizontal grid lines at `ticks`, their labels left of the plot, and the axis title rotated.
    func drawYAxis(_ svg: inout SVGDocument, scale: LinearScale, ticks: [Double], label: String) {
        let decimals = LinearScale.decimals(forStep: ticks.count > 1 ? ticks[1] - ticks[0] : 1)
        let format = { (value: Double) in Fixed.grouped(value, decimals: decimals) }
        for tick in ticks {
            let y = scale(tick)
            svg.line(x1: plotLeft, y1: y, x2: plotRight, y2: y, stroke: ChartPalette.grid)
            svg.text(format(tick), x: plotLeft - 6, y: y + 4, anchor: .end, size: 10, fill: ChartPalette.axis)
        }
        svg.line(x1: plotLeft, y1: plotTop, x2: plotLeft, y2: plotBottom, stroke: ChartPalette.axis)
        let middle = (plotTop + plotBottom) / 2
        svg.text(label, x: 14, y: middle, anchor: .middle, size: 11, fill: ChartPalette.axis, rotate: -90)
    }

    /// Tick marks and labels under the plot at `ticks`, and the axis title below them.
    func drawXAxis(_ svg: inout SVGDocument, scale: LinearScale, ticks: [Double], label: String,
                   gridLines: Bool = false, format: (Double) -> String) {
        svg.line(x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom, stroke: ChartPalette.axis)
        for tick in ticks {
            let x = scale(tick)
            if gridLines { svg.line(x1: x, y1: plotTop, x2: x, y2: plotBottom, stroke: ChartPalette.grid) }
            svg.line(x1: x, y1: plotBottom, x2: x, y2: plotBottom + 4, stroke: ChartPalette.axis)
            svg.text(format(tick), x: x, y: plotBottom + 16, anchor: .middle, size: 10, fill: ChartPalette.axis)
        }
        svg.text(label, x: (plotLeft + plotRight) / 2, y: height - 8, anchor: .middle, size: 11,
                 fill: ChartPalette.axis)
    }

    /// Swatches and names in one row under the title. Each entry takes the width its name needs
    /// (an estimate: 0.5 em per character, measured ~0.46 for this font); when the row would overflow, the font steps down to
    /// 10 px, and only then are the longest names shortened, one character at a time, so that
    /// "Anti-personnel mines" stays whole whenever it can.
    func drawLegend(_ svg: inout SVGDocument, _ entries: [(name: String, color: String)]) {
        guard !entries.isEmpty else { return }
        let available = plotRight - plotLeft
        var size = 11.0
        var names = entries.map(\.name)
        func rowWidth() -> Double {
            names.reduce(0) { $0 + Self.legendEntryWidth($1, size: size) }
        }
        if rowWidth() > available { size = 10 }
        while rowWidth() > available, let longest = names.indices.max(by: { names[$0].count < names[$1].count }),
              names[longest].count > 4 {
            names[longest] = Self.shorten(entries[longest].name, to: names[longest].count - 1)
        }
        var x = plotLeft
        for (entry, name) in zip(entries, names) {
            svg.rect(x: x, y: 30, width: 12, height: 12, fill: entry.color, cssClass: "legend")
            svg.text(name, x: x + 16, y: 40, size: size)
            x += Self.legendEntryWidth(name, size: size)
        }
    }

    /// Legend rows for line charts: names stay whole (up to ``longestWrappedName`` characters) and
    /// wrap onto further rows rather than being cut to a few letters, so nine scenarios that all
    /// start "Karabakh, …" stay told apart. Greedy: each row takes entries while they fit.
    static func wrappedLegend(_ names: [String], available: Double, size: Double = 10) -> [[Int]] {
        var rows: [[Int]] = [], row: [Int] = [], width = 0.0
        for (index, name) in names.enumerated() {
            let w = wrappedEntryWidth(shorten(name, to: longestWrappedName), size: size)
            if !row.isEmpty && width + w > available {
                rows.append(row)
                row = []
                width = 0
            }
            row.append(index)
            width += w
        }
        if !row.isEmpty { rows.append(row) }
        return rows
    }

    static let longestWrappedName = 60

    /// A wrapped legend's entry width: 0.53 em a character, since long scenario names hold capitals,
    /// digits and "%" that 0.5 em underestimates (seen: "…by NTS" ran into the next swatch).
    static func wrappedEntryWidth(_ name: String, size: Double) -> Double {
        16 + Double(name.count) * size * 0.53 + 14
    }
    /// Height of one legend row, in pixels.
    static let legendRowHeight = 16.0

    /// Swatch, gap, text and spacing of one legend entry, in pixels.
    static func legendEntryWidth(_ name: String, size: Double) -> Double {
        16 + Double(name.count) * size * 0.5 + 14
    }

    /// `text` cut to `count` characters with an ellipsis (labels must not overlap the next one).
    static func shorten(_ text: String, to count: Int) -> String {
        text.count <= count ? text : String(text.prefix(max(1, count - 1))) + "…"
    }
}
