import ClearanceModel
import ClearcastDomain
import EventSimulation
import Testing

/// Paired differences between forecasts, on a deterministic case computed by hand.
@Suite struct PairedDifferenceTests {
    /// Two 1000 m² confirmed AP areas; each takes TS 10 days + clearance 10 days at 100 m²/day on a
    /// continuous calendar. One team: 40 days; two teams: 20 days, in every replication.
    static func forecast(teams: Int) throws -> (model: ClearanceModel, forecast: ClearanceForecast) {
        let m = model([task("a", area: 1000), task("b", area: 1000, x: 10)], [manualTeams(teams, productivity: 100)])
        return (m, try MonteCarloRunner.run(m, replications: 6, seed: 3, keepReplicationSummaries: true))
    }

    @Test func deterministicCaseGivesTheHandComputedDifference() throws {
        let base = try Self.forecast(teams: 1), doubled = try Self.forecast(teams: 2)
        let differences = try PairedDifference.all(other: doubled, base: base)
        let completion = try #require(differences.first { $0.metric == .completion(nil) })
        let expected = (20.0 - 40.0) / 365.2425   // 20 days sooner, in years
        #expect(abs(completion.mean - expected) < 1e-12 && abs(completion.p5 - expected) < 1e-12
                && abs(completion.p95 - expected) < 1e-12)
        #expect(differences.first { $0.metric == .completion(.antiPersonnel) }?.mean == completion.mean)
        #expect(differences.map(\.metric.name).contains("team_years"))
        // A scenario compared with itself differs by exactly zero everywhere.
        #expect(try PairedDifference.all(other: base, base: base).allSatisfy { $0.mean == 0 && $0.p5 == 0 && $0.p95 == 0 })
    }

    /// A statistic that cannot be computed is an error, never a silent 0.
    @Test func aNonFiniteOutcomeIsAnError() throws {
        let base = try Self.forecast(teams: 1)
        var broken = base
        broken.forecast.replicationSummaries?[2].expectedCivilianCasualties = .nan
        #expect(throws: StatisticsError.self) { try PairedDifference.all(other: broken, base: base) }
    }

    @Test func metricNamesAndUnits() {
        #expect(ForecastMetric.completion(nil).name == "completion_all")
        #expect(ForecastMetric.completion(.unexplodedOrdnance).name == "completion_UXO")
        #expect(ForecastMetric.releasedByYear(3).name == "released_by_year_3" && ForecastMetric.releasedByYear(3).units == "ha")
        #expect(ForecastMetric.teamYears.units == "team-years")
    }
}
