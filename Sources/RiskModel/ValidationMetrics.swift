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
/// ```swift
/// let m = try ValidationMetrics.evaluate(label: "model", scores: composite.scores,
///                                        heldOutIncidentCells: laterIncidentCells)
/// m.hitRates[0].predictiveAccuracyIndex
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

        /// Creates a hit rate entry (``ValidationMetrics/evaluate(label:scores:heldOutIncidentCells:areaFractions:)``
        /// computes them; this is for reports and tests).
        public init(areaFraction: Double, hitRate: Double, predictiveAccuracyIndex: Double) {
            self.areaFraction = areaFraction
            self.hitRate = hitRate
            self.predictiveAccuracyIndex = predictiveAccuracyIndex
        }
    }

    /// Which scores these are ("model", "uniform", "contamination", ...).
    public let label: String
    /// Cells scored.
    public let cellCount: Int
    /// Held-out incidents (with multiplicity) inside the grid.
    public let incidentCount: Int
    /// Cells holding at least one held-out incident.
    public let positiveCellCount: Int
    /// One entry per requested area fraction, in the order requested.
    public let hitRates: [HitRate]
    /// ROC AUC over cells, or nil when undefined (no negative or no positive cell).
    public let rocAUC: Double?
    /// Incident-count-weighted ROC AUC, or nil when undefined.
    public let countWeightedAUC: Double?

    /// Creates metrics (``evaluate(label:scores:heldOutIncidentCells:areaFractions:)`` computes them;
    /// this is for reports and tests).
    public init(label: String, cellCount: Int, incidentCount: Int, positiveCellCount: Int, hitRates: [HitRate],
                rocAUC: Double?, countWeightedAUC: Double?) {
        self.label = label
        self.cellCount = cellCount
        self.incidentCount = incidentCount
        self.positiveCellCount = positiveCellCount
        self.hitRates = hitRates
        self.rocAUC = rocAUC
        self.countWeightedAUC = countWeightedAUC
    }

    /// The area fractions the issue asks for: top 5 %, 10 % and 20 % of area.
    public static let defaultAreaFractions = [0.05, 0.10, 0.20]

    /// Evaluates `scores` (one finite value per cell) against held-out incident cells (row-major
    /// indices, one entry per incident, repeats allowed).
    ///
    /// - Throws: ``RiskModelError/invalidLayerValue(layer:index:value:)`` for a non-finite score,
    ///   ``RiskModelError/cellIndexOutOfRange(context:index:cellCount:)``,
    ///   ``RiskModelError/invalidAreaFraction(_:)``, ``RiskModelError/noHeldOutIncidents``.
    /// - Complexity: O(n log n + n · fractions + incidents).
    public static func evaluate(label: String, scores: [Double], heldOutIncidentCells: [Int],
                                areaFractions: [Double] = defaultAreaFractions) throws -> ValidationMetrics {
        let n = scores.count
        if let bad = scores.firstIndex(where: { !$0.isFinite }) {
            throw RiskModelError.invalidLayerValue(layer: "\(label) scores", index: bad, value: scores[bad])
        }
        for fraction in areaFractions where !(fraction > 0 && fraction <= 1) {
            throw RiskModelError.invalidAreaFraction(fraction)
        }
        var counts = [Int](repeating: 0, count: n)
        for cell in heldOutIncidentCells {
            guard cell >= 0, cell < n else {
                throw RiskModelError.cellIndexOutOfRange(context: "held-out incident", index: cell, cellCount: n)
            }
            counts[cell] += 1
        }
        guard !heldOutIncidentCells.isEmpty else { throw RiskModelError.noHeldOutIncidents }
        let blocks = tieBlocks(scores: scores, counts: counts)
        let total = Double(heldOutIncidentCells.count)
        let hitRates = areaFractions.map { fraction -> HitRate in
            let rate = captured(blocks: blocks, budget: fraction * Double(n)) / total
            return HitRate(areaFraction: fraction, hitRate: rate, predictiveAccuracyIndex: rate / fraction)
        }
        let (auc, weighted) = areaUnderCurve(blocks: blocks)
        return ValidationMetrics(label: label, cellCount: n, incidentCount: heldOutIncidentCells.count,
                                 positiveCellCount: counts.lazy.filter { $0 > 0 }.count, hitRates: hitRates,
                                 rocAUC: auc, countWeightedAUC: weighted)
    }
}
