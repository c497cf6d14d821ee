import ArgumentParser
import Foundation
import Reporting

/// `clearcast report RESULT.json... --notebook report.ipynb`: a Jupyter notebook from results.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Export results as a Jupyter notebook that reads well without running it.",
        discussion: """
            Takes one result of each kind at most (score, simulate, compare, plan, sensitivity, calibrate) and writes one notebook: \
            a summary, the key figures as tables and pre-rendered charts, plus Python cells that load \
            the JSON with pandas and redraw the charts with matplotlib.

              clearcast report out/score.json out/simulation.json \\
                  --notebook out/report.ipynb
            """
    )

    @Argument(help: "Result files written by score, simulate, compare, plan, sensitivity or calibrate (--out).")
    var results: [String]

    @Option(name: .long, help: "Write the notebook (.ipynb) here.")
    var notebook: String

    @Option(name: .long, help: "Notebook title (default: from the results).")
    var title: String?

    @Option(name: .long, help: "Reported figures (CSV: period_start, period_end, metric, value, ...) to backtest a simulate result against.")
    var observed: String?

    @Flag(name: .long, help: RunContext.quietHelp)
    var quiet = false

    func run() throws {
        Console.setQuiet(quiet)
        let outputs = [OutputPaths.Request(option: "--notebook", path: notebook, extensions: OutputPaths.notebook)]
        try OutputPaths.check(outputs)
        try OutputPaths.check(outputs, against: results + [observed].compactMap { $0 })
        InterruptHandler.install()
        var score: ScoreResult?, simulation: SimulationResult?, comparison: CompareResult?, plan: PlanResult?
        var sensitivity: SensitivityResult?
        var calibration: CalibrationResult?
        var paths = NotebookExporter.ResultPaths()
        for path in results {
            let relative = Self.relativePath(of: path, from: notebook)
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
        let data = NotebookExporter.notebook(score: score, simulation: simulation, comparison: comparison, plan: plan,
                                             sensitivity: sensitivity, calibration: calibration, title: heading, paths: paths,
                                             backtest: backtest)
        try InterruptHandler.publishAll([.init(notebook) { try ReportWriter.writeNotebook(data, to: $0) }])
        Console.info("notebook written to \(notebook)")
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
