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

    public struct GridSummary: Codable, Sendable, Equatable {
        public var epsg: Int
        public var minX: Double
        public var minY: Double
        public var cellSize: Double
        public var columns: Int
        public var rows: Int
    }

    public struct WeightsSummary: Codable, Sendable, Equatable {
        /// "direct" or "ahp".
        public var method: String
        /// Factor name → weight (summing to 1), in the fixed factor order.
        public var factors: [FactorWeight]
        public var ahp: AHPSummary?
    }

    public struct FactorWeight: Codable, Sendable, Equatable {
        public var factor: String
        public var weight: Double
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
        /// Each factor's share of the mean score (summing to 1 when the score is positive).
        public var shares: [FactorWeight]
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
    public static let identifier = "clearcast-result/2"
}
