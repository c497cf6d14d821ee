import _TestSupport
import Foundation
import Reporting
import Scenarios
import Testing

/// The notebooks in `notebooks-export/` (made by `make notebooks`) must be valid and current.
@Suite(.serialized) struct NotebooksExportTests {
    static let export = CLIRunner.packageRoot.appendingPathComponent("notebooks-export")

    /// Each notebook and the `clearcast report` arguments that make it (as in the Makefile).
    static let notebooks: [(notebook: String, arguments: [String])] = [
        ("demo/demo.ipynb", ["demo/score.json", "demo/simulation.json"]),
        ("karabakh/karabakh-comparison.ipynb", ["karabakh/score.json", "karabakh/comparison.json"]),
        ("karabakh/karabakh-backtest.ipynb", ["karabakh/backtest.json", "--observed", "../scenarios/karabakh/backtest-observed.csv"]),
        ("colombia/antioquia-2010.ipynb", ["colombia/antioquia-2010.json"]),
        ("colombia/antioquia-2015.ipynb", ["colombia/antioquia-2015.json"]),
    ]

    @Test(arguments: notebooks.map(\.notebook))
    func notebookIsValidAndMatchesItsResults(_ name: String) throws {
        let entry = try #require(Self.notebooks.first { $0.notebook == name })
        let committed = Self.export.appendingPathComponent(name)
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("nb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temporary) }
        // Regenerated from the committed JSON beside it, the notebook must be byte-identical. The
        // notebook's code cells name the JSON relative to the notebook, so write it in the same folder.
        let regenerated = committed.deletingLastPathComponent().appendingPathComponent(".check-\(UUID().uuidString).ipynb")
        defer { try? FileManager.default.removeItem(at: regenerated) }
        let run = try CLIRunner.run(["report"] + entry.arguments + ["--notebook", regenerated.path], in: Self.export)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Data(contentsOf: regenerated) == Data(contentsOf: committed), "\(name) is stale: run `make notebooks`")
        try Self.validateNotebook(committed)
    }

    /// Every committed result was computed from the scenario files as they are now.
    @Test func committedResultsMatchCurrentScenarioFiles() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: Self.export.path).filter { $0.hasSuffix(".json") }
        #expect(files.count >= 7)
        for file in files {
            let data = try Data(contentsOf: Self.export.appendingPathComponent(file))
            let header = try JSONDecoder().decode(Header.self, from: data)
            for scenario in header.provenance.scenarios {
                let loaded = try ScenarioLoader.load(path: CLIRunner.packageRoot.appendingPathComponent(scenario.file).path)
                #expect(try loaded.contentHash() == scenario.contentHash,
                        "\(file) was computed from an older \(scenario.file): run `make notebooks`")
            }
            #expect(header.provenance.runDate == nil && header.provenance.threads == nil, "\(file) is not --reproducible")
            #expect(header.provenance.blas?.core.isEmpty == false, "\(file) does not record the OpenBLAS kernel that made it")
        }
    }

    /// The demo results regenerate (the Karabakh ones take minutes in a debug build; their inputs are
    /// guarded by the content hashes above): to the same bytes when the committed file was made with
    /// the OpenBLAS kernel running now, else within the cross-kernel tolerance (``ResultAgreement``).
    @Test func demoResultsRegenerate() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("nb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temporary) }
        let score = try CLIRunner.run(["score", "scenarios/demo/demo.yaml", "--holdout-after", "2023-01-01", "--reproducible",
                                       "--out", temporary.appendingPathComponent("score.json").path])
        let simulation = try CLIRunner.run(["simulate", "scenarios/demo/demo.yaml", "--reproducible", "--quiet",
                                            "--out", temporary.appendingPathComponent("simulation.json").path])
        #expect(score.status == 0 && simulation.status == 0, "\(score.stderr)\(simulation.stderr)")
        for name in ["score.json", "simulation.json"] {
            let fresh = try Data(contentsOf: temporary.appendingPathComponent(name))
            let committed = try Data(contentsOf: Self.export.appendingPathComponent("demo/\(name)"))
            try Self.expectRegenerated(fresh, equals: committed, "demo/\(name)")
        }
    }

    /// Byte equality when both results name the same kernel, else ``ResultAgreement`` with no
    /// disagreement and no near-tie swap.
    static func expectRegenerated(_ fresh: Data, equals committed: Data, _ name: String) throws {
        let decoder = JSONDecoder()
        let freshCore = try decoder.decode(Header.self, from: fresh).provenance.blas?.core
        let committedCore = try decoder.decode(Header.self, from: committed).provenance.blas?.core
        if freshCore == committedCore {
            #expect(fresh == committed, "\(name) is stale: run `make notebooks`")
        } else {
            let agreement = try ResultAgreement(committed, fresh)
            let kernels = "made with \(committedCore ?? "?"), now \(freshCore ?? "?")"
            #expect(agreement.disagreements.isEmpty && agreement.nearTieSwaps.isEmpty,
                    "\(name) (\(kernels)) is stale or beyond the cross-kernel tolerance: \(agreement.disagreements.prefix(5)) \(agreement.nearTieSwaps)")
        }
    }

    private struct Header: Decodable {
        struct Provenance: Decodable {
            struct Scenario: Decodable { var file: String; var contentHash: String }
            var scenarios: [Scenario]
            struct BLAS: Decodable { var core: String }
            var runDate: String?
            var threads: Int?
            var blas: BLAS?
        }
        var provenance: Provenance
    }

    static func validateNotebook(_ url: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))", url.path]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "nbformat rejects \(url.lastPathComponent) (pip install nbformat?):\n\(output)")
    }
}
