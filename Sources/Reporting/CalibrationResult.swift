import Calibration
import ClearcastDomain
import Scenarios

/// The result of `clearcast calibrate`: which values of chosen scenario parameters reproduce an
/// observed yearly series, what the data identify and what they leave open, and the forecast
/// carried over every accepted parameter set (see ``CalibrationRun`` and ``CalibrationFit``).
///
/// Schema: `schemas/result.schema.json`, `kind: "calibrate"`.
public struct CalibrationResult: Codable, Sendable, Equatable {
    public var schema: String = ResultSchema.identifier
    public var kind: String = "calibrate"
    public var provenance: Provenance
    public var scenario: String
    public var startDate: String
    public var horizonYears: Int
    /// The observed file as given on the command line.
    public var observedFile: String
    /// Replications at every design point (all points share their random numbers).
    public var replications: Int
    /// Confidence level of the accepted set (0.9: the 90 % likelihood-ratio region).
    public var level: Double
    /// Relative reporting error of figures without their own.
    public var observationError: Double
    public var parameters: [Parameter]
    public var pairs: [CalibrationFit.Pair]
    public var observations: [Observation]
    public var fit: Fit
    /// The design's points in order (Halton sequence).
    public var points: [Point]
    /// Completion and area left per contamination type, pooled over the accepted points.
    public var forecast: [TypeForecast]
    public var notes: [String]

    public struct Parameter: Codable, Sendable, Equatable {
        /// The parameter as given (`--param`, or the `uncertainty:` input).
        public var input: SensitivityResult.Input
        public var estimate: CalibrationFit.Parameter
    }

    /// One observed figure beside what the best point, the accepted points and the scenario as
    /// written simulate for it, in ``unit`` (ha for areas, people for casualties).
    public struct Observation: Codable, Sendable, Equatable {
        public var periodStart: String
        public var periodEnd: String
        /// `released_area`, `cancelled_area`, `reduced_area`, `cleared_area`, `civilian_casualties`
        /// or `deminer_casualties`.
        public var metric: String
        public var type: String?
        /// `ha` or `people`.
        public var unit: String
        public var observed: Double
        public var relativeError: Double
        public var source: String?
        public var bestMean: Double
        public var bestP10: Double
        public var bestP90: Double
        /// Smallest and largest simulated mean over the accepted points.
        public var acceptedLow: Double
        public var acceptedHigh: Double
        public var asWrittenMean: Double
    }

    public struct Fit: Codable, Sendable, Equatable {
        public var minimumDistance: Double
        public var threshold: Double
        public var figures: Int
        public var best: Int
        public var acceptedPoints: Int
        public var poorFit: Bool
        /// The scenario as written: its distance and whether it lies within the accepted threshold.
        public var asWrittenDistance: Double
        public var asWrittenAccepted: Bool
    }

    public struct Point: Codable, Sendable, Equatable {
        /// Each parameter's position in its range, 0 (low) to 1 (high).
        public var coordinates: [Double]
        /// Each parameter's value (a range's value, a scale's factor).
        public var values: [Double]
        public var distance: Double
        public var accepted: Bool
        /// Simulated mean of every observed figure (in its unit), in the order of observations.
        public var simulated: [Double]
    }
}

// MARK: - Building

extension CalibrationResult {
    public static func make(provenance: Provenance, scenario: String, observedFile: String, replications: Int,
                            observationError: Double, run: CalibrationRun.Output) -> CalibrationResult {
        let fit = run.fit, best = run.points[fit.best]
        let accepted = Set(fit.accepted)
        let observations = run.observed.rows.enumerated().map { j, row in
            let means = fit.accepted.map { run.points[$0].distance.means[j] }
            return Observation(periodStart: row.periodStart.description, periodEnd: row.periodEnd.description,
                               metric: row.metric.rawValue, type: row.type?.rawValue, unit: row.metric.unit, observed: row.value / row.metric.displayScale,
                               relativeError: run.relativeErrors[j], source: row.source.isEmpty ? nil : row.source,
                               bestMean: best.distance.means[j], bestP10: best.distance.p10s[j], bestP90: best.distance.p90s[j],
                               acceptedLow: means.min() ?? 0, acceptedHigh: means.max() ?? 0,
                               asWrittenMean: run.asWritten.distance.means[j])
        }
        let points = run.points.enumerated().map { k, point in
            Point(coordinates: point.coordinates, values: zip(run.parameters, point.coordinates).map { $0.number(at: $1) },
                  distance: point.distance.value, accepted: accepted.contains(k), simulated: point.distance.means)
        }
        var notes: [String] = []
        if fit.poorFit {
            notes.append("No point fits the data as closely as their errors allow (best distance \(CalibrationFit.text(fit.minimumDistance)) "
                + "on \(fit.figures) figures): the accepted set is the least bad part of the box, not a confidence region. "
                + "Widen the ranges, add a parameter, or check the observed figures.")
        }
        if fit.accepted.count < 3 {
            notes.append("Only \(fit.accepted.count) point\(fit.accepted.count == 1 ? "" : "s") accepted: intervals are as coarse as the design; run more --points.")
        }
        if run.observed.ignoredRows > 0 {
            notes.append("\(run.observed.ignoredRows) row\(run.observed.ignoredRows == 1 ? "" : "s") of the observed file with other metrics (victims of all kinds together, incidents, plans) left out.")
        }
        return CalibrationResult(
            provenance: provenance, scenario: scenario, startDate: run.startDate.description, horizonYears: run.horizonYears,
            observedFile: observedFile, replications: replications, level: fit.level, observationError: observationError,
            parameters: zip(run.parameters, fit.parameters).map { Parameter(input: SensitivityResult.Input($0), estimate: $1) },
            pairs: fit.pairs, observations: observations,
            fit: Fit(minimumDistance: fit.minimumDistance, threshold: fit.threshold, figures: fit.figures, best: fit.best,
                     acceptedPoints: fit.accepted.count, poorFit: fit.poorFit, asWrittenDistance: run.asWritten.distance.value,
                     asWrittenAccepted: run.asWritten.distance.value <= fit.threshold),
            points: points, forecast: run.forecast, notes: notes)
    }
}
