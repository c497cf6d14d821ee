import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

// MARK: - Paths

enum TestPaths {
    /// The package root, from this file's path (Tests/ReportingTests/TestSupport.swift).
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let schemas = root.appendingPathComponent("schemas")

    /// A fresh temporary directory for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("clearcast-reporting-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

// MARK: - Python

/// Runs `python3` (or `$CLEARCAST_PYTHON`) and captures its output.
enum Python {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        if let python = ProcessInfo.processInfo.environment["CLEARCAST_PYTHON"] {
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3"] + arguments
        }
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read before waiting: a full pipe would otherwise block the child forever.
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                   errors: String(decoding: err, as: UTF8.self))
    }

    /// Records a failure (and returns false) unless `python3` runs and can import `module`.
    static func require(_ module: String, install: String) -> Bool {
        do {
            let check = try run(["-c", "import \(module)"])
            if check.status == 0 { return true }
            if check.errors.contains("No such file") || check.status == 127 {
                Issue.record("python3 was not found on PATH; install it (Debian: apt-get install python3) or set CLEARCAST_PYTHON")
            } else {
                Issue.record("the Python package '\(module)' is missing: \(install)\n\(check.errors)")
            }
        } catch {
            Issue.record("cannot run python3 (\(error)); install it (Debian: apt-get install python3) or set CLEARCAST_PYTHON")
        }
        return false
    }
}

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
