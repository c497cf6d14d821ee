// MARK: - CivilianRiskModel

/// Civilian exposure to the hazards that remain.
///
/// Calibration: at the start, all hazards together cause ``incidentsPerYear`` incidents. Area `i`
/// causes `rate_i(t) = incidentsPerYear × w_i × a_i(t) / Σ_j w_j a_j(0)` with
/// `w_i = civilianExposure_i × priorityBenefit_i` (risk per m² times exposure) and `a_i(t)` its
/// remaining hazardous area. If every `w_j a_j(0)` is zero, `w_i = civilianExposure_i` is used.
/// The integral over the horizon is exact for the simulated release path (clearance releases
/// `q/m` m² at the end of each of its `m` working days; survey releases at the end of the step).
/// Years are 365.2425 days. Expected casualties = incidents × ``casualtiesPerIncident``.
///
/// ```swift
/// CivilianRiskModel(incidentsPerYear: 120, casualtiesPerIncident: 1.3, sampleCounts: true)
/// ```
public struct CivilianRiskModel: Sendable, Hashable, Codable {
    public var incidentsPerYear: Double
    public var casualtiesPerIncident: Double
    /// Also draw a Poisson casualty count per replication (stream `"civilian"`).
    public var sampleCounts: Bool

    public init(incidentsPerYear: Double = 0, casualtiesPerIncident: Double = 1, sampleCounts: Bool = false) {
        self.incidentsPerYear = incidentsPerYear
        self.casualtiesPerIncident = casualtiesPerIncident
        self.sampleCounts = sampleCounts
    }

    public func validate() throws {
        var c = IssueCollector()
        c.finite(incidentsPerYear, "incidentsPerYear", atLeast: 0)
        c.finite(casualtiesPerIncident, "casualtiesPerIncident", atLeast: 0)
        try c.throwIfAny()
    }
}
