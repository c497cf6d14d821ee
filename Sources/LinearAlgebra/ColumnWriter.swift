// MARK: - ColumnWriter

/// A base address that may be shared by threads writing disjoint elements.
@usableFromInline
struct SharedMutablePointer: @unchecked Sendable {
    @usableFromInline let base: UnsafeMutablePointer<Double>
    init(_ base: UnsafeMutablePointer<Double>) { self.base = base }
}

/// Write access to one column (or, for row bands, to whole rows) of a ``Matrix`` being created by
/// ``Matrix/filledByColumns(rows:columns:_:)``.
///
/// A writer is only valid inside the `fill` call that received it (it points into storage under
/// construction); it may be shared by threads that write different rows. Writes are bounds-checked.
public struct ColumnWriter: Sendable {
    @usableFromInline let pointer: SharedMutablePointer
    /// The column this writer fills.
    public let column: Int
    /// Number of rows of the matrix.
    public let rows: Int
    @usableFromInline let stride: Int
    /// Columns reachable through ``write(_:row:column:)`` (1 for a column writer).
    let columns: Int

    init(base: SharedMutablePointer, column: Int, rows: Int, stride: Int, columns: Int = 1) {
        self.pointer = base
        self.column = column
        self.rows = rows
        self.stride = stride
        self.columns = columns
    }

    /// Sets element (`row`, ``column``).
    ///
    /// - Precondition: `0 <= row < rows`.
    @inlinable @inline(__always)
    public func write(_ value: Double, row: Int) {
        precondition(row >= 0 && row < rows, "ColumnWriter row \(row) out of range for \(rows) rows")
        pointer.base[row &* stride &+ column] = value
    }

    /// Sets element (`row`, `column`) of a row band (column writers address only their own column).
    @inline(__always)
    func write(_ value: Double, row: Int, column: Int) {
        precondition(row >= 0 && row < rows && column >= 0 && column < columns,
                     "ColumnWriter element (\(row), \(column)) out of range")
        pointer.base[row &* stride &+ column] = value
    }
}
