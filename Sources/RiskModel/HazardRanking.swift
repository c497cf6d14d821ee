import ClearcastDomain
import LinearAlgebra

// MARK: - HazardRanking

/// Ranks hazard areas for clearance by the composite score of the cells they cover.
///
/// For each hazard: mean and max score over its (distinct) cells, area, expected benefit per m²
/// cleared (= mean score), and per factor its share of the score, its mean normalised value and the
/// rank that factor alone would give, so a planner sees *why* it ranks where it does. Order: benefit
/// per m² descending, then max score descending, both compared as ``RoundedScore``s (24 significant
/// bits), then id ascending, so equal hazards always come out in the same order, and so do hazards
/// whose scores differ only in the last bits that OpenBLAS kernels sum differently. Hazards covering
/// no grid cell are flagged (``HazardRankEntry/hasCells`` false) and ranked last, by id, rather than
/// rejected: a tiny polygon must stay visible in the report.
///
/// The alone-rank of factor f (``HazardRankEntry/Factor/aloneRank``) is this same order applied to
/// the layer of f by itself: mean value of f descending, then the highest value of f among the
/// hazard's cells descending (both rounded alike), then id; that is the ranking with weight 1 on f.
///
/// ```swift
/// let ranking = try HazardRanking.rank(footprints: hazards, composite: composite)
/// ranking[0].id                       // the area to clear first
/// ranking[0].factors[0].aloneRank     // where the first factor alone would put it
/// ```
public enum HazardRanking {
    /// The ranking, first to clear first.
    ///
    /// - Throws: ``RiskModelError/duplicateHazardID(_:)``, ``RiskModelError/invalidHazardArea(id:value:)``,
    ///   ``RiskModelError/cellIndexOutOfRange(context:index:cellCount:)``.
    /// - Complexity: O(Σ cells · k + k · h log h) for h hazards and k factors.
    public static func rank(footprints: [HazardFootprint], composite: CompositeScore) throws -> [HazardRankEntry] {
        var seen = Set<String>()
        for footprint in footprints where !seen.insert(footprint.id).inserted {
            throw RiskModelError.duplicateHazardID(footprint.id)
        }
        let summaries = try footprints.map { try summarize($0, composite: composite) }
        let k = composite.weights.count
        // aloneRanks[f][i]: the rank of summaries[i] by factor f alone.
        let aloneRanks = (0..<k).map { f in
            ranks(of: summaries.map { Key(hasCells: $0.hasCells, mean: $0.means[f], max: $0.maxima[f], id: $0.footprint.id) })
        }
        let order = ranks(of: summaries.map { Key(hasCells: $0.hasCells, mean: $0.meanScore, max: $0.maxScore, id: $0.footprint.id) })
        let names = composite.weights.names
        var entries = [HazardRankEntry?](repeating: nil, count: summaries.count)
        for (i, s) in summaries.enumerated() {
            let factors = (0..<k).map { f in
                HazardRankEntry.Factor(factor: names[f], share: s.shares[f], meanValue: s.means[f], aloneRank: aloneRanks[f][i])
            }
            let footprint = s.footprint
            entries[order[i] - 1] = HazardRankEntry(
                rank: order[i], id: footprint.id, name: footprint.name, type: footprint.type, status: footprint.status,
                areaSquareMetres: footprint.areaSquareMetres, cellCount: s.cellCount, hasCells: s.hasCells,
                meanScore: s.meanScore, maxScore: s.maxScore, benefitPerSquareMetre: s.meanScore,
                expectedBenefit: s.meanScore * footprint.areaSquareMetres, factors: factors)
        }
        return entries.map { $0! }
    }

    // MARK: Ordering

    /// What the order compares: cells or none, the mean (ranking key), the maximum, the id.
    struct Key {
        var hasCells: Bool
        var mean: RoundedScore
        var max: RoundedScore
        var id: String

        init(hasCells: Bool, mean: Double, max: Double, id: String) {
            self.hasCells = hasCells
            self.mean = RoundedScore(mean)
            self.max = RoundedScore(max)
            self.id = id
        }
    }

    /// Strict total order for ranking (ids are unique, so no two keys compare equal).
    static func precedes(_ a: Key, _ b: Key) -> Bool {
        if a.hasCells != b.hasCells { return a.hasCells }
        if a.mean != b.mean { return a.mean > b.mean }
        if a.max != b.max { return a.max > b.max }
        return a.id < b.id
    }

    /// The order of two ranked entries by their composite scores.
    static func precedes(_ a: HazardRankEntry, _ b: HazardRankEntry) -> Bool {
        precedes(Key(hasCells: a.hasCells, mean: a.benefitPerSquareMetre, max: a.maxScore, id: a.id),
                 Key(hasCells: b.hasCells, mean: b.benefitPerSquareMetre, max: b.maxScore, id: b.id))
    }

    /// The 1-based rank of each key, in input order.
    ///
    /// - Complexity: O(h log h).
    static func ranks(of keys: [Key]) -> [Int] {
        var ranks = [Int](repeating: 0, count: keys.count)
        for (position, i) in keys.indices.sorted(by: { precedes(keys[$0], keys[$1]) }).enumerated() {
            ranks[i] = position + 1
        }
        return ranks
    }

    // MARK: Per-hazard summary

    /// One hazard's scores before ranking.
    struct Summary {
        var footprint: HazardFootprint
        var cellCount: Int
        var hasCells: Bool
        var meanScore: Double
        var maxScore: Double
        /// Per factor: share of the mean score, mean normalised value, highest normalised value.
        var shares: [Double]
        var means: [Double]
        var maxima: [Double]
    }

    /// Scores of one hazard.
    static func summarize(_ footprint: HazardFootprint, composite: CompositeScore) throws -> Summary {
        guard footprint.areaSquareMetres.isFinite, footprint.areaSquareMetres > 0 else {
            throw RiskModelError.invalidHazardArea(id: footprint.id, value: footprint.areaSquareMetres)
        }
        let cellCount = composite.cellCount
        for cell in footprint.cells where cell < 0 || cell >= cellCount {
            throw RiskModelError.cellIndexOutOfRange(context: "hazard '\(footprint.id)'", index: cell, cellCount: cellCount)
        }
        // A rasterizer may list a cell twice (multi-part polygons); count each cell once.
        let cells = Array(Set(footprint.cells)).sorted()
        let k = composite.weights.count
        let zeros = [Double](repeating: 0, count: k)
        guard !cells.isEmpty else {
            return Summary(footprint: footprint, cellCount: 0, hasCells: false, meanScore: 0, maxScore: 0,
                           shares: zeros, means: zeros, maxima: zeros)
        }
        var layerSums = zeros, maxima = zeros
        var maxScore = 0.0
        let stacked = composite.layers.elements
        for cell in cells {
            maxScore = max(maxScore, composite.scores[cell])
            for f in 0..<k {
                let value = stacked[cell * k + f]
                layerSums[f] += value
                maxima[f] = max(maxima[f], value)
            }
        }
        let count = Double(cells.count)
        let means = layerSums.map { $0 / count }
        // Contributions w_f · mean_f; their sum is the mean score (score is linear in the layers), and
        // computing the mean that way makes the shares sum to 1 exactly up to rounding. With weight 1
        // on f and 0 elsewhere the mean score is exactly mean_f, so the alone-ranks rank what
        // scoring f alone would.
        let contributions = (0..<k).map { composite.weights.values[$0] * layerSums[$0] / count }
        let meanScore = min(1, max(0, contributions.reduce(0, +)))
        return Summary(footprint: footprint, cellCount: cells.count, hasCells: true, meanScore: meanScore, maxScore: maxScore,
                       shares: contributions.map { meanScore > 0 ? $0 / meanScore : 0 }, means: means, maxima: maxima)
    }
}
