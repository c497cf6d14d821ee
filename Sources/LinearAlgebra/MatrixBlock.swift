// MARK: - MatrixBlock

/// A rectangular block of a ``Matrix`` (a row range by a column range), passed to BLAS in place.
///
/// A block holds its matrix by value; because `Matrix` storage is copy-on-write, making a block never
/// copies elements. ``Matrix/gemm(_:_:into:rows:columns:transposeA:transposeB:alpha:beta:)`` hands
/// BLAS a pointer to the block's first element and the full matrix's row length as the leading
/// dimension, which is how banded products multiply only their non-zero tiles.
///
/// ```swift
/// let k = Matrix(rows: 1000, columns: 1000) { r, c in abs(r - c) < 40 ? 1 : 0 }
/// let band = try k.block(rows: 0..<256, columns: 0..<296)   // no copy
/// ```
public struct MatrixBlock: Sendable {
    /// The matrix the block belongs to.
    public let matrix: Matrix
    /// Rows of `matrix` covered by the block.
    public let rowRange: Range<Int>
    /// Columns of `matrix` covered by the block.
    public let columnRange: Range<Int>

    /// Creates a block, checking that the ranges lie inside the matrix.
    ///
    /// - Throws: ``LinearAlgebraError/blockOutOfRange(rows:columns:matrixRows:matrixColumns:)``.
    public init(_ matrix: Matrix, rows: Range<Int>, columns: Range<Int>) throws {
        guard rows.lowerBound >= 0, rows.upperBound <= matrix.rows,
              columns.lowerBound >= 0, columns.upperBound <= matrix.columns else {
            throw LinearAlgebraError.blockOutOfRange(
                rows: rows, columns: columns, matrixRows: matrix.rows, matrixColumns: matrix.columns)
        }
        self.matrix = matrix
        self.rowRange = rows
        self.columnRange = columns
    }

    /// The block covering all of `matrix`.
    public init(_ matrix: Matrix) {
        self.matrix = matrix
        self.rowRange = 0..<matrix.rows
        self.columnRange = 0..<matrix.columns
    }

    /// Number of rows in the block.
    public var rows: Int { rowRange.count }
    /// Number of columns in the block.
    public var columns: Int { columnRange.count }

    /// Row-major offset of the block's first element in `matrix.elements`.
    var offset: Int { rowRange.lowerBound * matrix.columns + columnRange.lowerBound }

    /// The block copied into a matrix of its own (for tests and small blocks).
    ///
    /// - Complexity: O(rows x columns).
    public func copied() -> Matrix {
        Matrix(rows: rows, columns: columns) { r, c in
            matrix.elements[(rowRange.lowerBound + r) * matrix.columns + columnRange.lowerBound + c]
        }
    }
}

// MARK: - Making blocks

extension Matrix {
    /// The block of rows `rows` and columns `columns`, without copying.
    ///
    /// - Throws: ``LinearAlgebraError/blockOutOfRange(rows:columns:matrixRows:matrixColumns:)``.
    public func block(rows: Range<Int>, columns: Range<Int>) throws -> MatrixBlock {
        try MatrixBlock(self, rows: rows, columns: columns)
    }
}
