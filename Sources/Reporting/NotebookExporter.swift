import Foundation

// MARK: - NotebookExporter

/// Writes clearcast results as Jupyter notebooks (nbformat 4.5) that read well without being run:
/// prose and Markdown tables for the key figures, and pre-rendered SVG charts stored as the outputs
/// of code cells whose Python source redraws the same charts from the result JSON with
/// pandas/matplotlib. The cells are never executed here (`execution_count` is null).
///
/// The bytes depend only on the result: no timestamps, sorted keys, numbered cell ids.
///
/// ```swift
/// let data = NotebookExporter.notebook(for: simulation, resultPath: "forecast.json")
/// try ReportWriter.writeNotebook(data, to: "out/forecast.ipynb")
/// ```
public enum NotebookExporter {
    /// The JSON files the notebook's code cells load, relative to the notebook's directory.
    public struct ResultPaths: Sendable, Equatable {
        public var score: String
        public var simulation: String
        public var comparison: String
        public var plan: String
        public var sensitivity: String
        public var calibration: String
        public init(score: String = "score.json", simulation: String = "simulation.json",
                    comparison: String = "comparison.json", plan: String = "plan.json",
                    sensitivity: String = "sensitivity.json", calibration: String = "calibration.json") {
            self.score = score
            self.simulation = simulation
            self.comparison = comparison
            self.plan = plan
            self.sensitivity = sensitivity
            self.calibration = calibration
        }
    }

    // MARK: Public API

    /// A notebook for a `clearcast score` result; `resultPath` is the JSON file its code cells load.
    public static func notebook(for result: ScoreResult, resultPath: String = "result.json") -> Data {
        notebook(score: result, simulation: nil, comparison: nil,
                 title: "Risk priorities: \(scenarioNames(result.provenance))",
                 paths: ResultPaths(score: resultPath))
    }

    /// A notebook for a `clearcast simulate` result.
    public static func notebook(for result: SimulationResult, resultPath: String = "result.json") -> Data {
        notebook(score: nil, simulation: result, comparison: nil, title: "Clearance forecast: \(result.scenario)",
                 paths: ResultPaths(simulation: resultPath))
    }

    /// A notebook for a `clearcast compare` result.
    public static func notebook(for result: CompareResult, resultPath: String = "result.json") -> Data {
        let names = result.scenarios.map(\.scenario).joined(separator: " vs ")
        return notebook(score: nil, simulation: nil, comparison: result, title: "Scenario comparison: \(names)",
                        paths: ResultPaths(comparison: resultPath))
    }

    /// A notebook for a `clearcast plan` result.
    public static func notebook(for result: PlanResult, resultPath: String = "result.json") -> Data {
        notebook(score: nil, simulation: nil, comparison: nil, plan: result, title: "Resource plan: \(result.scenario)",
                 paths: ResultPaths(plan: resultPath))
    }

    /// A notebook for a `clearcast sensitivity` result.
    public static func notebook(for result: SensitivityResult, resultPath: String = "result.json") -> Data {
        notebook(score: nil, simulation: nil, comparison: nil, sensitivity: result, title: "Sensitivity analysis: \(result.scenario)",
                 paths: ResultPaths(sensitivity: resultPath))
    }

    /// A notebook for a `clearcast calibrate` result.
    public static func notebook(for result: CalibrationResult, resultPath: String = "result.json") -> Data {
        notebook(score: nil, simulation: nil, comparison: nil, calibration: result, title: "Calibration: \(result.scenario)",
                 paths: ResultPaths(calibration: resultPath))
    }

    /// One notebook with a section per given result (score, simulation, comparison, plan, sensitivity, then calibration).
    public static func notebook(score: ScoreResult?, simulation: SimulationResult?, comparison: CompareResult?,
                                plan: PlanResult? = nil, sensitivity: SensitivityResult? = nil,
                                calibration: CalibrationResult? = nil, title: String,
                                paths: ResultPaths = ResultPaths(), backtest: Backtest? = nil) -> Data {
        var document = NotebookDocument()
        document.markdown(introduction(title: title, score: score, simulation: simulation, comparison: comparison, plan: plan,
                                       sensitivity: sensitivity, calibration: calibration))
        document.code(setupSource(score: score != nil ? paths.score : nil,
                                  simulation: simulation != nil ? paths.simulation : nil,
                                  comparison: comparison != nil ? paths.comparison : nil,
                                  plan: plan != nil ? paths.plan : nil,
                                  sensitivity: sensitivity != nil ? paths.sensitivity : nil,
                                  calibration: calibration != nil ? paths.calibration : nil),
                      svg: nil, description: "")
        let several = [score != nil, simulation != nil, comparison != nil, plan != nil, sensitivity != nil, calibration != nil]
            .filter { $0 }.count > 1
        if let score { appendScore(score, to: &document, heading: several ? "##" : "#") }
        if let simulation { appendSimulation(simulation, to: &document, heading: several ? "##" : "#") }
        if let backtest { appendBacktest(backtest, to: &document, heading: several ? "##" : "#") }
        if let comparison { appendComparison(comparison, to: &document, heading: several ? "##" : "#") }
        if let plan { appendPlan(plan, to: &document, heading: several ? "##" : "#") }
        if let sensitivity { appendSensitivity(sensitivity, to: &document, heading: several ? "##" : "#") }
        if let calibration { appendCalibration(calibration, to: &document, heading: several ? "##" : "#") }
        return document.data()
    }

    // MARK: Shared parts

    static func scenarioNames(_ provenance: Provenance) -> String {
        provenance.scenarios.isEmpty ? "(no scenario)" : provenance.scenarios.map(\.name).joined(separator: ", ")
    }

    private static func introduction(title: String, score: ScoreResult?, simulation: SimulationResult?,
                                     comparison: CompareResult?, plan: PlanResult?, sensitivity: SensitivityResult?,
                                     calibration: CalibrationResult? = nil) -> String {
        var parts: [String] = []
        if score != nil { parts.append("risk-priority scores") }
        if simulation != nil { parts.append("a clearance forecast") }
        if comparison != nil { parts.append("a scenario comparison") }
        if plan != nil { parts.append("a resource plan") }
        if sensitivity != nil { parts.append("a sensitivity analysis") }
        if calibration != nil { parts.append("a calibration to observed figures") }
        return """
        # \(Markdown.escape(title))

        This notebook presents \(parts.joined(separator: ", ")) written by clearcast. It reads as it is: \
        every chart below is stored with the notebook. The code cells redraw the same charts from the \
        result JSON with pandas and matplotlib; set the path(s) in the next cell and run all cells to \
        redraw them (needs `pandas`, `numpy` and `matplotlib`).
        """
    }

    /// The first code cell: result paths, imports and helpers used by every chart cell.
    private static func setupSource(score: String?, simulation: String?, comparison: String?, plan: String? = nil,
                                    sensitivity: String? = nil, calibration: String? = nil) -> String {
        func path(_ value: String?) -> String { value.map(NotebookDocument.quote) ?? "None" }
        var loads: [String] = []
        if score != nil { loads.append("score = load(SCORE_PATH)") }
        if simulation != nil { loads.append("simulation = load(SIMULATION_PATH)") }
        if comparison != nil { loads.append("comparison = load(COMPARISON_PATH)") }
        if plan != nil { loads.append("plan = load(PLAN_PATH)") }
        if sensitivity != nil { loads.append("sensitivity = load(SENSITIVITY_PATH)") }
        if calibration != nil { loads.append("calibration = load(CALIBRATION_PATH)") }
        // Only when given, so that notebooks without them read as they did before these kinds existed.
        let planPath = plan.map { "\nPLAN_PATH = \(NotebookDocument.quote($0))" } ?? ""
        let sensitivityPath = sensitivity.map { "\nSENSITIVITY_PATH = \(NotebookDocument.quote($0))" } ?? ""
        let calibrationPath = calibration.map { "\nCALIBRATION_PATH = \(NotebookDocument.quote($0))" } ?? ""
        return """
        # The clearcast result files this notebook reads (relative to the notebook); edit to use another run.
        SCORE_PATH = \(path(score))
        SIMULATION_PATH = \(path(simulation))
        COMPARISON_PATH = \(path(comparison))\(planPath)\(sensitivityPath)\(calibrationPath)

        import json

        import matplotlib.pyplot as plt
        import numpy as np
        import pandas as pd
        \(simulation != nil || comparison != nil ? "from matplotlib.ticker import MaxNLocator\n" : "")
        plt.rcParams["figure.autolayout"] = True  # keep long class and scenario labels inside the figure
        COLORS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#f0e442", "#000000"]
        TYPE_LABELS = {"UXO": "UXO", "AP": "Anti-personnel (AP)", "AV": "Anti-vehicle (AV)", "CM": "Cluster munitions (CM)"}


        def load(path):
            with open(path, encoding="utf-8") as handle:
                return json.load(handle)


        def decimal_year(date):
            \"\"\"A YYYY-MM-DD date as a fractional year, as in the stored charts.\"\"\"
            day = pd.Timestamp(date)
            return day.year + (day.dayofyear - 1) / (366 if day.is_leap_year else 365)


        \(simulation != nil || comparison != nil ? yearEndSource : "")def completion_years(start_date, q):
            \"\"\"P10, P50, P90 completion as fractional years (None when not reached in the horizon).\"\"\"
            start = decimal_year(start_date)
            return tuple(start + q[key] / 365.25 if key in q else None for key in ("p10Days", "p50Days", "p90Days"))


        def range_chart(rows, title, xlabel, start=None, horizon=None):
            \"\"\"Horizontal P10-P90 bars with a P50 mark; rows are (label, p10, p50, p90), None when missing.

            With a horizon, a row whose P90 is missing runs on to it and ends in an arrow: from its P10 as a
            faint bar, or dashed from the start when not even the P10 is reached.
            \"\"\"
            fig, ax = plt.subplots(figsize=(8, 0.5 * len(rows) + 1.5))
            for i, (label, low, mid, high) in enumerate(rows):
                if low is not None and high is not None:
                    ax.barh(i, high - low, left=low, height=0.55, color=COLORS[0], alpha=0.35)
                elif high is None and horizon is not None:
                    left = low if low is not None else (start if start is not None else horizon - 1)
                    alpha = 0.15 if low is not None else 0.08
                    ax.barh(i, horizon - left, left=left, height=0.55, color=COLORS[0], alpha=alpha)
                    ax.plot(horizon, i, marker=">", markersize=9, color=COLORS[0])
                if mid is not None:
                    ax.plot([mid, mid], [i - 0.35, i + 0.35], color=COLORS[0], linewidth=3)
            ax.set_yticks(range(len(rows)), [row[0] for row in rows])
            ax.invert_yaxis()
            ax.set(title=title, xlabel=xlabel)
            ax.grid(axis="x", color="#e5e5e5")
            plt.show()


        \(loads.joined(separator: "\n"))
        """
    }

    /// Python for the simulation charts: where a yearly entry ends on a calendar-year axis (as
    /// ``ReportText/yearEnd(_:)``), followed by the blank lines the next definition needs.
    private static let yearEndSource = """
        def year_end(entry):
            \"\"\"The end of a yearly entry (the day after its last day) as a fractional year.\"\"\"
            return decimal_year(pd.Timestamp(entry["lastDate"]) + pd.Timedelta(days=1))



        """

    /// Provenance as a Markdown table: what anyone needs to reproduce the run.
    static func provenanceMarkdown(_ provenance: Provenance, heading: String) -> String {
        var rows: [[String]] = [
            ["Tool", Markdown.escape("\(provenance.tool) \(provenance.version)")],
            ["Command", Markdown.escape(provenance.command)],
        ]
        for scenario in provenance.scenarios {
            rows.append(["Scenario", "\(Markdown.escape(scenario.name)) (`\(Markdown.escape(scenario.file))`)"])
            rows.append(["Content hash (SHA-256)", "`\(Markdown.escape(scenario.contentHash))`"])
        }
        rows.append(["Seed", provenance.seed.map { String($0) } ?? "not set"])
        if let replications = provenance.replications { rows.append(["Replications", Fixed.grouped(Double(replications), decimals: 0)]) }
        rows.append(["Threads", provenance.threads.map { String($0) } ?? "omitted (reproducible run)"])
        if let blas = provenance.blas {
            let threads = blas.threads.map { ", \($0) thread(s)" } ?? ""
            rows.append(["BLAS", Markdown.escape("OpenBLAS kernel \(blas.core)\(threads)")])
            if let advisory = blas.advisory { rows.append(["BLAS advisory", Markdown.escape(advisory)]) }
        }
        rows.append(["Run date", provenance.runDate.map(Markdown.escape) ?? "omitted (reproducible run)"])
        return "\(heading)# Provenance\n\n" + Markdown.table(["Item", "Value"], rows) + filesMarkdown(provenance)
    }

    /// Each file the scenarios read with its SHA-256, and how the content hash follows from them
    /// (nothing for results of `clearcast-result/1`, which list no files).
    static func filesMarkdown(_ provenance: Provenance) -> String {
        let listed = provenance.scenarios.filter { $0.files != nil }
        guard !listed.isEmpty else { return "" }
        let several = provenance.scenarios.count > 1
        let rows = listed.flatMap { scenario in
            (scenario.files ?? []).map { file in
                (several ? [Markdown.escape(scenario.name)] : []) + [Markdown.escape(file.role), "`\(Markdown.escape(file.path))`",
                                                                   "`\(Markdown.escape(file.sha256))`"]
            }
        }
        return "\n\nFiles read, each with its SHA-256, paths relative to the scenario file's directory. The content "
            + "hash is the SHA-256 of these lines as `sha256sum` prints them: in that directory, "
            + "`sha256sum FILE… | sha256sum` with the files in this order reproduces it.\n\n"
            + Markdown.table((several ? ["Scenario"] : []) + ["Role", "Path", "SHA-256"], rows)
    }
}
