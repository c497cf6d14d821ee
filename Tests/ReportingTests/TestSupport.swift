import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

// MARK: - SVG inspection

/// The elements of an XML document, in order, with their attributes; `wellFormed` is false when
/// `XMLParser` reports an error.
final class XMLElements: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String = ""
    }

    private(set) var elements: [Element] = []
    private(set) var error: String?
    private var open: [Int] = []

    init(_ xml: String) {
        super.init()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = self
        if !parser.parse() { error = parser.parserError.map { "\($0)" } ?? "unknown XML error" }
    }

    var wellFormed: Bool { error == nil }

    func all(_ name: String, class cssClass: String? = nil) -> [Element] {
        elements.filter { $0.name == name && (cssClass == nil || $0.attributes["class"] == cssClass) }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        open.append(elements.count)
        elements.append(Element(name: elementName, attributes: attributes))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        _ = open.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }
}

// MARK: - Notebook inspection

enum NotebookJSON {
    /// The cells of notebook bytes as dictionaries.
    static func cells(_ data: Data) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return object?["cells"] as? [[String: Any]] ?? []
    }

    static func text(_ value: Any?) -> String {
        if let lines = value as? [String] { return lines.joined() }
        return value as? String ?? ""
    }

    /// Every SVG stored as a cell output, in order.
    static func svgs(_ data: Data) throws -> [String] {
        try cells(data).flatMap { cell -> [String] in
            (cell["outputs"] as? [[String: Any]] ?? []).compactMap { output in
                (output["data"] as? [String: Any]).map { text($0["image/svg+xml"]) }
            }
        }
    }

    /// The concatenated Markdown of all Markdown cells.
    static func markdown(_ data: Data) throws -> String {
        try cells(data).filter { $0["cell_type"] as? String == "markdown" }.map { text($0["source"]) }.joined(separator: "\n\n")
    }
}
