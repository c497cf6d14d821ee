import Foundation
// MARK: - HTMLDocument

/// A minimal builder for one self-contained HTML page: the style sheet and the one small script
/// are inline (``HTMLDocument/styleSheet``, ``HTMLDocument/script``), charts are inline SVG, and
/// nothing refers to a network address, a font file or an image file, so the page opens the same
/// from an e-mail attachment, a USB stick or a printout.
///
/// Text given as `String` is escaped; only the `html:` variants take markup, which callers build
/// from escaped pieces (``HTML/escape(_:)``). Headings are checked as they are added: a level may
/// rise by at most one (h2 after h1, never h4 after h2), so screen-reader outlines stay whole.
///
/// ```swift
/// var page = HTMLDocument(title: "Briefing")
/// page.beginSection(id: "answer", heading: "The answer")
/// page.paragraph("All clearance by 2041.")
/// page.endSection()
/// let html = page.render()
/// ```
struct HTMLDocument {
    /// One table cell: its markup, a sort key for the sortable table script (numbers sort as numbers)
    /// and whether it is numeric (right-aligned).
    struct Cell {
        var html: String
        var sortKey: String?
        var numeric: Bool

        /// A text cell (escaped).
        static func text(_ text: String) -> Cell { Cell(html: HTML.escape(text), sortKey: nil, numeric: false) }

        /// A numeric cell shown as `shown` and sorted by `value` (nil sorts last).
        static func number(_ shown: String, _ value: Double?) -> Cell {
            Cell(html: HTML.escape(shown), sortKey: value.map { Fixed.format($0, decimals: 6) } ?? "", numeric: true)
        }
    }

    let title: String
    /// Each heading's level, in document order (the title is the one level-1 heading).
    private(set) var headingLevels: [Int] = [1]
    private var parts: [String] = []
    private var openSections = 0

    init(title: String) { self.title = title }

    // MARK: Structure

    /// Opens `<section id=…>` with a heading one level below the enclosing one.
    mutating func beginSection(id: String, heading: String, classes: String? = nil) {
        openSections += 1
        var attributes = [("id", id), ("aria-labelledby", id + "-heading")]
        if let classes { attributes.append(("class", classes)) }
        parts.append("<section\(HTML.attributeList(attributes))>")
        self.heading(heading, level: openSections + 1, id: id + "-heading")
    }

    mutating func endSection() {
        precondition(openSections > 0, "endSection without beginSection")
        openSections -= 1
        parts.append("</section>")
    }

    /// A heading; `level` must be at most one deeper than the previous heading (2 to 6).
    mutating func heading(_ text: String, level: Int, id: String? = nil) {
        precondition((2...6).contains(level) && level <= (headingLevels.last ?? 1) + 1,
                     "heading level \(level) after \(headingLevels.last ?? 1) skips a level")
        headingLevels.append(level)
        parts.append(HTML.element("h\(level)", text, attributes: id.map { [("id", $0)] } ?? []))
    }

    // MARK: Content

    mutating func paragraph(_ text: String) { parts.append(HTML.element("p", text)) }

    /// A paragraph of markup built from escaped pieces.
    mutating func paragraph(html: String, classes: String? = nil) {
        parts.append("<p\(HTML.attributeList(classes.map { [("class", $0)] } ?? []))>\(html)</p>")
    }

    /// A bulleted list of markup items built from escaped pieces.
    mutating func list(html items: [String]) {
        guard !items.isEmpty else { return }
        parts.append("<ul>" + items.map { "<li>\($0)</li>" }.joined() + "</ul>")
    }

    /// Markup built from escaped pieces, e.g. a definition list.
    mutating func raw(_ html: String) { parts.append(html) }

    /// A table with a caption and column headers (`<th scope="col">`); the first cell of each row is
    /// its row header (`<th scope="row">`). `sortable` tables get sort buttons from the page script;
    /// without script they stay in the order given.
    mutating func table(id: String? = nil, caption: String, headers: [String], rows: [[Cell]], sortable: Bool = false) {
        var attributes: [(String, String)] = []
        if let id { attributes.append(("id", id)) }
        if sortable { attributes.append(("class", "sortable")) }
        let numericColumns = Set(headers.indices.filter { column in
            !rows.isEmpty && rows.allSatisfy { column >= $0.count || $0[column].numeric }
        })
        var markup = "<div class=\"table-wrap\"><table\(HTML.attributeList(attributes))>"
        markup += HTML.element("caption", caption)
        markup += "<thead><tr>" + headers.enumerated().map { column, header in
            HTML.element("th", header, attributes: [("scope", "col")] + (numericColumns.contains(column) ? [("class", "num")] : []))
        }.joined() + "</tr></thead><tbody>"
        for row in rows {
            markup += "<tr>"
            for (column, cell) in row.enumerated() {
                let tag = column == 0 ? "th" : "td"
                var cellAttributes: [(String, String)] = column == 0 ? [("scope", "row")] : []
                if cell.numeric { cellAttributes.append(("class", "num")) }
                if let key = cell.sortKey { cellAttributes.append(("data-sort", key)) }
                markup += "<\(tag)\(HTML.attributeList(cellAttributes))>\(cell.html)</\(tag)>"
            }
            markup += "</tr>"
        }
        parts.append(markup + "</tbody></table></div>")
    }

    /// An inline SVG chart as a figure: the SVG gets `role="img"` and `label` as its accessible
    /// name (the text alternative), and `caption` says what it shows and how to read it. `expect`
    /// (a CSS selector and a count, written as `data-expect-*` attributes) is what the browser test
    /// counts in the rendered chart: its areas, series or rows as the result data says.
    mutating func figure(svg: String, expect: (selector: String, count: Int)? = nil, label: String, caption: String,
                         classes: String = "chart") {
        var attributes = [("class", classes)]
        if let expect { attributes += [("data-expect-selector", expect.selector), ("data-expect-count", String(expect.count))] }
        parts.append("<figure\(HTML.attributeList(attributes))>" + Self.accessible(svg: svg, label: label)
            + HTML.element("figcaption", caption) + "</figure>")
    }

    /// `svg` with `role="img"` and `aria-label` on its root element.
    static func accessible(svg: String, label: String) -> String {
        guard let range = svg.range(of: "<svg ") else { return svg }
        return svg.replacingCharacters(in: range, with: "<svg role=\"img\" aria-label=\"\(HTML.escape(label))\" ")
    }

    // MARK: Output

    /// The complete page. Deterministic: the same calls give the same bytes. It is also well-formed
    /// XML (void elements self-closed, style and script in CDATA sections, only the five XML
    /// entities), so tests and tools can check its structure with an XML parser.
    func render() -> String {
        precondition(openSections == 0, "a section is still open")
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="clearcast"/>
        <title>\(HTML.escape(title))</title>
        <style>/*<![CDATA[*/
        \(Self.styleSheet)
        /*]]>*/</style>
        </head>
        <body>
        <main>
        <h1>\(HTML.escape(title))</h1>
        \(parts.joined(separator: "\n"))
        </main>
        <script>//<![CDATA[
        \(Self.script)
        //]]></script>
        </body>
        </html>

        """
    }
}
