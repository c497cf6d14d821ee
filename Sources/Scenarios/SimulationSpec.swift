import ClearanceModel
import ClearcastDomain
import EventSimulation
import RiskModel

/// The `simulation:` section: teams, calendar, land release shares, accidents and civilian risk.
/// `Scenario+ClearanceInputs` turns it (with the hazard layer) into a clearance model.
public struct SimulationSpec: Sendable, Equatable {
    /// A day of the year that recurs (holidays, season bounds): month 1–12, day 1–31.
    public struct MonthDay: Sendable, Equatable, Hashable {
        public var month: Int
        public var day: Int
    }

    /// A seasonal stoppage in some regions, recurring every year (may wrap over the new year).
    public struct Stoppage: Sendable, Equatable {
        /// The stoppage's `name:`, optional: a variant that `extends:` the scenario refers to it by name.
        public var name: String?
        public var regions: [String]
        public var from: MonthDay
        public var to: MonthDay
    }

    public struct Calendar: Sendable, Equatable {
        /// ISO weekdays worked, 1 = Monday … 7 = Sunday.
        public var workingDays: Set<Int> = [1, 2, 3, 4, 5, 6]
        public var recurringHolidays: [MonthDay] = []
        public var holidays: [CivilDate] = []
        /// Share of working days lost to weather, in [0, 1).
        public var weatherLoss: Double = 0
        public var stoppages: [Stoppage] = []
    }

    public struct Team: Sendable, Equatable {
        /// The group's `name:`, optional and unique: variants (`extends:`) and `--set` select the
        /// group by it (`simulation.teams[name=mechanical].count=*2`).
        public var name: String?
        public var kind: TeamKind
        public var count: Int
        /// Steps this team may do; nil means the defaults for its kind.
        public var steps: [LandReleaseStep]?
        /// Contamination types this team may work on; nil means the defaults for its kind
        /// (battle-area teams: UXO only; others: all).
        public var types: [ContaminationType]?
        /// m² per team-day: "default" and per contamination type code (AP, AV, CM, UXO).
        public var productivity: [String: Distribution]
        /// Productivity multipliers per terrain class.
        public var terrainFactors: [String: Double]
        /// Base location in grid CRS metres; nil means the grid centre.
        public var base: (x: Double, y: Double)?
        public var travelKmPerDay: Double
        public var mobilisationDays: Double
        public var availableFrom: CivilDate?
        public var availableTo: CivilDate?
        /// Team count from 1 January of each listed year on (funding changes).
        public var capacityPlan: [Int: Int]
        /// Extra days before teams added after the start can mobilise (buying machines, recruiting).
        public var procurementDays: Int = 0
        /// New teams' learning curve: `initialShare` of productivity rising to 1 over `days`.
        public var rampUp: (days: Int, initialShare: Double)?
        /// When this team's work runs out: retrain into the team named `team`, taking `days`.
        public var retrainTo: (team: String, days: Int)?

        public static func == (a: Team, b: Team) -> Bool {
            a.procurementDays == b.procurementDays && a.rampUp?.days == b.rampUp?.days && a.rampUp?.initialShare == b.rampUp?.initialShare
                && a.retrainTo?.team == b.retrainTo?.team && a.retrainTo?.days == b.retrainTo?.days && a.sameCore(as: b)
        }

        private func sameCore(as b: Team) -> Bool {
            let a = self
            return a.name == b.name && a.kind == b.kind && a.count == b.count && a.steps == b.steps && a.types == b.types && a.productivity == b.productivity
                && a.terrainFactors == b.terrainFactors && a.base?.x == b.base?.x && a.base?.y == b.base?.y
                && a.travelKmPerDay == b.travelKmPerDay && a.mobilisationDays == b.mobilisationDays
                && a.availableFrom == b.availableFrom && a.availableTo == b.availableTo && a.capacityPlan == b.capacityPlan
        }
    }

    public struct Accidents: Sendable, Equatable {
        public var ratePerSquareKilometre: Double = 0
        public var standDownDays: Double = 14
        public var casualtiesPerAccident: Double = 1
    }

    public struct CivilianRisk: Sendable, Equatable {
        /// Civilian incidents per year at the start, over all remaining hazardous area.
        public var incidentsPerYear: Double = 0
        public var casualtiesPerIncident: Double = 1
        public var hazardByType: [ContaminationType: Double] = [:]
        public var hazardByDensity: [DensityClass: Double] = [:]
        public var hazardByStatus: [HazardStatus: Double] = [:]
        /// People exposed near every area whatever the returns (default 1).
        public var backgroundPeople: Double = 1
        /// Decay distance σ of a settlement's exposure, metres; nil: the return-pressure layer's.
        public var reachMetres: Double?
        public var returnSchedule: [CivilianRiskModel.ReturnPoint] = []
        public var markingEffect: Double = 0
        public var confirmedMarkedAtStart: Bool = false
        public var riskEducation: CivilianRiskModel.RiskEducation?
        /// Exposure multiplier per land-use class (`land_use_exposure`); empty: every area 1.
        public var landUseExposure: [LandUseClass: Double] = [:]
    }

    public struct Costs: Sendable, Equatable {
        public var currency: String
        public var perTeamDay: [TeamKind: Double]
        /// Share of the rate paid for a fielded team-day without work (default 1).
        public var standbyShare: Double = 1
        /// One-off cost of retraining a team into each kind.
        public var retrainingPerTeam: [TeamKind: Double] = [:]
        /// Yearly budget from each listed calendar year on; empty: no cap.
        public var budgetPerYear: [Int: Double] = [:]
    }

    public var startDate: CivilDate
    /// Whole years simulated from the start date.
    public var horizonYears: Int = 15
    public var replications: Int = 200
    public var seed: UInt64 = 1
    /// The tasking policy (`region_sequence` carries its regions).
    public var policy: TaskSelectionPolicy = .riskPriority
    public var calendar = Calendar()
    /// Share of a suspected area that non-technical survey cancels.
    public var ntsCancelShare: Distribution = .constant(0)
    /// Share of what remains that technical survey reduces.
    public var tsReduceShare: Distribution = .constant(0)
    /// How many times faster than full clearance technical survey covers ground. Default 4: TS
    /// samples about a quarter of an area (UXO Lao's enhanced TS samples 25% [S], sources §2).
    public var tsSpeedFactor: Double = 4
    /// Cancellation shares for particular contamination types.
    public var ntsCancelShareByType: [ContaminationType: Distribution] = [:]
    /// Reduction shares for a type, an evidence class (CHA/SHA) or both ("AP/CHA").
    public var tsReduceShareByClass: [LandReleaseParameters.ShareClass: Distribution] = [:]
    /// Share of an area technical survey actually works (samples).
    public var tsSampledShare: Double = 1
    /// Survey shares per hazard evidence strength (`*_by_evidence`): they win over type and class.
    public var ntsCancelShareByEvidence: [EvidenceStrength: Distribution] = [:]
    public var tsReduceShareByEvidence: [EvidenceStrength: Distribution] = [:]
    /// Ageing suspicion (`nts_cancel_rise_per_year`): 0 = off.
    public var ntsCancelRisePerYear: Double = 0
    /// New suspected land found during the forecast (`discovery:`).
    public var discoveries: [Discovery] = []

    /// One `discovery:` item: land of one type found in one region every year from `from` to `to`.
    public struct Discovery: Sendable, Equatable {
        public var name: String?
        public var region: String
        public var type: ContaminationType
        public var status: HazardStatus = .suspected
        public var terrain: String = "open"
        public var density: DensityClass = .medium
        /// m² found a year (read in km²).
        public var areaPerYear: Distribution
        public var fromYear: Int
        public var toYear: Int
    }
    /// Days from the end of clearance to release (inspection, QA, handover).
    public var handoverDays: Int = 0
    /// Productivity multiplier per hazard `density` class (`land_release.density_factors`); 1 when not given.
    public var densityFactors: [DensityClass: Double] = [:]
    /// Largest share of a step one team takes, m²; larger areas are split so that several teams
    /// work them at once (a modelling assumption: a team's work site is a few hectares).
    public var maximumAreaPerTeam: Double? = 100_000
    public var teams: [Team] = []
    public var accidents = Accidents()
    public var civilianRisk = CivilianRisk()
    public var costs: Costs?
}
