import CLinearAlgebra

// MARK: - Eigen decompositions (LAPACKE dgeev, dsyev)

extension Matrix {
    /// Eigenvalues and right eigenvectors of a general real square matrix (LAPACK `dgeev`).
    ///
    /// ```swift
    /// let companion = try Matrix(rows: 3, columns: 3, elements: [6, -11, 6, 1, 0, 0, 0, 1, 0])
    /// let e = try companion.eigenGeneral()   // eigenvalues 1, 2, 3 in some order
    /// ```
    /// - Throws: ``LinearAlgebraError/notSquare(operation:rows:columns:)``,
    ///   ``LinearAlgebraError/nonFiniteInput(operation:index:)``, or
    ///   ``LinearAlgebraError/lapackFailure(routine:info:)`` when the QR algorithm does not converge.
    /// - Complexity: O(n³).
    public func eigenGeneral() throws -> GeneralEigenDecomposition {
        try checkSquareFinite(operation: "eigenGeneral (dgeev)")
        let n = rows
        if n == 0 { return GeneralEigenDecomposition(real: [], imaginary: [], vectors: self) }
        var a = elements
        var wr = [Double](repeating: 0, count: n)
        var wi = [Double](repeating: 0, count: n)
        var vr = [Double](repeating: 0, count: n * n)
        var vlDummy = [Double](repeating: 0, count: 1)
        FixedBlocks.prepareBLAS()
        let info = LAPACKE_dgeev(
            Int32(LAPACK_ROW_MAJOR), CChar(UInt8(ascii: "N")), CChar(UInt8(ascii: "V")), Int32(n),
            &a, Int32(n), &wr, &wi, &vlDummy, 1, &vr, Int32(n))
        guard info == 0 else { throw LinearAlgebraError.lapackFailure(routine: "dgeev", info: info) }
        return GeneralEigenDecomposition(real: wr, imaginary: wi, vectors: try Matrix(rows: n, columns: n, elements: vr))
    }

    /// Eigenvalues (ascending) and orthonormal eigenvectors of a real symmetric matrix (LAPACK `dsyev`).
    ///
    /// LAPACK reads only one triangle, so the matrix is first checked to be symmetric: every
    /// |a[i,j] − a[j,i]| must be at most `symmetryTolerance` times the largest |a[i,j]|. This catches a
    /// wrong matrix instead of silently decomposing its upper half.
    ///
    /// ```swift
    /// let e = try Matrix(rows: 2, columns: 2, elements: [2, -1, -1, 2]).eigenSymmetric()   // [1, 3]
    /// ```
    /// - Throws: ``LinearAlgebraError/notSquare(operation:rows:columns:)``,
    ///   ``LinearAlgebraError/nonFiniteInput(operation:index:)``,
    ///   ``LinearAlgebraError/notSymmetric(operation:maxAsymmetry:tolerance:)``, or
    ///   ``LinearAlgebraError/lapackFailure(routine:info:)``.
    /// - Complexity: O(n³).
    public func eigenSymmetric(symmetryTolerance: Double = 1e-12) throws -> SymmetricEigenDecomposition {
        let operation = "eigenSymmetric (dsyev)"
        try checkSquareFinite(operation: operation)
        let n = rows
        if n == 0 { return SymmetricEigenDecomposition(values: [], vectors: self) }
        let scale = elements.reduce(0) { Swift.max($0, abs($1)) }
        var maxAsymmetry = 0.0
        for i in 0..<n {
            for j in (i + 1)..<n { maxAsymmetry = Swift.max(maxAsymmetry, abs(elements[i * n + j] - elements[j * n + i])) }
        }
        guard maxAsymmetry <= symmetryTolerance * scale else {
            throw LinearAlgebraError.notSymmetric(
                operation: operation, maxAsymmetry: maxAsymmetry, tolerance: symmetryTolerance * scale)
        }
        var a = elements
        var w = [Double](repeating: 0, count: n)
        FixedBlocks.prepareBLAS()
        let info = LAPACKE_dsyev(
            Int32(LAPACK_ROW_MAJOR), CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "U")), Int32(n), &a, Int32(n), &w)
        guard info == 0 else { throw LinearAlgebraError.lapackFailure(routine: "dsyev", info: info) }
        return SymmetricEigenDecomposition(values: w, vectors: try Matrix(rows: n, columns: n, elements: a))
    }

    // MARK: Input checks

    /// Throws unless the matrix is square, finite and small enough for 32-bit LAPACK.
    private func checkSquareFinite(operation: String) throws {
        guard isSquare else { throw LinearAlgebraError.notSquare(operation: operation, rows: rows, columns: columns) }
        if let bad = elements.firstIndex(where: { !$0.isFinite }) {
            throw LinearAlgebraError.nonFiniteInput(operation: operation, index: bad)
        }
        guard rows <= Int(Int32.max) else { throw LinearAlgebraError.tooLarge(operation: operation, dimension: rows) }
    }
}
