// MARK: - BlockBootstrap

/// Block-bootstrap intervals for the difference between the model and each baseline (uniform,
/// contamination only, density only, distance to evidence: any named score vectors) in ROC AUC,
/// count-weighted AUC and hit rate at the top 5 % of area.
///
/// Neighbouring cells share incidents and scores, so resampling cells would pretend there is far
/// more independent evidence than there is. Instead the study area is cut into spatial blocks
/// (``squareBlocks(rows:columns:size:)`` or the caller's own ids); each replicate draws as many
/// blocks as there are, with replacement, and recomputes every metric for the model and the
/// baselines **on the same resample**, so the difference's interval reflects how the two covary.
/// Intervals are percentile intervals of the B replicate differences; ``Row/shareModelBetter`` is
/// the share of replicates where the model's metric is higher (equal counts ½).
///
/// ```swift
/// let ids = try BlockBootstrap.squareBlocks(rows: grid.rows, columns: grid.columns, size: 10)
/// let boot = try BlockBootstrap.compare(model: s, baselines: [("density only", d)],
///                                       heldOutIncidentCells: cells, blockOfCell: ids, include: mask,
///                                       replicates: 1000, seed: 7)
/// for row in boot.rows { print(row.baseline, row.metric.name, row.difference, row.interval95 as Any) }
/// ```
///
/// - Complexity: one O(n log n) sort per score vector, then O(blocks + vectors · n) per replicate:
///   a replicate's AUC is a Mann–Whitney statistic weighted by block multiplicities over the
///   presorted cells. Replicates run in parallel through `ParallelWork`; every replicate has its own
///   generator seeded from (seed, replicate), so results are bit-identical for any thread count.
public enum BlockBootstrap {
    /// A metric compared between the model and a baseline.
    public enum Metric: Sendable, Equatable, Hashable, Codable {
        /// ROC AUC over cells (ties ½).
        case rocAUC
        /// ROC AUC with positive cells weighted by their held-out incidents (incident outcomes only).
        case countWeightedAUC
        /// Share of held-out incidents (or positive cells) in the top `areaFraction` of the area.
        case hitRate(areaFraction: Double)

        /// A short label for tables: "AUC", "AUC (count-weighted)", "hit rate @ 5%".
        public var name: String {
            switch self {
            case .rocAUC: return "AUC"
            case .countWeightedAUC: return "AUC (count-weighted)"
            case let .hitRate(fraction):
                let percent = fraction * 100
                let text = percent == percent.rounded() ? String(Int(percent)) : String(percent)
                return "hit rate @ \(text)%"
            }
        }
    }

    /// A two-sided percentile interval.
    public struct Interval: Sendable, Equatable, Codable {
        /// Nominal coverage, e.g. 0.95.
        public let level: Double
        /// The (1 − level)/2 quantile of the replicate differences.
        public let lower: Double
        /// The (1 + level)/2 quantile.
        public let upper: Double

        /// Whether the interval lies wholly above or wholly below zero.
        public var excludesZero: Bool { lower > 0 || upper < 0 }
    }

    /// One baseline and one metric.
    public struct Row: Sendable, Equatable, Codable {
        /// The baseline's name.
        public let baseline: String
        /// The metric compared.
        public let metric: Metric
        /// The model's value on the data as observed.
        public let modelValue: Double
        /// The baseline's value on the data as observed.
        public let baselineValue: Double
        /// `modelValue − baselineValue`: the point estimate.
        public let difference: Double
        /// Percentile intervals of the difference, one per requested level.
        public let intervals: [Interval]
        /// Share of valid replicates where the model's value exceeds the baseline's (ties ½).
        public let shareModelBetter: Double
        /// Replicates where the metric was defined (an AUC needs a positive and a negative cell).
        public let validReplicates: Int

        /// The 90 % interval, when that level was requested.
        public var interval90: Interval? { intervals.first { abs($0.level - 0.90) < 1e-12 } }
        /// The 95 % interval, when that level was requested.
        public var interval95: Interval? { intervals.first { abs($0.level - 0.95) < 1e-12 } }
    }

    /// The comparison of the model with every baseline.
    public struct Result: Sendable, Equatable, Codable {
        /// One row per baseline and metric: baselines in the order given, metrics in ``Metric`` order.
        public let rows: [Row]
        /// Replicates drawn.
        public let replicates: Int
        /// The seed they were drawn with.
        public let seed: UInt64
        /// Blocks with at least one cell inside the study area (drawn per replicate).
        public let blockCount: Int
        /// Cells scored (inside the study area, labelled when validating against labels).
        public let cellCount: Int
        /// Cells not scored (outside the study area, or unlabelled).
        public let excludedCellCount: Int
        /// Held-out incidents outside the study area (0 for labels).
        public let excludedIncidentCount: Int
    }

    /// Compares against held-out incidents (row-major cell indices, repeats allowed).
    ///
    /// - Parameters:
    ///   - blockOfCell: a block id (>= 0) per grid cell; any ids, only equality matters.
    ///   - levels: interval levels, each in (0, 1).
    ///   - areaFractions: hit-rate fractions compared (default the top 5 %).
    /// - Throws: ``RiskModelError`` for wrong lengths, non-finite scores inside the study area, cell
    ///   indices out of range, bad fractions or no incidents; ``ValidationError`` for settings, levels,
    ///   negative block ids, duplicate names, an empty study area or no incident inside it.
    public static func compare(model: [Double], baselines: [(label: String, scores: [Double])],
                               heldOutIncidentCells: [Int], blockOfCell: [Int], include: [Bool]? = nil,
                               replicates: Int = 1000, seed: UInt64 = 0, levels: [Double] = [0.90, 0.95],
                               areaFractions: [Double] = [0.05]) throws -> Result {
        let area = try StudyAreaCells(include: include, cellCount: model.count)
        let (counts, excluded) = try area.incidentCounts(heldOutIncidentCells)
        guard !heldOutIncidentCells.isEmpty else { throw RiskModelError.noHeldOutIncidents }
        guard counts.contains(where: { $0 > 0 }) else {
            throw ValidationError.noHeldOutIncidentsInStudyArea(excluded: excluded)
        }
        return try run(model: model, baselines: baselines, area: area, counts: counts, blockOfCell: blockOfCell,
                       replicates: replicates, seed: seed, levels: levels, areaFractions: areaFractions,
                       metrics: [.rocAUC, .countWeightedAUC], excludedIncidents: excluded)
    }

    /// Compares against outcome labels: only labelled cells inside the study area count; the hit
    /// rate is the share of positive cells in the top fraction of the labelled area.
    ///
    /// - Throws: as the incident form, and ``ValidationError/noPositiveLabels``.
    public static func compare(model: [Double], baselines: [(label: String, scores: [Double])],
                               labels: CellLabels, blockOfCell: [Int], include: [Bool]? = nil,
                               replicates: Int = 1000, seed: UInt64 = 0, levels: [Double] = [0.90, 0.95],
                               areaFractions: [Double] = [0.05]) throws -> Result {
        guard labels.outcomes.count == model.count else {
            throw RiskModelError.cellCountMismatch(context: "outcome labels", expected: model.count,
                                                   found: labels.outcomes.count)
        }
        _ = try StudyAreaCells(include: include, cellCount: model.count)
        let mask = labels.labelledMask(include: include)
        guard mask.contains(true) else { throw ValidationError.noPositiveLabels }
        let area = try StudyAreaCells(include: mask, cellCount: model.count)
        let counts = area.compact(labels.positiveIndicator)
        guard counts.contains(1) else { throw ValidationError.noPositiveLabels }
        return try run(model: model, baselines: baselines, area: area, counts: counts, blockOfCell: blockOfCell,
                       replicates: replicates, seed: seed, levels: levels, areaFractions: areaFractions,
                       metrics: [.rocAUC], excludedIncidents: 0)
    }

    /// Block ids for square blocks of `size` × `size` cells on a row-major grid (row 0 first):
    /// block = (row / size) · ⌈columns / size⌉ + column / size. Edge blocks are smaller.
    ///
    /// ```swift
    /// try BlockBootstrap.squareBlocks(rows: 2, columns: 3, size: 2)   // [0, 0, 1, 0, 0, 1]
    /// ```
    /// - Throws: ``ValidationError/invalidSetting(name:value:expected:)`` for a size below 1 or a
    ///   negative dimension.
    public static func squareBlocks(rows: Int, columns: Int, size: Int) throws -> [Int] {
        guard size >= 1 else { throw ValidationError.invalidSetting(name: "block size", value: size, expected: ">= 1 cell") }
        guard rows >= 0, columns >= 0 else {
            throw ValidationError.invalidSetting(name: "grid rows/columns", value: min(rows, columns), expected: ">= 0")
        }
        let blocksPerRow = (columns + size - 1) / size
        var ids = [Int]()
        ids.reserveCapacity(rows * columns)
        for row in 0..<rows {
            for column in 0..<columns { ids.append((row / size) * blocksPerRow + column / size) }
        }
        return ids
    }
}
