import CLinearAlgebra
import ParallelWork

// MARK: - Filling large matrices on all cores

extension Matrix {
    /// Creates a matrix whose element (`r`, `c`) is `entry(r, c)`, computing bands of rows on all cores.
    ///
    /// Every element is computed by exactly one call, so the result does not depend on the number of
    /// cores or on scheduling.
    ///
    /// ```swift
    /// let decay = Matrix.computedConcurrently(rows: 4_000, columns: 1_000) { r, s in exp(-Double(r - s) / 50) }
    /// ```
    /// - Precondition: `rows >= 0` and `columns >= 0`.
    /// - Complexity: O(rows · columns) calls of `entry`, spread over the cores.
    public static func computedConcurrently(
        rows: Int, columns: Int, _ entry: @Sendable (_ row: Int, _ column: Int) -> Double
    ) -> Matrix {
        precondition(rows >= 0 && columns >= 0, "Matrix shape must be non-negative, found \(rows) x \(columns)")
        let bandSize = 64
        let storage = uninitializedStorage(count: rows * columns) { pointer in
            ParallelWork.forEach((rows + bandSize - 1) / bandSize) { band in
                for r in (band * bandSize)..<min(rows, (band + 1) * bandSize) {
                    for c in 0..<columns { pointer.base[r &* columns &+ c] = entry(r, c) }
                }
            }
        }
        return Matrix(rows: rows, columns: columns, validatedStorage: storage)
    }

    /// `count` copies of `value` in a new array, written on all cores, on huge pages where the system
    /// allows: for grid-sized layers that start uniform (zero) and are then filled sparsely.
    ///
    /// Why not `[Double](repeating:count:)`: at 4000² (128 MB) that single-threaded pass over fresh
    /// 4 KiB pages took 50–70 ms in this project's benchmark VM, three to four times this.
    ///
    /// ```swift
    /// var layer = Matrix.vector(repeating: 0, count: grid.cellCount)
    /// ```
    /// - Precondition: `count >= 0`.
    /// - Complexity: O(count) writes, spread over the cores.
    public static func vector(repeating value: Double, count: Int) -> [Double] {
        precondition(count >= 0, "vector length must be non-negative, found \(count)")
        let chunk = 1 << 18
        return uninitializedStorage(count: count) { pointer in
            ParallelWork.forEach((count + chunk - 1) / chunk) { c in
                let start = c * chunk
                (pointer.base + start).update(repeating: value, count: min(chunk, count - start))
            }
        }
    }

    /// Creates a matrix column by column: `fill` is called once per column, in column order, with a
    /// ``ColumnWriter`` for it, and must write **every row** of that column. The writer is `Sendable`,
    /// so `fill` may spread its column over all cores (threads writing disjoint rows).
    ///
    /// Why: normalising several 16-million-cell layers into the columns of one stacked matrix is
    /// memory-bound; writing them in place avoids a full-size temporary per layer. The storage is
    /// touched once first, in order and on all cores (on huge pages where the system allows), because
    /// fillers write in random order. One column at a time keeps each column's working memory alive alone.
    ///
    /// ```swift
    /// let stacked = Matrix.filledByColumns(rows: cells, columns: 2) { column in
    ///     for row in 0..<cells { column.write(layers[column.column][row], row: row) }
    /// }
    /// ```
    /// - Precondition: `rows >= 0`, `columns >= 0`, and `fill` writes all `rows` rows of its column
    ///   before returning. Debug builds check the last condition (they pre-fill a marker value and
    ///   look for it afterwards).
    /// - Complexity: O(rows · columns) writes plus what `fill` does.
    package static func filledByColumns(rows: Int, columns: Int, _ fill: (_ column: ColumnWriter) -> Void) -> Matrix {
        precondition(rows >= 0 && columns >= 0, "Matrix shape must be non-negative, found \(rows) x \(columns)")
        // Pre-faulted: the fill's writes land in random order (percentile ranks), and first touches in
        // random order made the first layer 0.1–0.5 s slower at 4000² than touching the pages once, in
        // order, on all cores (~0.06 s for 512 MB on huge pages).
        #if DEBUG
        var storage = freshStorage(count: rows * columns)   // holds the unwritten marker
        #else
        var storage = vector(repeating: 0, count: rows * columns)
        #endif
        storage.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for c in 0..<columns { fill(ColumnWriter(base: SharedMutablePointer(base), column: c, rows: rows, stride: columns)) }
        }
        assertEveryElementWritten(storage)
        return Matrix(rows: rows, columns: columns, validatedStorage: storage)
    }

    /// Creates a `rows` x `columns` matrix whose every element `body` overwrites, without filling it
    /// with zeros first: for outputs assembled block by block from BLAS calls with `beta = 0`.
    ///
    /// Why: zero-filling a 4000 x 4000 output is a single-threaded pass over 128 MB of fresh pages
    /// that the multi-threaded dgemm calls would write anyway.
    ///
    /// ```swift
    /// let c = try Matrix.assembled(rows: m, columns: n) { c in
    ///     for r0 in stride(from: 0, to: m, by: 256) {
    ///         try Matrix.gemm(a.block(rows: r0..<min(m, r0 + 256), columns: 0..<k), MatrixBlock(b),
    ///                         into: &c, rows: r0..<min(m, r0 + 256), columns: 0..<n)
    ///     }
    /// }
    /// ```
    /// - Precondition: `body` writes every element before reading any (elements start with
    ///   unspecified values). Debug builds check that none is left unwritten.
    package static func assembled(rows: Int, columns: Int, _ body: (inout Matrix) throws -> Void) rethrows -> Matrix {
        precondition(rows >= 0 && columns >= 0, "Matrix shape must be non-negative, found \(rows) x \(columns)")
        var matrix = Matrix(rows: rows, columns: columns, validatedStorage: freshStorage(count: rows * columns))
        try body(&matrix)
        assertEveryElementWritten(matrix.storage)
        return matrix
    }

    /// Wraps storage whose count is known to be `rows * columns`.
    init(rows: Int, columns: Int, validatedStorage storage: [Double]) {
        precondition(storage.count == rows * columns, "Matrix storage count mismatch")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    // MARK: Storage

    /// A bit pattern (a quiet NaN with a payload) that debug builds pre-fill, to detect elements a
    /// filler forgot. No arithmetic produces this payload.
    static let unwrittenMarker = Double(bitPattern: 0x7FF8_C1EA_5CA5_7000)

    /// `count` elements whose every element `body` writes through the base pointer it is given.
    ///
    /// The pointer is only valid during `body`, which is not called for empty storage. Debug builds
    /// verify that nothing was left unwritten.
    static func uninitializedStorage(count: Int, _ body: (_ base: SharedMutablePointer) -> Void) -> [Double] {
        var storage = freshStorage(count: count)
        storage.withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress { body(SharedMutablePointer(base)) }
        }
        assertEveryElementWritten(storage)
        return storage
    }

    /// `count` elements with unspecified values (the ``unwrittenMarker`` in debug builds), on huge
    /// pages where the system allows: storage for callers that overwrite every element.
    static func freshStorage(count: Int) -> [Double] {
        [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress {
                adviseHugePages(base, count: count)
                #if DEBUG
                base.initialize(repeating: unwrittenMarker, count: count)
                #endif
            }
            initialized = count
        }
    }

    /// Debug builds: stops if any element still holds the ``unwrittenMarker``.
    static func assertEveryElementWritten(_ storage: [Double]) {
        #if DEBUG
        let marker = unwrittenMarker.bitPattern
        precondition(!storage.contains { $0.bitPattern == marker }, "a matrix filler left elements unwritten")
        #endif
    }
}

extension Matrix {
    /// Advises huge pages for `count` fresh elements at `base` before anything touches them (see
    /// `clearcast_advise_huge_pages` in the C shim); below 4 MiB it is not worth a system call.
    static func adviseHugePages(_ base: UnsafeMutablePointer<Double>, count: Int) {
        let bytes = count * MemoryLayout<Double>.stride
        guard bytes >= 4 << 20 else { return }
        _ = clearcast_advise_huge_pages(base, bytes)
    }
}
