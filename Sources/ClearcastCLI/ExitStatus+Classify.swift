import AtomicFiles
import Calibration
import ClearanceModel
import ClearcastDomain
import EventSimulation
import Foundation
import GeoData
import LinearAlgebra
import Reporting
import ResourcePlanning
import RiskModel
import Scenarios

/// Exit code and message for every error type of the lower layers.
///
/// The rule: exit 2 when the user can fix it (the scenario, a layer file, an option, an output path,
/// a parameter out of range, a machine limit such as a full disk), and the message then names the
/// file or field and what was expected; exit 1 when it is our bug or an impossible state (shapes of
/// our own matrices disagree, a statistic of our own output is undefined). The switches are
/// exhaustive by case, so adding a case to a lower layer's error fails to compile here until
/// someone decides which it is; an unknown type falls to `default`, an internal failure.
extension ExitStatus {
    static func classify(_ error: Error) -> (code: Int32, message: String) {
        switch error {
        case let error as InputError: return bad(error.description)
        case let error as Interrupted: return (interrupted, "clearcast: " + error.description)
        // Monte Carlo replications stop with CancellationError when the interrupt flag is set.
        case is CancellationError: return (interrupted, "clearcast: " + InterruptHandler.interruptedError().description)
        case let error as ScenarioError: return bad(error.description)
        case let error as GeoDataError: return classify(error)
        // An output path that cannot be published (no directory, a directory, permissions, a full disk).
        case let error as AtomicFile.WriteFailed: return bad(error.description)
        case let error as Grid.InvalidGrid: return bad("grid: \(error.description)")
        case let error as CivilDate.InvalidDate: return bad("invalid date: \(error.description)")
        case let error as RiskModelError: return classify(error)
        // Fitting `scoring.learned`: labels, features and the penalty grid are the scenario's.
        case let error as ModelFitError: return classify(error)
        // Study area, held-out incidents and outcome labels come from the scenario and --holdout-after.
        case let error as ValidationError: return bad("validation: \(error.description); check layers.study_area, layers.outcomes and --holdout-after")
        case let error as EvidenceFeatureError: return bad("scoring.learned.features: \(error.description)")
        // Parameters (bandwidth, horizon, …) and records come from the scenario and its layers.
        case let error as IncidentDensityError: return bad(error.description)
        case let error as ReturnPressureError: return bad(error.description)
        // Every case names a field of the scenario's simulation section.
        case let error as ClearanceModelError: return bad(error.description)
        // The target and the search settings are `plan`'s options.
        case let error as PlanningError: return bad(error.description)
        // Distributions are written in the scenario (productivity, shares, durations).
        case let error as DistributionError: return bad("distribution: \(error.description)")
        case let error as SchedulingError: return classify(error)
        // Statistics are taken of our own simulated samples: an empty or non-finite one is a bug.
        case let error as StatisticsError: return bug(error.description)
        // Matrices are built by us from validated inputs: a shape or LAPACK failure is a bug.
        case let error as LinearAlgebraError: return bug(error.description)
        case let error as ResultEncoding.NonFiniteValue: return bug(error.description)
        case let error as ResultFile.ReadError: return bad(error.description)
        case let error as ShardError: return bad(error.description)
        case let error as PartialSet.MergeError: return bad(error.description)
        case let error as Backtest.ParseError: return bad(error.description)
        // The observed file and the parameters to fit are the user's (`calibrate`).
        case let error as ObservedSeries.ParseError: return bad(error.description)
        case let error as CalibrationError: return bad(error.description)
        case let error as CocoaError where error.isFileError: return bad(describe(error))
        default: return bug(String(describing: error))
        }
    }

    /// GeoData errors concern the user's files (layers read, outputs written), except arguments our
    /// own code passes and a rasterization of an already validated geometry.
    static func classify(_ error: GeoDataError) -> (code: Int32, message: String) {
        switch error.kind {
        case .fileNotFound, .unreadable, .unsupportedFormat, .noCRS, .unknownCRS, .layerNotFound, .noGeometryColumn,
             .emptyLayer, .invalidGeometry, .transformFailed:
            return bad(error.description)
        // An output path that cannot be written (a directory, no permission, a full disk): fixable by the user.
        case .writeFailed:
            return bad(error.description)
        case .rasterizeFailed, .invalidArgument:
            return bug(error.description)
        }
    }

    static func classify(_ error: RiskModelError) -> (code: Int32, message: String) {
        switch error {
        // Weights, AHP judgements and factor names are the scenario's `scoring` section.
        case .invalidWeight, .allWeightsZero, .factorCountMismatch, .invalidFactorNames, .ahpInvalidShape, .ahpTooLarge,
             .ahpNonPositiveEntry, .ahpDiagonalNotOne, .ahpNotReciprocal, .ahpInconsistent:
            return bad("scoring.weights: \(error.description)")
        // Hazard ids and areas come from the hazard layer; held-out incidents from --holdout-after.
        case .duplicateHazardID, .invalidHazardArea, .noHeldOutIncidents:
            return bad(error.description)
        // A NaN or negative layer value comes from the scenario's parameters or a layer's values.
        case .invalidLayerValue:
            return bad(error.description + "; check the scenario's scoring parameters and the layer's values")
        // Layers, cell indices and area fractions are produced by our own code.
        case .cellCountMismatch, .cellIndexOutOfRange, .ahpEigenFailure, .invalidAreaFraction:
            return bug(error.description)
        }
    }

    static func classify(_ error: ModelFitError) -> (code: Int32, message: String) {
        switch error {
        // Shapes and weights are built by our own code from validated layers.
        case .lengthMismatch, .emptyDesign, .negativeWeight, .invalidBlocks, .nonFiniteValue:
            return bug("fitting scoring.learned: \(error.description)")
        default:
            return bad("scoring.learned: \(error.description); check the features (a constant or duplicated feature), the labels, "
                + "block_size_m and folds, and the penalties")
        }
    }

    static func classify(_ error: SchedulingError) -> (code: Int32, message: String) {
        switch error {
        // The scenario is too large for one replication's event queue.
        case .capacityExceeded:
            return bad(error.description + "; use fewer teams or hazard areas, or a shorter horizon")
        // The engine computes every event time from validated inputs: a bad time is a bug.
        case .timeInPast, .nonFiniteTime, .negativeDelay:
            return bug(error.description)
        }
    }

    private static func bad(_ message: String) -> (code: Int32, message: String) {
        (badInput, "error: " + message)
    }

    private static func bug(_ message: String) -> (code: Int32, message: String) {
        // Some descriptions already say so ("internal error: a result held NaN …"); say it once.
        let prefix = "internal error: "
        let text = message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message
        return (internalFailure, prefix + text)
    }

    /// A Foundation file error with the path it concerns.
    private static func describe(_ error: CocoaError) -> String {
        let path = error.filePath ?? error.url?.path
        return (path.map { "\($0): " } ?? "") + error.localizedDescription
    }
}
