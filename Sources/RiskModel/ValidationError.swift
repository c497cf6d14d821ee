// MARK: - ValidationError

/// Errors of the validation statistics that ``RiskModelError`` has no case for: study-area masks,
/// outcome labels, the block bootstrap, calibration curves and hazard-area metrics. A separate type
/// (not new ``RiskModelError`` cases) so that code switching exhaustively over ``RiskModelError``
/// keeps compiling; every message says what was found and what was expected.
///
/// ```swift
/// do { _ = try Reliability(probabilities: [1.5], outcomes: [true], bins: 10) }
/// catch let error as ValidationError { print(error) }
/// // "probabilities: cell 0 must hold a probability in [0, 1], found 1.5"
/// ```
public enum ValidationError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The study area excludes every cell, so nothing can be scored.
    case emptyStudyArea(cellCount: Int)
    /// Every held-out incident lies outside the study area (`excluded` of them).
    case noHeldOutIncidentsInStudyArea(excluded: Int)
    /// No cell inside the study area is labelled positive (mines found), so hit rates are undefined.
    case noPositiveLabels
    /// A value that must be a probability is not in [0, 1] (or is not finite).
    case invalidProbability(context: String, index: Int, value: Double)
    /// An integer setting (bins, replicates, block size, top counts) is out of its range.
    case invalidSetting(name: String, value: Int, expected: String)
    /// A confidence level is not in (0, 1).
    case invalidConfidenceLevel(Double)
    /// A block id is negative.
    case invalidBlockID(index: Int, value: Int)
    /// Two names (baselines) are equal, so rows could not be told apart.
    case duplicateName(String)
    /// A hazard area lists no cell inside the study area, so it has no mean score.
    case emptyHazardArea(index: Int)

    public var description: String {
        switch self {
        case let .emptyStudyArea(cellCount):
            return "the study area excludes all \(cellCount) cells; at least one cell must be inside it"
        case let .noHeldOutIncidentsInStudyArea(excluded):
            return "validation needs at least one held-out incident inside the study area, found none "
                + "(\(excluded) outside it)"
        case .noPositiveLabels:
            return "outcome labels: at least one labelled cell inside the study area must be positive (mines found), found none"
        case let .invalidProbability(context, index, value):
            return "\(context): cell \(index) must hold a probability in [0, 1], found \(value)"
        case let .invalidSetting(name, value, expected):
            return "\(name) must be \(expected), found \(value)"
        case let .invalidConfidenceLevel(value):
            return "confidence level must be in (0, 1), found \(value)"
        case let .invalidBlockID(index, value):
            return "block id of cell \(index) must be >= 0, found \(value)"
        case let .duplicateName(name):
            return "name '\(name)' appears more than once; names must be unique"
        case let .emptyHazardArea(index):
            return "hazard area \(index) covers no cell inside the study area, so it has no score"
        }
    }
}
