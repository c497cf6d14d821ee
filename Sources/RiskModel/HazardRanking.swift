import ClearcastDomain
import LinearAlgebra

// MARK: - HazardRanking

/// Ranks hazard areas for clearance by the composite score of the cells they cover.
///
/// For each hazard: mean and max score over its (distinct) cells, area, expected benefit per m²
/// cleared (= mean score), and each factor's share of the score so a planner sees *why* it ranks
/// where it does. Order: benefit per m² descending, then max score descending, both compared as
/// ``RoundedScore``s (24 significant bits), then id ascending, so equal hazards always come out in
/// the same order, and so do hazards whose scores differ only in the last bits that OpenBLAS
/// kernels sum differently. Hazards covering no grid cell are flagged
/// (``HazardRankEntry/hasCells`` false) and ranked last, by id, rather than rejected: a tiny polygon
/// must stay visible in the report.
///
/// ```swift
/// let ranking = try HazardRanking.rank(footprints: hazards, composite: composite)
/// ranking[0].id   // the area to clear first
/// ```
public enum HazardRanking {
    /// The ranking, first to clear first.
    ///
    /// - Throws: ``RiskModelError/duplicateHazardID(_:)``, ``RiskModelError/invalidHazardArea(id:value:)``,
    ///   ``RiskModelError/cellIndexOutOfRange(context:index:cellCount:)``.
    /// - Complexity: O(Σ cells · k + h log h) for h hazards and k factors.
    public static func rank(footprints: [HazardFootprint], composite: CompositeScore) throws -> [HazardRankEntry] {
        var seen = Set<String>()
        for footprint in footprints where !seen.insert(footprint.id).inserted {
            throw RiskModelError.duplicateHazardID(footprint.id)
        }
        let unranked = try footprints.map { try summarize($0, composite: composite) }
        let ordered = unranked.sorted(by: precedes)
        return ordered.enumerated().map { position, entry in
            HazardRankEntry(rank: position + 1, id: entry.id, name: entry.name, type: entry.type, status: entry.status,
                            areaSquareMetres: entry.areaSquareMetres, cellCount: entry.cellCount,
                            hasCells: entry.hasCells, meanScore: entry.meanScore, maxScore: entry.maxScore,
                            benefitPerSquareMetre: entry.benefitPerSquareMetre,
                            expectedBenefit: entry.expectedBenefit, factorShares: entry.factorShares)
        }
    }

    // MARK: Ordering

    /// Strict total order for ranking (ids are unique, so no two entries compare equal).
    static func precedes(_ a: HazardRankEntry, _ b: HazardRankEntry) -> Bool {
        if a.hasCells != b.hasCells { return a.hasCells }
        let (benefitA, benefitB) = (RoundedScore(a.benefitPerSquareMetre), RoundedScore(b.benefitPerSquareMetre))
        if benefitA != benefitB { return benefitA > benefitB }
        let (maxA, maxB) = (RoundedScore(a.maxScore), RoundedScore(b.maxScore))
        if maxA != maxB { return maxA > maxB }
        return a.id < b.id
    }

    // MARK: Per-hazard summary

    /// Scores of one hazard, with rank 0 (assigned after sorting).
    static func summarize(_ footprint: HazardFootprint, composite: CompositeScore) throws -> HazardRankEntry {
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
        let names = composite.weights.names
        guard !cells.isEmpty else {
            return HazardRankEntry(
                rank: 0, id: footprint.id, name: footprint.name, type: footprint.type, status: footprint.status,
                areaSquareMetres: footprint.areaSquareMetres, cellCount: 0, hasCells: false, meanScore: 0,
                maxScore: 0, benefitPerSquareMetre: 0, expectedBenefit: 0,
                factorShares: names.map { HazardRankEntry.FactorShare(factor: $0, share: 0) })
        }
        var layerSums = [Double](repeating: 0, count: k)
        var maxScore = 0.0
        let stacked = composite.layers.elements
        for cell in cells {
            maxScore = max(maxScore, composite.scores[cell])
            for f in 0..<k { layerSums[f] += stacked[cell * k + f] }
        }
        let count = Double(cells.count)
        // Contributions w_f · mean_f; their sum is the mean score (score is linear in the layers), and
        // computing the mean that way makes the shares sum to 1 exactly up to rounding.
        let contributions = (0..<k).map { composite.weights.values[$0] * layerSums[$0] / count }
        let meanScore = min(1, max(0, contributions.reduce(0, +)))
        let shares = (0..<k).map { f in
            HazardRankEntry.FactorShare(factor: names[f], share: meanScore > 0 ? contributions[f] / meanScore : 0)
        }
        return HazardRankEntry(
            rank: 0, id: footprint.id, name: footprint.name, type: footprint.type, status: footprint.status,
            areaSquareMetres: footprint.areaSquareMetres, cellCount: cells.count, hasCells: true,
            meanScore: meanScore, maxScore: maxScore, benefitPerSquareMetre: meanScore,
            expectedBenefit: meanScore * footprint.areaSquareMetres, factorShares: shares)
    }
}
