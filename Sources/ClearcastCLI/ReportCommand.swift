import ArgumentParser
import Foundation
import Reporting

/// `clearcast report RESULT.json... --notebook report.ipynb --html report.html --pdf report.pdf`: a
/// Jupyter notebook for analysts, and a self-contained HTML briefing (and its PDF) for decision makers.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Export results as a Jupyter notebook, or as a self-contained HTML briefing and PDF.",
        discussion: """
            Takes one result of each kind at most (score, simulate, compare, plan, sensitivity, calibrate).

            --notebook writes a notebook: a summary, the key figures as tables and pre-rendered charts, \
            plus Python cells that load the JSON with pandas and redraw the charts with matplotlib.

            --html writes one self-contained HTML file (no network, scripts, fonts or images from \
            elsewhere) that reads as a briefing: the question and the answer first, then a map of the \
            hazard areas, the charts, the ranked table, the provenance and the assumptions. The map's \
            geometry and the assumptions come from the scenario file the results name (or --scenario). \
            --pdf prints that page with headless Chromium (chromium on PATH, or CLEARCAST_CHROMIUM).

              clearcast report out/score.json out/comparison.json \\
                  --notebook out/report.ipynb --html out/report.html --pdf out/report.pdf
            """
    )

    @Argument(help: "Result files written by score, simulate, compare, plan, sensitivity or calibrate (--out).")
    var results: [String]

    @Option(name: .long, help: "Write the notebook (.ipynb) here.")
    var notebook: String?

    @Option(name: .long, help: "Write the self-contained HTML briefing (.html) here.")
    var html: String?

    @Option(name: .long, help: "Print the briefing to PDF (.pdf) here (needs Chromium).")
    var pdf: String?

    @Option(name: .long, help: "Scenario file for the briefing's map and assumptions (default: the one the results name).")
    var scenario: String?

    @Flag(name: .long, help: "Leave the map out of the briefing (no scenario is read).")
    var noMap = false

    @Option(name: .long, help: "Notebook title (default: from the results).")
    var title: String?

    @Option(name: .long, help: "Reported figures (CSV: period_start, period_end, metric, value, ...) to backtest a simulate result against.")
    var observed: String?

    @Flag(name: .long, help: RunContext.quietHelp)
    var quiet = false

    func run() throws {
        Console.setQuiet(quiet)
        guard notebook != nil || html != nil || pdf != nil else {
            throw ExitStatus.InputError("nothing to write: give --notebook FILE.ipynb, --html FILE.html or --pdf FILE.pdf")
        }
        let outputs = [OutputPaths.Request(option: "--notebook", path: notebook, extensions: OutputPaths.notebook),
                       OutputPaths.Request(option: "--html", path: html, extensions: ["html", "htm"]),
                       OutputPaths.Request(option: "--pdf", path: pdf, extensions: ["pdf"])]
        try OutputPaths.check(outputs)
        try OutputPaths.check(outputs, against: results + [observed, scenario].compactMap { $0 })
        let chromium = try pdf.map { _ in try ChromiumPrinter.locate() }
        InterruptHandler.install()
        var score: ScoreResult?, simulation: SimulationResult?, comparison: CompareResult?, plan: PlanResult?
        var sensitivity: SensitivityResult?
        var calibration: CalibrationResult?
        var paths = NotebookExporter.ResultPaths()
        for path in results {
            let relative = Self.relativePath(of: path, from: notebook ?? html ?? pdf ?? path)
            let file: ResultFile
            do { file = try ResultFile.read(path) } catch let error as ResultFile.ReadError {
                throw ExitStatus.InputError(error.description)
            }
            switch file {
            case .score(let r): (score, paths.score) = try Self.once(score, r, relative, path)
            case .simulation(let r): (simulation, paths.simulation) = try Self.once(simulation, r, relative, path)
            case .comparison(let r): (comparison, paths.comparison) = try Self.once(comparison, r, relative, path)
            case .plan(let r): (plan, paths.plan) = try Self.once(plan, r, relative, path)
            case .sensitivity(let r): (sensitivity, paths.sensitivity) = try Self.once(sensitivity, r, relative, path)
            case .calibration(let r): (calibration, paths.calibration) = try Self.once(calibration, r, relative, path)
            }
        }
        try Self.checkRelated([("score", score?.provenance), ("simulate", simulation?.provenance), ("compare", comparison?.provenance),
                               ("plan", plan?.provenance), ("sensitivity", sensitivity?.provenance),
                               ("calibrate", calibration?.provenance)])
        let names = [score?.provenance.scenarios.first?.name, simulation?.scenario,
                     comparison.map { "comparison of \($0.scenarios.count) scenarios" }, plan?.scenario,
                     sensitivity?.scenario, calibration?.scenario].compactMap { $0 }
        let heading = title ?? "clearcast report: " + (Array(Set(names)).sorted().joined(separator: "; "))
        var backtest: Backtest?
        if let observed {
            guard let simulation else { throw ExitStatus.InputError("--observed needs a simulate result to compare with") }
            guard let data = FileManager.default.contents(atPath: observed) else {
                throw ExitStatus.InputError("--observed \(observed): cannot be read; expected a CSV file")
            }
            do {
                backtest = try Backtest.compare(simulation, observedCSV: String(decoding: data, as: UTF8.self), path: observed)
            } catch let error as Backtest.ParseError {
                throw ExitStatus.InputError(error.description)
            }
        }
        var written: [InterruptHandler.Output] = []
        if let notebook {
            let data = NotebookExporter.notebook(score: score, simulation: simulation, comparison: comparison, plan: plan,
                                                 sensitivity: sensitivity, calibration: calibration, title: heading, paths: paths,
                                                 backtest: backtest)
            written.append(.init(notebook) { try ReportWriter.writeNotebook(data, to: $0) })
        }
        if html != nil || pdf != nil {
            var briefing = BriefingReport(title: title ?? Self.briefingTitle([score?.provenance.scenarios.first?.name, simulation?.scenario, comparison?.base,
                                                                                  plan?.scenario, sensitivity?.scenario].compactMap { $0 }), score: score, simulation: simulation,
                                          comparison: comparison, plan: plan, sensitivity: sensitivity)
            try Self.addScenario(to: &briefing, explicit: scenario, noMap: noMap, results: results)
            let page = Data(briefing.html().utf8)
            if let html { written.append(.init(html) { try ReportWriter.writeNotebook(page, to: $0) }) }
            if let pdf, let chromium {
                written.append(.init(pdf) { try ChromiumPrinter.print(html: page, to: $0, chromium: chromium) })
            }
        }
        try InterruptHandler.publishAll(written)
        if let notebook { Console.info("notebook written to \(notebook)") }
        if let html { Console.info("briefing written to \(html)") }
        if let pdf { Console.info("briefing PDF written to \(pdf)") }
    }

    /// "Clearance briefing: Karabakh baseline …" from the scenario names (a comparison's base).
    static func briefingTitle(_ names: [String]) -> String {
        "Clearance briefing: " + Array(Set(names)).sorted().joined(separator: "; ")
    }

    private static func once<T>(_ existing: T?, _ new: T, _ relative: String, _ path: String) throws -> (T, String) {
        guard existing == nil else {
            throw ExitStatus.InputError("\(path): a second result of the same kind; give at most one score, one simulate, one compare, one plan, one sensitivity and one calibrate result")
        }
        return (new, relative)
    }

    /// `path` as seen from the notebook's directory (what its Python cells open).
    static func relativePath(of path: String, from notebook: String) -> String {
        let target = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        let base = URL(fileURLWithPath: notebook).standardizedFileURL.deletingLastPathComponent().pathComponents
        var common = 0
        while common < min(target.count, base.count), target[common] == base[common] { common += 1 }
        let up = Array(repeating: "..", count: base.count - common)
        return (up + target[common...]).joined(separator: "/")
    }

    /// One notebook is about one question: every result given must share a scenario with the
    /// others (a score of the demo and a simulation of Karabakh are two reports, not one).
    static func checkRelated(_ results: [(kind: String, provenance: Provenance?)]) throws {
        let given = results.compactMap { entry in entry.provenance.map { (entry.kind, Set($0.scenarios.map(\.name))) } }
        for (i, first) in given.enumerated() {
            for second in given[(i + 1)...] where first.1.isDisjoint(with: second.1) {
                throw ExitStatus.InputError("the \(first.0) result (\(first.1.sorted().joined(separator: ", "))) and the \(second.0) result (\(second.1.sorted().joined(separator: ", "))) share no scenario; expected results of the same scenario in one notebook: report them separately")
            }
        }
    }
}
