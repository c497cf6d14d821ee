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
        /// Model (the priority score), uniform, and the baselines "contamination only", "density only"
        /// (when used), "distance to evidence", and "hand-set weights" or "learned" (whichever is not the model).
        public var comparison: ValidationComparison
        /// Block-bootstrap intervals for model − baseline.
        public var bootstrap: BlockBootstrap.Result?
        /// Calibration of the learned model's probabilities (logistic) on the held-out incidents.
        public var reliability: Reliability?
        /// Do hazard areas with a later incident rank higher?
        public var hazardAreas: HazardAreaValidation?
    }

    /// Validation of a model trained on outcome labels, on its own out-of-fold predictions.
    public struct OutcomeValidation: Sendable {
        /// The learned model's out-of-fold predictions, then the baselines, on the labelled cells.
        public var metrics: [LabelledValidation]
        public var bootstrap: BlockBootstrap.Result?
        public var reliability: Reliability?
    }

    public struct Output: Sendable {
        public var assessment: PriorityAssessment
        public var validation: Validation?
        /// The hand-set weights' assessment when the learned surface is the priority score.
        public var weighted: PriorityAssessment?
        public var learned: Learned?
        public var outcomeValidation: OutcomeValidation?
    }

    /// With `holdoutAfter`, incidents dated before it build the layers (aged to that date, what a
    /// planner would have known then); incidents from it on are the held-out set.
    ///
    /// - Throws: `ScenarioError` for scoring parameters at fault or no held-out incidents; model errors.
    /// - Parameter validate: false skips the out-of-fold validation of outcome labels (a simulation
    ///   only needs the ranking).
    public static func run(scenario: Scenario, layers: ScenarioLayers, holdoutAfter: CivilDate?, validate: Bool = true) throws -> Output {
        var known = layers.incidents
        var heldOut: [Incident] = []
        if let cutoff = holdoutAfter {
            let split = TemporalSplit(cutoff: cutoff).partition(layers.incidents)
            guard !split.heldOut.isEmpty else {
                throw ScenarioError(file: scenario.layers.incidents.url.path, path: "layers.incidents",
                                    message: "no incident is dated on or after \(cutoff); expected some to hold out (choose an earlier --holdout-after)")
            }
            guard !split.training.isEmpty else {
                throw ScenarioError(file: scenario.layers.incidents.url.path, path: "layers.incidents",
                                    message: "no incident is dated before \(cutoff); expected some to build the density from")
            }
            (known, heldOut) = split
        }
        let reference = holdoutAfter ?? scenario.referenceDate
        let parameters = try scenario.priorityParameters(referenceDate: holdoutAfter)
        let weighted = try PriorityScorer.assess(layers.priorityInputs(incidents: known), parameters: parameters)
        let mask = layers.studyArea ?? GridMask.all(layers.grid.cellCount)
        let learned = try scenario.scoring.learned.map {
            try fitLearned($0, scenario: scenario, layers: layers, mask: mask, reference: reference, incidents: known)
        }
        var assessment = weighted
        if let learned, learned.spec.useAsPriority {
            let ranking = try HazardRanking.rank(footprints: PriorityScorer.studyFootprints(layers.hazards.map(\.footprint), mask: layers.studyArea),
                                                 composite: learned.surface.composite)
            assessment = PriorityAssessment(
                factors: weighted.factors, rawLayers: weighted.rawLayers, composite: learned.surface.composite, ranking: ranking,
                densitySummary: weighted.densitySummary, pressureSummary: weighted.pressureSummary, studyArea: layers.studyArea)
        }
        var output = Output(assessment: assessment, validation: nil, weighted: learned?.spec.useAsPriority == true ? weighted : nil,
                            learned: learned, outcomeValidation: nil)
        if let cutoff = holdoutAfter {
            output.validation = try Self.validate(output, scenario: scenario, layers: layers, parameters: parameters, cutoff: cutoff,
                                             known: known, heldOut: heldOut)
        }
        if validate, let learned, learned.spec.labels == .outcomes {
            output.outcomeValidation = try validateOutcomes(learned, output: output, scenario: scenario, layers: layers,
                                                            parameters: parameters, known: known)
        }
        return output
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
