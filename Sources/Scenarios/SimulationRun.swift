import ClearanceModel
import RiskModel

/// Forecasts clearance for a loaded scenario: scores it (for the risk-priority policy and civilian
/// exposure), builds the clearance model and runs the Monte Carlo replications.
public enum SimulationRun {
    public struct Options: Sendable {
        public var replications: Int
        public var seed: UInt64
        public var threads: Int
        public init(replications: Int, seed: UInt64, threads: Int) {
            self.replications = replications
            self.seed = seed
            self.threads = threads
        }
    }

    public struct Output: Sendable {
        public var model: ClearanceModel
        public var forecast: ClearanceForecast
        public var ranking: [HazardRankEntry]
    }

    /// The clearance model of a scenario, scored for the risk-priority policy and civilian exposure,
    /// without running it (for analyses that run it their own way, such as `plan`).
    public static func model(scenario: Scenario, layers: ScenarioLayers, scores: ScoreCache = ScoreCache()) throws -> ClearanceModel {
        let assessment = try scores.assessment(scenario: scenario, layers: layers)
        return try scenario.clearanceModel(layers: layers, ranking: assessment.ranking)
    }

    /// - Parameters:
    ///   - scores: assessments to reuse across the scenarios of one run (`compare`); a scenario whose
    ///     layers and scoring equal an earlier one's is not scored again.
    ///   - progress: called with (completed, total) replications, from worker threads.
    ///   - shouldStop: asked before each replication; true stops the run with `CancellationError`.
    public static func run(scenario: Scenario, layers: ScenarioLayers, options: Options, scores: ScoreCache = ScoreCache(),
                           progress: (@Sendable (Int, Int) -> Void)? = nil,
                           shouldStop: (@Sendable () -> Bool)? = nil) throws -> Output {
        let assessment = try scores.assessment(scenario: scenario, layers: layers)
        let model = try scenario.clearanceModel(layers: layers, ranking: assessment.ranking)
        let forecast = try MonteCarloRunner.run(model, replications: options.replications, seed: options.seed,
                                                threads: options.threads, keepReplicationSummaries: true,
                                                progress: progress, shouldStop: shouldStop)
        return Output(model: model, forecast: forecast, ranking: assessment.ranking)
    }
}
