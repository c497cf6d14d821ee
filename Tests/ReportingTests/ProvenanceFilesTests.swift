import _TestSupport
import Foundation
@testable import Reporting
import Scenarios
import Testing

/// A result's provenance lists each file the scenario read with its SHA-256; notebooks show them.
@Suite("Provenance files")
struct ProvenanceFilesTests {
    /// The reference made from a loaded scenario: the files as `fileDigests()` lists them, and the
    /// combined hash that `contentHash()` computes from reading them again.
    @Test func referenceListsTheScenarioFiles() throws {
        let scenario = try ScenarioLoader.load(path: TestEnvironment.packageURL("scenarios/karabakh/more-survey.yaml").path)
        let ref = try Provenance.ScenarioRef(scenario: scenario, file: "scenarios/karabakh/more-survey.yaml")
        #expect(ref.file == "scenarios/karabakh/more-survey.yaml" && ref.name == scenario.name)
        #expect(ref.contentHash == (try scenario.contentHash()))
        let files = try #require(ref.files)
        #expect(files.first?.path == "more-survey.yaml" && files.first?.role == "scenario")
        #expect(files.dropFirst().first?.path == "baseline.yaml" && files.dropFirst().first?.role == "extends")
        #expect(files.allSatisfy { !$0.path.hasPrefix("/") }, "paths relative to the scenario: \(files.map(\.path))")
        #expect(files.filter { $0.role == "layer" }.count >= 3)
        #expect(files.map(\.sha256) == (try scenario.fileDigests()).map(\.sha256))
    }

    @Test func notebookShowsTheFiles() throws {
        let markdown = try NotebookJSON.markdown(NotebookExporter.notebook(for: ResultFixtures.score()))
        let files = try #require(ResultFixtures.score().provenance.scenarios.first?.files)
        for file in files {
            #expect(markdown.contains("| \(Markdown.escape(file.role)) | `\(Markdown.escape(file.path))` | `\(file.sha256)` |"), "\(file)")
        }
        #expect(markdown.contains("`sha256sum FILE… | sha256sum`"))
        // A comparison names the scenario on each row.
        let comparison = try NotebookJSON.markdown(NotebookExporter.notebook(for: ResultFixtures.comparison()))
        #expect(comparison.contains("| Scenario | Role | Path | SHA-256 |"))
    }
}
