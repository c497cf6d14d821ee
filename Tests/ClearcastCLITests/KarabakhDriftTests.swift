import _TestSupport
import ClearanceModel
import Foundation
import Reporting
import Testing

/// Guards the Karabakh figures against silent drift: a fresh, small run of the backtest scenario
/// (10 replications, so that it fits a debug test run) must agree with the committed 100-replication
/// result in notebooks-export/ within Monte Carlo error.
@Suite struct KarabakhDriftTests {
    @Test func backtestAgreesWithCommittedResultWithinMonteCarloError() throws {
        let committedURL = CLIRunner.packageRoot.appendingPathComponent("notebooks-export/karabakh/backtest.json")
        let committed = try ResultEncoding.decode(SimulationResult.self, from: Data(contentsOf: committedURL))
        let scratch = try ScratchDirectory("karabakh-drift")
        defer { scratch.remove() }
        let out = scratch.fileURL("backtest.json")
        let replications = 10
        let run = try CLIRunner.run(["simulate", "scenarios/karabakh/backtest-2020.yaml", "--replications", String(replications),
                                     "--seed", "777", "--quiet", "--reproducible", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let fresh = try ResultEncoding.decode(SimulationResult.self, from: Data(contentsOf: out))
        #expect(fresh.yearly.count == committed.yearly.count)
        for (new, old) in zip(fresh.yearly, committed.yearly) {
            // Released area in the year; its spread across replications estimated from the committed
            // P10–P90 (2.563 standard deviations for a normal), floored at 1% of the mean.
            let released = { (y: SimulationResult.YearSummary, q: (Quantiles) -> Double) in q(y.cancelled) + q(y.reduced) + q(y.cleared) }
            let spread = released(old, \.p90) - released(old, \.p10)
            let sd = max(spread / 2.563, 0.01 * released(old, \.mean))
            let bound = 4 * sd * (1 / Double(replications).squareRoot() + 1 / Double(committed.replications).squareRoot())
            let difference = abs(released(new, \.mean) - released(old, \.mean))
            #expect(difference <= bound, "year \(new.year): released \(released(new, \.mean)) m² now, \(released(old, \.mean)) m² committed (bound \(bound))")
        }
        let civilian = (fresh.casualties.civilianExpected.mean, committed.casualties.civilianExpected.mean)
        #expect(abs(civilian.0 - civilian.1) <= 0.1 * civilian.1 + 1, "civilian casualties drifted: \(civilian)")
    }
}
