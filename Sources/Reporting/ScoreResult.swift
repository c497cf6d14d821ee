/// The result of `clearcast score`: weights, layer statistics, ranked hazard areas with each
/// factor's share, and (with `--holdout-after`) validation on held-out incidents.
///
/// Schema: `schemas/result.schema.json`, `kind: "score"`.
public struct ScoreResult: Codable, Sendable, Equatable {
    public var schema: String = ResultSchema.identifier
    public var kind: String = "score"
    public var provenance: Provenance
    public var grid: GridSummary
    public var weights: WeightsSummary
    public var layers: [LayerSummary]
    public var incidents: IncidentSummary
    public var hazards: [RankedHazard]
    public var validation: ValidationSummary?
    /// A coarse copy of the composite surface for maps in reports (at most 160 cells a side).
    public var preview: SurfacePreview
    /// Present when the scenario has `layers.study_area`.
    public var studyArea: StudyAreaSummary?
    /// Present when the scenario has `scoring.learned`.
    public var learned: LearnedSummary?
    /// Present when the learned model trains on outcome labels.
    public var outcomeValidation: OutcomeValidationSummary?

    public struct GridSummary: Codable, Sendable, Equatable {
        public var epsg: Int
        public var minX: Double
        public var minY: Double
        public var cellSize: Double
        public var columns: Int
        public var rows: Int
    }

    public struct WeightsSummary: Codable, Sendable, Equatable {
        /// "direct", "ahp", or "learned" (the fitted model's implied weights, see ``LearnedSummary``).
        public var method: String
        /// Each factor's weight in the composite score (summing to 1), in the fixed factor order.
        public var factors: [FactorWeight]
        public var ahp: AHPSummary?
    }

    /// A factor's weight: the same for every cell and hazard (not a hazard's share, see ``HazardFactor``).
    public struct FactorWeight: Codable, Sendable, Equatable {
        public var factor: String
        public var weight: Double
    }

    /// One factor of a ranked hazard: why the hazard ranks where it does.
    public struct HazardFactor: Codable, Sendable, Equatable {
        public var factor: String
        /// The factor's share of the hazard's mean score, `weight × meanValue ÷ meanScore` (shares sum
        /// to 1 when the score is positive). Written as `weight` before `clearcast-result/2`.
        public var share: Double
        /// Mean normalised value of the factor over the hazard's cells, in [0, 1]: the mean score is
        /// the weighted sum of these. Absent only in results read from `clearcast-result/1`.
        public var meanValue: Double?
        /// The hazard's rank when this factor alone is scored (1 = first; same tie rules as `rank`).
        /// Absent only in results read from `clearcast-result/1`.
        public var aloneRank: Int?

        public init(factor: String, share: Double, meanValue: Double? = nil, aloneRank: Int? = nil) {
            self.factor = factor
            self.share = share
            self.meanValue = meanValue
            self.aloneRank = aloneRank
        }
    }

    public struct AHPSummary: Codable, Sendable, Equatable {
        public var lambdaMax: Double
        public var consistencyIndex: Double
        public var randomIndex: Double
        public var consistencyRatio: Double
        /// True when the ratio exceeded 0.10 and the scenario accepted it explicitly.
        public var acceptedInconsistent: Bool
    }

    public struct LayerSummary: Codable, Sendable, Equatable {
        public var factor: String
        /// Statistics of the raw layer (before normalisation), in its own units.
        public var units: String
        public var minimum: Double
        public var maximum: Double
        public var mean: Double
        public var nonZeroCells: Int
    }

    public struct IncidentSummary: Codable, Sendable, Equatable {
        public var used: Int
        public var outsideGrid: Int
        public var afterReferenceDate: Int
        public var heldOut: Int
        public var totalWeight: Double
        /// Share of incident weight whose kernel mass falls outside the grid.
        public var edgeLossShare: Double
    }

    public struct RankedHazard: Codable, Sendable, Equatable {
        public var rank: Int
        public var id: String
        public var name: String?
        public var type: String
        public var status: String
        public var region: String?
        public var areaSquareMetres: Double
        public var cells: Int
        public var meanScore: Double
        public var maxScore: Double
        /// Expected risk reduction per m² cleared (the ranking key).
        public var benefitPerSquareMetre: Double
        /// Per factor, in the weights' order: its share of the mean score, mean value and alone-rank.
        /// (`clearcast-result/1` called this `shares`, with each share under `weight`; decoding reads
        /// those names in such files, see `ScoreResult+PreviousSchema.swift`.)
        public var factors: [HazardFactor]
        /// Expected effort to release the area and the civilian risk it removes, when the scenario
        /// has a `simulation:` section (teams to do the work).
        public var effort: HazardEffort?

        enum CodingKeys: String, CodingKey {
            case rank, id, name, type, status, region, areaSquareMetres, cells, meanScore, maxScore, benefitPerSquareMetre, factors, effort
        }
    }

    /// A hazard's expected effort and risk removed per effort (see `TaskEffort` in ClearanceModel):
    /// team-days of the fielded mix (weather days included), the direct cost, the civilian
    /// casualties a year the exposure model gives the area if it is left (mean over the horizon,
    /// independent of the weights), and that risk per team-day and per million of money.
    public struct HazardEffort: Codable, Sendable, Equatable {
        /// Nil when no fielded team can do one of its steps.
        public var teamDays: Double?
        public var cost: Double?
        public var casualtiesPerYear: Double
        public var casualtiesPerYearPerTeamDay: Double
        public var casualtiesPerYearPerMillion: Double?
        /// Rank by risk per team-day (1 = first), the `risk_per_effort` tasking order.
        public var effortRank: Int
    }

    public struct ValidationSummary: Codable, Sendable, Equatable {
        public var holdoutAfter: String
        public var trainingIncidents: Int
        public var heldOutIncidents: Int
        public var model: Metrics
        public var uniform: Metrics
        public var contaminationOnly: Metrics
        /// The incident-density layer alone (nil when the weights do not use incidents).
        public var densityOnly: Metrics?
        /// Every score map compared (model, uniform, then each baseline), by name.
        public var all: [NamedMetrics]?
        /// Grid cells outside the study area (not scored) and held-out incidents that fell in them.
        public var excludedCells: Int?
        public var heldOutOutsideStudyArea: Int?
        public var bootstrap: BootstrapSummary?
        /// Calibration of the learned model's probabilities on the held-out incidents.
        public var reliability: ReliabilitySummary?
        public var hazardAreas: HazardAreaSummary?
    }

    public struct Metrics: Codable, Sendable, Equatable {
        /// Hit rate (share of held-out incidents) in the top 5, 10 and 20% of area.
        public var hitRate5: Double
        public var hitRate10: Double
        public var hitRate20: Double
        /// Predictive accuracy index: hit rate ÷ area share.
        public var pai5: Double
        public var pai10: Double
        public var pai20: Double
        /// ROC AUC over cells (cells holding a held-out incident are positives); absent when every
        /// cell, or none, holds a held-out incident.
        public var auc: Double?
        /// ROC AUC with each positive cell weighted by its number of held-out incidents.
        public var countWeightedAUC: Double?
    }

    public struct SurfacePreview: Codable, Sendable, Equatable {
        public var rows: Int
        public var columns: Int
        /// Grid cells per preview cell along each axis.
        public var factor: Int
        /// Row-major, north first, mean composite score rounded to 4 decimals.
        public var values: [Double]
        /// Hazard outlines are not stored; the top hazards' centroids are, for labels.
        public var labels: [Label]
    }

    public struct Label: Codable, Sendable, Equatable {
        public var rank: Int
        public var id: String
        public var x: Double
        public var y: Double
    }
}

/// The identifier and version of the result schema, shared by score, simulate and compare.
public enum ResultSchema {
    /// What clearcast writes.
    public static let identifier = "clearcast-result/2"
    /// The previous version, which `report` still reads (see ``ResultFile/read(data:path:)``): its
    /// score results keep each hazard's factor shares under `shares[].weight` and have no factor
    /// values or alone-ranks; its content hash was formed another way. Otherwise it is the same.
    public static let previous = "clearcast-result/1"
    /// Every identifier `report` reads.
    public static let readable = [identifier, previous]

    /// The key under which a decoder's `userInfo` holds the identifier of the file being decoded, so
    /// that types whose fields were renamed can read the previous version's names.
    public static let userInfoKey = CodingUserInfoKey(rawValue: "clearcast.result.schema")!
}
