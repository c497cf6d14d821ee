// MARK: - SVGDocument

/// A minimal builder for standalone SVG images: elements are appended in drawing order and every
/// attribute value and text node is XML-escaped, so user-supplied names cannot break the markup.
///
/// Coordinates are written with two decimals by ``Fixed``; the same calls give the same bytes.
///
/// ```swift
/// var svg = SVGDocument(width: 200, height: 100, title: "Example")
/// svg.rect(x: 10, y: 10, width: 50, height: 20, fill: "#0072b2", cssClass: "bar")
/// svg.text("A & B", x: 10, y: 60)
/// let markup = svg.render()
/// ```
struct SVGDocument {
    let width: Double
    let height: Double
    let title: String
    private var elements: [String] = []

    init(width: Double, height: Double, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    // MARK: Elements

    /// Appends `<name attributes...>` (self-closing unless `content` is given, which is escaped).
    mutating func element(_ name: String, _ attributes: [(String, String)], content: String? = nil) {
        var markup = "<" + name
        for (key, value) in attributes { markup += " \(key)=\"\(Self.escape(value))\"" }
        if let content {
            markup += ">" + Self.escape(content) + "</\(name)>"
        } else {
            markup += "/>"
        }
        elements.append(markup)
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                       cssClass: String? = nil, opacity: Double? = nil, stroke: String? = nil) {
        var attributes = [("x", Self.number(x)), ("y", Self.number(y)),
                          ("width", Self.number(max(0, width))), ("height", Self.number(max(0, height))),
                          ("fill", fill)]
        if let cssClass { attributes.insert(("class", cssClass), at: 0) }
        if let opacity { attributes.append(("fill-opacity", Fixed.format(opacity, decimals: 2))) }
        if let stroke { attributes.append(("stroke", stroke)) }
        element("rect", attributes)
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String,
                       width: Double = 1, cssClass: String? = nil, dashed: Bool = false) {
        var attributes = [("x1", Self.number(x1)), ("y1", Self.number(y1)), ("x2", Self.number(x2)),
                          ("y2", Self.number(y2)), ("stroke", stroke), ("stroke-width", Self.number(width))]
        if let cssClass { attributes.insert(("class", cssClass), at: 0) }
        if dashed { attributes.append(("stroke-dasharray", "4 3")) }
        element("line", attributes)
    }

    mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, width: Double = 2,
                           cssClass: String? = nil, dashed: Bool = false) {
        var attributes = [("points", Self.points(points)), ("fill", "none"), ("stroke", stroke),
                          ("stroke-width", Self.number(width))]
        if let cssClass { attributes.insert(("class", cssClass), at: 0) }
        if dashed { attributes.append(("stroke-dasharray", "6 3")) }
        element("polyline", attributes)
    }

    mutating func polygon(_ points: [(x: Double, y: Double)], fill: String, opacity: Double, cssClass: String? = nil) {
        var attributes = [("points", Self.points(points)), ("fill", fill),
                          ("fill-opacity", Fixed.format(opacity, decimals: 2))]
        if let cssClass { attributes.insert(("class", cssClass), at: 0) }
        element("polygon", attributes)
    }

    mutating func circle(cx: Double, cy: Double, r: Double, fill: String, cssClass: String? = nil,
                         stroke: String? = nil) {
        var attributes = [("cx", Self.number(cx)), ("cy", Self.number(cy)), ("r", Self.number(r)), ("fill", fill)]
        if let cssClass { attributes.insert(("class", cssClass), at: 0) }
        if let stroke { attributes.append(("stroke", stroke)) }
        element("circle", attributes)
    }

    enum Anchor: String { case start, middle, end }

    /// Text at (x, y) (the baseline); `rotate` turns it about that point, e.g. -90 for a y-axis title.
    mutating func text(_ string: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 11,
                       bold: Bool = false, fill: String = "#222222", rotate: Double? = nil,
                       halo: Bool = false, cssClass: String? = nil) {
        var attributes = [("x", Self.number(x)), ("y", Self.number(y)), ("font-size", Self.number(size)),
                          ("text-anchor", anchor.rawValue), ("fill", fill)]
        if let cssClass { attributes.insert(("class", cssClass), at: 0) }
        if bold { attributes.append(("font-weight", "bold")) }
        if let rotate {
            attributes.append(("transform", "rotate(\(Self.number(rotate)) \(Self.number(x)) \(Self.number(y)))"))
        }
        if halo {
            // A white outline drawn first as its own element: `paint-order` is not supported by every
            // SVG renderer, and without it the outline would cover the letters.
            var outline = attributes.filter { $0.0 != "class" && $0.0 != "fill" }
            outline.append(contentsOf: [("fill", "#ffffff"), ("stroke", "#ffffff"), ("stroke-width", "3")])
            element("text", outline, content: string)
        }
        element("text", attributes, content: string)
    }

    /// Opens a group (e.g. `shape-rendering="crispEdges"` for map cells); close it with `endGroup()`.
    mutating func beginGroup(_ attributes: [(String, String)]) {
        var markup = "<g"
        for (key, value) in attributes { markup += " \(key)=\"\(Self.escape(value))\"" }
        elements.append(markup + ">")
    }

    mutating func endGroup() { elements.append("</g>") }

    // MARK: Output

    /// The complete SVG document, one element per line.
    func render() -> String {
        let size = "width=\"\(Self.number(width))\" height=\"\(Self.number(height))\""
        let viewBox = "viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\""
        var lines = ["<svg xmlns=\"http://www.w3.org/2000/svg\" \(size) \(viewBox) font-family=\"sans-serif\">",
                     "<title>\(Self.escape(title))</title>",
                     "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"]
        lines.append(contentsOf: elements)
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Escaping and numbers

    /// `string` safe inside XML text and double-quoted attributes. Characters XML 1.0 forbids
    /// (C0 controls other than tab, newline, carriage return) become U+FFFD so the document stays well formed.
    static func escape(_ string: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            default:
                let forbidden = scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                escaped.unicodeScalars.append(forbidden ? "\u{FFFD}" : scalar)
            }
        }
        return escaped
    }

    static func number(_ value: Double) -> String { Fixed.format(value, decimals: 2) }

    private static func points(_ points: [(x: Double, y: Double)]) -> String {
        points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
    }
}
