// MARK: - LinearAlgebraError

/// Errors thrown by the matrix wrappers. Every message says what was found and what was expected.
///
/// ```swift
/// do { _ = try Matrix.multiply(a, b) }
/// catch let error as LinearAlgebraError { print(error) }   // "dimension mismatch in multiply: ..."
/// ```
public enum LinearAlgebraError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Operand shapes do not fit the operation; `details` names the shapes involved.
    case dimensionMismatch(operation: String, details: String)
    /// A matrix dimension is negative.
    case invalidShape(rows: Int, columns: Int)
    /// The operation needs a square matrix.
    case notSquare(operation: String, rows: Int, columns: Int)
    /// The operation needs a symmetric matrix; `maxAsymmetry` is the largest |a[i,j] - a[j,i]|.
    case notSymmetric(operation: String, maxAsymmetry: Double, tolerance: Double)
    /// An input contains NaN or infinity at row-major index `index`.
    case nonFiniteInput(operation: String, index: Int)
    /// A dimension does not fit the 32-bit integers BLAS/LAPACK take.
    case tooLarge(operation: String, dimension: Int)
    /// A block's row or column range is outside its matrix.
    case blockOutOfRange(rows: Range<Int>, columns: Range<Int>, matrixRows: Int, matrixColumns: Int)
    /// A LAPACK routine returned `info != 0`: negative means argument `-info` was illegal,
    /// positive means the algorithm did not converge (see the routine's documentation).
    case lapackFailure(routine: String, info: Int32)
    /// A Cholesky factorisation found the matrix not positive definite: the leading minor of
    /// order `order` (1-based) is not positive.
    case notPositiveDefinite(operation: String, order: Int)
    /// A least-squares problem's matrix does not have full column rank: the triangular factor's
    /// diagonal element `column` (1-based) is exactly zero.
    case rankDeficient(operation: String, column: Int)
    /// A weight is negative (weights must be finite and >= 0).
    case negativeWeight(operation: String, index: Int, value: Double)

    public var description: String {
        switch self {
        case let .dimensionMismatch(operation, details):
            return "dimension mismatch in \(operation): \(details)"
        case let .invalidShape(rows, columns):
            return "matrix dimensions must be non-negative, found \(rows) x \(columns)"
        case let .notSquare(operation, rows, columns):
            return "\(operation) needs a square matrix, found \(rows) x \(columns)"
        case let .notSymmetric(operation, maxAsymmetry, tolerance):
            return "\(operation) needs a symmetric matrix, found |a[i,j] - a[j,i]| up to \(maxAsymmetry) (tolerance \(tolerance))"
        case let .nonFiniteInput(operation, index):
            return "\(operation) needs finite values, found NaN or infinity at element \(index)"
        case let .tooLarge(operation, dimension):
            return "\(operation): dimension \(dimension) exceeds the 32-bit BLAS/LAPACK limit \(Int32.max)"
        case let .blockOutOfRange(rows, columns, matrixRows, matrixColumns):
            return "block rows \(rows) x columns \(columns) is outside a \(matrixRows) x \(matrixColumns) matrix"
        case let .lapackFailure(routine, info):
            if info < 0 { return "LAPACK \(routine) rejected argument \(-info) (info = \(info))" }
            return "LAPACK \(routine) failed to converge (info = \(info))"
        case let .notPositiveDefinite(operation, order):
            return "\(operation) needs a positive definite matrix, but its leading minor of order \(order) is not positive"
        case let .rankDeficient(operation, column):
            return "\(operation) needs a matrix of full column rank, but column \(column) is linearly dependent on the others"
        case let .negativeWeight(operation, index, value):
            return "\(operation) needs weights >= 0, found \(value) at index \(index)"
        }
    }
}
