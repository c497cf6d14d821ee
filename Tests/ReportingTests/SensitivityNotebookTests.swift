import _TestSupport
import Foundation
import SensitivityAnalysis
import Testing
@testable import Reporting

/// The notebook section of a sensitivity result: one chart per output with an element per input,
/// valid cells, and Python that redraws the charts and redoes the analysis from the JSON.
@Suite("Sensitivity notebooks")
struct SensitivityNotebookTests {
    /// Each method's chart has one bar pair (tornado, Sobol) or one labelled point (Morris) per input,
    /// in the order of the method's measure.
    @Test(arguments: ["oat", "morris", "sobol"])
    func chartsDrawEveryInput(name: String) throws {
        let result = try #require(SensitivityResultTests.all().first { $0.0 == name }?.1)
        let data = NotebookExporter.notebook(for: result)
        let svgs = try NotebookJSON.svgs(data)
        #expect(svgs.count == result.outputs.count)
        let d = result.inputs.count
        for (j, svg) in svgs.enumerated() {
            let xml = XMLElements(svg)
            #expect(xml.wellFormed, "\(xml.error ?? "")")
            let order = SensitivityTable.ranking(result, output: j).map { ChartFrame.shorten(result.inputs[$0].label, to: 26) }
            switch name {
            case "oat":
                #expect(xml.all("rect", class: "low").count == d && xml.all("rect", class: "high").count == d)
                #expect(xml.all("line", class: "baseline").count == 1)
                // Row labels top to bottom, by decreasing swing.
                let labels = xml.all("text").map(\.text).filter(order.contains)
                #expect(labels == order, "\(labels)")
                // Bars start at the baseline: one of each bar's ends is the baseline's x.
                let x = try #require(xml.all("line", class: "baseline").first?.attributes["x1"].flatMap(Double.init))
                for bar in xml.all("rect", class: "low") + xml.all("rect", class: "high") {
                    let left = Double(bar.attributes["x"] ?? "") ?? .nan, width = Double(bar.attributes["width"] ?? "") ?? .nan
                    #expect(abs(left - x) < 0.02 || abs(left + width - x) < 0.02, "\(bar.attributes)")
                }
            case "morris":
                #expect(xml.all("circle", class: "point").count == d)
                #expect(xml.all("text", class: "label").map(\.text) == order)
                #expect(xml.all("line", class: "reference").count == 1)
            default:
                #expect(xml.all("rect", class: "first").count == d && xml.all("rect", class: "total").count == d)
                #expect(xml.all("line", class: "whisker").count == 2 * d)
            }
            #expect(ResultMutationTests.nonFiniteCoordinates(xml).isEmpty)
        }
    }

    /// No inputs, outputs that do not move, zeros and non-finite values: charts still draw, with
    /// finite coordinates.
    @Test func degenerateChartsDraw() {
        let flat = TornadoChart.Row(label: "x", low: 2, high: 2, lowText: "0", highText: "1")
        let odd = TornadoChart.Row(label: "y", low: .nan, high: .infinity, lowText: "0", highText: "1")
        let svgs = [
            TornadoChart(title: "t", xLabel: "x", baseline: 2, baselineText: "2", rows: []).render(),
            TornadoChart(title: "t", xLabel: "x", baseline: 2, baselineText: "2", rows: [flat, odd]).render(),
            TornadoChart(title: "t", xLabel: "x", baseline: 1e15, baselineText: "", rows: [flat]).render(),
            MorrisChart(title: "m", xLabel: "x", yLabel: "y", points: []).render(),
            MorrisChart(title: "m", xLabel: "x", yLabel: "y", points: [.init(label: "a", muStar: 0, sigma: 0),
                                                                      .init(label: "a", muStar: 0, sigma: 0),
                                                                      .init(label: "b", muStar: .nan, sigma: 1)]).render(),
            SobolChart(title: "s", rows: []).render(),
            SobolChart(title: "s", rows: [.init(label: "a", first: .nan, firstLower: -1e15, firstUpper: 1e15, total: 0,
                                                totalLower: 0, totalUpper: 0)]).render(),
        ]
        for svg in svgs {
            let xml = XMLElements(svg)
            #expect(xml.wellFormed, "\(xml.error ?? "")")
            #expect(ResultMutationTests.nonFiniteCoordinates(xml).isEmpty, "\(ResultMutationTests.nonFiniteCoordinates(xml))")
        }
        #expect(svgs[0].contains("No input in this result") && svgs[3].contains("No input") && svgs[5].contains("No input"))
    }

    @Test func sectionProseAndTables() throws {
        let late = SensitivityResultTests.result(.morris, late: true)
        let markdown = try NotebookJSON.markdown(NotebookExporter.notebook(for: late))
        #expect(markdown.contains("# Sensitivity of Hand &lt;case&gt;"))
        #expect(markdown.contains("**Censored:** completion is the horizon (10 years)"))
        #expect(markdown.contains("| productivity &lt;mech&gt; | simulation.teams\\[name=mech\\].productivity.median, simulation.teams\\[name=mech\\].productivity.p90 | scale ×0.7 to ×1.3 |"),
                "\(markdown)")
        #expect(markdown.contains("`num_levels=4`"))
        let oat = try NotebookJSON.markdown(NotebookExporter.notebook(for: SensitivityResultTests.result(.oneAtATime)))
        #expect(oat.contains("**manual teams** moves it most: 7.55 years at 1, 3.80 years at 4 (baseline 5.68 years)"), "\(oat)")
        #expect(!oat.contains("Censored"))
        // More outputs than charts: the rest are named, not drawn.
        var many = SensitivityResultTests.result(.oneAtATime)
        many.outputs += Array(repeating: many.outputs[1], count: 5)
        for k in many.points.indices { many.points[k].outputs += Array(repeating: many.points[k].outputs[1], count: 5) }
        let data = NotebookExporter.notebook(for: many)
        #expect(try NotebookJSON.svgs(data).count == NotebookExporter.sensitivityChartedOutputs)
        #expect(try NotebookJSON.markdown(data).contains("The other outputs (`civilian_casualties`, `civilian_casualties`)"))
    }

    /// nbformat accepts the notebooks; with pandas and matplotlib their cells run against the JSON
    /// (charts drawn off screen), and with SALib its re-analysis of the points gives our indices.
    @Test("Sensitivity notebooks validate, run, and SALib redoes the analysis",
          .enabled(if: TestEnvironment.hasPythonModules(["nbformat"]), "needs python3 with nbformat"))
    func notebooksRun() throws {
        let scratch = try ScratchDirectory("sensitivity-notebook")
        // Set CLEARCAST_KEEP_REPORT_SAMPLES to a directory to keep the notebooks for a look in Jupyter.
        let directory = ProcessInfo.processInfo.environment["CLEARCAST_KEEP_REPORT_SAMPLES"].map(URL.init(fileURLWithPath:))
            ?? scratch.url
        var paths: [String] = []
        for (name, result) in SensitivityResultTests.all() {
            try ResultEncoding.write(result, to: directory.appendingPathComponent("sensitivity-\(name).json").path)
            let path = directory.appendingPathComponent("sensitivity-\(name).ipynb").path
            try ReportWriter.writeNotebook(NotebookExporter.notebook(for: result, resultPath: "sensitivity-\(name).json"), to: path)
            paths.append(path)
        }
        let validated = try TestEnvironment.runPython(["-c", NotebookTests.nbformatScript] + paths)
        #expect(validated.status == 0, "\(validated.stderr)")
        guard TestEnvironment.hasPythonModules(["pandas", "matplotlib", "numpy"]) else {
            print("skipped running the sensitivity notebooks: needs python3 with pandas, matplotlib and numpy")
            return
        }
        let run = try TestEnvironment.runPython(["-c", Self.runScript] + paths, in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.components(separatedBy: ": ran").count - 1 == paths.count, "\(run.stdout)")
        if TestEnvironment.hasPythonModules(["SALib"]) {
            #expect(run.stdout.contains("SALib agrees"), "\(run.stdout)")
        }
    }

    /// Runs every code cell of each notebook in one namespace, then compares SALib's analysis of the
    /// first output's points with the indices in the JSON.
    static let runScript = """
    import contextlib, io, json, sys
    import matplotlib
    matplotlib.use("Agg")
    import nbformat
    for path in sys.argv[1:]:
        notebook = nbformat.read(path, as_version=4)
        namespace = {}
        with contextlib.redirect_stdout(io.StringIO()):
            for cell in notebook.cells:
                if cell.cell_type == "code":
                    exec(compile(cell.source, path + ":" + cell.id, "exec"), namespace)
        result = namespace["sensitivity"]
        print(path + ": ran")
        try:
            from SALib.analyze import morris, sobol
        except ImportError:
            continue
        import numpy as np
        d = len(result["inputs"])
        problem = {"num_vars": d, "names": [str(i) for i in range(d)], "bounds": [[0.0, 1.0]] * d}
        x = np.array([p["coordinates"] for p in result["points"]]) if result["method"] != "oat" else None
        for j, output in enumerate(result["outputs"]):
            y = np.array([p["outputs"][j] for p in result["points"]])
            if result["method"] == "morris":
                theirs = morris.analyze(problem, x, y, num_levels=result["levels"])
                ours = output["morris"]
                pairs = [(theirs["mu_star"], [e["muStar"] for e in ours]), (theirs["mu"], [e["mu"] for e in ours]),
                         (theirs["sigma"], [e["sigma"] for e in ours])]
            elif result["method"] == "sobol":
                theirs = sobol.analyze(problem, y, calc_second_order=False)
                ours = output["sobol"]
                pairs = [(theirs["S1"], [e["first"] for e in ours]), (theirs["ST"], [e["total"] for e in ours])]
            else:
                continue
            for a, b in pairs:
                if not np.allclose(a, b, rtol=1e-9, atol=1e-9):
                    sys.exit(f"{path} {output['name']}: SALib {list(a)} vs ours {b}")
        print(path + ": SALib agrees")
    """
}
