import Foundation

extension ScoreTable {
    /// The fitted model: coefficients with standard errors, implied beside hand-set weights, the
    /// cross-validated penalty.
    static func learnedLines(_ l: ScoreResult.LearnedSummary) -> [String] {
        var lines = ["", "Learned model (\(l.family), labels: \(l.labels)\(l.usedAsPriority ? ", used as the priority score" : ", reported beside the hand-set score")): "
            + "\(l.trainingCells) training cells, \(l.positiveCells) positive"
            + (l.featureDate.map { " (features from evidence before \($0), labels \($0) to \(l.labelEnd ?? "?"))" } ?? "")]
        var table = [["feature", "coefficient", "std. error", "per s.d.", "implied weight", "hand-set weight"]]
        for f in l.features {
            let handSet = l.handSetWeights.first { $0.factor == f.name }.map { TextFormat.number($0.weight, 3) } ?? "-"
            table.append([f.name, TextFormat.number(f.coefficient, 3), TextFormat.number(f.standardError, 3),
                          TextFormat.number(f.standardizedCoefficient, 3), TextFormat.number(f.impliedWeight, 3), handSet])
        }
        lines.append(TextFormat.table(table))
        let curve = l.crossValidation.map { "\(TextFormat.number($0.penalty, 3)): \(TextFormat.number($0.meanDeviance, 4))" }.joined(separator: ", ")
        lines.append("ridge penalty \(TextFormat.number(l.penalty, 3)) chosen by \(l.folds)-fold spatial block cross-validation "
            + "(\(TextFormat.number(l.blockSizeMetres / 1000, 1)) km blocks; held-out deviance per cell \(curve))")
        lines.append("coefficients are per unit of the normalised feature (0 to 1 over the study area); a negative implied weight means lower values carry more risk"
            + (l.converged ? "" : "; WARNING: the fit did not converge in \(l.iterations) iterations"))
        for i in l.imputed { lines.append("covariate \(i.name): \(i.cells) study-area cells without data took its median") }
        return lines
    }

    static func validationLines(_ v: ScoreResult.ValidationSummary) -> [String] {
        var lines = ["", "Validation: \(v.trainingIncidents) incidents before \(v.holdoutAfter) build the surface; \(v.heldOutIncidents) from then on test it"]
        if let excluded = v.excludedCells, excluded > 0 {
            lines.append("inside the study area only: \(excluded) cells outside it are neither positives nor negatives; "
                + "\(v.heldOutOutsideStudyArea ?? 0) held-out incidents fell outside it and are not scored")
        }
        var table = [["scores", "hit@5%", "hit@10%", "hit@20%", "PAI@5%", "PAI@10%", "PAI@20%", "AUC", "AUC(count)"]]
        var named = v.all.map { $0.map { ($0.label, $0.metrics) } } ?? []
        if named.isEmpty {
            named = [("model", v.model), ("uniform", v.uniform), ("contamination only", v.contaminationOnly)]
            if let density = v.densityOnly { named.append(("density only", density)) }
        }
        for (name, m) in named {
            table.append([name] + [m.hitRate5, m.hitRate10, m.hitRate20, m.pai5, m.pai10, m.pai20].map { TextFormat.number($0, 3) }
                + [m.auc, m.countWeightedAUC].map { $0.map { TextFormat.number($0, 3) } ?? "n/a" })
        }
        lines.append(TextFormat.table(table))
        if let b = v.bootstrap { lines += bootstrapLines(b) }
        if let r = v.reliability { lines += reliabilityLines(r) }
        if let h = v.hazardAreas {
            let top = h.top.map { "top \($0.count): \(TextFormat.number($0.positives, 1))" }.joined(separator: ", ")
            lines.append("hazard areas: \(h.positives) of \(h.areas) had a held-out incident inside; AUC over areas \(h.auc.map { TextFormat.number($0, 3) } ?? "n/a"); \(top)")
        }
        return lines
    }

    static func outcomeLines(_ o: ScoreResult.OutcomeValidationSummary) -> [String] {
        var lines = ["", "Validation on clearance outcomes (the learned model by its out-of-fold predictions: each cell predicted by a fit that did not see its block fold)"]
        var table = [["scores", "labelled cells", "mines found", "AUC", "hit@5%"]]
        for r in o.rows {
            table.append([r.label, String(r.labelledCells), String(r.positiveCells), r.auc.map { TextFormat.number($0, 3) } ?? "n/a",
                          TextFormat.number(r.hitRate5, 3)])
        }
        lines.append(TextFormat.table(table))
        if let b = o.bootstrap { lines += bootstrapLines(b) }
        if let r = o.reliability { lines += reliabilityLines(r) }
        return lines
    }

    static func bootstrapLines(_ b: ScoreResult.BootstrapSummary) -> [String] {
        var table = [["model - baseline", "metric", "difference", "90% interval", "95% interval", "model better in"]]
        for row in b.rows {
            let interval = { (lo: Double?, hi: Double?) in
                guard let lo, let hi else { return "n/a" }
                return "[\(TextFormat.number(lo, 3)), \(TextFormat.number(hi, 3))]"
            }
            table.append([row.baseline, row.metric, TextFormat.number(row.difference, 3), interval(row.lower90, row.upper90),
                          interval(row.lower95, row.upper95), "\(TextFormat.number(row.shareModelBetter * 100, 1)) %"])
        }
        let few = b.blocks < 30 ? "; only \(b.blocks) blocks hold data: the intervals are rough (smaller blocks give more)" : ""
        return ["block bootstrap: \(b.replicates) resamples of \(b.blocks) blocks of \(TextFormat.number(b.blockSizeMetres / 1000, 1)) km (seed \(b.seed)); "
                + "an interval that excludes 0 is a difference the data support" + few, TextFormat.table(table)]
    }

    static func reliabilityLines(_ r: ScoreResult.ReliabilitySummary) -> [String] {
        let bins = r.bins.map { "\(TextFormat.number($0.meanPredicted, 3))→\(TextFormat.number($0.observedFrequency, 3))" }.joined(separator: " ")
        return ["calibration: Brier \(TextFormat.number(r.brier, 4)) (base rate alone \(TextFormat.number(r.brierReference, 4)), skill "
                + "\(r.brierSkill.map { TextFormat.number($0, 3) } ?? "n/a")), expected calibration error \(TextFormat.number(r.expectedCalibrationError, 4))",
                "reliability (predicted→observed per bin): \(bins)"]
    }
}
