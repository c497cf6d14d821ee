import CLinearAlgebra

// MARK: - CholeskyFactorization

/// The Cholesky factorisation `A = UᵀU` of a symmetric positive definite matrix (LAPACK `dpotrf`),
/// with solves (`dpotrs`), the inverse (`dpotri`) and the reciprocal condition number (`dpocon`).
///
/// Why a type: a Newton step factors the Hessian once, then solves with it, asks how well
/// conditioned it was (to fall back to QR when it is not) and, at the end, inverts it for standard
/// errors; keeping the factor avoids factoring three times.
///
/// ```swift
/// let a = try Matrix(rows: 2, columns: 2, elements: [4, 2, 2, 3])
/// let chol = try CholeskyFactorization(a)
/// let x = try chol.solve([2, 1])          // a · x = [2, 1]  →  x = [0.5, 0]
/// let inverse = try chol.inverse()        // a⁻¹
/// let rcond = try chol.reciprocalCondition()
/// ```
public struct CholeskyFactorization: Sendable {
    /// Order n of the factored matrix.
    public let order: Int
    /// The upper triangular factor U (row-major n x n, zeros below the diagonal), `A = UᵀU`.
    public let factor: Matrix
    /// The 1-norm of A (largest absolute column sum), which `dpocon` needs.
    public let oneNorm: Double

    /// Factors `a`, reading only its upper triangle (as LAPACK does).
    ///
    /// - Throws: ``LinearAlgebraError/notSquare(operation:rows:columns:)``,
    ///   ``LinearAlgebraError/nonFiniteInput(operation:index:)``,
    ///   ``LinearAlgebraError/notPositiveDefinite(operation:order:)`` when a leading minor is not
    ///   positive (the caller may then fall back to QR, or add a ridge).
    /// - Complexity: n³/3 FLOPs.
    public init(_ a: Matrix) throws {
        let operation = "Cholesky (dpotrf)"
        guard a.isSquare else { throw LinearAlgebraError.notSquare(operation: operation, rows: a.rows, columns: a.columns) }
        if let bad = a.elements.firstIndex(where: { !$0.isFinite }) {
            throw LinearAlgebraError.nonFiniteInput(operation: operation, index: bad)
        }
        let n = a.rows
        guard n <= Int(Int32.max) else { throw LinearAlgebraError.tooLarge(operation: operation, dimension: n) }
        // 1-norm of the symmetric matrix defined by the upper triangle.
        var norm = 0.0
        for j in 0..<n {
            var sum = 0.0
            for i in 0..<n { sum += abs(i <= j ? a.storage[i * n + j] : a.storage[j * n + i]) }
            norm = Swift.max(norm, sum)
        }
        var u = a.storage
        if n > 0 {
            FixedBlocks.prepareBLAS()
            let info = LAPACKE_dpotrf(Int32(LAPACK_ROW_MAJOR), CChar(UInt8(ascii: "U")), Int32(n), &u, Int32(n))
            if info > 0 { throw LinearAlgebraError.notPositiveDefinite(operation: operation, order: Int(info)) }
            guard info == 0 else { throw LinearAlgebraError.lapackFailure(routine: "dpotrf", info: info) }
        }
        for i in 0..<n {
            for j in 0..<i { u[i * n + j] = 0 }
        }
        order = n
        factor = Matrix(rows: n, columns: n, validatedStorage: u)
        oneNorm = norm
    }

    /// Solves `A · x = b` with the factor (`dpotrs`).
    ///
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(operation:details:)`` unless `b.count == order`.
    /// - Complexity: 2·n² FLOPs.
    public func solve(_ b: [Double]) throws -> [Double] {
        guard b.count == order else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "Cholesky solve (dpotrs)", details: "the matrix has order \(order) but b has \(b.count) elements")
        }
        if order == 0 { return [] }
        var u = factor.storage
        var x = b
        FixedBlocks.prepareBLAS()
        let info = LAPACKE_dpotrs(Int32(LAPACK_ROW_MAJOR), CChar(UInt8(ascii: "U")), Int32(order), 1, &u, Int32(order), &x, 1)
        guard info == 0 else { throw LinearAlgebraError.lapackFailure(routine: "dpotrs", info: info) }
        return x
    }

    /// `A⁻¹` from the factor (`dpotri`), both triangles filled: the covariance matrix when A is an
    /// information (Hessian) matrix.
    ///
    /// - Throws: ``LinearAlgebraError/lapackFailure(routine:info:)`` (only if the factor is singular,
    ///   which a successful factorisation excludes).
    /// - Complexity: 2·n³/3 FLOPs.
    public func inverse() throws -> Matrix {
        let n = order
        if n == 0 { return factor }
        var u = factor.storage
        FixedBlocks.prepareBLAS()
        let info = LAPACKE_dpotri(Int32(LAPACK_ROW_MAJOR), CChar(UInt8(ascii: "U")), Int32(n), &u, Int32(n))
        guard info == 0 else { throw LinearAlgebraError.lapackFailure(routine: "dpotri", info: info) }
        for i in 0..<n {
            for j in 0..<i { u[i * n + j] = u[j * n + i] }
        }
        return Matrix(rows: n, columns: n, validatedStorage: u)
    }

    /// An estimate of 1 / (‖A‖₁ ‖A⁻¹‖₁) from the factor (`dpocon`): near 1 for a well-conditioned
    /// matrix, near machine epsilon (2.2e-16) for a numerically singular one. Solutions lose about
    /// `-log10(rcond)` significant digits.
    ///
    /// - Complexity: O(n²).
    public func reciprocalCondition() throws -> Double {
        if order == 0 { return 1 }
        if oneNorm == 0 { return 0 }
        var u = factor.storage
        var rcond = 0.0
        FixedBlocks.prepareBLAS()
        let info = LAPACKE_dpocon(Int32(LAPACK_ROW_MAJOR), CChar(UInt8(ascii: "U")), Int32(order), &u, Int32(order),
                                  oneNorm, &rcond)
        guard info == 0 else { throw LinearAlgebraError.lapackFailure(routine: "dpocon", info: info) }
        return rcond
    }
}
