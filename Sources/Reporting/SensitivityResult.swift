import Scenarios
import SensitivityAnalysis

/// The result of `clearcast sensitivity`: which of a scenario's uncertain inputs (its
/// `uncertainty:` section) move which outputs, by one method (one at a time, Morris or Sobol), with
/// every design point's outputs so that the analysis can be redone elsewhere (SALib, R).
///
/// Schema: `schemas/result.schema.json`, `kind: "sensitivity"`.
public struct SensitivityResult: Codable, Sendable, Equatable {
    public var schema: String = ResultSchema.identifier
    public var kind: String = "sensitivity"
    public var provenance: Provenance
    public var scenario: String
    public var startDate: String
    public var horizonYears: Int
    /// `oat`, `morris` or `sobol`.
    public var method: String
    /// Monte Carlo replications at every design point (all points share their random numbers).
    public var replications: Int
    /// Morris: trajectories; Sobol: base samples N. Absent one at a time.
    public var samples: Int?
    /// Morris: the grid's levels (the design moves inputs by levels / (2 (levels − 1)) of their range).
    public var levels: Int?
    public var inputs: [Input]
    public var outputs: [Output]
    /// The design's points in order (one at a time: each input at its low then high end; Morris:
    /// trajectories of inputs + 1 points; Sobol: per base sample A, A with column i from B, B).
    public var points: [Point]
    /// Notes on reading the indices (censored outputs, small samples).
    public var notes: [String]

    /// One uncertain input as the scenario's `uncertainty:` section writes it.
    public struct Input: Codable, Sendable, Equatable {
        public var label: String
        /// The field, in `--set` path syntax (the first, when several move together).
        public var path: String
        /// Every field the input moves, when there are several (all by one value or factor).
        public var paths: [String]?
        /// `range` (the field is set to a value from low to high) or `scale` (its numbers are
        /// multiplied by a factor from low to high).
        public var variation: String
        public var low: Double
        public var high: Double
        /// Whole values (a range of team counts) or products rounded to whole numbers (a scale of
        /// counts); absent for a scale without rounding.
        public var whole: Bool?

        public init(label: String, path: String, paths: [String]? = nil, variation: String, low: Double, high: Double,
                    whole: Bool? = nil) {
            self.label = label
            self.path = path
            self.paths = paths
            self.variation = variation
            self.low = low
            self.high = high
            self.whole = whole
        }

        /// The input's value at position `u` of its range, as the run set it: `17`, `0.42`, `×1.15`.
        public func value(at u: Double) -> String {
            let x = low + u * (high - low)
            if variation == "scale" { return "×" + Self.shortest(x) }
            return whole == true ? Fixed.grouped(x.rounded(), decimals: 0) : Self.shortest(x)
        }

        /// `x` with as few decimals as show it to 6 places (0.1, 0.25, 1,200): the ends read as written.
        static func shortest(_ x: Double) -> String {
            var text = Fixed.grouped(x, decimals: abs(x) >= 1e9 ? 0 : 6)
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            return text == "-0" ? "0" : text
        }
    }

    /// One output and its indices; only the method's own indices are present.
    public struct Output: Codable, Sendable, Equatable {
        /// `completion_years`, `completion_years.AP`, `civilian_casualties`, `cost` or `remaining_km2`.
        public var name: String
        /// `years`, `casualties`, the scenario's currency, or `km²`.
        public var units: String
        /// The output with every input as the scenario writes it.
        public var baseline: Double
        /// The output is the horizon at more than half of the points: its indices understate the inputs' effect.
        public var censored: Bool
        /// One per input, in the order of `inputs`.
        public var oneAtATime: [OneAtATime]?
        public var morris: [Morris]?
        public var sobol: [Sobol]?
    }

    /// The output with the input at its low and its high end, the others as written.
    public struct OneAtATime: Codable, Sendable, Equatable {
        public var low: Double
        public var high: Double
        /// |high − low|.
        public var swing: Double
    }

    /// Morris measures (μ*, μ, σ), in output units per the input's whole range: the estimator's own
    /// type, whose JSON is the result's.
    public typealias Morris = MorrisEffect

    /// Sobol first-order and total indices with their 95 % bootstrap intervals.
    public struct Sobol: Codable, Sendable, Equatable {
        public var first: Double
        public var firstLower: Double
        public var firstUpper: Double
        public var total: Double
        public var totalLower: Double
        public var totalUpper: Double
    }

    /// One design point: where in the inputs' ranges, and the outputs there.
    public struct Point: Codable, Sendable, Equatable {
        /// Morris and Sobol: each input's position in its range, 0 (low) to 1 (high).
        public var coordinates: [Double]?
        /// One at a time: the input moved (its index in `inputs`) and to which end (`low`, `high`).
        public var input: Int?
        public var end: String?
        /// One per output, in the order of `outputs`.
        public var outputs: [Double]
    }
}

// MARK: - Building

extension SensitivityResult {
    /// The result of a sensitivity run on a scenario (see ``SensitivityRun``).
    public static func make(provenance: Provenance, scenario: String, startDate: String, horizonYears: Int,
                            replications: Int, samples: Int, currency: String?, run: SensitivityRun.Output) -> SensitivityResult {
        make(provenance: provenance, scenario: scenario, startDate: startDate, horizonYears: horizonYears,
             replications: replications, samples: samples, currency: currency, inputs: run.inputs.map(Input.init),
             outputs: run.outputs, design: run.design, values: run.values, baseline: run.baseline,
             oneAtATime: run.oneAtATime, morris: run.morris, sobol: run.sobol, censored: run.censored)
    }

    /// The result from the parts of a run: `values[k][j]` is output j at `design.points[k]`, and the
    /// indices are per output, per input.
    static func make(provenance: Provenance, scenario: String, startDate: String, horizonYears: Int, replications: Int,
                     samples: Int, currency: String?, inputs: [Input], outputs: [SensitivityOutput], design: SensitivityDesign,
                     values: [[Double]], baseline: [Double], oneAtATime: [[OneAtATimeEffect]]?, morris: [[MorrisEffect]]?,
                     sobol: [[SobolEffect]]?, censored: [SensitivityOutput]) -> SensitivityResult {
        let results = outputs.enumerated().map { j, output in
            Output(name: output.description, units: units(output, currency: currency), baseline: baseline[j],
                   censored: censored.contains(output),
                   oneAtATime: oneAtATime?[j].map { OneAtATime(low: $0.low, high: $0.high, swing: $0.swing) },
                   morris: morris?[j],
                   sobol: sobol?[j].map {
                       Sobol(first: $0.first.value, firstLower: $0.first.lower, firstUpper: $0.first.upper,
                             total: $0.total.value, totalLower: $0.total.lower, totalUpper: $0.total.upper)
                   })
        }
        // One at a time, the design's first point is the baseline (inputs as written): it is `baseline`.
        let skip = design.method == .oneAtATime ? 1 : 0
        let points = zip(design.points, values).dropFirst(skip).enumerated().map { k, pair in
            design.method == .oneAtATime
                ? Point(coordinates: nil, input: k / 2, end: k % 2 == 0 ? "low" : "high", outputs: pair.1)
                : Point(coordinates: pair.0, input: nil, end: nil, outputs: pair.1)
        }
        var notes: [String] = []
        let late = results.filter(\.censored).map(\.name)
        if !late.isEmpty {
            notes.append("\(late.joined(separator: ", ")): completion is the horizon at most points, so the inputs' effect "
                + "on it is understated; raise simulation.horizon_years")
        }
        let delta = design.parameter
        return SensitivityResult(
            provenance: provenance, scenario: scenario, startDate: startDate, horizonYears: horizonYears,
            method: design.method.rawValue, replications: replications,
            samples: design.method == .oneAtATime ? nil : samples,
            levels: design.method == .morris && delta > 0.5 ? Int((2 * delta / (2 * delta - 1)).rounded()) : nil,
            inputs: inputs, outputs: results, points: points, notes: notes)
    }

    static func units(_ output: SensitivityOutput, currency: String?) -> String {
        switch output {
        case .completionYears: "years"
        case .civilianCasualties: "casualties"
        case .cost: currency ?? "currency"
        case .remainingKm2: "km²"
        }
    }
}

extension SensitivityResult.Input {
    init(_ input: UncertaintySpec.Input) {
        switch input.variation {
        case let .range(low, high, whole):
            self.init(label: input.label, path: input.path, paths: input.paths.count > 1 ? input.paths : nil,
                      variation: "range", low: low, high: high, whole: whole)
        case let .scale(low, high, whole):
            self.init(label: input.label, path: input.path, paths: input.paths.count > 1 ? input.paths : nil,
                      variation: "scale", low: low, high: high, whole: whole ? true : nil)
        }
    }
}
