import _TestSupport
import Foundation
import Testing
@testable import Reporting

/// Notebooks: nbformat validity (Python `nbformat`), structure, determinism, escaping of
/// hostile names, the prose, and the numbers of drawn elements for known inputs.
@Suite("Notebook export")
struct NotebookTests {
    static let nbformatScript = """
    import sys
    import nbformat
    for path in sys.argv[1:]:
        notebook = nbformat.read(path, as_version=4)
        nbformat.validate(notebook)
        # Not executed (pandas and matplotlib are not needed here), but every code cell must be valid Python.
        for cell in notebook.cells:
            if cell.cell_type == "code":
                compile(cell.source, path + ":" + cell.id, "exec")
        print(path + ": valid")
    """

    static func notebooks() -> [(String, Data)] {
        let score = ResultFixtures.score(), simulation = ResultFixtures.simulation(), comparison = ResultFixtures.comparison()
        return [
            ("score.ipynb", NotebookExporter.notebook(for: score)),
            ("score-empty.ipynb", NotebookExporter.notebook(for: ResultFixtures.score(hazards: 0, validation: false, ahp: false))),
            ("simulation.ipynb", NotebookExporter.notebook(for: simulation, resultPath: "runs/forecast \"2026\".json")),
            ("simulation-empty.ipynb", NotebookExporter.notebook(for: ResultFixtures.emptySimulation())),
            ("comparison.ipynb", NotebookExporter.notebook(for: comparison)),
            ("combined.ipynb", NotebookExporter.notebook(score: score, simulation: simulation, comparison: comparison,
                                                         title: ResultFixtures.hostileName)),
            ("hostile.ipynb", NotebookExporter.notebook(for: ResultFixtures.comparison(names: [ResultFixtures.hostileName, "B & <b>"]))),
        ]
    }

    @Test("Notebooks validate with nbformat and their code cells compile",
          .enabled(if: TestEnvironment.hasPythonModules(["nbformat"]),
                   "needs python3 with nbformat: pip install nbformat (Debian: apt-get install python3-nbformat)"))
    func nbformatValidates() throws {
        let scratch = try ScratchDirectory("notebooks")
        defer { scratch.remove() }
        // Set CLEARCAST_KEEP_REPORT_SAMPLES to a directory to keep the notebooks for a look in Jupyter.
        let directory = ProcessInfo.processInfo.environment["CLEARCAST_KEEP_REPORT_SAMPLES"].map(URL.init(fileURLWithPath:))
            ?? scratch.url
        // The results next to them, under the combined notebook's default names, so they can be run.
        try ResultEncoding.write(ResultFixtures.score(), to: directory.appendingPathComponent("score.json").path)
        try ResultEncoding.write(ResultFixtures.simulation(), to: directory.appendingPathComponent("simulation.json").path)
        try ResultEncoding.write(ResultFixtures.comparison(), to: directory.appendingPathComponent("comparison.json").path)
        var paths: [String] = []
        for (name, data) in Self.notebooks() {
            let path = directory.appendingPathComponent(name).path
            try ReportWriter.writeNotebook(data, to: path)
            paths.append(path)
        }
        let run = try TestEnvironment.runPython(["-c", Self.nbformatScript] + paths)
        #expect(run.status == 0, "nbformat rejected a notebook:\n\(run.stderr)")
        #expect(run.stdout.components(separatedBy: ": valid").count - 1 == paths.count)
    }

    @Test("Same input gives the same bytes; another input does not")
    func deterministic() {
        #expect(NotebookExporter.notebook(for: ResultFixtures.simulation(seed: 9)) == NotebookExporter.notebook(for: ResultFixtures.simulation(seed: 9)))
        #expect(NotebookExporter.notebook(for: ResultFixtures.score(seed: 9)) == NotebookExporter.notebook(for: ResultFixtures.score(seed: 9)))
        #expect(NotebookExporter.notebook(for: ResultFixtures.simulation(seed: 9)) != NotebookExporter.notebook(for: ResultFixtures.simulation(seed: 10)))
    }

    @Test("Cells: numbered ids, unexecuted code, SVG outputs that are well-formed XML")
    func structure() throws {
        for (name, data) in Self.notebooks() {
            let cells = try NotebookJSON.cells(data)
            #expect(cells.first?["cell_type"] as? String == "markdown", "\(name)")
            #expect(NotebookJSON.text(cells[1]["source"]).contains("import matplotlib.pyplot as plt"), "\(name)")
            for (index, cell) in cells.enumerated() {
                #expect(cell["id"] as? String == String(format: "cell-%04d", index + 1), "\(name)")
                if cell["cell_type"] as? String == "code" {
                    #expect(cell["execution_count"] is NSNull, "\(name): code cells are not executed")
                }
            }
            for svg in try NotebookJSON.svgs(data) {
                let xml = XMLElements(svg)
                #expect(xml.wellFormed, "\(name): \(xml.error ?? "")")
                #expect(xml.elements.first?.name == "svg")
            }
        }
        #expect(try NotebookJSON.svgs(Self.notebooks()[0].1).count == 1)   // the map
        #expect(try NotebookJSON.svgs(Self.notebooks()[2].1).count == 4)   // completion, remaining, released, money
        // completion, completion by type, remaining area, casualties, casualties a year
        #expect(try NotebookJSON.svgs(Self.notebooks()[4].1).count == 5)
        #expect(try NotebookJSON.svgs(Self.notebooks()[5].1).count == 10)
    }

    @Test("Hostile scenario names are escaped in Markdown, SVG and tables")
    func hostileNames() throws {
        let names = [ResultFixtures.hostileName, "B & <b>"]
        let data = NotebookExporter.notebook(for: ResultFixtures.comparison(names: names))
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("<script"))
        #expect(!text.contains("<b>"))
        let markdown = try NotebookJSON.markdown(data)
        #expect(markdown.contains("&lt;script&gt;"))
        // Each row with the name must split into exactly its table's cells (the provenance's file
        // table has 4).
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| &lt;script") }
        #expect(rows.count >= 2)
        for row in rows {
            var unescaped = 0, backslashes = 0
            for character in row {
                if character == "|" && backslashes % 2 == 0 { unescaped += 1 }
                backslashes = character == "\\" ? backslashes + 1 : 0
            }
            let filesRow = row.contains(" | `")   // Scenario | Role | `path` | `sha256`
            // Completion by type (4 columns), completion (5), casualties (6), remaining area (7).
            #expect(filesRow ? unescaped == 5 : (5...8).contains(unescaped), "a name split a table row: \(row)")
        }
        // In the SVG the parser gives back the original text (shortened to fit the label column).
        let labels = try NotebookJSON.svgs(data).flatMap { XMLElements($0).all("text").map(\.text) }
        #expect(labels.contains { $0.hasPrefix("<script>alert(\"x\")") })
        #expect(labels.contains("B & <b>"))
    }

    @Test("Summary prose gives completion months, earliest class first")
    func prose() throws {
        let result = ResultFixtures.simulation()
        let markdown = try NotebookJSON.markdown(NotebookExporter.notebook(for: result))
        let start = result.startDate
        let overall = try #require(result.completion.overall.p50Days)
        let ap = try #require(result.completion.byType["AP"]?.p50Days)
        func month(_ days: Double) -> String { String(ResultFixtures.date(start, plus: days).prefix(7)) }
        #expect(markdown.contains("Half of the replications finish all clearance by **\(month(overall))**"))
        #expect(markdown.contains("Half of the replications finish UXO clearance by \(month(420)); "
            + "anti-personnel mined areas by \(month(ap))."))
        #expect(markdown.contains("anti-vehicle mined areas (30.0% of replications finish)"))
        #expect(markdown.contains("15 of 500 replications still had hazardous area"))
        #expect(markdown.contains("Seed | 18446744073709551615"))
        let empty = try NotebookJSON.markdown(NotebookExporter.notebook(for: ResultFixtures.emptySimulation()))
        #expect(empty.contains("Fewer than half of the replications finish all clearance"))
        #expect(empty.contains("omitted (reproducible run)"))
    }

    @Test("Score notebook: top-20 table with escaped ids, weights, AHP and validation")
    func scoreTables() throws {
        let markdown = try NotebookJSON.markdown(NotebookExporter.notebook(for: ResultFixtures.score(hazards: 30)))
        let rankedRows = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("| HA") }
        #expect(rankedRows.count == 20)
        #expect(markdown.contains("| 1 | HA\\|001 |"))
        #expect(markdown.contains("The top 20 of 30"))
        #expect(markdown.contains("Consistency ratio (CR = CI / RI) | 0.0444"))
        #expect(markdown.contains("| Hit rate, top 10% | 45.0% | 7.5% | 22.5% |"))
        // The score-weighted area is the area (ha) times the mean score, for every row.
        let result = ResultFixtures.score(hazards: 30)
        #expect(markdown.contains("Score-weighted area (ha)"))
        for hazard in result.hazards.sorted(by: { $0.rank < $1.rank }).prefix(20) {
            let expected = Fixed.grouped(hazard.meanScore * hazard.areaSquareMetres / 1e4, decimals: 2)
            let row = rankedRows.first { $0.hasPrefix("| \(hazard.rank) |") }
            #expect(row?.contains("| \(expected) |") == true, "rank \(hazard.rank): \(row ?? "")")
        }
        // Per factor: share · mean value · alone-rank, in the weights' factor order.
        #expect(markdown.contains("| incidents: share · value · alone | contamination: share · value · alone |"))
        for hazard in result.hazards.sorted(by: { $0.rank < $1.rank }).prefix(20) {
            let row = rankedRows.first { $0.hasPrefix("| \(hazard.rank) |") } ?? ""
            let cells = result.weights.factors.map { weight in
                let share = hazard.factors.first { $0.factor == weight.factor }!
                return "\(Fixed.percent(share.share, decimals: 0)) · \(Fixed.format(share.meanValue!, decimals: 2)) · #\(share.aloneRank!)"
            }
            #expect(row.hasSuffix("| " + cells.joined(separator: " | ") + " |"), "rank \(hazard.rank): \(row)")
        }
        let small = try NotebookJSON.markdown(NotebookExporter.notebook(for: ResultFixtures.score(hazards: 0, validation: false, ahp: false)))
        #expect(small.contains("No hazard areas were ranked."))
        #expect(!small.contains("Validation on held-out"))
        #expect(!small.contains("AHP diagnostics"))
    }
}
