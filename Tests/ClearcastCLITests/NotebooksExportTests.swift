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
        ("karabakh/karabakh-backtest.ipynb", ["karabakh/backtest.json", "karabakh/casualty-calibration.json", "--observed", "../scenarios/karabakh/backtest-observed.csv"]),
        ("karabakh/karabakh-decisions.ipynb", ["karabakh/plan.json", "karabakh/sensitivity.json", "karabakh/calibration.json"]),
        ("colombia/antioquia-2010.ipynb", ["colombia/antioquia-2010.json"]),
        ("colombia/antioquia-2015.ipynb", ["colombia/antioquia-2015.json"]),
    ]

    /// Regenerated from the committed JSON results, each notebook must be byte-identical to the
    /// committed one. Its code cells name the JSON relative to the notebook, so the results are copied
    /// into a scratch directory under the same names and the notebook is written beside them (never
    /// into notebooks-export/); other inputs (`--observed`) are read where they are.
    @Test(arguments: notebooks.map(\.notebook))
    func notebookMatchesItsResults(_ name: String) throws {
        let entry = try #require(Self.notebooks.first { $0.notebook == name })
        let scratch = try ScratchDirectory("notebooks-export")
        defer { scratch.remove() }
        var arguments: [String] = []
        for argument in entry.arguments {
            if argument.hasSuffix(".json") {
                try scratch.copy(Self.export.appendingPathComponent(argument), to: argument)
                arguments.append(argument)
            } else if argument.hasPrefix("../") {
                arguments.append(Self.export.appendingPathComponent(argument).standardizedFileURL.path)
            } else {
                arguments.append(argument)
            }
        }
        let run = try CLIRunner.run(["report"] + arguments + ["--notebook", name], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        let regenerated = try Data(contentsOf: scratch.fileURL(name))
        #expect(regenerated == (try Data(contentsOf: Self.export.appendingPathComponent(name))),
                "\(name) is stale: run `make notebooks`")
    }

    @Test(.enabled(if: TestEnvironment.hasPythonModules(["nbformat"]),
                   "needs python3 with nbformat: pip install nbformat (Debian: apt-get install python3-nbformat)"),
          arguments: notebooks.map(\.notebook))
    func notebookIsValid(_ name: String) throws {
        let url = Self.export.appendingPathComponent(name)
        let run = try TestEnvironment.runPython(
            ["-c", "import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))", url.path])
        #expect(run.status == 0, "nbformat rejects \(name):\n\(run.combined)")
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
        let scratch = try ScratchDirectory("demo-results")
        defer { scratch.remove() }
        let score = try CLIRunner.run(["score", "scenarios/demo/demo.yaml", "--holdout-after", "2023-01-01", "--reproducible",
                                       "--out", scratch.file("score.json")])
        let simulation = try CLIRunner.run(["simulate", "scenarios/demo/demo.yaml", "--reproducible", "--quiet",
                                            "--out", scratch.file("simulation.json")])
        #expect(score.status == 0 && simulation.status == 0, "\(score.stderr)\(simulation.stderr)")
        for name in ["score.json", "simulation.json"] {
            let fresh = try Data(contentsOf: scratch.fileURL(name))
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
}
