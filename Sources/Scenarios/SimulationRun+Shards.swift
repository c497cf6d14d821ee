import ClearanceModel
import Foundation
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

    /// SHA-256 of the model's hazard-area ids in its order, one per line: a part records it, and the
    /// merge checks that the model it rebuilds orders the areas the same way.
    public static func taskOrder(of model: ClearanceModel) throws -> String {
        var digest = try SHA256Digest()
        try digest.update(Data(model.tasks.map(\.id).joined(separator: "\n").utf8))
        return try digest.hexFinal()
    }

    /// The forecast of the outcomes of every shard, in replication order: the same ``Output`` (and
    /// the same bytes once reported) as ``run(scenario:layers:options:scores:progress:shouldStop:)``.
    ///
    /// - Throws: ``ClearanceModelError`` when the outcomes do not fit the scenario's model.
    /// - Parameter taskOrder: the shards' ``taskOrder(of:)``; the model rebuilt here must order its
    ///   hazard areas the same way (the outcomes' columns follow that order).
    /// - Throws: ``ClearanceModelError`` when the outcomes do not fit the scenario's model;
    ///   `ScenarioError` when the model orders its hazard areas otherwise than the shards' did.
    public static func merged(scenario: Scenario, layers: ScenarioLayers, seed: UInt64, outcomes: [ReplicationOutcomeData],
                              taskOrder: String? = nil, scores: ScoreCache = ScoreCache()) throws -> Output {
        let assessment = try scores.assessment(scenario: scenario, layers: layers)
        let model = try scenario.clearanceModel(layers: layers, ranking: assessment.ranking)
        if let taskOrder, try Self.taskOrder(of: model) != taskOrder {
            throw ScenarioError(file: scenario.file.path, message: "its hazard areas come out in another order than when the shards ran "
                + "(the risk ranking differs: another OpenBLAS kernel or clearcast build?); expected the same order: "
                + "merge where the shards ran, or with OPENBLAS_CORETYPE set as there")
        }
        let forecast = try MonteCarloRunner.forecast(try PreparedClearanceModel(model), outcomes: outcomes, seed: seed,
                                                     keepReplicationSummaries: true)
        return Output(model: model, forecast: forecast, ranking: assessment.ranking)
    }
}
