import ClearanceModel
import Scenarios

/// Builds the `compare` result: each scenario's forecast, and each other scenario's paired
/// difference from the base (replication i of both drew the same random streams).
public enum ComparisonReport {
    /// One scenario's run, as `compare` made it.
    public struct Run {
        public var scenario: Scenario
        public var model: ClearanceModel
        public var forecast: ClearanceForecast
        public var result: SimulationResult
        public init(scenario: Scenario, model: ClearanceModel, forecast: ClearanceForecast, result: SimulationResult) {
            self.scenario = scenario
            self.model = model
            self.forecast = forecast
            self.result = result
        }
    }

    /// The result: every scenario's own result, and each other scenario's paired differences from
    /// the first (computed by ``PairedDifference/all(other:base:)``; this only formats them).
    ///
    /// - Throws: `StatisticsError` when a difference is not finite (an internal failure).
    public static func make(provenance: Provenance, runs: [Run]) throws -> CompareResult {
        guard let base = runs.first else {
            return CompareResult(provenance: provenance, base: "", scenarios: [], differences: [])
        }
        var differences: [CompareResult.Difference] = []
        for other in runs.dropFirst() {
            for difference in try PairedDifference.all(other: (other.model, other.forecast), base: (base.model, base.forecast)) {
                differences.append(.init(scenario: other.scenario.name, metric: difference.metric.name,
                                         units: difference.metric.units, mean: difference.mean, p5: difference.p5,
                                         p95: difference.p95))
            }
        }
        return CompareResult(provenance: provenance, base: base.scenario.name, scenarios: runs.map(\.result),
                             differences: differences)
    }
}
