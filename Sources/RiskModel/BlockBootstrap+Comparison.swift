// MARK: - Comparison

extension BlockBootstrap {
    /// Validates the inputs, sorts every vector once, draws the replicates and summarises the
    /// differences. `area` holds the cells scored and `counts` their incidents (or 0/1 labels).
    static func run(model: [Double], baselines: [(label: String, scores: [Double])], area: StudyAreaCells,
                    counts: [Int], blockOfCell: [Int], replicates: Int, seed: UInt64, levels: [Double],
                    areaFractions: [Double], metrics: [Metric], excludedIncidents: Int) throws -> Result {
        let n = model.count
        guard replicates >= 1 else {
            throw ValidationError.invalidSetting(name: "bootstrap replicates", value: replicates, expected: ">= 1")
        }
        for level in levels where !(level > 0 && level < 1) { throw ValidationError.invalidConfidenceLevel(level) }
        for fraction in areaFractions where !(fraction > 0 && fraction <= 1) {
            throw RiskModelError.invalidAreaFraction(fraction)
        }
        guard blockOfCell.count == n else {
            throw RiskModelError.cellCountMismatch(context: "block ids", expected: n, found: blockOfCell.count)
        }
        if let bad = blockOfCell.firstIndex(where: { $0 < 0 }) {
            throw ValidationError.invalidBlockID(index: bad, value: blockOfCell[bad])
        }
        var names = Set<String>()
        for baseline in baselines where !names.insert(baseline.label).inserted {
            throw ValidationError.duplicateName(baseline.label)
        }
        try area.checkScores(model, label: "model")
        for baseline in baselines { try area.checkScores(baseline.scores, label: "baseline '\(baseline.label)'") }

        // Blocks numbered 0..<B by first appearance among scored cells, row-major.
        var compactBlock = [Int: Int]()
        let blocks = area.compact(blockOfCell).map { id in
            if let b = compactBlock[id] { return b }
            compactBlock[id] = compactBlock.count
            return compactBlock.count - 1
        }
        let blockCount = compactBlock.count
        let vectors = ([model] + baselines.map(\.scores)).map {
            SortedCells(scores: area.compact($0), blockOfCell: blocks, counts: counts)
        }
        let sums = BlockSums(blockOfCell: blocks, counts: counts, blockCount: blockCount)
        let ones = [Double](repeating: 1, count: blockCount)
        let observed = vectors.map { $0.metrics(weights: ones, totals: sums.totals(weights: ones), fractions: areaFractions) }
        let values = replicateValues(vectors: vectors, sums: sums, blockCount: blockCount, replicates: replicates,
                                     seed: seed, fractions: areaFractions)

        let columns: [(Metric, Int)] = metrics.map { ($0, $0 == .rocAUC ? 0 : 1) }
            + areaFractions.enumerated().map { (Metric.hitRate(areaFraction: $0.element), 2 + $0.offset) }
        var rows: [Row] = []
        for (j, baseline) in baselines.enumerated() {
            for (metric, column) in columns {
                let differences = values.compactMap { replicate -> Double? in
                    let d = replicate[0][column] - replicate[1 + j][column]
                    return d.isNaN ? nil : d
                }
                rows.append(summarise(baseline: baseline.label, metric: metric, model: observed[0][column],
                                      baseline: observed[1 + j][column], differences: differences, levels: levels))
            }
        }
        return Result(rows: rows, replicates: replicates, seed: seed, blockCount: blockCount,
                      cellCount: area.included.count, excludedCellCount: area.excludedCount,
                      excludedIncidentCount: excludedIncidents)
    }

    /// One row from the observed values and the replicate differences (NaN intervals and share when
    /// no replicate was valid, or the observed metric is undefined).
    static func summarise(baseline: String, metric: Metric, model: Double, baseline baselineValue: Double,
                          differences: [Double], levels: [Double]) -> Row {
        let sorted = differences.sorted()
        let intervals = levels.map { level -> Interval in
            guard !sorted.isEmpty else { return Interval(level: level, lower: .nan, upper: .nan) }
            let tail = (1 - level) / 2
            return Interval(level: level, lower: quantile(sorted: sorted, tail), upper: quantile(sorted: sorted, 1 - tail))
        }
        let wins = differences.reduce(0.0) { $0 + ($1 > 0 ? 1 : $1 == 0 ? 0.5 : 0) }
        return Row(baseline: baseline, metric: metric, modelValue: model, baselineValue: baselineValue,
                   difference: model - baselineValue, intervals: intervals,
                   shareModelBetter: differences.isEmpty ? .nan : wins / Double(differences.count),
                   validReplicates: differences.count)
    }
}
