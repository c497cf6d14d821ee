// MARK: - SparseRowMatrix

/// A sparse matrix in compressed sparse row (CSR) form: the entries of row `r` are
/// `rowStarts[r] ..< rowStarts[r + 1]` of `columnIndices` and `values`.
///
/// A column may appear more than once in a row; such entries add up (they are kept apart so that a
/// product sums them in the order they were given, which keeps results reproducible).
///
/// ```swift
/// // [[0, 2, 0], [1, 0, 0]]
/// let s = try SparseRowMatrix(rows: 2, columns: 3, rowStarts: [0, 1, 2], columnIndices: [1, 0], values: [2, 1])
/// s.entryCount(rows: 0..<2)   // 2
/// ```
public struct SparseRowMatrix: Sendable, Equatable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// `rows + 1` offsets into the entries, non-decreasing, from 0 to the entry count.
    public let rowStarts: [Int]
    /// Column of each entry.
    public let columnIndices: [Int32]
    /// Value of each entry.
    public let values: [Double]

    /// Creates the matrix, checking its structure.
    ///
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(operation:details:)`` when the arrays do not
    ///   describe a `rows x columns` CSR matrix (wrong lengths, decreasing row starts, or a column
    ///   index outside `0 ..< columns`).
    /// - Complexity: O(rows + entries).
    public init(rows: Int, columns: Int, rowStarts: [Int], columnIndices: [Int32], values: [Double]) throws {
        func invalid(_ details: String) -> LinearAlgebraError {
            .dimensionMismatch(operation: "SparseRowMatrix", details: details)
        }
        guard rows >= 0, columns >= 0, columns <= Int(Int32.max) else {
            throw invalid("shape \(rows) x \(columns); expected non-negative, at most \(Int32.max) columns")
        }
        guard rowStarts.count == rows + 1, rowStarts.first == 0, rowStarts.last == values.count,
              columnIndices.count == values.count else {
            throw invalid("\(rowStarts.count) row starts for \(rows) rows, \(columnIndices.count) column indices and "
                          + "\(values.count) values; expected rows + 1 starts from 0 to the entry count")
        }
        for r in 0..<rows where rowStarts[r] > rowStarts[r + 1] {
            throw invalid("row starts decrease at row \(r)")
        }
        if let bad = columnIndices.firstIndex(where: { $0 < 0 || Int($0) >= columns }) {
            throw invalid("entry \(bad) has column \(columnIndices[bad]); expected 0..<\(columns)")
        }
        self.rows = rows
        self.columns = columns
        self.rowStarts = rowStarts
        self.columnIndices = columnIndices
        self.values = values
    }

    /// The non-zero elements of a dense matrix, row by row.
    ///
    /// - Complexity: O(rows x columns).
    public init(nonzerosOf matrix: Matrix) {
        var starts = [0], indices: [Int32] = [], values: [Double] = []
        starts.reserveCapacity(matrix.rows + 1)
        let elements = matrix.elements
        for r in 0..<matrix.rows {
            for c in 0..<matrix.columns where elements[r * matrix.columns + c] != 0 {
                indices.append(Int32(truncatingIfNeeded: c))
                values.append(elements[r * matrix.columns + c])
            }
            starts.append(values.count)
        }
        rows = matrix.rows
        columns = matrix.columns
        rowStarts = starts
        columnIndices = indices
        self.values = values
    }

    /// Number of stored entries in `rows`.
    ///
    /// - Precondition: `rows` lies within `0 ... self.rows`.
    public func entryCount(rows range: Range<Int>) -> Int {
        rowStarts[range.upperBound] - rowStarts[range.lowerBound]
    }

    /// The dense matrix (entries in one cell added in order).
    ///
    /// - Complexity: O(rows x columns + entries).
    public func dense() -> Matrix {
        var m = Matrix(rows: rows, columns: columns, repeating: 0)
        for r in 0..<rows {
            for e in rowStarts[r]..<rowStarts[r + 1] { m[r, Int(columnIndices[e])] += values[e] }
        }
        return m
    }
}
