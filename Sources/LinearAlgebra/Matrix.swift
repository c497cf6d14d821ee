// MARK: - Matrix

/// A dense matrix of `Double` stored in row-major order, the layout handed to BLAS and LAPACKE.
///
/// Element (`r`, `c`) lives at `elements[r * columns + c]`. `Matrix` is a value type backed by a
/// copy-on-write array, so passing it around (or into a ``MatrixBlock``) never copies the storage.
///
/// ```swift
/// var a = Matrix(rows: 2, columns: 3, repeating: 0)
/// a[0, 2] = 5
/// let b = try Matrix(rows: 2, columns: 2, elements: [1, 2, 3, 4])
/// let c = try Matrix.multiply(b, a)   // 2 x 3
/// ```
public struct Matrix: Equatable, Sendable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// Row-major storage, `rows * columns` values (read-only, so the count invariant holds; mutate
    /// through the subscript or the BLAS wrappers).
    public var elements: [Double] { storage }

    /// The storage behind ``elements``; its count is always `rows * columns`.
    @usableFromInline var storage: [Double]

    // MARK: Creating matrices

    /// Creates a `rows` x `columns` matrix with every element equal to `value`.
    ///
    /// - Precondition: `rows >= 0` and `columns >= 0` (a programmer error otherwise; shapes read from
    ///   files go through ``init(rows:columns:elements:)``, which throws).
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix shape must be non-negative, found \(rows) x \(columns)")
        self.rows = rows
        self.columns = columns
        // Large matrices (4 MiB and up) are filled on all cores, on huge pages (see `vector(repeating:count:)`).
        self.storage = rows * columns >= 1 << 19 ? Self.vector(repeating: value, count: rows * columns)
                                                 : Array(repeating: value, count: rows * columns)
    }

    /// Creates a matrix from row-major `elements`.
    ///
    /// - Throws: ``LinearAlgebraError/invalidShape(rows:columns:)`` for a negative dimension and
    ///   ``LinearAlgebraError/dimensionMismatch(operation:details:)`` when
    ///   `elements.count != rows * columns`.
    public init(rows: Int, columns: Int, elements: [Double]) throws {
        guard rows >= 0, columns >= 0 else { throw LinearAlgebraError.invalidShape(rows: rows, columns: columns) }
        guard elements.count == rows * columns else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "Matrix(rows:columns:elements:)",
                details: "a \(rows) x \(columns) matrix needs \(rows * columns) elements, found \(elements.count)")
        }
        self.rows = rows
        self.columns = columns
        self.storage = elements
    }

    /// Creates a matrix whose element (`r`, `c`) is `entry(r, c)`, filled row by row.
    ///
    /// ```swift
    /// let hilbert = Matrix(rows: 3, columns: 3) { r, c in 1 / Double(r + c + 1) }
    /// ```
    /// - Precondition: `rows >= 0` and `columns >= 0`.
    public init(rows: Int, columns: Int, _ entry: (_ row: Int, _ column: Int) throws -> Double) rethrows {
        self.init(rows: rows, columns: columns, repeating: 0)
        for r in 0..<rows {
            for c in 0..<columns { storage[r * columns + c] = try entry(r, c) }
        }
    }

    /// The `n` x `n` identity matrix.
    ///
    /// - Precondition: `n >= 0`.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n, repeating: 0)
        for i in 0..<n { m.storage[i * n + i] = 1 }
        return m
    }

    // MARK: Elements

    /// Element at (`row`, `column`).
    ///
    /// - Precondition: indices are in range (a programmer error otherwise, like `Array`'s subscript).
    @inlinable
    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns,
                         "Matrix index (\(row), \(column)) out of range for \(rows) x \(columns)")
            return storage[row * columns + column]
        }
        set {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns,
                         "Matrix index (\(row), \(column)) out of range for \(rows) x \(columns)")
            storage[row * columns + column] = newValue
        }
    }

    /// Whether the matrix is square.
    public var isSquare: Bool { rows == columns }

    /// Whether every element is finite (no NaN or infinity).
    public var isFinite: Bool { elements.allSatisfy { $0.isFinite } }

    /// Sum of all elements.
    ///
    /// - Complexity: O(rows x columns).
    public var sum: Double { elements.reduce(0, +) }

    /// The transpose, a new `columns` x `rows` matrix.
    ///
    /// - Complexity: O(rows x columns).
    public func transposed() -> Matrix {
        var t = Matrix(rows: columns, columns: rows, repeating: 0)
        for r in 0..<rows {
            for c in 0..<columns { t.storage[c * rows + r] = storage[r * columns + c] }
        }
        return t
    }

    /// Row `row` as an array.
    ///
    /// - Precondition: `0 <= row < rows`.
    public func row(_ row: Int) -> [Double] {
        precondition(row >= 0 && row < rows, "row \(row) out of range for \(rows) rows")
        return Array(elements[(row * columns)..<((row + 1) * columns)])
    }

    /// Column `column` as an array.
    ///
    /// - Precondition: `0 <= column < columns`.
    public func column(_ column: Int) -> [Double] {
        precondition(column >= 0 && column < columns, "column \(column) out of range for \(columns) columns")
        return (0..<rows).map { elements[$0 * columns + column] }
    }
}

// MARK: - CustomStringConvertible

extension Matrix: CustomStringConvertible {
    /// A short description: the shape and, for small matrices, the rows.
    public var description: String {
        guard rows * columns <= 36 else { return "Matrix(\(rows) x \(columns))" }
        let body = (0..<rows).map { r in (0..<columns).map { "\(self.elements[r * columns + $0])" }.joined(separator: ", ") }
        return "Matrix(\(rows) x \(columns)) [" + body.joined(separator: "; ") + "]"
    }
}
