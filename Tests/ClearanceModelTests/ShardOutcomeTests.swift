import ClearanceModel
import ClearcastDomain
import Testing

/// The outcomes of a run cut into sub-ranges, gathered back in order, aggregate to the forecast of
/// the whole run, exactly (``ClearanceForecast`` is Equatable field by field, doubles included).
@Suite("Shard outcomes")
struct ShardOutcomeTests {
    @Test(arguments: [1, 2, 3, 5])
    func outcomesOfSubRangesAggregateToTheWholeForecast(pieces: Int) throws {
        let m = smallRandomModel(tasks: 40, teams: 8, years: 4, seed: 23)
        let whole = try MonteCarloRunner.run(m, replications: 11, seed: 9, threads: 2, keepReplicationSummaries: true)
        let prepared = try PreparedClearanceModel(m)
        var outcomes: [ReplicationOutcomeData] = []
        for k in 0..<pieces {
            let range = (k * 11 / pieces)..<((k + 1) * 11 / pieces)
            outcomes += try MonteCarloRunner.outcomes(prepared, replications: range, seed: 9, threads: 1 + k % 2)
        }
        #expect(outcomes.map(\.summary.replication) == Array(0..<11))
        let merged = try MonteCarloRunner.forecast(prepared, outcomes: outcomes, seed: 9, keepReplicationSummaries: true)
        #expect(merged == whole)
    }

    @Test func emptyRangesAndForeignOutcomes() throws {
        let m = smallRandomModel(tasks: 20, teams: 4, years: 3, seed: 5)
        let prepared = try PreparedClearanceModel(m)
        #expect(try MonteCarloRunner.outcomes(prepared, replications: 4..<4, seed: 1).isEmpty)
        #expect(throws: ClearanceModelError.self) { try MonteCarloRunner.forecast(prepared, outcomes: [], seed: 1) }
        // Outcomes of a model with other tasks do not fit this one.
        let other = try PreparedClearanceModel(smallRandomModel(tasks: 21, teams: 4, years: 3, seed: 5))
        let foreign = try MonteCarloRunner.outcomes(other, replications: 0..<2, seed: 1)
        #expect(throws: ClearanceModelError.self) { try MonteCarloRunner.forecast(prepared, outcomes: foreign, seed: 1) }
    }
}
