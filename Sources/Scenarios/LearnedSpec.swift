import ClearcastDomain

/// The `scoring.learned:` section: a risk model fitted to evidence (labels) instead of weights set by hand.
///
/// Every feature is a layer on the grid, normalised the way the scenario normalises its factors
/// (so coefficients are comparable with hand-set weights); distances become proximities (nearer
/// is higher) before normalising. The model is a ridge-penalised GLM whose penalty is chosen by
/// spatial block cross-validation (see `docs/learned-risk.md`).
///
/// ```yaml
/// scoring:
///   learned:
///     labels: incidents          # or outcomes (layers.outcomes: mines found / nothing found)
///     window_years: 3            # incidents of the last 3 years are the labels; features use what came before
///     features: [incidents, contamination, distance_to_incidents, elevation]
///     block_size_m: 20000
///     use_as_priority: true      # the fitted surface ranks the hazard areas
/// ```
public struct LearnedSpec: Sendable, Equatable {
    /// What the model learns to predict.
    public enum Labels: String, Sendable, CaseIterable {
        /// Cells with at least one incident in the label window (logistic) or their count (poisson).
        case incidents
        /// Cells inside `layers.outcomes` polygons: mines found (1) or nothing found (0).
        case outcomes
    }

    /// The GLM family.
    public enum Family: String, Sendable, CaseIterable {
        case logistic
        case poisson
    }

    /// One column of the design.
    public enum Feature: Sendable, Equatable, Hashable {
        /// A priority factor's layer (incident density, return pressure, contamination, land value).
        case factor(PriorityFactor)
        /// Proximity to the nearest incident dated before the feature date.
        case distanceToIncidents
        /// Proximity to the nearest hazard-area cell (confirmed or suspected).
        case distanceToHazards
        /// Proximity to the nearest confirmed (CHA) hazard-area cell.
        case distanceToConfirmedHazards
        /// Proximity to the nearest suspected (SHA) hazard-area cell.
        case distanceToSuspectedHazards
        /// Proximity to the nearest cell where clearance found mines (`layers.outcomes`); not with outcome labels.
        case distanceToFinds
        /// Incidents dated before the feature date within this many metres of the cell centre (exact disc count).
        case incidentsWithin(metres: Int)
        /// A covariate raster named in `layers.covariates`.
        case covariate(String)

        /// The name the scenario file and results use.
        public var name: String {
            switch self {
            case .factor(let factor): factor.rawValue
            case .distanceToIncidents: "distance_to_incidents"
            case .distanceToHazards: "distance_to_hazards"
            case .distanceToConfirmedHazards: "distance_to_confirmed_hazards"
            case .distanceToSuspectedHazards: "distance_to_suspected_hazards"
            case .distanceToFinds: "distance_to_finds"
            case .incidentsWithin(let metres): "incidents_within_\(metres)m"
            case .covariate(let name): name
            }
        }

        /// The built-in feature names (covariates add their own; `incidents_within_<R>m` takes any radius).
        public static let builtInNames = PriorityFactor.allCases.map(\.rawValue)
            + ["distance_to_incidents", "distance_to_hazards", "distance_to_confirmed_hazards", "distance_to_suspected_hazards",
               "distance_to_finds", "incidents_within_5000m"]

        /// The built-in feature called `name`, or nil.
        public init?(builtIn name: String) {
            if let factor = PriorityFactor(rawValue: name) { self = .factor(factor); return }
            switch name {
            case "distance_to_incidents": self = .distanceToIncidents
            case "distance_to_hazards": self = .distanceToHazards
            case "distance_to_confirmed_hazards": self = .distanceToConfirmedHazards
            case "distance_to_suspected_hazards": self = .distanceToSuspectedHazards
            case "distance_to_finds": self = .distanceToFinds
            default:
                // incidents_within_<R>m, R a whole number of metres from 1 to 10^6.
                guard name.hasPrefix("incidents_within_"), name.hasSuffix("m"),
                      let metres = Int(name.dropFirst("incidents_within_".count).dropLast()), (1...1_000_000).contains(metres)
                else { return nil }
                self = .incidentsWithin(metres: metres)
            }
        }
    }

    public var labels: Labels = .incidents
    public var family: Family = .logistic
    /// With incident labels: the label window's length before the reference date, in years.
    public var windowYears: Double = 3
    public var features: [Feature] = []
    /// Side of the square cross-validation blocks, metres.
    public var blockSizeMetres: Double = 20_000
    public var folds: Int = 5
    /// Ridge penalties tried by block cross-validation (on standardised features).
    public var penalties: [Double] = [0.001, 0.01, 0.1, 1, 10, 100]
    /// Seeds the assignment of blocks to folds and the block bootstrap.
    public var seed: UInt64 = 1
    /// Whether the fitted surface (not the hand-set weights) is the priority score.
    public var useAsPriority: Bool = false

    public init() {}
}

/// One entry of `layers.covariates:` — a raster resampled onto the grid.
public struct CovariateSpec: Sendable, Equatable {
    /// How source pixels become grid cells (gdalwarp's `-r`).
    public enum Resampling: String, Sendable, CaseIterable {
        case nearest, bilinear, cubic, average, mode
    }

    /// The feature name (`scoring.learned.features` refers to it).
    public var name: String
    public var source: LayerSpec.Source
    /// 1-based band number.
    public var band: Int
    public var resampling: Resampling
}
