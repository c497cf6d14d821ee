// MARK: - ColumnWriter

/// A base address that may be shared by threads writing disjoint elements.
@usableFromInline
struct SharedMutablePointer: @unchecked Sendable {
    @usableFromInline let base: UnsafeMutablePointer<Double>
    init(_ base: UnsafeMutablePointer<Double>) { self.base = base }
}

/// Write access to one column of a ``Matrix`` being created by
/// ``Matrix/filledByColumns(rows:columns:_:)``. Package access only: it writes into storage that is
/// not yet initialised, so only this package's modules (which uphold the fill contract) get one.
///
/// A writer is only valid inside the `fill` call that received it (it points into storage under
/// construction); it may be shared by threads that write different rows. Writes are bounds-checked.
package struct ColumnWriter: Sendable {
    @usableFromInline let pointer: SharedMutablePointer
    /// The column this writer fills.
    package let column: Int
    /// Number of rows of the matrix.
    package let rows: Int
    @usableFromInline let stride: Int

    init(base: SharedMutablePointer, column: Int, rows: Int, stride: Int) {
        self.pointer = base
        self.column = column
        self.rows = rows
        self.stride = stride
    }

    /// Sets element (`row`, ``column``).
    ///
    /// - Precondition: `0 <= row < rows`.
    @inlinable @inline(__always)
    package func write(_ value: Double, row: Int) {
        precondition(row >= 0 && row < rows, "ColumnWriter row \(row) out of range for \(rows) rows")
        pointer.base[row &* stride &+ column] = value
    }
}
