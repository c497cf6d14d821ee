import CLinearAlgebra
import ParallelWork

// MARK: - NormalEquations

/// The two sums a weighted least-squares or Newton step needs from a tall design `X` (n x p):
/// the weighted Gram matrix `XᵀWX` (p x p, both triangles filled) and the product `Xᵀv` (p).
///
/// ```swift
/// let normal = try Matrix.weightedNormalEquations(x, weights: w, vector: r)
/// normal.gram      // Xᵀ diag(w) X
/// normal.product   // Xᵀ r
/// ```
public struct NormalEquations: Sendable, Equatable {
    /// `Xᵀ diag(w) X`, symmetric, both triangles filled.
    public var gram: Matrix
    /// `Xᵀ v` (zeros when no vector was given).
    public var product: [Double]

    /// Creates the pair from its parts.
    public init(gram: Matrix, product: [Double]) {
        self.gram = gram
        self.product = product
    }
}

// MARK: - Weighted Gram matrix (dsyrk) and Xᵀv (dgemv), by blocks of rows

extension Matrix {
    /// Rows per chunk: a chunk's rows are summed by one `dsyrk` and one `dgemv`, and chunks are
    /// added in chunk order. The chunk size depends on nothing but this constant, so the sums are
    /// byte-identical for any thread count (see ``FixedBlocks``).
    static let gramChunkRows = 1 << 14

    /// `Xᵀ diag(weights) X` and `Xᵀ vector` for a matrix held in memory.
    ///
    /// ```swift
    /// let x = Matrix(rows: 1000, columns: 3) { r, c in Double(r % (c + 2)) }
    /// let normal = try Matrix.weightedNormalEquations(x, weights: nil, vector: nil)   // XᵀX
    /// ```
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(operation:details:)`` when the lengths differ
    ///   from `x.rows`, ``LinearAlgebraError/negativeWeight(operation:index:value:)``,
    ///   ``LinearAlgebraError/nonFiniteInput(operation:index:)`` for a non-finite weight.
    /// - Complexity: O(n·p²) (n·p² FLOPs in `dsyrk`), O(p²) memory per chunk of rows.
    public static func weightedNormalEquations(_ x: Matrix, weights: [Double]?, vector: [Double]?) throws -> NormalEquations {
        let p = x.columns
        return try weightedNormalEquations(rowCount: x.rows, columnCount: p, weights: weights, vector: vector) { rows, buffer in
            x.elements.withUnsafeBufferPointer { source in
                guard let from = source.baseAddress, let to = buffer.baseAddress else { return }
                to.update(from: from + rows.lowerBound * p, count: rows.count * p)
            }
        }
    }

    /// `Xᵀ diag(weights) X` and `Xᵀ vector` for a design that is never held whole: `fillRows(rows,
    /// buffer)` writes rows `rows` of X into `buffer` (row-major, `rows.count x columnCount`). This is
    /// how a model standardises columns or adds an intercept on the fly, without an n x p copy.
    ///
    /// Each chunk of ``gramChunkRows`` rows is filled, multiplied by `vector` (`dgemv`), scaled row by
    /// row by `sqrt(weight)` and added up by `dsyrk`; chunks run in parallel and are summed in order.
    ///
    /// ```swift
    /// // [1, x] without building it:
    /// let normal = try Matrix.weightedNormalEquations(rowCount: n, columnCount: 2, weights: w, vector: nil) { rows, b in
    ///     for (k, r) in rows.enumerated() { b[2 * k] = 1; b[2 * k + 1] = x[r] }
    /// }
    /// ```
    /// - Throws: as ``weightedNormalEquations(_:weights:vector:)``; ``LinearAlgebraError/tooLarge(operation:dimension:)``.
    /// - Complexity: O(n·p²) time, O(threads·chunk·p + chunks·p²) memory.
    public static func weightedNormalEquations(
        rowCount n: Int, columnCount p: Int, weights: [Double]?, vector: [Double]?,
        fillRows: @Sendable (_ rows: Range<Int>, _ buffer: UnsafeMutableBufferPointer<Double>) -> Void
    ) throws -> NormalEquations {
        let operation = "weightedNormalEquations"
        guard n >= 0, p >= 0 else { throw LinearAlgebraError.invalidShape(rows: n, columns: p) }
        if let weights {
            guard weights.count == n else {
                throw LinearAlgebraError.dimensionMismatch(
                    operation: operation, details: "X has \(n) rows but weights has \(weights.count) elements")
            }
            for (i, w) in weights.enumerated() {
                guard w.isFinite else { throw LinearAlgebraError.nonFiniteInput(operation: operation, index: i) }
                guard w >= 0 else { throw LinearAlgebraError.negativeWeight(operation: operation, index: i, value: w) }
            }
        }
        if let vector, vector.count != n {
            throw LinearAlgebraError.dimensionMismatch(
                operation: operation, details: "X has \(n) rows but the vector has \(vector.count) elements")
        }
        guard p <= 1 << 16 else { throw LinearAlgebraError.tooLarge(operation: operation, dimension: p) }
        if n == 0 || p == 0 {
            return NormalEquations(gram: Matrix(rows: p, columns: p), product: [Double](repeating: 0, count: p))
        }
        FixedBlocks.prepareBLAS()
        let chunk = gramChunkRows
        let chunkCount = (n + chunk - 1) / chunk
        let partials: [[Double]] = ParallelWork.map(chunkCount) { c in
            let rows = (c * chunk)..<min(n, (c + 1) * chunk)
            let m = rows.count
            var buffer = [Double](repeating: 0, count: m * p)
            // Upper triangle of the Gram (row-major p x p), then the p elements of Xᵀv.
            var partial = [Double](repeating: 0, count: p * p + p)
            buffer.withUnsafeMutableBufferPointer { b in
                fillRows(rows, b)
                guard let base = b.baseAddress else { return }
                partial.withUnsafeMutableBufferPointer { out in
                    guard let gram = out.baseAddress else { return }
                    if let vector {
                        vector.withUnsafeBufferPointer { v in
                            guard let vBase = v.baseAddress else { return }
                            cblas_dgemv(CblasRowMajor, CblasTrans, Int32(m), Int32(p), 1, base, Int32(p),
                                        vBase + rows.lowerBound, 1, 0, gram + p * p, 1)
                        }
                    }
                    if let weights {
                        for k in 0..<m {
                            let s = weights[rows.lowerBound + k].squareRoot()
                            for j in 0..<p { base[k * p + j] *= s }
                        }
                    }
                    cblas_dsyrk(CblasRowMajor, CblasUpper, CblasTrans, Int32(p), Int32(m), 1, base, Int32(p), 0, gram, Int32(p))
                }
            }
            return partial
        }
        var total = [Double](repeating: 0, count: p * p + p)
        for partial in partials {
            for i in 0..<p {
                for j in i..<p { total[i * p + j] += partial[i * p + j] }
            }
            for j in 0..<p { total[p * p + j] += partial[p * p + j] }
        }
        var gram = Matrix(rows: p, columns: p)
        for i in 0..<p {
            for j in i..<p {
                gram.storage[i * p + j] = total[i * p + j]
                gram.storage[j * p + i] = total[i * p + j]
            }
        }
        return NormalEquations(gram: gram, product: Array(total[(p * p)...]))
    }
}
