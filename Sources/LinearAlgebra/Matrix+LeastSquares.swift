import CLinearAlgebra

// MARK: - Least squares by QR (LAPACKE dgels)

extension Matrix {
    /// The `x` minimising ‖a·x − b‖₂ for a tall matrix of full column rank, by Householder QR
    /// (LAPACK `dgels`).
    ///
    /// Why QR and not the normal equations: forming `aᵀa` squares the condition number, so a design
    /// with nearly collinear columns (condition 10⁶) loses 12 digits through Cholesky but only 6
    /// through QR. Models solve the normal equations first (cheaper, O(p²) memory) and come here
    /// when the Cholesky factor says the system is ill-conditioned.
    ///
    /// ```swift
    /// let a = try Matrix(rows: 3, columns: 2, elements: [1, 0, 1, 1, 1, 2])
    /// let x = try Matrix.leastSquares(a, [1, 2, 4])   // line through (0,1), (1,2), (2,4): [0.8333, 1.5]
    /// ```
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(operation:details:)`` when `b.count != a.rows`
    ///   or `a` is wider than tall, ``LinearAlgebraError/nonFiniteInput(operation:index:)``,
    ///   ``LinearAlgebraError/rankDeficient(operation:column:)`` when R has an exactly zero diagonal.
    /// - Complexity: 2·m·n² − 2n³/3 FLOPs for an m x n matrix; copies `a` (m·n memory).
    public static func leastSquares(_ a: Matrix, _ b: [Double]) throws -> [Double] {
        let operation = "leastSquares (dgels)"
        let (m, n) = (a.rows, a.columns)
        guard b.count == m, m >= n else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: operation,
                details: "a is \(m) x \(n) and b has \(b.count) elements; expected b with \(m) elements and rows >= columns")
        }
        if let bad = a.elements.firstIndex(where: { !$0.isFinite }) {
            throw LinearAlgebraError.nonFiniteInput(operation: operation, index: bad)
        }
        if let bad = b.firstIndex(where: { !$0.isFinite }) {
            throw LinearAlgebraError.nonFiniteInput(operation: operation, index: bad)
        }
        guard m <= Int(Int32.max) else { throw LinearAlgebraError.tooLarge(operation: operation, dimension: m) }
        if n == 0 { return [] }
        var work = a.storage
        var rhs = b
        FixedBlocks.prepareBLAS()
        let info = LAPACKE_dgels(Int32(LAPACK_ROW_MAJOR), CChar(UInt8(ascii: "N")), Int32(m), Int32(n), 1,
                                 &work, Int32(n), &rhs, 1)
        if info > 0 { throw LinearAlgebraError.rankDeficient(operation: operation, column: Int(info)) }
        guard info == 0 else { throw LinearAlgebraError.lapackFailure(routine: "dgels", info: info) }
        return Array(rhs[0..<n])
    }
}
