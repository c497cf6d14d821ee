import Foundation

// MARK: - ChromiumPrinter

/// Prints the HTML briefing to PDF with headless Chromium: the same engine that renders it on
/// screen lays out the print style sheet, so the PDF is what a reader gets from "Print" in a browser.
///
/// The executable is `CLEARCAST_CHROMIUM` when set, else the first of `chromium`,
/// `chromium-browser`, `google-chrome` on PATH. Network access is switched off for the page
/// (the briefing needs none). Chromium writes creation dates into the PDF, so two prints of the
/// same page differ in those bytes; compare the HTML, not the PDF.
enum ChromiumPrinter {
    static let candidates = ["chromium", "chromium-browser", "google-chrome"]

    /// The Chromium executable, or an error saying how to get one.
    static func locate() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let chosen = environment["CLEARCAST_CHROMIUM"], !chosen.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: chosen) else {
                throw ExitStatus.InputError("CLEARCAST_CHROMIUM=\(chosen): not an executable file; expected the path of Chromium")
            }
            return chosen
        }
        let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in candidates {
            for directory in directories {
                let path = directory + "/" + name
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        throw ExitStatus.InputError("--pdf needs Chromium, and none was found (\(candidates.joined(separator: ", ")) on PATH, or "
            + "CLEARCAST_CHROMIUM): install it (Debian: apt-get install chromium), or write --html and print it from a browser")
    }

    /// Writes `html` to a temporary file and prints it to `path` (A4, the page's print style sheet).
    static func print(html: Data, to path: String, chromium: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("clearcast-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("briefing.html")
        try html.write(to: page)
        let output = URL(fileURLWithPath: path).standardizedFileURL.path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless=new", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
                             "--user-data-dir=" + directory.appendingPathComponent("profile").path,
                             "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                             "--no-pdf-header-footer", "--print-to-pdf=" + output, page.absoluteString]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
        guard process.terminationStatus == 0, size > 0 else {
            throw ExitStatus.InputError("--pdf \(path): Chromium (\(chromium)) could not print the briefing (exit "
                + "\(process.terminationStatus)): \(String(decoding: message, as: UTF8.self).suffix(600))")
        }
    }
}
