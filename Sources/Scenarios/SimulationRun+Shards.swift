import ClearanceModel
import RiskModel

extension SimulationRun {
    /// One shard's share of a forecast: the scenario's clearance model and the full outcomes of the
    /// replications in `replications` (``MonteCarloRunner/outcomes(_:replications:seed:threads:progress:shouldStop:)``).
    public struct Part: Sendable {
        public var model: ClearanceModel
        public var outcomes: [ReplicationOutcomeData]
    }

    /// Runs only the replications in `replications` of the forecast ``run(scenario:layers:options:scores:progress:shouldStop:)``
    /// makes with the same options: replication i draws the same numbers in both.
    public static func part(scenario: Scenario, layers: ScenarioLayers, options: Options, replications: Range<Int>,
                            scores: ScoreCache = ScoreCache(), progress: (@Sendable (Int, Int) -> Void)? = nil,
                            shouldStop: (@Sendable () -> Bool)? = nil) throws -> Part {
        let model = try model(scenario: scenario, layers: layers, scores: scores)
        let prepared = try PreparedClearanceModel(model)
        let outcomes = try MonteCarloRunner.outcomes(prepared, replications: replications, seed: options.seed,
                                                     threads: options.threads, progress: progress, shouldStop: shouldStop)
        return Part(model: model, outcomes: outcomes)
    }

    /// The forecast of the outcomes of every shard, in replication order: the same ``Output`` (and
    /// the same bytes once reported) as ``run(scenario:layers:options:scores:progress:shouldStop:)``.
    ///
    /// - Throws: ``ClearanceModelError`` when the outcomes do not fit the scenario's model.
    public static func merged(scenario: Scenario, layers: ScenarioLayers, seed: UInt64, outcomes: [ReplicationOutcomeData],
                              scores: ScoreCache = ScoreCache()) throws -> Output {
        let assessment = try scores.assessment(layers.priorityInputs(), parameters: scenario.priorityParameters())
        let model = try scenario.clearanceModel(layers: layers, ranking: assessment.ranking)
        let forecast = try MonteCarloRunner.forecast(try PreparedClearanceModel(model), outcomes: outcomes, seed: seed,
                                                     keepReplicationSummaries: true)
        return Output(model: model, forecast: forecast, ranking: assessment.ranking)
    }
}
