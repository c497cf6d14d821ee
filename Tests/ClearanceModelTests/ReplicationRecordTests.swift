import ClearanceModel
import ClearcastDomain
import Testing

/// Per-replication records are the same replications as the forecast's, and batches compose.
@Suite("Replication records")
struct ReplicationRecordTests {
    @Test func recordsMatchTheForecastAndBatchesCompose() throws {
        let m = smallRandomModel(tasks: 60, teams: 10, years: 4, seed: 11)
        let forecast = try MonteCarloRunner.run(m, replications: 12, seed: 5, threads: 2, keepReplicationSummaries: true)
        let prepared = try PreparedClearanceModel(m)
        let all = try MonteCarloRunner.records(prepared, replications: 0..<12, seed: 5, threads: 2)
        #expect(all.map(\.summary) == forecast.replicationSummaries)
        // Batches 0..<5 and 5..<12 are the same replications, whatever the thread count.
        let parts = try MonteCarloRunner.records(prepared, replications: 0..<5, seed: 5, threads: 1)
            + MonteCarloRunner.records(prepared, replications: 5..<12, seed: 5, threads: 3)
        #expect(parts == all)
        // The release days agree with the per-task quantiles of the forecast (median over 12).
        for (i, task) in m.tasks.enumerated() {
            let days = all.map { Int($0.releaseDays[i]) }
            let released = days.filter { $0 >= 0 }.count
            let release = try #require(forecast.taskReleases.first { $0.id == task.id })
            #expect(abs(release.releasedShare - Double(released) / 12) < 1e-12)
        }
        #expect(throws: ClearanceModelError.self) { try MonteCarloRunner.records(prepared, replications: 3..<3, seed: 5) }
    }
}
