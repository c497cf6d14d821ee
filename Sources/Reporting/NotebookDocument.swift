import Foundation

// MARK: - NotebookDocument

/// An nbformat 4.5 notebook under construction: Markdown cells, and code cells that are never
/// executed (`execution_count` null) but may carry a pre-rendered SVG as `display_data` output.
///
/// The bytes are deterministic: sorted keys, cell ids numbered `cell-0001`, `cell-0002`, ...,
/// no timestamps, and text stored as a list of lines (as Jupyter itself writes, for readable diffs).
///
/// ```swift
/// var notebook = NotebookDocument()
/// notebook.markdown("# Forecast")
/// notebook.code("print(1)", svg: nil, description: "")
/// let bytes = notebook.data()
/// ```
struct NotebookDocument {
    private(set) var cells: [Cell] = []

    init() {}

    mutating func markdown(_ source: String) {
        cells.append(Cell(id: nextID(), kind: .markdown, source: Self.lines(source), figure: nil))
    }

    /// A code cell; `svg` becomes its output, with `description` as the plain-text alternative.
    mutating func code(_ source: String, svg: String?, description: String) {
        let figure = svg.map { Figure(svg: Self.lines($0), text: [description]) }
        cells.append(Cell(id: nextID(), kind: .code, source: Self.lines(source), figure: figure))
    }

    /// The notebook as JSON bytes ending with a newline.
    ///
    /// Written by hand rather than with `JSONEncoder` so that it cannot fail (the model holds only
    /// strings) and the key order is fixed here, sorted as `jq -S` would.
    func data() -> Data {
        var out = "{\n \"cells\": ["
        for (index, cell) in cells.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            out += cell.json()
        }
        out += cells.isEmpty ? "],\n" : "\n ],\n"
        out += " \"metadata\": {\n"
        out += "  \"kernelspec\": {\"display_name\": \"Python 3\", \"language\": \"python\", \"name\": \"python3\"},\n"
        // No title here: the first Markdown cell carries it, escaped; metadata would hold it raw.
        out += "  \"language_info\": {\"name\": \"python\"}\n },\n"
        out += " \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n"
        return Data(out.utf8)
    }

    private func nextID() -> String {
        let number = String(cells.count + 1)
        return "cell-" + String(repeating: "0", count: max(0, 4 - number.count)) + number
    }

    /// Jupyter's multiline-string form: every line but the last keeps its newline.
    static func lines(_ text: String) -> [String] {
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var result = parts.enumerated().map { $0.offset < parts.count - 1 ? $0.element + "\n" : $0.element }
        if result.last == "" { result.removeLast() }
        return result
    }

    // MARK: JSON model

    enum Kind: String { case markdown, code }

    struct Figure {
        var svg: [String]
        var text: [String]
    }

    struct Cell {
        var id: String
        var kind: Kind
        var source: [String]
        var figure: Figure?

        /// The cell object with sorted keys; a code cell that was never run has `execution_count` null.
        func json() -> String {
            var fields = ["  {", "   \"cell_type\": \"\(kind.rawValue)\","]
            if kind == .code { fields.append("   \"execution_count\": null,") }
            fields.append("   \"id\": \"\(id)\",")
            fields.append("   \"metadata\": {},")
            if kind == .code {
                if let figure {
                    fields.append("   \"outputs\": [{\"data\": {\"image/svg+xml\": \(NotebookDocument.array(figure.svg, indent: 5)), "
                        + "\"text/plain\": \(NotebookDocument.array(figure.text, indent: 5))}, \"metadata\": {}, "
                        + "\"output_type\": \"display_data\"}],")
                } else {
                    fields.append("   \"outputs\": [],")
                }
            }
            fields.append("   \"source\": \(NotebookDocument.array(source, indent: 4))")
            fields.append("  }")
            return fields.joined(separator: "\n")
        }
    }

    /// A JSON array of strings, one per line.
    static func array(_ strings: [String], indent: Int) -> String {
        guard !strings.isEmpty else { return "[]" }
        let pad = String(repeating: " ", count: indent)
        return "[\n" + strings.map { pad + quote($0) }.joined(separator: ",\n") + "\n" + String(pad.dropLast()) + "]"
    }

    /// `string` as a JSON string literal (RFC 8259): quotes, backslashes and control characters escaped.
    /// The result is also a valid Python string literal, which the setup cell relies on for paths.
    static func quote(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
