// MARK: - HTML escaping

/// Escaping for the briefing report's HTML: every string that comes from a result or a scenario
/// (scenario names, hazard ids, notes, file paths) passes through here, so a name such as
/// `<script>alert(1)</script> & "x"` shows as text and cannot add markup, attributes or script.
///
/// ```swift
/// HTML.escape("<b> & \"x\"")   // "&lt;b&gt; &amp; &quot;x&quot;"
/// ```
enum HTML {
    /// `text` safe as HTML text and inside a double- or single-quoted attribute value. Characters
    /// HTML forbids in documents (C0 controls other than tab and line breaks) become U+FFFD, as in
    /// ``SVGDocument/escape(_:)``, whose rules this shares so inline SVG and HTML escape alike.
    static func escape(_ text: String) -> String { SVGDocument.escape(text) }

    /// An element with escaped text content: `element("td", "A & B")` is `<td>A &amp; B</td>`.
    static func element(_ name: String, _ text: String, attributes: [(String, String)] = []) -> String {
        "<\(name)\(attributeList(attributes))>\(escape(text))</\(name)>"
    }

    /// ` key="value"` for each attribute, values escaped (names are the code's own, never user text).
    static func attributeList(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }
}
