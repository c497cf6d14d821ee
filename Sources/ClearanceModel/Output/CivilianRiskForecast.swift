// MARK: - CivilianRiskForecast

/// Civilian casualties over the horizon: expected given each replication's release path, the
/// analytic no-clearance baseline (`incidentsPerYear × casualtiesPerIncident × horizon years`)
/// and the difference ("averted").
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
