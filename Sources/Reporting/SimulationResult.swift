/// The result of `clearcast simulate`: completion-date distributions, area released per year,
/// casualties expected and averted, team use.
///
/// Schema: `schemas/result.schema.json`, `kind: "simulate"`.
public struct SimulationResult: Codable, Sendable, Equatable {
    public var schema: String = ResultSchema.identifier
    public var kind: String = "simulate"
    public var provenance: Provenance
    public var scenario: String
    public var startDate: String
    public var horizonYears: Double
    public var replications: Int
    public var policy: String
    public var completion: Completion
    /// Hazardous area at the start date: the stock the yearly remaining areas come down from.
    public var initialArea: InitialArea
    /// One entry per calendar year from the start date's year to the horizon's end; the first and
    /// last may be partial.
    public var yearly: [YearSummary]
    public var casualties: Casualties
    /// Worked days ÷ (fielded working days − days lost to weather), per team kind.
    public var utilisation: [String: Double]
    public var teamYears: Quantiles
    public var cost: Cost?
    /// Mean teams stood down for lack of eligible work, and retrained to another group (absent in older results).
    public var teamsStoodDown: Double?
    public var teamsRetrained: Double?
    public var eventsSimulated: Int
    /// Replications that still had hazardous area at the horizon.
    public var unfinishedReplications: Int
    public var warnings: [String]
    /// Release-date quantiles per hazard area (for GIS layers).
    public var tasks: [TaskRelease]
    /// Areas found during the forecast (`simulation.discovery`), one per rule and year; absent
    /// without discovery rules. They have no polygon, so GIS layers leave them out.
    public var discoveries: [Discovery]? = nil

    public struct Completion: Codable, Sendable, Equatable {
        public var overall: DateQuantiles
        /// By contamination type code: "UXO done in X years, mined areas in Y years".
        public var byType: [String: DateQuantiles]
        public var byRegion: [String: DateQuantiles]
    }

    /// m² hazardous at the start date, overall and per contamination type.
    public struct InitialArea: Codable, Sendable, Equatable {
        public var total: Double
        public var byType: [String: Double]
    }

    public struct YearSummary: Codable, Sendable, Equatable {
        /// The calendar year, e.g. 2026.
        public var year: Int
        /// First and last day of the year within the horizon (YYYY-MM-DD): 1 January and
        /// 31 December, except the start date in the first year and the horizon's last day in the last.
        public var firstDate: String
        public var lastDate: String
        /// Days from `firstDate` to `lastDate`, both included.
        public var days: Int
        /// True when the horizon covers only part of the calendar year.
        public var partial: Bool
        /// m² released in the year by each land-release outcome.
        public var cancelled: Quantiles
        public var reduced: Quantiles
        /// Cleared, battle-area clearance included (`battleAreaCleared` is that part of it).
        public var cleared: Quantiles
        public var battleAreaCleared: Quantiles?
        /// Money spent in the year, when the scenario has costs.
        public var cost: Quantiles?
        /// m² still hazardous at the end of the year (after `lastDate`), overall and per contamination type.
        public var remaining: Quantiles
        public var remainingByType: [String: Quantiles]
        /// m² released in the year per contamination type, by all methods (absent in older results).
        public var releasedByType: [String: Quantiles]?
        /// Expected civilian casualties in the year, and deminer casualties (absent in older results).
        public var civilianCasualties: Quantiles?
        public var deminerCasualties: Quantiles?
        /// m² of new hazardous land found in the year (`simulation.discovery`); absent without it.
        public var discovered: Quantiles? = nil
    }

    public struct Casualties: Codable, Sendable, Equatable {
        /// Expected civilian casualties over the horizon with the simulated clearance.
        public var civilianExpected: Quantiles
        /// Expected civilian casualties over the horizon with no clearance at all.
        public var civilianWithoutClearance: Double
        public var civilianAverted: Quantiles
        public var deminers: Quantiles
        public var accidents: Quantiles
    }

    public struct Cost: Codable, Sendable, Equatable {
        public var currency: String
        public var total: Quantiles
        /// Money until everything was released, over the replications that finished.
        public var toCompletion: Quantiles?
        public var completedShare: Double?
        /// Direct cost per m² released, keyed cancelled / reduced / cleared / battleAreaCleared.
        public var perSquareMetre: [String: Double]?
        /// Share of the total that is not direct step work (travel, mobilisation, standby, retraining).
        public var overheadShare: Double?
    }

    /// One discovered area: where, what and when it was found, its mean size, and its release.
    public struct Discovery: Codable, Sendable, Equatable {
        public var id: String
        public var region: String
        public var type: String
        public var status: String
        public var year: Int
        public var foundDate: String
        public var meanArea: Double
        public var release: DateQuantiles
    }

    public struct TaskRelease: Codable, Sendable, Equatable {
        public var id: String
        public var release: DateQuantiles
    }
}
