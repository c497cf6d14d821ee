import ClearcastDomain

// MARK: - CivilianRiskModel

/// Civilian exposure to the hazards that remain: hazard × people within reach, reduced by marking
/// and by risk education. Independent of the priority weights a planner chooses (the ranking's
/// score is never used), so "policy A saves more lives than policy B" is not true by construction.
///
/// Area `i` with remaining hazardous area `a_i(t)` causes, on day `t`,
/// `κ × h_i × x_i × (b + n_i × R(t)) × e(t) × k_i(t) × a_i(t)` incidents, where
/// - `h_i` = ``hazardByType`` × ``hazardByDensity`` × ``hazardByStatus`` (missing entries 1),
/// - `x_i` = ``HazardArea/civilianExposure`` (land use or any other multiplier, 1 = typical),
/// - `b` = ``backgroundExposure`` (people-equivalents near every area: herders, visitors, staff),
/// - `n_i` = ``HazardArea/returnees`` (distance-weighted people expected back near the area),
/// - `R(t)` = the share of them back by day `t` (``returnSchedule``; all back when empty),
/// - `e(t)` = `1 − effect × 2^(−(t − t_c)/half-life)` after the latest risk-education campaign
///   `t_c` (``RiskEducation``), 1 before the first,
/// - `k_i(t)` = `1 − ``markingEffect``` once the area has been surveyed (its first survey step
///   done) or from the start for confirmed areas when ``confirmedMarkedAtStart``, else 1.
///
/// Calibration: `κ` makes the total at day 0 equal ``incidentsPerYear`` / 365.2425 a day. The
/// integral over the horizon is exact for the simulated release path (clearance releases `q/m` m² at
/// the end of each of its `m` working days; survey releases, and marking, at the end of the step).
/// Expected casualties = incidents × ``casualtiesPerIncident``.
///
/// ```swift
/// CivilianRiskModel(incidentsPerYear: 120, casualtiesPerIncident: 1.3, sampleCounts: true)
/// ```
public struct CivilianRiskModel: Sendable, Hashable, Codable {
    public var incidentsPerYear: Double
    public var casualtiesPerIncident: Double
    /// Also draw a Poisson casualty count per replication (stream `"civilian"`).
    public var sampleCounts: Bool
    /// Relative hazard per m² by contamination type, density and evidence status (missing: 1).
    public var hazardByType: [ContaminationType: Double] = [:]
    public var hazardByDensity: [DensityClass: Double] = [:]
    public var hazardByStatus: [HazardStatus: Double] = [:]
    /// People-equivalents exposed near every area whatever the returns (default 1: with no
    /// returnees anywhere, every area is equally exposed and risk follows hazard × area).
    public var backgroundExposure: Double = 1
    /// Share of the expected returnees back, by date: linear between points, constant outside.
    /// Empty: all back from the start.
    public var returnSchedule: [ReturnPoint] = []
    /// Share of an area's risk removed once it is marked or fenced, in [0, 1] (default 0).
    public var markingEffect: Double = 0
    /// Confirmed areas (CHA) are marked from the start (they have been surveyed).
    public var confirmedMarkedAtStart: Bool = false
    /// Explosive-ordnance risk education campaigns; nil: none.
    public var riskEducation: RiskEducation?

    /// One point of the return schedule.
    public struct ReturnPoint: Sendable, Hashable, Codable {
        public var date: CivilDate
        public var share: Double
        public init(date: CivilDate, share: Double) {
            self.date = date
            self.share = share
        }
    }

    /// Campaigns from ``first`` every ``everyYears`` (once when nil); each removes ``effect`` of
    /// the risk right after it, the effect halving every ``halfLifeYears`` (people forget, new
    /// people arrive) until the next campaign renews it.
    public struct RiskEducation: Sendable, Hashable, Codable {
        public var effect: Double
        public var halfLifeYears: Double
        public var first: CivilDate
        public var everyYears: Double?
        public init(effect: Double, halfLifeYears: Double, first: CivilDate, everyYears: Double? = nil) {
            self.effect = effect
            self.halfLifeYears = halfLifeYears
            self.first = first
            self.everyYears = everyYears
        }
    }

    public init(incidentsPerYear: Double = 0, casualtiesPerIncident: Double = 1, sampleCounts: Bool = false) {
        self.incidentsPerYear = incidentsPerYear
        self.casualtiesPerIncident = casualtiesPerIncident
        self.sampleCounts = sampleCounts
    }

    /// `h_i`: the relative hazard per m² of an area.
    public func hazard(of area: HazardArea) -> Double {
        (hazardByType[area.contamination] ?? 1) * (hazardByDensity[area.density] ?? 1) * (hazardByStatus[area.status] ?? 1)
    }

    /// `k_i(0)`: the marking factor of an area at the start.
    public func markingFactorAtStart(_ area: HazardArea) -> Double {
        confirmedMarkedAtStart && area.status == .confirmed ? 1 - markingEffect : 1
    }

    public func validate() throws {
        var c = IssueCollector()
        c.finite(incidentsPerYear, "incidentsPerYear", atLeast: 0)
        c.finite(casualtiesPerIncident, "casualtiesPerIncident", atLeast: 0)
        for (k, v) in hazardByType.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { c.finite(v, "hazardByType.\(k.rawValue)", atLeast: 0) }
        for (k, v) in hazardByDensity.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { c.finite(v, "hazardByDensity.\(k.rawValue)", atLeast: 0) }
        for (k, v) in hazardByStatus.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { c.finite(v, "hazardByStatus.\(k.rawValue)", atLeast: 0) }
        c.finite(backgroundExposure, "backgroundExposure", atLeast: 0)
        for (i, p) in returnSchedule.enumerated() {
            c.finite(p.share, "returnSchedule[\(i)].share", atLeast: 0, atMost: 1)
            if !p.date.isValid { c.add("returnSchedule[\(i)].date", "\(p.date) is not a valid date") }
            if i > 0, p.date <= returnSchedule[i - 1].date { c.add("returnSchedule[\(i)].date", "dates must increase") }
        }
        c.finite(markingEffect, "markingEffect", atLeast: 0, atMost: 1)
        if let r = riskEducation {
            c.finite(r.effect, "riskEducation.effect", atLeast: 0, atMost: 1)
            c.finite(r.halfLifeYears, "riskEducation.halfLifeYears", atLeast: 0.001)
            if let every = r.everyYears { c.finite(every, "riskEducation.everyYears", atLeast: 0.01) }
        }
        try c.throwIfAny()
    }
}
