import ClearanceModel
import ClearcastDomain
import Foundation
import Scenarios

/// Fits chosen scenario parameters to an observed yearly series (`clearcast calibrate`).
///
/// The parameters (each a `--set` path with a range or scale, as in `uncertainty:`) span a box;
/// ``CalibrationDesign`` spreads `points` over it; at every point the scenario is simulated with
/// `replications` replications and the same seed (common random numbers: weather, productivity and
/// survey draws are shared, so points differ by their parameters, not by luck), and the simulated
/// figures are compared with the observed ones (``CalibrationDistance``). ``CalibrationFit`` keeps
/// the points the data accept and judges identifiability; the accepted points' own forecasts give
/// completion per contamination type with the range the data leave open (``TypeForecast``). The
/// scenario as written is simulated too, to show where it sits.
///
/// Every parameter is checked at both ends and inside its range before anything runs (as
/// `sensitivity` does), so a range the scenario refuses fails in a second, not after an hour.
public enum CalibrationRun {
    public struct Options: Sendable {
        public var points: Int
        public var replications: Int
        public var seed: UInt64
        public var threads: Int
        /// Confidence level of the accepted set (0.9: the 90 % likelihood-ratio region).
        public var level: Double
        /// Relative reporting error of an observed figure without its own (0.05 = ±5 %).
        public var observationError: Double
        /// Overrides (`--set`) applied at every point before the parameters.
        public var overrides: [ScenarioOverride]

        public init(points: Int, replications: Int, seed: UInt64, threads: Int, level: Double = 0.9,
                    observationError: Double = 0.05, overrides: [ScenarioOverride] = []) {
            self.points = points
            self.replications = replications
            self.seed = seed
            self.threads = threads
            self.level = level
            self.observationError = observationError
            self.overrides = overrides
        }
    }

    /// One simulated design point.
    public struct Point: Sendable, Equatable {
        /// Each parameter's position in its range, 0 (low) to 1 (high); empty for the scenario as written.
        public var coordinates: [Double]
        public var distance: CalibrationDistance
        public var forecast: PointForecast
    }

    public struct Output: Sendable {
        public var parameters: [UncertaintySpec.Input]
        public var observed: ObservedSeries
        /// Per figure, the relative reporting error used.
        public var relativeErrors: [Double]
        public var points: [Point]
        public var asWritten: Point
        public var fit: CalibrationFit
        /// One per contamination type in the scenario, pooled over the accepted points.
        public var forecast: [TypeForecast]
        public var startDate: CivilDate
        public var horizonYears: Int
    }

    /// - Throws: `ScenarioError` for a parameter range the scenario refuses (naming it and the end),
    ///   ``CalibrationError`` for an observed period outside the simulation, and the errors of the
    ///   simulation; `CancellationError` when `shouldStop` returns true.
    /// - Complexity: (points + 1) × replications simulations.
    public static func run(source: ScenarioSource, base: Scenario, layers: ScenarioLayers, parameters: [UncertaintySpec.Input],
                           observed: ObservedSeries, options: Options,
                           progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
                           shouldStop: (@Sendable () -> Bool)? = nil) throws -> Output {
        guard (1...CalibrationDesign.maximumDimension).contains(parameters.count) else {
            throw CalibrationError.invalidParameter("found \(parameters.count) parameters; expected 1 to \(CalibrationDesign.maximumDimension) (a yearly series cannot fit more)")
        }
        guard options.points >= 2, options.replications >= 1, options.level > 0, options.level < 1,
              options.observationError > 0 else {
            throw CalibrationError.invalidParameter("expected points ≥ 2, replications ≥ 1, 0 < level < 1 and an observation error > 0")
        }
        try UncertaintySpec.checkRanges(parameters, source: source, base: base, overrides: options.overrides,
                                        name: { _, input in "calibration parameter \(input.label)" }, wholeHint: false)
        let configured = options.overrides.isEmpty ? base : try source.scenario(overrides: options.overrides)
        guard let simulation = configured.simulation else {
            throw ScenarioError(file: base.file.path, message: "simulation: missing; expected a simulation section with teams")
        }
        let scores = ScoreCache()
        let errors = observed.rows.map { $0.relativeError ?? options.observationError }
        let figures = observed.rows.map(\.value), metrics = observed.rows.map(\.metric)
        let design = CalibrationDesign.halton(count: options.points, dimension: parameters.count)
        let total = design.count + 1
        var done = 0

        func simulate(_ overrides: [ScenarioOverride], coordinates: [Double]) throws -> Point {
            if let shouldStop, shouldStop() { throw CancellationError() }
            let scenario = try source.scenario(overrides: overrides)
            let model = try SimulationRun.model(scenario: scenario, layers: layers, scores: scores)
            let series = try SimulatedSeries(observed: observed, model: model)
            let records = try MonteCarloRunner.records(PreparedClearanceModel(model), replications: 0..<options.replications,
                                                       seed: options.seed, threads: options.threads, shouldStop: shouldStop)
            let types = Set(model.tasks.map(\.contamination)).sorted { $0.rawValue < $1.rawValue }
            let point = Point(coordinates: coordinates,
                              distance: CalibrationDistance(observed: figures, relativeErrors: errors,
                                                            simulated: records.map { series.values($0.summary) }, metrics: metrics),
                              forecast: PointForecast(records, types: types))
            done += 1
            progress?(done, total)
            return point
        }

        let asWritten = try simulate(options.overrides, coordinates: [])
        var points: [Point] = []
        for u in design {
            var overrides = options.overrides
            for (input, x) in zip(parameters, u) { overrides += try input.overrides(at: x) }
            points.append(try simulate(overrides, coordinates: u))
        }
        let fit = CalibrationFit(inputs: parameters, coordinates: design, distances: points.map(\.distance.value),
                                 figures: figures.count, level: options.level)
        let accepted = fit.accepted.map { points[$0].forecast }
        let types = asWritten.forecast.completionDays.keys.sorted { $0.rawValue < $1.rawValue }
        let forecast = types.map {
            TypeForecast(type: $0, points: accepted, best: points[fit.best].forecast, start: simulation.startDate)
        }
        return Output(parameters: parameters, observed: observed, relativeErrors: errors, points: points, asWritten: asWritten,
                      fit: fit, forecast: forecast, startDate: simulation.startDate, horizonYears: simulation.horizonYears)
    }
}
