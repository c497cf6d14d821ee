import ClearcastDomain

// MARK: - HazardRankEntry

/// One hazard area's line in the priority ranking (see ``HazardRanking``).
///
/// ```swift
/// for entry in ranking {
///     print(entry.rank, entry.id, entry.benefitPerSquareMetre,
///           entry.factors.map { "\($0.factor) \($0.share) \($0.meanValue) #\($0.aloneRank)" })
/// }
/// ```
public struct HazardRankEntry: Sendable, Equatable, Codable {
    /// One factor's part in the hazard's score: its share, its mean value and the rank it alone gives.
    ///
    /// Why all three: shares say how the score splits, and with weights of 50/25/25 they are close to
    /// 50/25/25 for every area, so they cannot say why one area outranks another. The mean value says
    /// how high the area is on that factor (0 to 1, comparable between areas), and the alone-rank
    /// where that factor by itself would put it.
    public struct Factor: Sendable, Equatable, Codable {
        /// Factor (layer) name.
        public let factor: String
        /// `w_f × meanValue / meanScore`; shares sum to 1 (all 0 when meanScore is 0).
        public let share: Double
        /// Mean of the normalised layer over the hazard's distinct cells, in [0, 1] (0 without cells):
        /// the same average the mean score is made of (`meanScore = Σ w_f × meanValue_f`).
        public let meanValue: Double
        /// The hazard's rank (1 = first) when this factor alone is scored: the rank
        /// ``HazardRanking/rank(footprints:composite:)`` would give with weight 1 on this factor and 0
        /// on the others, i.e. by `meanValue` descending, then the factor's highest cell value
        /// descending, both compared as ``RoundedScore``s, then id ascending; hazards without cells
        /// last, by id. Every hazard gets a distinct alone-rank per factor.
        public let aloneRank: Int

        /// Creates a factor entry (``HazardRanking`` computes them; this is for reports and tests).
        public init(factor: String, share: Double, meanValue: Double, aloneRank: Int) {
            self.factor = factor
            self.share = share
            self.meanValue = meanValue
            self.aloneRank = aloneRank
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
    /// Each factor's share of the mean score, mean value and alone-rank, in factor order.
    public let factors: [Factor]

    /// Creates an entry (``HazardRanking/rank(footprints:composite:)`` computes them; this is for
    /// reports and tests).
    public init(rank: Int, id: String, name: String?, type: ContaminationType, status: HazardStatus,
                areaSquareMetres: Double, cellCount: Int, hasCells: Bool, meanScore: Double, maxScore: Double,
                benefitPerSquareMetre: Double, expectedBenefit: Double, factors: [Factor]) {
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
        self.factors = factors
    }
}
