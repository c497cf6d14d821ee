import ClearanceModel
import ClearcastDomain
import Foundation
import RiskModel
import SensitivityAnalysis

/// Runs a sensitivity analysis of a scenario: the inputs of its `uncertainty:` section varied over a
/// design (one at a time, Morris or Sobol), a Monte Carlo forecast at every design point, and the
/// indices of the chosen outputs.
///
/// Every design point is simulated with the same seed and replication count, so points share their
/// random numbers (common random numbers): differences between points come from the inputs, not from
/// a fresh draw of weather and productivity.
///
/// ```swift
/// let source = try ScenarioSource(path: "scenarios/karabakh/baseline.yaml")
/// let base = try source.scenario()
/// let layers = try ScenarioLayers.load(base)
/// let run = try SensitivityRun.run(source: source, base: base, layers: layers,
///                                  options: .init(method: .morris, samples: 10, replications: 20, seed: 1, threads: 2))
/// ```
public enum SensitivityRun {
    public struct Options: Sendable {
        public var method: SensitivityDesign.Method
        /// Morris: trajectories; Sobol: base samples N (N(D + 2) points); ignored one at a time.
        public var samples: Int
        public var replications: Int
        public var seed: UInt64
        public var threads: Int
        /// Overrides (`--set`) applied before the inputs, at every point.
        public var overrides: [ScenarioOverride]

        public init(method: SensitivityDesign.Method, samples: Int, replications: Int, seed: UInt64, threads: Int,
                    overrides: [ScenarioOverride] = []) {
            self.method = method
            self.samples = samples
            self.replications = replications
            self.seed = seed
            self.threads = threads
            self.overrides = overrides
        }
    }

    public struct Output: Sendable {
        public var inputs: [UncertaintySpec.Input]
        public var outputs: [SensitivityOutput]
        public var design: SensitivityDesign
        /// `values[k][j]`: output j at design point k.
        public var values: [[Double]]
        /// Output j with every input as the scenario writes it.
        public var baseline: [Double]
        public var oneAtATime: [[OneAtATimeEffect]]?
        public var morris: [[MorrisEffect]]?
        public var sobol: [[SobolEffect]]?
        public var horizonYears: Int
        /// Outputs whose value is the horizon (or more) at more than half of the points: censored, so
        /// their indices understate what the inputs do.
        public var censored: [SensitivityOutput]
    }

    /// - Throws: `ScenarioError` when the scenario has no `uncertainty:` section or no simulation, or
    ///   when an input at one end of its range makes the scenario invalid (naming the input); the
    ///   errors of ``SimulationRun/run(scenario:layers:options:scores:progress:shouldStop:)``.
    public static func run(source: ScenarioSource, base: Scenario, layers: ScenarioLayers, options: Options,
                           progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
                           shouldStop: (@Sendable () -> Bool)? = nil) throws -> Output {
        let plan = try plan(source: source, base: base, layers: layers, options: options)
        let values = try evaluate(plan, points: 0..<plan.pointCount, source: source, layers: layers, options: options,
                                  progress: progress, shouldStop: shouldStop)
        progress?(plan.pointCount, plan.pointCount)
        return try finish(plan, values: values, options: options)
    }

    /// Completion for every type present (and overall when there are several), civilian casualties,
    /// and cost when the scenario has costs.
    static func defaultOutputs(_ scenario: Scenario, layers: ScenarioLayers) -> [SensitivityOutput] {
        let present = Set(layers.hazards.map(\.footprint.type))
        var outputs: [SensitivityOutput] = present.count > 1 ? [.completionYears(nil)] : []
        outputs += ContaminationType.allCases.filter(present.contains).map { .completionYears($0) }
        outputs.append(.civilianCasualties)
        if scenario.simulation?.costs != nil { outputs.append(.cost) }
        return outputs
    }

    /// One output of one forecast. Completion counts unfinished replications as the horizon.
    static func value(of output: SensitivityOutput, forecast: ClearanceForecast, model: ClearanceModel,
                      costs: SimulationSpec.Costs?) -> Double {
        let summaries = forecast.replicationSummaries ?? []
        switch output {
        case .completionYears(let type):
            let days = summaries.map { summary -> Double in
                let day = type.map { summary.completionDayByClass[$0] } ?? summary.completionDay
                return Double(day ?? forecast.horizonDays)
            }.sorted()
            guard !days.isEmpty else { return 0 }
            let median = days.count % 2 == 1 ? days[days.count / 2] : (days[days.count / 2 - 1] + days[days.count / 2]) / 2
            return median / 365.25
        case .civilianCasualties:
            return forecast.civilian.expectedCasualties.mean
        case .cost:
            let totals = forecast.costTotals()
            return totals.isEmpty ? 0 : totals.reduce(0, +) / Double(totals.count)
        case .remainingKm2:
            return forecast.remainingAreaAtHorizon.mean / 1e6
        }
    }
}
