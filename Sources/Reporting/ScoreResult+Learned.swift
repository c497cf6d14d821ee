extension ScoreResult {
    /// The study area (`layers.study_area`): which cells were scored, ranked and validated.
    public struct StudyAreaSummary: Codable, Sendable, Equatable {
        public var includedCells: Int
        /// Cells of the grid outside the study area: nodata in rasters, left out of every statistic.
        public var excludedCells: Int
    }

    /// A risk model fitted to evidence (`scoring.learned`).
    public struct LearnedSummary: Codable, Sendable, Equatable {
        /// "incidents" or "outcomes".
        public var labels: String
        /// "logistic" or "poisson".
        public var family: String
        /// Whether the fitted surface is the priority score (ranking, raster, simulation).
        public var usedAsPriority: Bool
        public var features: [LearnedFeature]
        public var intercept: Double
        public var interceptStandardError: Double
        /// The ridge penalty chosen by spatial block cross-validation.
        public var penalty: Double
        /// "minimum" or "oneStandardError".
        public var rule: String
        public var folds: Int
        public var blockSizeMetres: Double
        /// Mean held-out deviance per training cell for each penalty tried, with its standard error.
        public var crossValidation: [CrossValidationPoint]
        public var trainingCells: Int
        /// Training cells labelled positive (an incident in the window, or mines found).
        public var positiveCells: Int
        /// With incident labels: features from evidence before this date, labels = incidents from it to `labelEnd`.
        public var featureDate: String?
        public var labelEnd: String?
        public var converged: Bool
        public var iterations: Int
        /// "cholesky" or "qr".
        public var solver: String
        /// The hand-set weights, beside the implied ones (`features[].impliedWeight`).
        public var handSetWeights: [FactorWeight]
        /// Covariates whose missing cells took the study area's median.
        public var imputed: [ImputedCovariate]
    }

    /// One feature of a learned model.
    public struct LearnedFeature: Codable, Sendable, Equatable {
        public var name: String
        /// Per unit of the normalised feature (0 to 1 across the study area).
        public var coefficient: Double
        public var standardError: Double
        /// Per standard deviation of the feature.
        public var standardizedCoefficient: Double
        /// coefficient ÷ Σ|coefficients|: comparable with a hand-set weight; negative = lower values mean more risk.
        public var impliedWeight: Double
    }

    public struct CrossValidationPoint: Codable, Sendable, Equatable {
        public var penalty: Double
        public var meanDeviance: Double
        /// Nil when fewer than two folds held rows.
        public var standardError: Double?
    }

    public struct ImputedCovariate: Codable, Sendable, Equatable {
        public var name: String
        public var cells: Int
    }

    /// One score map's metrics, named (the model, uniform and every baseline).
    public struct NamedMetrics: Codable, Sendable, Equatable {
        public var label: String
        public var metrics: Metrics
    }

    /// Block-bootstrap intervals of model − baseline.
    public struct BootstrapSummary: Codable, Sendable, Equatable {
        public var replicates: Int
        public var blockSizeMetres: Double
        public var blocks: Int
        public var seed: UInt64
        public var rows: [BootstrapRow]
    }

    public struct BootstrapRow: Codable, Sendable, Equatable {
        public var baseline: String
        /// "auc", "countWeightedAUC" or "hitRate5".
        public var metric: String
        public var model: Double
        public var baselineValue: Double
        public var difference: Double
        /// Percentile intervals of the difference (nil when too few resamples were valid).
        public var lower90: Double?
        public var upper90: Double?
        public var lower95: Double?
        public var upper95: Double?
        /// Share of resamples in which the model beats the baseline.
        public var shareModelBetter: Double
    }

    /// Calibration of fitted probabilities: Brier score and reliability bins.
    public struct ReliabilitySummary: Codable, Sendable, Equatable {
        public var brier: Double
        /// Brier score of always predicting the observed base rate.
        public var brierReference: Double
        /// 1 − brier ÷ brierReference (nil when the reference is 0).
        public var brierSkill: Double?
        public var expectedCalibrationError: Double
        public var bins: [ReliabilityBin]
    }

    public struct ReliabilityBin: Codable, Sendable, Equatable {
        public var count: Int
        public var meanPredicted: Double
        public var observedFrequency: Double
        public var lower: Double
        public var upper: Double
    }

    /// Hazard-area level: do areas with a later incident (or a find) rank higher?
    public struct HazardAreaSummary: Codable, Sendable, Equatable {
        public var areas: Int
        public var positives: Int
        public var auc: Double?
        /// Positives among the top 5, 10 and 20 areas.
        public var top: [TopAreas]
    }

    public struct TopAreas: Codable, Sendable, Equatable {
        public var count: Int
        public var positives: Double
    }

    /// A model trained on outcome labels, judged on out-of-fold predictions beside the baselines.
    public struct OutcomeValidationSummary: Codable, Sendable, Equatable {
        public var rows: [OutcomeMetrics]
        public var bootstrap: BootstrapSummary?
        public var reliability: ReliabilitySummary?
    }

    public struct OutcomeMetrics: Codable, Sendable, Equatable {
        public var label: String
        public var labelledCells: Int
        public var positiveCells: Int
        public var auc: Double?
        /// Share of mines-found cells in the top 5 % of the labelled area.
        public var hitRate5: Double
    }
}
