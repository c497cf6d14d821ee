// MARK: - ModelFitError

/// Errors of the fitted risk model (``PenalizedGLM``) and its spatial cross-validation
/// (``SpatialBlocks``, ``BlockCrossValidation``). Every message says what was found and what was
/// expected; rows and columns are 0-based, as in the design matrix.
///
/// ```swift
/// do { _ = try PenalizedGLM.fit(design: x, response: y, family: .logistic, penalty: 0) }
/// catch let error as ModelFitError { print(error) }   // "design column 3 is constant (every row is 1.0) ..."
/// ```
public enum ModelFitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A vector's length differs from the design's row count.
    case lengthMismatch(what: String, expected: Int, found: Int)
    /// The design has no rows with positive weight, or no columns where some are required.
    case emptyDesign(rows: Int, columns: Int)
    /// A design element is NaN or infinite.
    case nonFiniteDesign(row: Int, column: Int, value: Double)
    /// A response, weight or offset is NaN or infinite.
    case nonFiniteValue(what: String, index: Int, value: Double)
    /// A logistic label is neither 0 nor 1.
    case invalidLabel(index: Int, value: Double)
    /// A Poisson count is negative.
    case negativeCount(index: Int, value: Double)
    /// A case weight is negative.
    case negativeWeight(index: Int, value: Double)
    /// The ridge penalty is negative or not finite.
    case invalidPenalty(Double)
    /// A design column takes one value on every row used, so it cannot be standardised (and is
    /// confounded with the intercept).
    case constantColumn(column: Int, value: Double)
    /// Every label is 0 (or 1), or every count is 0: the intercept would go to infinity.
    case degenerateResponse(family: GLMFamily, details: String)
    /// Without a penalty the fitted values run to 0 or 1 (logistic) or 0 (Poisson): some
    /// combination of columns separates the labels perfectly and the maximum-likelihood estimate
    /// does not exist. A penalty > 0 gives a finite estimate.
    case separation(family: GLMFamily, iterations: Int)
    /// Neither the Cholesky nor the QR solve worked (columns exactly collinear and no penalty).
    case singularSystem(details: String)
    /// A spatial block layout is impossible (non-positive sizes, mask of the wrong length).
    case invalidBlocks(details: String)
    /// Fewer blocks hold included cells than folds were asked for.
    case tooFewBlocks(blocks: Int, folds: Int)
    /// The penalty grid is empty or holds a negative or non-finite value.
    case invalidPenaltyGrid(details: String)

    public var description: String {
        switch self {
        case let .lengthMismatch(what, expected, found):
            return "\(what) must have one value per design row (\(expected)), found \(found)"
        case let .emptyDesign(rows, columns):
            return "the model needs at least one row with positive weight and one column, found \(rows) x \(columns)"
        case let .nonFiniteDesign(row, column, value):
            return "design row \(row), column \(column) must be a finite number, found \(value)"
        case let .nonFiniteValue(what, index, value):
            return "\(what) at row \(index) must be a finite number, found \(value)"
        case let .invalidLabel(index, value):
            return "logistic labels must be 0 or 1, found \(value) at row \(index)"
        case let .negativeCount(index, value):
            return "Poisson counts must be >= 0, found \(value) at row \(index)"
        case let .negativeWeight(index, value):
            return "case weights must be >= 0, found \(value) at row \(index)"
        case let .invalidPenalty(value):
            return "the ridge penalty must be a finite number >= 0, found \(value)"
        case let .constantColumn(column, value):
            return "design column \(column) is constant (every row used is \(value)); drop it, the intercept already "
                + "carries a constant"
        case let .degenerateResponse(family, details):
            return "a \(family.rawValue) model cannot be fitted: \(details)"
        case let .separation(family, iterations):
            return "the \(family.rawValue) fit diverges after \(iterations) iterations: the features separate the "
                + "response perfectly, so unpenalised coefficients are infinite; use a penalty > 0"
        case let .singularSystem(details):
            return "the model's equations are singular: \(details); remove collinear columns or use a penalty > 0"
        case let .invalidBlocks(details):
            return "spatial blocks: \(details)"
        case let .tooFewBlocks(blocks, folds):
            return "spatial cross-validation needs at least as many blocks with cells as folds: \(blocks) blocks "
                + "for \(folds) folds; use smaller blocks or fewer folds"
        case let .invalidPenaltyGrid(details):
            return "penalty grid: \(details)"
        }
    }
}
