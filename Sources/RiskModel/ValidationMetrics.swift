// MARK: - ValidationMetrics

/// How well a score map anticipated held-out incidents (those after the split date, while the
/// incident layer was built only from incidents before it).
///
/// - **Hit rate at p** — share of held-out incidents in the top `p` of area (cells by score,
///   descending). Cells with equal scores are one block: when the block straddles the cut-off it is
///   taken *fractionally* (the remaining area over the block's area, times the block's incidents),
///   so ties are never broken in the model's favour and uniform scores give hit rate = p exactly.
/// - **PAI** (predictive accuracy index, Chainey et al. 2008) — hit rate / area share; 1 = no better than chance.
/// - **ROC AUC** over cells — a cell is positive if it holds >= 1 held-out incident; the Mann–Whitney
///   statistic with ties counted as ½ (mid-ranks), so uniform scores give exactly 0.5. Nil when all
///   cells are positive or none is.
/// - **Count-weighted AUC** — the same with each positive cell weighted by its number of incidents
///   (the chance that a random incident's cell outscores a random incident-free cell).
///
/// With an include mask (the study area) only included cells count: excluded cells are neither
/// positives nor negatives nor area, and held-out incidents in them are counted in
/// ``excludedIncidentCount``, not scored.
///
/// ```swift
/// let m = try ValidationMetrics.evaluate(label: "model", scores: composite.scores,
///                                        heldOutIncidentCells: laterIncidentCells, include: insideCountry)
/// m.hitRates[0].predictiveAccuracyIndex
/// m.excludedCellCount   // cells outside the study area
/// ```
public struct ValidationMetrics: Sendable, Equatable, Codable {
    /// Hit rate and PAI at one area fraction.
    public struct HitRate: Sendable, Equatable, Codable {
        /// Share of the grid's area (cells) flagged, in (0, 1].
        public let areaFraction: Double
        /// Share of held-out incidents inside the flagged area, in [0, 1].
        public let hitRate: Double
        /// `hitRate / areaFraction`.
        public let predictiveAccuracyIndex: Double

        /// Creates a hit rate entry (``ValidationMetrics/evaluate(label:scores:heldOutIncidentCells:include:areaFractions:)``
        /// computes them; this is for reports and tests).
        public init(areaFraction: Double, hitRate: Double, predictiveAccuracyIndex: Double) {
            self.areaFraction = areaFraction
            self.hitRate = hitRate
            self.predictiveAccuracyIndex = predictiveAccuracyIndex
        }
    }

    /// Which scores these are ("model", "uniform", "contamination", ...).
    public let label: String
    /// Cells scored (inside the study area when a mask is given).
    public let cellCount: Int
    /// Held-out incidents (with multiplicity) inside the grid and the study area.
    public let incidentCount: Int
    /// Cells holding at least one held-out incident.
    public let positiveCellCount: Int
    /// One entry per requested area fraction, in the order requested.
    public let hitRates: [HitRate]
    /// ROC AUC over cells, or nil when undefined (no negative or no positive cell).
    public let rocAUC: Double?
    /// Incident-count-weighted ROC AUC, or nil when undefined.
    public let countWeightedAUC: Double?
    /// Cells outside the study area (0 without a mask): not scored.
    public let excludedCellCount: Int
    /// Held-out incidents in cells outside the study area: counted here, not scored.
    public let excludedIncidentCount: Int

    /// Creates metrics (``evaluate(label:scores:heldOutIncidentCells:include:areaFractions:)`` computes them;
    /// this is for reports and tests).
    public init(label: String, cellCount: Int, incidentCount: Int, positiveCellCount: Int, hitRates: [HitRate],
                rocAUC: Double?, countWeightedAUC: Double?, excludedCellCount: Int = 0, excludedIncidentCount: Int = 0) {
        self.label = label
        self.cellCount = cellCount
        self.incidentCount = incidentCount
        self.positiveCellCount = positiveCellCount
        self.hitRates = hitRates
        self.rocAUC = rocAUC
        self.countWeightedAUC = countWeightedAUC
        self.excludedCellCount = excludedCellCount
        self.excludedIncidentCount = excludedIncidentCount
    }

    /// The area fractions the issue asks for: top 5 %, 10 % and 20 % of area.
    public static let defaultAreaFractions = [0.05, 0.10, 0.20]

    /// Evaluates `scores` (one value per cell, finite inside the study area) against held-out
    /// incident cells (row-major indices, one entry per incident, repeats allowed), over the cells
    /// `include` keeps (all cells when nil).
    ///
    /// - Throws: ``RiskModelError/invalidLayerValue(layer:index:value:)`` for a non-finite score inside
    ///   the study area, ``RiskModelError/cellIndexOutOfRange(context:index:cellCount:)``,
    ///   ``RiskModelError/cellCountMismatch(context:expected:found:)`` for a mask of the wrong length,
    ///   ``RiskModelError/invalidAreaFraction(_:)``, ``RiskModelError/noHeldOutIncidents`` (no incident
    ///   at all), ``ValidationError/noHeldOutIncidentsInStudyArea(excluded:)`` (all outside it),
    ///   ``ValidationError/emptyStudyArea(cellCount:)``.
    /// - Complexity: O(n log n + n · fractions + incidents).
    public static func evaluate(label: String, scores: [Double], heldOutIncidentCells: [Int], include: [Bool]? = nil,
                                areaFractions: [Double] = defaultAreaFractions) throws -> ValidationMetrics {
        let area = try StudyAreaCells(include: include, cellCount: scores.count)
        try area.checkScores(scores, label: label)
        for fraction in areaFractions where !(fraction > 0 && fraction <= 1) {
            throw RiskModelError.invalidAreaFraction(fraction)
        }
        let (counts, excludedIncidents) = try area.incidentCounts(heldOutIncidentCells)
        guard !heldOutIncidentCells.isEmpty else { throw RiskModelError.noHeldOutIncidents }
        let inside = heldOutIncidentCells.count - excludedIncidents
        guard inside > 0 else { throw ValidationError.noHeldOutIncidentsInStudyArea(excluded: excludedIncidents) }
        let kept = area.compact(scores)
        let n = kept.count
        let blocks = tieBlocks(scores: kept, counts: counts)
        let total = Double(inside)
        let hitRates = areaFractions.map { fraction -> HitRate in
            let rate = captured(blocks: blocks, budget: fraction * Double(n)) / total
            return HitRate(areaFraction: fraction, hitRate: rate, predictiveAccuracyIndex: rate / fraction)
        }
        let (auc, weighted) = areaUnderCurve(blocks: blocks)
        return ValidationMetrics(label: label, cellCount: n, incidentCount: inside,
                                 positiveCellCount: counts.lazy.filter { $0 > 0 }.count, hitRates: hitRates,
                                 rocAUC: auc, countWeightedAUC: weighted, excludedCellCount: area.excludedCount,
                                 excludedIncidentCount: excludedIncidents)
    }

    private enum CodingKeys: String, CodingKey {
        case label, cellCount, incidentCount, positiveCellCount, hitRates, rocAUC, countWeightedAUC
        case excludedCellCount, excludedIncidentCount
    }

    /// Decodes metrics; results written before study areas existed lack the excluded counts (0).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(label: try c.decode(String.self, forKey: .label), cellCount: try c.decode(Int.self, forKey: .cellCount),
                  incidentCount: try c.decode(Int.self, forKey: .incidentCount),
                  positiveCellCount: try c.decode(Int.self, forKey: .positiveCellCount),
                  hitRates: try c.decode([HitRate].self, forKey: .hitRates),
                  rocAUC: try c.decodeIfPresent(Double.self, forKey: .rocAUC),
                  countWeightedAUC: try c.decodeIfPresent(Double.self, forKey: .countWeightedAUC),
                  excludedCellCount: try c.decodeIfPresent(Int.self, forKey: .excludedCellCount) ?? 0,
                  excludedIncidentCount: try c.decodeIfPresent(Int.self, forKey: .excludedIncidentCount) ?? 0)
    }
}
