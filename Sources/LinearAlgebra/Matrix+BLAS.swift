import CLinearAlgebra
import ParallelWork

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
        let ldc = c.columns
        a.matrix.elements.withUnsafeBufferPointer { pa in
            b.matrix.elements.withUnsafeBufferPointer { pb in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    // Non-empty blocks guarantee non-nil base addresses.
                    guard let baseA = pa.baseAddress, let baseB = pb.baseAddress, let baseC = pc.baseAddress else { return }
                    let call = DGEMMCall(
                        a: baseA + a.offset, lda: a.matrix.columns, transposeA: transposeA,
                        b: baseB + b.offset, ldb: b.matrix.columns, transposeB: transposeB,
                        c: baseC + cOffset, ldc: ldc, k: k, alpha: alpha, beta: beta)
                    call.runInFixedBlocks(m: m, n: n)
                }
            }
        }
    }
}

/// One dgemm over raw storage, run as fixed blocks of output rows or columns (see ``FixedBlocks``).
///
/// The only place LinearAlgebra hands BLAS pointers that several threads share: each block writes a
/// disjoint part of C and only reads A and B, and every pointer is valid for the whole call (the
/// caller holds the storage).
private struct DGEMMCall: @unchecked Sendable {
    let a: UnsafePointer<Double>, lda: Int, transposeA: Bool
    let b: UnsafePointer<Double>, ldb: Int, transposeB: Bool
    let c: UnsafeMutablePointer<Double>, ldc: Int
    let k: Int, alpha: Double, beta: Double

    /// Splits the larger output dimension into ``FixedBlocks/pieces(of:work:minimum:)`` and runs the
    /// pieces in parallel; the split depends only on `m`, `n` and `k`.
    func runInFixedBlocks(m: Int, n: Int) {
        FixedBlocks.prepareBLAS()
        let work = Double(m) * Double(n) * Double(k)
        if m >= n {
            let pieces = FixedBlocks.pieces(of: m, work: work)
            ParallelWork.forEach(pieces.count) { run(rows: pieces[$0], columns: 0..<n) }
        } else {
            let pieces = FixedBlocks.pieces(of: n, work: work)
            ParallelWork.forEach(pieces.count) { run(rows: 0..<m, columns: pieces[$0]) }
        }
    }

    /// `C[rows, columns] = alpha · op(A)[rows, :] · op(B)[:, columns] + beta · C[rows, columns]`.
    func run(rows: Range<Int>, columns: Range<Int>) {
        // Row r of op(A) starts at row r of A, or at column r when A is transposed; likewise for the
        // columns of op(B).
        let aStart = transposeA ? a + rows.lowerBound : a + rows.lowerBound * lda
        let bStart = transposeB ? b + columns.lowerBound * ldb : b + columns.lowerBound
        cblas_dgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(rows.count), Int32(columns.count), Int32(k), alpha, aStart, Int32(lda), bStart, Int32(ldb),
            beta, c + rows.lowerBound * ldc + columns.lowerBound, Int32(ldc))
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
                    let call = DGEMVCall(a: baseA, rows: a.rows, columns: a.columns, transpose: transpose,
                                         x: baseX, y: baseY, alpha: alpha, beta: beta)
                    call.runInFixedBlocks(outputs: m, inner: n)
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

/// One dgemv over raw storage, run as fixed blocks of output elements (see ``FixedBlocks``): each
/// block is a dgemv on the rows (or, transposed, the columns) of A that produce it, so every output
/// element is one dot product summed by one call, whatever the thread count.
private struct DGEMVCall: @unchecked Sendable {
    let a: UnsafePointer<Double>, rows: Int, columns: Int, transpose: Bool
    let x: UnsafePointer<Double>, y: UnsafeMutablePointer<Double>
    let alpha: Double, beta: Double

    func runInFixedBlocks(outputs m: Int, inner n: Int) {
        FixedBlocks.prepareBLAS()
        // Memory-bound: blocks of at least 16 K outputs keep the call overhead negligible.
        let pieces = FixedBlocks.pieces(of: m, work: Double(m) * Double(n), minimum: 1 << 14)
        ParallelWork.forEach(pieces.count) { run(outputs: pieces[$0]) }
    }

    /// `y[outputs] = alpha · op(A)[outputs, :] · x + beta · y[outputs]`.
    func run(outputs: Range<Int>) {
        if transpose {
            // Outputs are columns of A: the sub-matrix A[:, outputs] with A's leading dimension.
            cblas_dgemv(CblasRowMajor, CblasTrans, Int32(rows), Int32(outputs.count), alpha,
                        a + outputs.lowerBound, Int32(columns), x, 1, beta, y + outputs.lowerBound, 1)
        } else {
            cblas_dgemv(CblasRowMajor, CblasNoTrans, Int32(outputs.count), Int32(columns), alpha,
                        a + outputs.lowerBound * columns, Int32(columns), x, 1, beta, y + outputs.lowerBound, 1)
        }
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
