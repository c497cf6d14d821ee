import GeoData
import ClearcastDomain

// MARK: - BriefingMap

/// The briefing's map as inline SVG: hazard areas filled by class (priority rank or expected
/// release year), settlements as labelled circles, incidents as crosses, a scale bar, a grid-north
/// arrow and a legend. Each area is a `<path class="hazard">` holding a `<title>` (its id, rank,
/// scores, factor values and release dates), which browsers show on hover without any script.
///
/// Geometry is drawn in the grid CRS (projected, metres), so the scale bar is true everywhere on
/// the map to within the projection's scale error. Each area is first simplified with GDAL's
/// `OGR_G_SimplifyPreserveTopology` at ``simplifyPixels`` (half a pixel of the map: about 110 m
/// on a 150 km wide area drawn 700 px wide), which no reader can see and which keeps rings valid;
/// then vertices are rounded to 0.1 px (``pixelPrecision``) and repeats dropped.
///
/// ```swift
/// let svg = BriefingMap(title: "Hazard areas", layers: layers, styles: styles, legendTitle: "Rank",
///                       legend: [("#440154", "1–300")]).render()
/// ```
struct BriefingMap {
    /// How one hazard area is drawn: its fill and the hover text.
    struct AreaStyle {
        var fill: String
        var tooltip: String
    }

    var title: String
    var layers: BriefingMapLayers
    /// Per hazard id; areas without a style are drawn in ``unstyledFill``.
    var styles: [String: AreaStyle]
    var legendTitle: String
    var legend: [(color: String, label: String)]

    static let mapWidth = 700.0
    static let legendWidth = 250.0
    static let pixelPrecision = 0.1
    /// The simplification tolerance, in pixels of the map.
    static let simplifyPixels = 0.5
    static let unstyledFill = "#d9d9d9"

    // MARK: Rendering

    func render() -> String {
        let spanX = max(layers.maxX - layers.minX, 1), spanY = max(layers.maxY - layers.minY, 1)
        let scale = Self.mapWidth / spanX
        let mapHeight = spanY * scale
        let top = 36.0, left = 10.0
        let width = left + Self.mapWidth + 20 + Self.legendWidth
        let height = top + max(mapHeight, 330) + 40
        func px(_ x: Double) -> Double { left + (x - layers.minX) * scale }
        func py(_ y: Double) -> Double { top + (layers.maxY - y) * scale }

        var out: [String] = []
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" "
            + "viewBox=\"0 0 \(n(width)) \(n(height))\" font-family=\"sans-serif\" class=\"map\">")
        out.append("<title>\(HTML.escape(title))</title>")
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>")
        out.append("<text x=\"\(n(left))\" y=\"22\" font-size=\"14\" font-weight=\"bold\" fill=\"#222222\">\(HTML.escape(title))</text>")
        out.append("<rect x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(Self.mapWidth))\" height=\"\(n(mapHeight))\" "
            + "fill=\"#fbfbf8\" stroke=\"#999999\" stroke-width=\"0.8\"/>")
        out.append("<g class=\"hazards\" stroke=\"#333333\" stroke-width=\"0.25\" fill-rule=\"evenodd\">")
        let tolerance = Self.simplifyPixels / scale
        for area in layers.areas {
            let simplified = Geometry.multiPolygon(area.polygons).simplifiedPreservingTopology(tolerance: tolerance)
            let path = Self.pathData(BriefingMapLayers.polygons(simplified), px: px, py: py)
            guard !path.isEmpty else { continue }
            let style = styles[area.id]
            out.append("<path class=\"hazard\" data-id=\"\(HTML.escape(area.id))\" d=\"\(path)\" fill=\"\(style?.fill ?? Self.unstyledFill)\">"
                + "<title>\(HTML.escape(style?.tooltip ?? area.id))</title></path>")
        }
        out.append("</g>")
        out.append("<g class=\"incidents\" stroke=\"#000000\" stroke-width=\"0.9\">")
        for incident in layers.incidents {
            let x = px(incident.x), y = py(incident.y)
            out.append("<path d=\"M\(n(x - 2.2)) \(n(y))H\(n(x + 2.2))M\(n(x)) \(n(y - 2.2))V\(n(y + 2.2))\"/>")
        }
        out.append("</g>")
        out.append("<g class=\"settlements\">")
        for place in layers.settlements {
            let x = px(place.x), y = py(place.y)
            out.append("<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"3.2\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"1.2\">"
                + "<title>\(HTML.escape(place.name))</title></circle>")
            // One element with a white outline painted under the letters (browsers support
            // paint-order), so the name is read and printed once, not twice as with a halo copy.
            out.append("<text x=\"\(n(x + 5))\" y=\"\(n(y + 3.5))\" font-size=\"9\" fill=\"#111111\" stroke=\"#ffffff\" "
                + "stroke-width=\"2.5\" stroke-linejoin=\"round\" paint-order=\"stroke\">\(HTML.escape(place.name))</text>")
        }
        out.append("</g>")
        out.append(scaleBar(scale: scale, x: left + 12, y: top + mapHeight - 14))
        out.append(northArrow(x: left + Self.mapWidth - 24, y: top + 14))
        out.append(legendMarkup(x: left + Self.mapWidth + 20, y: top))
        out.append("<text x=\"\(n(left))\" y=\"\(n(top + mapHeight + 18))\" font-size=\"10\" fill=\"#555555\">"
            + "EPSG:\(layers.epsg), grid north up; coordinates in metres</text>")
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    /// SVG path data for polygons: one `M…Z` per ring, vertices rounded to ``pixelPrecision`` with
    /// repeats dropped. Empty when nothing is left.
    ///
    /// - Complexity: O(vertices).
    static func pathData(_ polygons: [[Ring]], px: (Double) -> Double, py: (Double) -> Double) -> String {
        var data = ""
        for ring in polygons.joined() {
            var previous: (Int, Int)?
            var points: [(Int, Int)] = []
            for point in ring {
                let q = (Int((px(point.x) / pixelPrecision).rounded()), Int((py(point.y) / pixelPrecision).rounded()))
                if let p = previous, p == q { continue }
                points.append(q)
                previous = q
            }
            if points.count > 1, let first = points.first, let last = points.last, first == last { points.removeLast() }
            guard points.count >= 3 else { continue }
            data += "M" + points.map { "\(tenths($0.0)) \(tenths($0.1))" }.joined(separator: "L") + "Z"
        }
        return data
    }

    /// An integer count of tenths as a decimal, e.g. 1234 → "123.4".
    private static func tenths(_ value: Int) -> String {
        let sign = value < 0 ? "-" : ""
        let magnitude = abs(value)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    // MARK: Furniture

    /// A scale bar of a round length (1, 2 or 5 × 10^k m) near a fifth of the map's width.
    private func scaleBar(scale: Double, x: Double, y: Double) -> String {
        let length = Self.roundLength(Self.mapWidth / 5 / scale)
        let barWidth = length * scale
        let label = length >= 1000 ? "\(Fixed.format(length / 1000, decimals: length >= 10_000 ? 0 : 1)) km" : "\(Fixed.format(length, decimals: 0)) m"
        return """
        <g class="scale-bar" font-size="10"><rect x="\(n(x - 4))" y="\(n(y - 16))" width="\(n(barWidth + 8))" height="24" fill="#ffffff" fill-opacity="0.8"/>\
        <rect x="\(n(x))" y="\(n(y))" width="\(n(barWidth / 2))" height="4" fill="#000000"/>\
        <rect x="\(n(x + barWidth / 2))" y="\(n(y))" width="\(n(barWidth / 2))" height="4" fill="#ffffff" stroke="#000000" stroke-width="0.8"/>\
        <text x="\(n(x))" y="\(n(y - 4))" fill="#111111">0</text>\
        <text x="\(n(x + barWidth))" y="\(n(y - 4))" text-anchor="end" fill="#111111">\(label)</text></g>
        """
    }

    static func roundLength(_ target: Double) -> Double {
        guard target.isFinite, target > 0 else { return 1 }
        var power = 1.0
        while power * 10 <= target { power *= 10 }
        while power > target { power /= 10 }
        return [5.0, 2, 1].map { $0 * power }.first { $0 <= target } ?? power
    }

    private func northArrow(x: Double, y: Double) -> String {
        """
        <g class="north-arrow"><path d="M\(n(x)) \(n(y))L\(n(x + 7)) \(n(y + 22))L\(n(x)) \(n(y + 17))L\(n(x - 7)) \(n(y + 22))Z" \
        fill="#000000"/><text x="\(n(x))" y="\(n(y + 34))" font-size="11" font-weight="bold" text-anchor="middle" fill="#111111">N</text></g>
        """
    }

    private func legendMarkup(x: Double, y: Double) -> String {
        var out = ["<g class=\"legend\" font-size=\"10.5\">",
                   "<text x=\"\(n(x))\" y=\"\(n(y + 10))\" font-size=\"11.5\" font-weight=\"bold\" fill=\"#222222\">\(HTML.escape(legendTitle))</text>"]
        var row = y + 22
        for entry in legend {
            out.append("<rect x=\"\(n(x))\" y=\"\(n(row))\" width=\"16\" height=\"12\" fill=\"\(HTML.escape(entry.color))\" stroke=\"#333333\" stroke-width=\"0.5\"/>")
            out.append("<text x=\"\(n(x + 22))\" y=\"\(n(row + 10))\" fill=\"#222222\">\(HTML.escape(entry.label))</text>")
            row += 17
        }
        row += 8
        out.append("<circle cx=\"\(n(x + 8))\" cy=\"\(n(row + 6))\" r=\"3.2\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"1.2\"/>")
        out.append("<text x=\"\(n(x + 22))\" y=\"\(n(row + 10))\" fill=\"#222222\">Settlement (\(layers.settlements.count))</text>")
        row += 17
        let cx = x + 8, cy = row + 6
        out.append("<path d=\"M\(n(cx - 2.2)) \(n(cy))H\(n(cx + 2.2))M\(n(cx)) \(n(cy - 2.2))V\(n(cy + 2.2))\" stroke=\"#000000\" stroke-width=\"0.9\"/>")
        out.append("<text x=\"\(n(x + 22))\" y=\"\(n(row + 10))\" fill=\"#222222\">Incident (\(layers.incidents.count))</text>")
        out.append("</g>")
        return out.joined(separator: "\n")
    }

    private func n(_ value: Double) -> String { Fixed.format(value, decimals: 1) }
}
