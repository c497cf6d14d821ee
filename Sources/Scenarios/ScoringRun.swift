import ClearanceModel
import ClearcastDomain
import Foundation
import GeoData
import RiskModel

/// Scores a loaded scenario, optionally holding out recent incidents to validate the surface.
///
/// ```swift
/// let run = try ScoringRun.run(scenario: scenario, layers: layers, holdoutAfter: CivilDate.parse("2015-01-01"))
/// run.validation?.comparison.model.rocAUC
/// ```
public enum ScoringRun {
    /// The validation of a surface on held-out incidents.
    public struct Validation: Sendable {
        public var holdoutAfter: CivilDate
        public var trainingIncidents: Int
        public var heldOutIncidents: Int
        /// Model, uniform, and the baselines "contamination" and (when used) "density".
        public var comparison: ValidationComparison
    }

    public struct Output: Sendable {
        public var assessment: PriorityAssessment
        public var validation: Validation?
    }

    /// With `holdoutAfter`, incidents dated before it build the density layer (aged to that date, what
    /// a planner would have known then); incidents from it on are the held-out set.
    ///
    /// - Throws: `ScenarioError` for scoring parameters at fault or no held-out incidents; model errors.
    public static func run(scenario: Scenario, layers: ScenarioLayers, holdoutAfter: CivilDate?) throws -> Output {
        guard let cutoff = holdoutAfter else {
            let assessment = try PriorityScorer.assess(layers.priorityInputs(), parameters: scenario.priorityParameters())
            return Output(assessment: assessment, validation: nil)
        }
        let split = TemporalSplit(cutoff: cutoff).partition(layers.incidents)
        guard !split.heldOut.isEmpty else {
            throw ScenarioError(file: scenario.layers.incidents.url.path, path: "layers.incidents",
                                message: "no incident is dated on or after \(cutoff); expected some to hold out (choose an earlier --holdout-after)")
        }
        guard !split.training.isEmpty else {
            throw ScenarioError(file: scenario.layers.incidents.url.path, path: "layers.incidents",
                                message: "no incident is dated before \(cutoff); expected some to build the density from")
        }
        let parameters = try scenario.priorityParameters(referenceDate: cutoff)
        let assessment = try PriorityScorer.assess(layers.priorityInputs(incidents: split.training), parameters: parameters)
        let heldOutCells = TemporalSplit.cells(of: split.heldOut, in: layers.grid).indices
        var baselines: [(label: String, scores: [Double])] = []
        let contamination = try assessment.rawLayer(.contamination)
            ?? ContaminationLayer.build(footprints: layers.hazards.map(\.footprint), cellCount: layers.grid.cellCount,
                                        weights: parameters.contamination)
        baselines.append(("contamination", contamination))
        if let density = assessment.rawLayer(.incidents) { baselines.append(("density", density)) }
        let comparison = try ValidationComparison(modelScores: assessment.composite.scores, baselines: baselines,
                                                  heldOutIncidentCells: heldOutCells)
        return Output(assessment: assessment, validation: Validation(
            holdoutAfter: cutoff, trainingIncidents: split.training.count, heldOutIncidents: split.heldOut.count,
            comparison: comparison))
    }

    /// Incidents dated after the reference date are left out of the density. When that is every
    /// one of them the layer is empty: right for a backtest from the day the fighting stopped, but
    /// far more often a typo in `reference_date` (say 0001-01-01). Say so, rather than score a map
    /// without its evidence in silence.
    static func referenceDateWarning(scenario: Scenario, incidents: [Incident]) -> ScenarioIssue? {
        guard let earliest = incidents.map(\.date).min(), earliest > scenario.referenceDate,
              scenario.priorityWeightsUse(.incidents) else { return nil }
        return ScenarioIssue(file: scenario.file.path, path: "reference_date", line: nil,
                             message: "\(scenario.referenceDate) is before every incident (the earliest is on \(earliest)), so the incident density is empty and its weight goes to nothing; check the date unless this is a backtest from before any incident")
    }
}
