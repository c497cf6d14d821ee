import ParallelWork

// MARK: - Dense times sparse rows

extension Matrix {
    /// In place on rows `cRows` of `c`: `c[cRows, :] = a · b[bRows, :]`, a dense block times a band of
    /// sparse rows (the CSR counterpart of ``gemm(_:_:into:rows:columns:transposeA:transposeB:alpha:beta:)``
    /// with `beta = 0`). Returns the number of multiply-adds performed.
    ///
    /// Why: when `b` holds a few thousand entries in a band of millions of cells (incidents binned on
    /// a grid), a dgemm would multiply the zeros too. Here the work is one multiply-add per non-zero
    /// element of `a` and entry of `b` that meet, and zero elements of `a` (outside a kernel's band)
    /// are skipped. Each output row is computed by one thread, in a fixed order (by row of `b`, then
    /// entry order), so the result does not depend on the number of cores.
    ///
    /// ```swift
    /// // Rows 0..<128 of K · S, where only rows 0..<288 of S meet the band of K's first 128 rows:
    /// let adds = try Matrix.multiply(k.block(rows: 0..<128, columns: 0..<288), s, rows: 0..<288,
    ///                                into: &t, rows: 0..<128)
    /// ```
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(operation:details:)`` when `a` is not
    ///   `cRows.count x bRows.count`, `c` and `b` differ in columns, or a row range is out of bounds.
    /// - Complexity: O(cRows.count · (b.columns + Σ over rows of `b` met by a non-zero of `a` of their entries)).
    @discardableResult
    public static func multiply(
        _ a: MatrixBlock, _ b: SparseRowMatrix, rows bRows: Range<Int>, into c: inout Matrix, rows cRows: Range<Int>
    ) throws -> Int {
        guard a.rows == cRows.count, a.columns == bRows.count, c.columns == b.columns,
              bRows.lowerBound >= 0, bRows.upperBound <= b.rows, cRows.lowerBound >= 0, cRows.upperBound <= c.rows else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "multiply(dense, sparse rows)",
                details: "A is \(a.rows) x \(a.columns), B rows \(bRows) of \(b.rows) x \(b.columns), C rows \(cRows) "
                    + "of \(c.rows) x \(c.columns); expected A cRows.count x bRows.count and equal column counts")
        }
        let (m, n) = (cRows.count, c.columns)
        guard m > 0, n > 0 else { return 0 }
        // Rows in parallel bands when there is enough work to share (each band a few hundred µs at least).
        let work = m * (n + b.entryCount(rows: bRows))
        let bandCount = min(m, max(1, work >> 18))
        let adds = Locked(0)
        c.storage.withUnsafeMutableBufferPointer { pc in
            guard let baseC = pc.baseAddress else { return }
            let target = SharedMutablePointer(baseC)
            ParallelWork.forEach(bandCount) { band in
                let rows = (band * m / bandCount)..<((band + 1) * m / bandCount)
                let count = multiplyRows(rows, a, b, bRows, into: target, cRow0: cRows.lowerBound, columns: n)
                adds.withLock { $0 += count }
            }
        }
        return adds.withLock { $0 }
    }

    /// Rows `rows` (relative to `a`) of the product, written to `c` from row `cRow0`.
    ///
    /// Every index is in bounds: `a`'s offsets stay within its block (checked by `MatrixBlock`), `b`'s
    /// entries come from the validated CSR structure (columns < `columns`), and `c`'s rows were checked
    /// by the caller.
    private static func multiplyRows(
        _ rows: Range<Int>, _ a: MatrixBlock, _ b: SparseRowMatrix, _ bRows: Range<Int>,
        into c: SharedMutablePointer, cRow0: Int, columns n: Int
    ) -> Int {
        var adds = 0
        a.matrix.elements.withUnsafeBufferPointer { pa in
            b.values.withUnsafeBufferPointer { values in
                b.columnIndices.withUnsafeBufferPointer { indices in
                    guard let baseA = pa.baseAddress else { return }
                    for r in rows {
                        let cRow = c.base + (cRow0 + r) * n
                        cRow.update(repeating: 0, count: n)
                        let aRow = baseA + a.offset + r * a.matrix.columns
                        for i in 0..<bRows.count {
                            let coefficient = aRow[i]
                            guard coefficient != 0 else { continue }
                            let entries = b.rowStarts[bRows.lowerBound + i]..<b.rowStarts[bRows.lowerBound + i + 1]
                            for e in entries { cRow[Int(indices[e])] += coefficient * values[e] }
                            adds += entries.count
                        }
                    }
                }
            }
        }
        return adds
    }
}
