extension ScoreResult {
    /// The learned model's fields: finite coefficients, implied weights summing (in absolute value) to 1,
    /// shares where shares belong.
    func checkLearned(_ c: inout ResultChecker) {
        if let learned {
            c.oneOf(learned.labels, "learned.labels", ["incidents", "outcomes"])
            c.oneOf(learned.family, "learned.family", ["logistic", "poisson"])
            if learned.features.isEmpty { c.fail("learned.features", "found none; expected at least one feature") }
            for (i, f) in learned.features.enumerated() {
                let path = ResultChecker.index("learned.features", i)
                c.finite(f.coefficient, path + ".coefficient")
                c.nonNegative(f.standardError, path + ".standardError")
                c.number(f.impliedWeight, path + ".impliedWeight", in: -1...1, "an implied weight")
            }
            let total = learned.features.reduce(0.0) { $0 + abs($1.impliedWeight) }
            if !learned.features.isEmpty, abs(total - 1) > 1e-9 {
                c.fail("learned.features", "implied weights sum to \(total) in absolute value; expected 1")
            }
            c.nonNegative(learned.penalty, "learned.penalty")
            c.count(learned.positiveCells, "learned.positiveCells", in: 0...learned.trainingCells, "a count of training cells")
        }
        for (path, bootstrap) in [("validation.bootstrap", validation?.bootstrap), ("outcomeValidation.bootstrap", outcomeValidation?.bootstrap)] {
            for (i, row) in (bootstrap?.rows ?? []).enumerated() {
                let rowPath = ResultChecker.index(path + ".rows", i)
                c.oneOf(row.metric, rowPath + ".metric", ["auc", "countWeightedAUC", "hitRate5"])
                c.share(row.shareModelBetter, rowPath + ".shareModelBetter")
            }
        }
        for (i, row) in (outcomeValidation?.rows ?? []).enumerated() {
            let path = ResultChecker.index("outcomeValidation.rows", i)
            if let auc = row.auc { c.share(auc, path + ".auc") }
            c.share(row.hitRate5, path + ".hitRate5")
        }
    }
}
