// MARK: - RiskModelError

/// Errors thrown by the risk model. Every message says what was found and what was expected, so a
/// planner can fix the scenario file without reading code.
///
/// ```swift
/// do { _ = try AHP.priorities(pairwise) }
/// catch let error as RiskModelError { print(error) }
/// // "AHP pairwise matrix is not reciprocal at row 1, column 3: a[1,3] = 4 but a[3,1] = 0.5 (expected 0.25)"
/// ```
public enum RiskModelError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A configured weight is NaN, infinite or negative.
    case invalidWeight(name: String, value: Double)
    /// Every weight in a set is zero, so nothing would be scored.
    case allWeightsZero(context: String)
    /// A layer holds a value that is NaN, infinite or negative at `index`.
    case invalidLayerValue(layer: String, index: Int, value: Double)
    /// A layer or score vector has the wrong number of cells.
    case cellCountMismatch(context: String, expected: Int, found: Int)
    /// A cell index is outside `0..<cellCount`.
    case cellIndexOutOfRange(context: String, index: Int, cellCount: Int)
    /// Two footprints share an id, so ranks and ties could not be reported unambiguously.
    case duplicateHazardID(String)
    /// A hazard's area is not a positive finite number of square metres.
    case invalidHazardArea(id: String, value: Double)
    /// The number of factors (layers) differs from the number of weights.
    case factorCountMismatch(layers: Int, weights: Int)
    /// A factor name is empty or repeated.
    case invalidFactorNames(String)
    /// The AHP pairwise matrix is not square or empty.
    case ahpInvalidShape(rows: Int, columns: Int)
    /// The AHP matrix is larger than the random-index table (n > 15).
    case ahpTooLarge(n: Int, maximum: Int)
    /// An AHP entry is not a positive finite number (0-based indices).
    case ahpNonPositiveEntry(row: Int, column: Int, value: Double)
    /// A diagonal entry is not 1 (0-based index).
    case ahpDiagonalNotOne(index: Int, value: Double)
    /// `a[j,i] != 1 / a[i,j]` beyond the relative tolerance (0-based indices).
    case ahpNotReciprocal(row: Int, column: Int, value: Double, transposeValue: Double)
    /// Saaty's consistency ratio exceeds the threshold and the scenario did not accept it.
    case ahpInconsistent(consistencyRatio: Double, threshold: Double)
    /// The eigen decomposition failed or gave no usable positive principal eigenvector.
    case ahpEigenFailure(String)
    /// A top-area fraction for validation is outside (0, 1].
    case invalidAreaFraction(Double)
    /// No held-out incident falls in the grid, so hit rates are undefined.
    case noHeldOutIncidents

    public var description: String {
        switch self {
        case let .invalidWeight(name, value):
            return "weight '\(name)' must be a finite number >= 0, found \(value)"
        case let .allWeightsZero(context):
            return "\(context): at least one weight must be > 0, found all zero"
        case let .invalidLayerValue(layer, index, value):
            return "layer '\(layer)' must hold finite values >= 0, found \(value) at cell \(index)"
        case let .cellCountMismatch(context, expected, found):
            return "\(context): expected \(expected) cells (the grid's cell count), found \(found)"
        case let .cellIndexOutOfRange(context, index, cellCount):
            return "\(context): cell index \(index) is outside the grid (valid 0..<\(cellCount))"
        case let .duplicateHazardID(id):
            return "hazard id '\(id)' appears more than once; ids must be unique"
        case let .invalidHazardArea(id, value):
            return "hazard '\(id)' must have a positive finite area in square metres, found \(value)"
        case let .factorCountMismatch(layers, weights):
            return "found \(layers) layers but \(weights) weights; there must be one weight per layer"
        case let .invalidFactorNames(details):
            return "factor names must be non-empty and unique: \(details)"
        case let .ahpInvalidShape(rows, columns):
            return "AHP pairwise matrix must be square with at least one row, found \(rows) x \(columns)"
        case let .ahpTooLarge(n, maximum):
            return "AHP pairwise matrix is \(n) x \(n); the random-index table covers at most \(maximum) factors"
        case let .ahpNonPositiveEntry(row, column, value):
            return "AHP pairwise matrix entry at row \(row + 1), column \(column + 1) must be a positive finite number, found \(value)"
        case let .ahpDiagonalNotOne(index, value):
            return "AHP pairwise matrix diagonal entry at row \(index + 1), column \(index + 1) must be 1, found \(value)"
        case let .ahpNotReciprocal(row, column, value, transposeValue):
            return "AHP pairwise matrix is not reciprocal at row \(row + 1), column \(column + 1): "
                + "a[\(row + 1),\(column + 1)] = \(value) but a[\(column + 1),\(row + 1)] = \(transposeValue) (expected \(1 / value))"
        case let .ahpInconsistent(ratio, threshold):
            return "AHP judgements are inconsistent: consistency ratio \(ratio) exceeds \(threshold); "
                + "revise the pairwise comparisons or accept the inconsistency explicitly in the scenario"
        case let .ahpEigenFailure(details):
            return "AHP principal eigenvector could not be computed: \(details)"
        case let .invalidAreaFraction(value):
            return "validation area fraction must be in (0, 1], found \(value)"
        case .noHeldOutIncidents:
            return "validation needs at least one held-out incident inside the grid, found none"
        }
    }
}
