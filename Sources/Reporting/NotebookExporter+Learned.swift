import Foundation

// MARK: - Learned model and honest validation

extension NotebookExporter {
    /// The fitted model (coefficients, implied beside hand-set weights, the cross-validation curve),
    /// the block-bootstrap differences against the baselines, and the reliability of its probabilities.
    static func appendLearned(_ result: ScoreResult, to document: inout NotebookDocument, heading: String) {
        if let learned = result.learned {
            document.markdown("\(heading)# Learned model\n\n" + learnedMarkdown(learned))
            let curve = crossValidationChart(learned)
            document.code(crossValidationSource, svg: curve.render(), description: curve.title)
        }
        if let bootstrap = result.validation?.bootstrap ?? result.outcomeValidation?.bootstrap {
            let against = result.validation == nil ? "the clearance outcomes (out-of-fold predictions)" : "the held-out incidents"
            document.markdown("\(heading)# Is the model better than the baselines?\n\n"
                + "Differences model − baseline on \(against), with block-bootstrap intervals: \(bootstrap.replicates) resamples "
                + "of \(bootstrap.blocks) square blocks of \(Fixed.format(bootstrap.blockSizeMetres / 1000, decimals: 1)) km, so that "
                + "neighbouring cells, which share kernels and municipal seats, are resampled together. An interval that "
                + "excludes 0 is a difference the data support; one that straddles 0 is not."
                + (bootstrap.blocks < 30 ? " Only \(bootstrap.blocks) blocks hold data here, so the intervals are rough." : "")
                + "\n\n" + bootstrapTable(bootstrap))
            let chart = bootstrapChart(bootstrap)
            document.code(bootstrapSource, svg: chart.render(), description: chart.title)
        }
        if let reliability = result.validation?.reliability ?? result.outcomeValidation?.reliability {
            document.markdown("\(heading)# Are the probabilities calibrated?\n\n"
                + "Brier score \(Fixed.format(reliability.brier, decimals: 4)) against \(Fixed.format(reliability.brierReference, decimals: 4)) "
                + "for always predicting the base rate (skill \(reliability.brierSkill.map { Fixed.format($0, decimals: 3) } ?? "not defined")); "
                + "expected calibration error \(Fixed.format(reliability.expectedCalibrationError, decimals: 4)). Points above the "
                + "diagonal are bins where the model predicted too little risk.")
            let chart = ReliabilityChart(title: "Reliability of the fitted probabilities", bins: reliability.bins.map {
                .init(predicted: $0.meanPredicted, observed: $0.observedFrequency, lower: $0.lower, upper: $0.upper)
            })
            document.code(reliabilitySource(result.validation?.reliability == nil ? "outcomeValidation" : "validation"),
                          svg: chart.render(), description: chart.title)
        }
    }

    private static func learnedMarkdown(_ l: ScoreResult.LearnedSummary) -> String {
        let labels = l.labels == "incidents"
            ? "cells with an incident from \(l.featureDate ?? "?") to \(l.labelEnd ?? "?"), learned from the evidence known before \(l.featureDate ?? "?")"
            : "cells of released land where clearance found mines (1) or nothing (0)"
        let rows = l.features.map { f in
            [Markdown.escape(f.name), Fixed.format(f.coefficient, decimals: 3), Fixed.format(f.standardError, decimals: 3),
             Fixed.format(f.standardizedCoefficient, decimals: 3), Fixed.format(f.impliedWeight, decimals: 3),
             l.handSetWeights.first { $0.factor == f.name }.map { Fixed.format($0.weight, decimals: 3) } ?? "—"]
        }
        return "A ridge-penalised \(l.family) regression of \(labels) (\(l.trainingCells) training cells, \(l.positiveCells) positive) "
            + "on the features below, each normalised to 0–1 over the study area. The penalty (\(Fixed.format(l.penalty, decimals: 3))) "
            + "was chosen by \(l.folds)-fold spatial block cross-validation with \(Fixed.format(l.blockSizeMetres / 1000, decimals: 1)) km "
            + "blocks. The implied weight is the coefficient over the sum of their absolute values: comparable with a hand-set "
            + "weight; a negative one means lower values carry more risk. "
            + (l.usedAsPriority ? "**The fitted surface is the priority score** of this result." : "The hand-set weights remain the priority score; the model is reported beside them.")
            + (l.converged ? "" : " **The fit did not converge.**") + "\n\n"
            + Markdown.table(["Feature", "Coefficient", "Std. error", "Per s.d.", "Implied weight", "Hand-set weight"], rows,
                             alignRight: Set(1..<6))
    }

    private static func crossValidationChart(_ l: ScoreResult.LearnedSummary) -> LineChart {
        LineChart(title: "Block cross-validation of the ridge penalty", xLabel: "log10 penalty",
                  yLabel: "Held-out deviance per cell", series: [.init(name: "mean ± 1 s.e.", points: l.crossValidation.map {
                      let se = $0.standardError ?? 0
                      return .init(x: log10(max($0.penalty, 1e-12)), low: $0.meanDeviance - se, mid: $0.meanDeviance, high: $0.meanDeviance + se)
                  })])
    }

    private static func bootstrapTable(_ b: ScoreResult.BootstrapSummary) -> String {
        let interval = { (lo: Double?, hi: Double?) in
            guard let lo, let hi else { return "—" }
            return "\(Fixed.format(lo, decimals: 3)) to \(Fixed.format(hi, decimals: 3))"
        }
        return Markdown.table(["Baseline", "Metric", "Model", "Baseline value", "Difference", "90 % interval", "95 % interval", "Model better in"],
                              b.rows.map { r in
            [Markdown.escape(r.baseline), Markdown.escape(r.metric), Fixed.format(r.model, decimals: 3), Fixed.format(r.baselineValue, decimals: 3),
             Fixed.format(r.difference, decimals: 3), interval(r.lower90, r.upper90), interval(r.lower95, r.upper95),
             Fixed.percent(r.shareModelBetter)]
        }, alignRight: Set(2..<8))
    }

    private static func bootstrapChart(_ b: ScoreResult.BootstrapSummary) -> RangeChart {
        RangeChart(title: "Model − baseline (90 % block-bootstrap intervals)", xLabel: "Difference (positive: the model is better)",
                   rows: b.rows.map { r in
                       .init(label: "\(r.baseline): \(r.metric)", low: r.lower90, mid: r.difference, high: r.upper90,
                             midLabel: Fixed.format(r.difference, decimals: 3))
                   })
    }

    static let crossValidationSource = """
    cv = score["learned"]["crossValidation"]
    x = np.log10([max(p["penalty"], 1e-12) for p in cv]); m = np.array([p["meanDeviance"] for p in cv])
    se = np.array([p.get("standardError") or 0 for p in cv])
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.fill_between(x, m - se, m + se, alpha=0.25); ax.plot(x, m, "o-")
    ax.axvline(np.log10(max(score["learned"]["penalty"], 1e-12)), color="grey", linestyle="--")
    ax.set(title="Block cross-validation of the ridge penalty", xlabel="log10 penalty", ylabel="Held-out deviance per cell")
    plt.show()
    """

    static let bootstrapSource = """
    b = (score.get("validation") or {}).get("bootstrap") or score["outcomeValidation"]["bootstrap"]
    rows = b["rows"]; labels = [f'{r["baseline"]}: {r["metric"]}' for r in rows]
    fig, ax = plt.subplots(figsize=(8, 0.4 * len(rows) + 1.5))
    for i, r in enumerate(rows):
        ax.plot([r.get("lower90", np.nan), r.get("upper90", np.nan)], [i, i], lw=6, alpha=0.5, color="C0")
        ax.plot(r["difference"], i, "k|", markersize=14)
    ax.axvline(0, color="grey"); ax.set_yticks(range(len(rows)), labels); ax.invert_yaxis()
    ax.set(title="Model − baseline (90 % block-bootstrap intervals)", xlabel="Difference (positive: the model is better)")
    plt.show()
    """

    static func reliabilitySource(_ section: String) -> String {
        """
        bins = score["\(section)"]["reliability"]["bins"]
        p = [b["meanPredicted"] for b in bins]; o = [b["observedFrequency"] for b in bins]
        err = [[b["observedFrequency"] - b["lower"] for b in bins], [b["upper"] - b["observedFrequency"] for b in bins]]
        top = max(p + [b["upper"] for b in bins] + [1e-6])
        fig, ax = plt.subplots(figsize=(5, 5))
        ax.plot([0, top], [0, top], "--", color="grey", label="perfect calibration")
        ax.errorbar(p, o, yerr=err, fmt="o", label="observed, with 95 % interval")
        ax.set(title="Reliability of the fitted probabilities", xlabel="Predicted probability (bin mean)", ylabel="Observed frequency")
        ax.legend(); plt.show()
        """
    }
}
