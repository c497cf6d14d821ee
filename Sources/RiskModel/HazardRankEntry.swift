import ClearcastDomain

// MARK: - HazardRankEntry

/// One hazard area's line in the priority ranking (see ``HazardRanking``).
///
/// ```swift
/// for entry in ranking {
///     print(entry.rank, entry.id, entry.benefitPerSquareMetre,
///           entry.factorShares.map { "\($0.factor) \($0.share)" })
/// }
/// ```
public struct HazardRankEntry: Sendable, Equatable, Codable {
    /// A factor's share of the hazard's mean score.
    public struct FactorShare: Sendable, Equatable, Codable {
        /// Factor (layer) name.
        public let factor: String
        /// `w_f × mean(layer f over the hazard's cells) / meanScore`; shares sum to 1 (all 0 when meanScore is 0).
        public let share: Double

        /// Creates a share (``HazardRanking`` computes them; this is for reports and tests).
        public init(factor: String, share: Double) {
            self.factor = factor
            self.share = share
        }
    }

    /// 1 = clear first. Every hazard gets a distinct rank.
    public let rank: Int
    /// Hazard id.
    public let id: String
    /// Hazard name, if any.
    public let name: String?
    /// Ordnance type.
    public let type: ContaminationType
    /// Confirmed or suspected.
    public let status: HazardStatus
    /// True polygon area in square metres.
    public let areaSquareMetres: Double
    /// Number of distinct grid cells the hazard covers.
    public let cellCount: Int
    /// False when the polygon covered no cell of the grid (too small or outside); such hazards have
    /// all scores 0 and are ranked after every hazard that has cells.
    public let hasCells: Bool
    /// Mean composite score over the hazard's cells, in [0, 1].
    public let meanScore: Double
    /// Highest composite score among the hazard's cells (the worst spot).
    public let maxScore: Double
    /// Expected risk reduction per square metre cleared: the mean score (each cleared m² is equally
    /// likely to lie in any of the hazard's cells). The ranking key.
    public let benefitPerSquareMetre: Double
    /// Expected total risk reduction from clearing the whole area: `meanScore × area` (score·m²).
    public let expectedBenefit: Double
    /// Each factor's share of the mean score, in factor order.
    public let factorShares: [FactorShare]

    /// Creates an entry (``HazardRanking/rank(footprints:composite:)`` computes them; this is for
    /// reports and tests).
    public init(rank: Int, id: String, name: String?, type: ContaminationType, status: HazardStatus,
                areaSquareMetres: Double, cellCount: Int, hasCells: Bool, meanScore: Double, maxScore: Double,
                benefitPerSquareMetre: Double, expectedBenefit: Double, factorShares: [FactorShare]) {
        self.rank = rank
        self.id = id
        self.name = name
        self.type = type
        self.status = status
        self.areaSquareMetres = areaSquareMetres
        self.cellCount = cellCount
        self.hasCells = hasCells
        self.meanScore = meanScore
        self.maxScore = maxScore
        self.benefitPerSquareMetre = benefitPerSquareMetre
        self.expectedBenefit = expectedBenefit
        self.factorShares = factorShares
    }
}
