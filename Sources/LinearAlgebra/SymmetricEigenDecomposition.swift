// MARK: - SymmetricEigenDecomposition

/// Eigenvalues and orthonormal eigenvectors of a real symmetric matrix, as LAPACK `dsyev` returns them.
///
/// `values` ascend; column `j` of ``vectors`` is the unit eigenvector of `values[j]`, so
/// `A = V · diag(values) · Vᵀ`.
///
/// ```swift
/// let e = try Matrix(rows: 2, columns: 2, elements: [2, 1, 1, 2]).eigenSymmetric()
/// e.values   // [1, 3]
/// ```
public struct SymmetricEigenDecomposition: Sendable, Equatable {
    /// Eigenvalues in ascending order.
    public let values: [Double]
    /// Orthonormal eigenvectors as columns, in the order of `values`.
    public let vectors: Matrix

    /// Creates a decomposition from LAPACK's outputs.
    public init(values: [Double], vectors: Matrix) {
        self.values = values
        self.vectors = vectors
    }

    /// Eigenvector `j` (column `j` of ``vectors``).
    ///
    /// - Precondition: `0 <= j < values.count`.
    public func eigenvector(_ j: Int) -> [Double] { vectors.column(j) }
}
