import _TestSupport
import Foundation
import Testing
import Reporting

@Suite("Report writer")
struct ReportWriterTests {
    @Test("Writes, replaces, and leaves no temporary files")
    func writesAtomically() throws {
        let scratch = try ScratchDirectory("report-writer")
        defer { scratch.remove() }
        let directory = scratch.url
        let path = directory.appendingPathComponent("report.ipynb").path
        let first = NotebookExporter.notebook(for: ResultFixtures.simulation(seed: 1))
        let second = NotebookExporter.notebook(for: ResultFixtures.simulation(seed: 2))
        try ReportWriter.writeNotebook(first, to: path)
        #expect(FileManager.default.contents(atPath: path) == first)
        try ReportWriter.writeNotebook(second, to: path)
        #expect(FileManager.default.contents(atPath: path) == second)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.ipynb"])
    }

    @Test("A missing directory throws and writes nothing")
    func missingDirectory() throws {
        let scratch = try ScratchDirectory("report-writer")
        defer { scratch.remove() }
        let directory = scratch.url
        let path = directory.appendingPathComponent("absent/report.ipynb").path
        #expect(throws: (any Error).self) { try ReportWriter.writeNotebook(Data("{}".utf8), to: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
