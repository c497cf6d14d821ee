import ClearanceModel
import ClearcastDomain
import Foundation
import SensitivityAnalysis

extension SensitivityRun {
    /// What a sensitivity analysis will evaluate, before any point is simulated: the inputs, the
    /// outputs, the design (a function of the method, the sample count and the seed only) and the
    /// points to simulate. Point k < `design.points.count` is design point k; for Morris and Sobol
    /// the last point is the baseline (every input as written; one at a time, point 0 is it).
    ///
    /// Shards (`--shard K/N`) split ``pointCount`` into blocks; each evaluates its block with
    /// ``evaluate(_:points:source:layers:options:progress:shouldStop:)`` and the merge hands every
    /// block's values to ``finish(_:values:options:)``, the code the unsharded run ends with.
    public struct Plan: Sendable {
        public var inputs: [UncertaintySpec.Input]
        public var outputs: [SensitivityOutput]
        public var design: SensitivityDesign
        public var horizonYears: Int
        public var method: SensitivityDesign.Method
        /// Points simulated: the design's, plus the baseline for Morris and Sobol.
        public var pointCount: Int {
            design.points.count + (method == .oneAtATime ? 0 : 1)
        }
    }

    /// Reads the inputs and outputs, builds the design and checks every input's ends.
    ///
    /// - Throws: as ``run(source:base:layers:options:progress:shouldStop:)`` before it simulates.
    public static func plan(source: ScenarioSource, base: Scenario, layers: ScenarioLayers, options: Options) throws -> Plan {
        guard let spec = base.uncertainty, !spec.inputs.isEmpty else {
            throw ScenarioError(file: base.file.path, message: "uncertainty: missing; expected inputs to vary (docs/scenario-format.md)")
        }
        // The scenario every point starts from: the file with the run's own overrides (--set).
        let configured = options.overrides.isEmpty ? base : try source.scenario(overrides: options.overrides)
        guard let simulation = configured.simulation else {
            throw ScenarioError(file: base.file.path, message: "simulation: missing; expected a simulation section with teams")
        }
        let outputs = spec.outputs ?? defaultOutputs(configured, layers: layers)
        let d = spec.inputs.count
        let design: SensitivityDesign
        switch options.method {
        case .oneAtATime: design = .oneAtATime(baseline: [Double](repeating: .nan, count: d))
        case .morris: design = .morris(dimension: d, trajectories: options.samples, seed: options.seed)
        case .sobol: design = .sobol(dimension: d, baseSamples: options.samples, seed: options.seed)
        }
        try UncertaintySpec.checkRanges(spec.inputs, source: source, base: base, overrides: options.overrides,
                                        name: { i, input in "uncertainty.inputs[\(i)] (\(input.label))" }, wholeHint: true)
        return Plan(inputs: spec.inputs, outputs: outputs, design: design, horizonYears: simulation.horizonYears,
                    method: options.method)
    }

    /// The outputs at the points in `points` (indices into the plan's points), in order.
    ///
    /// - Throws: `CancellationError` when `shouldStop` returns true; the errors of a forecast.
    public static func evaluate(_ plan: Plan, points: Range<Int>, source: ScenarioSource, layers: ScenarioLayers,
                                options: Options, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
                                shouldStop: (@Sendable () -> Bool)? = nil) throws -> [[Double]] {
        let scores = ScoreCache()
        let run = SimulationRun.Options(replications: options.replications, seed: options.seed, threads: options.threads)
        let baseline = [Double](repeating: .nan, count: plan.inputs.count)
        var values: [[Double]] = []
        for k in points {
            if let shouldStop, shouldStop() { throw CancellationError() }
            let point = k < plan.design.points.count ? plan.design.points[k] : baseline
            var overrides = options.overrides
            for (input, u) in zip(plan.inputs, point) where !u.isNaN {
                overrides += try input.overrides(at: u)
            }
            let scenario = try source.scenario(overrides: overrides)
            let result = try SimulationRun.run(scenario: scenario, layers: layers, options: run, scores: scores, shouldStop: shouldStop)
            values.append(plan.outputs.map {
                value(of: $0, forecast: result.forecast, model: result.model, costs: scenario.simulation?.costs)
            })
            progress?(values.count, points.count)
        }
        return values
    }

    /// The indices of the outputs at every point of the plan (`values[k]`: point k's outputs).
    ///
    /// - Throws: `ScenarioError` when `values` does not hold one row of the plan's outputs per point.
    public static func finish(_ plan: Plan, values allValues: [[Double]], options: Options) throws -> Output {
        guard allValues.count == plan.pointCount, allValues.allSatisfy({ $0.count == plan.outputs.count }) else {
            throw ScenarioError(file: "", message: "expected \(plan.pointCount) points of \(plan.outputs.count) outputs, found \(allValues.count)")
        }
        let n = plan.design.points.count
        let values = Array(allValues.prefix(n))
        let baseline = plan.method == .oneAtATime ? values[0] : allValues[n]
        var output = Output(inputs: plan.inputs, outputs: plan.outputs, design: plan.design, values: values, baseline: baseline,
                            horizonYears: plan.horizonYears, censored: [])
        let columns = plan.outputs.indices.map { j in values.map { $0[j] } }
        switch plan.method {
        case .oneAtATime: output.oneAtATime = columns.map { SensitivityIndices.oneAtATime(plan.design, outputs: $0) }
        case .morris: output.morris = columns.map { SensitivityIndices.morris(plan.design, outputs: $0) }
        case .sobol: output.sobol = columns.map { SensitivityIndices.sobol(plan.design, outputs: $0, seed: options.seed) }
        }
        // Completion is capped at the horizon's last day (horizonYears anniversaries, so within a
        // day of horizonYears × 365.25 days): a value within a hundredth of a year of it is censored.
        let horizon = Double(plan.horizonYears) - 0.01
        output.censored = plan.outputs.enumerated().compactMap { j, out in
            guard case .completionYears = out else { return nil }
            return columns[j].filter { $0 >= horizon }.count * 2 > columns[j].count ? out : nil
        }
        return output
    }
}
