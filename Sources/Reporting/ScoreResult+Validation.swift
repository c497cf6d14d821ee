// MARK: - ScoreResult validation

extension ScoreResult {
    /// Checks the ranges of `schemas/result.schema.json` and what the notebook and text exporters
    /// assume: a grid of 1 to 10^9 cells of (0, 100 km]; weights that are shares summing to 1
    /// (with AHP diagnostics exactly when the method is `ahp`); hazard ranks 1...n, each once, and
    /// per factor alone-ranks 1...n, each once; scores, shares, factor mean values, hit rates and AUC
    /// in [0, 1]; counts ≥ 0; a preview of at most 160 × 160 cells whose `values` has rows × columns
    /// entries and which covers the grid (rows = ⌈grid rows ÷ factor⌉, likewise columns); labels
    /// naming ranked hazards; finite numbers.
    ///
    /// - Throws: ``ResultValidationError`` listing each problem with its field path.
    public func validate() throws {
        var c = ResultChecker()
        c.oneOf(schema, "schema", ResultSchema.readable)
        c.oneOf(kind, "kind", ["score"])
        c.provenance(provenance, "provenance", commands: ["score"], schema: schema)
        let cells = checkGrid(&c)
        checkWeights(&c)
        for (i, layer) in layers.enumerated() {
            let path = ResultChecker.index("layers", i)
            c.finite(layer.minimum, path + ".minimum")
            c.finite(layer.maximum, path + ".maximum")
            c.finite(layer.mean, path + ".mean")
            if layer.minimum > layer.maximum {
                c.fail(path, "found minimum \(layer.minimum) > maximum \(layer.maximum); expected minimum ≤ maximum")
            }
            c.count(layer.nonZeroCells, path + ".nonZeroCells", in: 0...(cells ?? Int.max), "a count of grid cells")
        }
        c.count(incidents.used, "incidents.used", in: 0...Int.max)
        c.count(incidents.outsideGrid, "incidents.outsideGrid", in: 0...Int.max)
        c.count(incidents.afterReferenceDate, "incidents.afterReferenceDate", in: 0...Int.max)
        c.count(incidents.heldOut, "incidents.heldOut", in: 0...Int.max)
        c.nonNegative(incidents.totalWeight, "incidents.totalWeight")
        c.share(incidents.edgeLossShare, "incidents.edgeLossShare")
        checkHazards(&c, cells: cells)
        if let validation {
            c.date(validation.holdoutAfter, "validation.holdoutAfter")
            c.count(validation.trainingIncidents, "validation.trainingIncidents", in: 0...Int.max)
            c.count(validation.heldOutIncidents, "validation.heldOutIncidents", in: 0...Int.max)
            checkMetrics(&c, validation.model, "validation.model")
            checkMetrics(&c, validation.uniform, "validation.uniform")
            checkMetrics(&c, validation.contaminationOnly, "validation.contaminationOnly")
            if let density = validation.densityOnly { checkMetrics(&c, density, "validation.densityOnly") }
            for (i, named) in (validation.all ?? []).enumerated() {
                checkMetrics(&c, named.metrics, ResultChecker.index("validation.all", i) + ".metrics")
            }
        }
        checkLearned(&c)
        checkPreview(&c)
        try c.finish()
    }

    /// Returns the number of grid cells when the grid is valid.
    private func checkGrid(_ c: inout ResultChecker) -> Int? {
        c.count(grid.epsg, "grid.epsg", in: 1...Int.max, "an EPSG code")
        c.finite(grid.minX, "grid.minX")
        c.finite(grid.minY, "grid.minY")
        c.number(grid.cellSize, "grid.cellSize", in: 0...ResultChecker.maximumCellSize, "a cell size in metres")
        if grid.cellSize == 0 { c.fail("grid.cellSize", "found 0; expected a cell size in metres > 0") }
        c.count(grid.columns, "grid.columns", in: 1...ResultChecker.maximumGridCells, "a number of columns")
        c.count(grid.rows, "grid.rows", in: 1...ResultChecker.maximumGridCells, "a number of rows")
        guard grid.columns >= 1, grid.rows >= 1 else { return nil }
        let (cells, overflow) = grid.columns.multipliedReportingOverflow(by: grid.rows)
        guard !overflow, cells <= ResultChecker.maximumGridCells else {
            c.fail("grid", "found \(grid.columns) × \(grid.rows) cells; expected at most 10^9 cells")
            return nil
        }
        return cells
    }

    private func checkWeights(_ c: inout ResultChecker) {
        c.oneOf(weights.method, "weights.method", ["direct", "ahp", "learned"])
        if weights.factors.isEmpty { c.fail("weights.factors", "found none; expected at least one factor") }
        var seen: [String: Int] = [:]
        for (i, factor) in weights.factors.enumerated() {
            let path = ResultChecker.index("weights.factors", i)
            c.share(factor.weight, path + ".weight")
            if let first = seen[factor.factor] {
                c.fail(path + ".factor", "found \(ResultChecker.quote(factor.factor)) again (weights.factors[\(first)]); expected each factor once")
            }
            seen[factor.factor] = seen[factor.factor] ?? i
        }
        let sum = weights.factors.reduce(0.0) { $0 + $1.weight }
        if !weights.factors.isEmpty, sum.isFinite, abs(sum - 1) > 1e-6 {
            c.fail("weights.factors", "found weights summing to \(sum); expected a sum of 1")
        }
        switch (weights.method, weights.ahp) {
        case ("ahp", nil): c.fail("weights.ahp", "missing; expected the AHP diagnostics when the method is ahp")
        case ("direct", .some): c.fail("weights.ahp", "found AHP diagnostics; expected none when the method is direct")
        default: break
        }
        if let ahp = weights.ahp {
            c.nonNegative(ahp.lambdaMax, "weights.ahp.lambdaMax")
            c.finite(ahp.consistencyIndex, "weights.ahp.consistencyIndex")
            c.nonNegative(ahp.randomIndex, "weights.ahp.randomIndex")
            c.finite(ahp.consistencyRatio, "weights.ahp.consistencyRatio")
        }
    }

    private func checkHazards(_ c: inout ResultChecker, cells: Int?) {
        var byRank: [Int: Int] = [:]
        // Per factor, alone-rank → where it was first seen.
        var aloneRanks: [String: [Int: String]] = [:]
        var effortRanks: [Int: String] = [:]
        for (i, hazard) in hazards.enumerated() {
            let path = ResultChecker.index("hazards", i)
            c.count(hazard.rank, path + ".rank", in: 1...max(1, hazards.count), "a rank")
            if let first = byRank[hazard.rank] {
                c.fail(path + ".rank", "found \(hazard.rank) again (hazards[\(first)]); expected ranks 1...\(hazards.count), each once")
            } else {
                byRank[hazard.rank] = i
            }
            c.oneOf(hazard.type, path + ".type", ResultChecker.contaminationCodes)
            c.oneOf(hazard.status, path + ".status", ["CHA", "SHA"])
            c.nonNegative(hazard.areaSquareMetres, path + ".areaSquareMetres")
            c.count(hazard.cells, path + ".cells", in: 0...(cells ?? Int.max), "a count of grid cells")
            c.share(hazard.meanScore, path + ".meanScore")
            c.share(hazard.maxScore, path + ".maxScore")
            c.nonNegative(hazard.benefitPerSquareMetre, path + ".benefitPerSquareMetre")
            if let e = hazard.effort { checkEffort(&c, e, path + ".effort", seen: &effortRanks) }
            for (j, factor) in hazard.factors.enumerated() {
                let factorPath = ResultChecker.index(path + ".factors", j)
                c.share(factor.share, factorPath + ".share")
                // Only clearcast-result/1 results, read by `report`, lack them.
                if schema == ResultSchema.identifier {
                    if factor.meanValue == nil { c.fail(factorPath + ".meanValue", "missing; expected in \(schema) results") }
                    if factor.aloneRank == nil { c.fail(factorPath + ".aloneRank", "missing; expected in \(schema) results") }
                }
                if let value = factor.meanValue { c.share(value, factorPath + ".meanValue") }
                guard let alone = factor.aloneRank else { continue }
                c.count(alone, factorPath + ".aloneRank", in: 1...max(1, hazards.count), "a rank")
                if let first = aloneRanks[factor.factor, default: [:]][alone] {
                    c.fail(factorPath + ".aloneRank", "found \(alone) again (\(first)); expected alone-ranks 1...\(hazards.count), "
                        + "each once per factor")
                } else {
                    aloneRanks[factor.factor, default: [:]][alone] = factorPath
                }
            }
        }
    }

    /// Effort numbers are non-negative; effort ranks 1...n, each once.
    private func checkEffort(_ c: inout ResultChecker, _ e: HazardEffort, _ path: String, seen: inout [Int: String]) {
        if let d = e.teamDays { c.nonNegative(d, path + ".teamDays") }
        if let money = e.cost { c.nonNegative(money, path + ".cost") }
        c.nonNegative(e.casualtiesPerYear, path + ".casualtiesPerYear")
        c.nonNegative(e.casualtiesPerYearPerTeamDay, path + ".casualtiesPerYearPerTeamDay")
        if let v = e.casualtiesPerYearPerMillion { c.nonNegative(v, path + ".casualtiesPerYearPerMillion") }
        c.count(e.effortRank, path + ".effortRank", in: 1...max(1, hazards.count), "a rank")
        if let first = seen[e.effortRank] {
            c.fail(path + ".effortRank", "found \(e.effortRank) again (\(first)); expected effort ranks 1...\(hazards.count), each once")
        } else {
            seen[e.effortRank] = path
        }
    }

    private func checkMetrics(_ c: inout ResultChecker, _ m: Metrics, _ path: String) {
        c.share(m.hitRate5, path + ".hitRate5")
        c.share(m.hitRate10, path + ".hitRate10")
        c.share(m.hitRate20, path + ".hitRate20")
        c.nonNegative(m.pai5, path + ".pai5")
        c.nonNegative(m.pai10, path + ".pai10")
        c.nonNegative(m.pai20, path + ".pai20")
        if let auc = m.auc { c.share(auc, path + ".auc") }
        if let auc = m.countWeightedAUC { c.share(auc, path + ".countWeightedAUC") }
    }

    /// At most 160 × 160 (`ScoreReport.previewSide`), `values` of rows × columns shares, the grid
    /// covered in blocks of `factor` cells, labels at ranked hazards.
    private func checkPreview(_ c: inout ResultChecker) {
        let side = ScoreReport.previewSide
        c.count(preview.rows, "preview.rows", in: 0...side, "a number of rows")
        c.count(preview.columns, "preview.columns", in: 0...side, "a number of columns")
        c.count(preview.factor, "preview.factor", in: 1...Int.max, "grid cells per preview cell")
        if (0...side).contains(preview.rows), (0...side).contains(preview.columns),
           preview.values.count != preview.rows * preview.columns {
            c.fail("preview.values", "found \(preview.values.count) values; expected rows × columns = "
                + "\(preview.rows) × \(preview.columns) = \(preview.rows * preview.columns)")
        }
        if preview.factor >= 1, grid.rows >= 1, grid.columns >= 1 {
            let blocks = { (cells: Int) in cells / preview.factor + (cells % preview.factor == 0 ? 0 : 1) }
            if preview.rows != blocks(grid.rows) {
                c.fail("preview.rows", "found \(preview.rows); expected \(blocks(grid.rows)) (grid rows \(grid.rows) in blocks of \(preview.factor))")
            }
            if preview.columns != blocks(grid.columns) {
                c.fail("preview.columns", "found \(preview.columns); expected \(blocks(grid.columns)) "
                    + "(grid columns \(grid.columns) in blocks of \(preview.factor))")
            }
        }
        for (i, value) in preview.values.enumerated() where value != -1 {  // -1: a block outside the study area
            c.share(value, ResultChecker.index("preview.values", i))
        }
        let ids = Dictionary(hazards.map { ($0.rank, $0.id) }, uniquingKeysWith: { first, _ in first })
        for (i, label) in preview.labels.enumerated() {
            let path = ResultChecker.index("preview.labels", i)
            if let id = ids[label.rank] {
                if id != label.id {
                    c.fail(path + ".id", "found \(ResultChecker.quote(label.id)); expected \(ResultChecker.quote(id)), "
                        + "the id of the hazard ranked \(label.rank)")
                }
            } else {
                c.fail(path + ".rank", "found \(label.rank); expected the rank of a hazard (1...\(hazards.count))")
            }
            c.finite(label.x, path + ".x")
            c.finite(label.y, path + ".y")
        }
    }
}
