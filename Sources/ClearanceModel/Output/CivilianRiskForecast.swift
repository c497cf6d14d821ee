// MARK: - CivilianRiskForecast

/// Civilian casualties over the horizon: expected given each replication's release path, the
/// analytic no-clearance baseline (the exposure model of ``CivilianRiskModel`` with nothing
/// released and nothing marked; `incidentsPerYear × casualtiesPerIncident × horizon years` when
/// exposure does not change over time) and the difference ("averted").
public struct CivilianRiskForecast: Sendable, Equatable, Codable {
    public var expectedCasualties: QuantileSummary
    public var baselineCasualties: Double
    public var avertedCasualties: QuantileSummary
    /// Poisson-sampled counts, when ``CivilianRiskModel/sampleCounts`` is set.
    public var sampledCasualties: QuantileSummary?

    public init(expectedCasualties: QuantileSummary, baselineCasualties: Double,
                avertedCasualties: QuantileSummary, sampledCasualties: QuantileSummary?) {
        self.expectedCasualties = expectedCasualties
        self.baselineCasualties = baselineCasualties
        self.avertedCasualties = avertedCasualties
        self.sampledCasualties = sampledCasualties
    }
}
