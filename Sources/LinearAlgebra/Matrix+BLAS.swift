import CLinearAlgebra

// MARK: - Matrix products (dgemm)

extension Matrix {
    /// Returns `alpha * op(a) * op(b)`, where `op` transposes when asked (BLAS `dgemm`).
    ///
    /// ```swift
    /// let c = try Matrix.multiply(a, b, transposeB: true)   // a · bᵀ
    /// ```
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(operation:details:)`` when the inner
    ///   dimensions differ.
    /// - Complexity: O(m·n·k) for an m x k by k x n product, 2·m·n·k FLOPs.
    public static func multiply(
        _ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false, alpha: Double = 1
    ) throws -> Matrix {
        let m = transposeA ? a.columns : a.rows
        let n = transposeB ? b.rows : b.columns
        // dgemm with beta = 0 overwrites all of C (and an empty inner dimension writes zeros), so C is
        // not zero-filled first: at 4000 x 4000 that single-threaded pass over fresh pages cost a fifth
        // of the product.
        return try assembled(rows: m, columns: n) { c in
            try gemm(MatrixBlock(a), MatrixBlock(b), into: &c, rows: 0..<m, columns: 0..<n,
                     transposeA: transposeA, transposeB: transposeB, alpha: alpha, beta: 0)
        }
    }

    /// In place `c = alpha * op(a) * op(b) + beta * c` (BLAS `dgemm`).
    ///
    /// With `beta == 0` the old contents of `c` are ignored (even NaN), as BLAS specifies.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(operation:details:)`` when the shapes do not fit.
    /// - Complexity: 2·m·n·k FLOPs.
    public static func gemm(
        _ a: Matrix, _ b: Matrix, into c: inout Matrix,
        transposeA: Bool = false, transposeB: Bool = false, alpha: Double = 1, beta: Double = 0
    ) throws {
        try gemm(MatrixBlock(a), MatrixBlock(b), into: &c, rows: 0..<c.rows, columns: 0..<c.columns,
                 transposeA: transposeA, transposeB: transposeB, alpha: alpha, beta: beta)
    }

    /// In place on a block of `c`: `c[rows, columns] = alpha * op(a) * op(b) + beta * c[rows, columns]`,
    /// where `a` and `b` are blocks of other matrices. Nothing is copied: BLAS reads and writes the
    /// blocks through their parent matrices' leading dimensions.
    ///
    /// ```swift
    /// // Only the non-zero band of k contributes to rows 0..<256 of k · h:
    /// try Matrix.gemm(k.block(rows: 0..<256, columns: 0..<300), h.block(rows: 0..<300, columns: 0..<h.columns),
    ///                 into: &d, rows: 0..<256, columns: 0..<h.columns)
    /// ```
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(operation:details:)`` when the shapes do not
    ///   fit, ``LinearAlgebraError/blockOutOfRange(rows:columns:matrixRows:matrixColumns:)`` when the
    ///   output block is outside `c`.
    /// - Complexity: 2·m·n·k FLOPs for op(a) m x k and op(b) k x n.
    public static func gemm(
        _ a: MatrixBlock, _ b: MatrixBlock, into c: inout Matrix, rows: Range<Int>, columns: Range<Int>,
        transposeA: Bool = false, transposeB: Bool = false, alpha: Double = 1, beta: Double = 0
    ) throws {
        let (m, k) = transposeA ? (a.columns, a.rows) : (a.rows, a.columns)
        let (kb, n) = transposeB ? (b.columns, b.rows) : (b.rows, b.columns)
        guard k == kb, rows.count == m, columns.count == n else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "gemm",
                details: "op(A) is \(m) x \(k), op(B) is \(kb) x \(n), C block is \(rows.count) x \(columns.count); "
                    + "expected op(A) m x k, op(B) k x n, C m x n")
        }
        let cBlock = try MatrixBlock(c, rows: rows, columns: columns)
        if m == 0 || n == 0 { return }
        if k == 0 {
            // BLAS would also do this, but some implementations reject k == 0 with lda checks.
            for r in rows {
                for col in columns { c.storage[r * c.columns + col] = beta == 0 ? 0 : beta * c.storage[r * c.columns + col] }
            }
            return
        }
        for d in [m, n, k, a.matrix.columns, b.matrix.columns, c.columns] where d > Int(Int32.max) {
            throw LinearAlgebraError.tooLarge(operation: "gemm", dimension: d)
        }
        let cOffset = cBlock.offset
        let ldc = Int32(c.columns)
        a.matrix.elements.withUnsafeBufferPointer { pa in
            b.matrix.elements.withUnsafeBufferPointer { pb in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    // Non-empty blocks guarantee non-nil base addresses.
                    guard let baseA = pa.baseAddress, let baseB = pb.baseAddress, let baseC = pc.baseAddress else { return }
                    cblas_dgemm(
                        CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                        Int32(m), Int32(n), Int32(k), alpha,
                        baseA + a.offset, Int32(a.matrix.columns),
                        baseB + b.offset, Int32(b.matrix.columns),
                        beta, baseC + cOffset, ldc)
                }
            }
        }
    }
}

// MARK: - Matrix-vector products (dgemv)

extension Matrix {
    /// In place `y = alpha * op(a) * x + beta * y` (BLAS `dgemv`).
    ///
    /// With `beta == 0` the old contents of `y` are ignored.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(operation:details:)``.
    /// - Complexity: 2·rows·columns FLOPs.
    public static func gemv(
        _ a: Matrix, _ x: [Double], into y: inout [Double], transpose: Bool = false, alpha: Double = 1, beta: Double = 0
    ) throws {
        let (m, n) = transpose ? (a.columns, a.rows) : (a.rows, a.columns)
        guard x.count == n, y.count == m else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "gemv",
                details: "op(A) is \(m) x \(n), x has \(x.count) and y has \(y.count) elements; expected x \(n) and y \(m)")
        }
        if m == 0 { return }
        if n == 0 {
            for i in 0..<m { y[i] = beta == 0 ? 0 : beta * y[i] }
            return
        }
        for d in [a.rows, a.columns] where d > Int(Int32.max) {
            throw LinearAlgebraError.tooLarge(operation: "gemv", dimension: d)
        }
        a.elements.withUnsafeBufferPointer { pa in
            x.withUnsafeBufferPointer { px in
                y.withUnsafeMutableBufferPointer { py in
                    guard let baseA = pa.baseAddress, let baseX = px.baseAddress, let baseY = py.baseAddress else { return }
                    cblas_dgemv(CblasRowMajor, transpose ? CblasTrans : CblasNoTrans,
                                Int32(a.rows), Int32(a.columns), alpha, baseA, Int32(a.columns),
                                baseX, 1, beta, baseY, 1)
                }
            }
        }
    }

    /// Returns `alpha * op(a) * x` (BLAS `dgemv`).
    ///
    /// ```swift
    /// let y = try Matrix.multiply(a, [1, 0, 2])
    /// ```
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(operation:details:)``.
    public static func multiply(_ a: Matrix, _ x: [Double], transpose: Bool = false, alpha: Double = 1) throws -> [Double] {
        var y = vector(repeating: 0, count: transpose ? a.columns : a.rows)
        try gemv(a, x, into: &y, transpose: transpose, alpha: alpha, beta: 0)
        return y
    }
}

// MARK: - Element-wise updates (daxpy, dscal)

extension Matrix {
    /// In place `self += alpha * other` (BLAS `daxpy` over the elements).
    ///
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(operation:details:)`` when shapes differ.
    public mutating func add(_ other: Matrix, scaledBy alpha: Double = 1) throws {
        guard other.rows == rows, other.columns == columns else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "add", details: "cannot add a \(other.rows) x \(other.columns) matrix to a \(rows) x \(columns) one")
        }
        try BLAS.axpy(alpha: alpha, x: other.elements, y: &storage)
    }

    /// In place `self *= alpha` (BLAS `dscal`).
    public mutating func scale(by alpha: Double) {
        BLAS.scale(&storage, by: alpha)
    }

    /// Multiplies column `j` by `factors[j]` for every column.
    ///
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(operation:details:)`` unless
    ///   `factors.count == columns`.
    /// - Complexity: O(rows x columns).
    public mutating func scaleColumns(by factors: [Double]) throws {
        guard factors.count == columns else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "scaleColumns", details: "\(columns) columns but \(factors.count) factors")
        }
        for r in 0..<rows {
            for c in 0..<columns { storage[r * columns + c] *= factors[c] }
        }
    }
}
