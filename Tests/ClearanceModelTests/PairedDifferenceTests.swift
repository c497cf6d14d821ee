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

    /// Released area is compared at the 1st, 3rd and 5th full calendar years of the base: a start on
    /// 10 November leaves the partial first year out. The other scenario is measured at the base's
    /// years; a year it does not cover to 31 December is left out.
    @Test func releasedAreaIsComparedAtTheBasesCalendarYears() throws {
        let tasks = [task("a", area: 1000), task("b", area: 1000, x: 10)]
        let start = CivilDate(year: 2020, month: 11, day: 10)
        let base = model(tasks, [manualTeams(1, productivity: 100)], start: start, years: 6)
        let baseForecast = try MonteCarloRunner.run(base, replications: 2, seed: 3, keepReplicationSummaries: true)
        #expect(baseForecast.defaultReleaseYears == [2021, 2023, 2025])
        var later = base
        later.startDate = CivilDate(year: 2022, month: 1, day: 1)
        later.horizonYears = 3   // 2022-2024 in full: covers 2023 but not 2025 (nor 2021)
        let laterForecast = try MonteCarloRunner.run(later, replications: 2, seed: 3, keepReplicationSummaries: true)
        let differences = try PairedDifference.all(other: (later, laterForecast), base: (base, baseForecast))
        let released = differences.map(\.metric.name).filter { $0.hasPrefix("released_") }
        #expect(released == ["released_by_end_of_2023"])
        // Both release all 2000 m² in their first 40 days: 0.2 ha by the end of 2023 in both.
        #expect(differences.first { $0.metric == .releasedByEndOf(year: 2023) }?.mean == 0)
        let values = baseForecast.metricValues(model: base).first { $0.metric == .releasedByEndOf(year: 2021) }?.values
        #expect(values == [0.2, 0.2])
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
        #expect(ForecastMetric.releasedByEndOf(year: 2028).name == "released_by_end_of_2028")
        #expect(ForecastMetric.releasedByEndOf(year: 2028).units == "ha")
        #expect(ForecastMetric.teamYears.units == "team-years")
    }
}
