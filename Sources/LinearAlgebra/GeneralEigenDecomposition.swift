// MARK: - GeneralEigenDecomposition

/// Eigenvalues and right eigenvectors of a real square matrix, as LAPACK `dgeev` returns them.
///
/// Eigenvalue `j` is `real[j] + i·imaginary[j]`. Complex eigenvalues come in conjugate pairs, stored
/// consecutively with the positive imaginary part first.
///
/// **Eigenvector packing** (LAPACK's): for a real eigenvalue `j`, column `j` of ``vectors`` is its
/// eigenvector. For a conjugate pair at `j, j+1` (`imaginary[j] > 0`), columns `j` and `j+1` hold the
/// real and imaginary parts: `v_j = V[:, j] + i·V[:, j+1]` and `v_{j+1} = V[:, j] − i·V[:, j+1]`.
/// ``eigenvector(_:)`` unpacks either case. Each vector has Euclidean norm 1 and its largest component real.
/// Eigenvalues are in no particular order.
///
/// ```swift
/// let e = try Matrix(rows: 2, columns: 2, elements: [0, -1, 1, 0]).eigenGeneral()
/// e.real        // [0, 0]
/// e.imaginary   // [1, -1]
/// let (re, im) = e.eigenvector(0)
/// ```
public struct GeneralEigenDecomposition: Sendable, Equatable {
    /// Real parts of the eigenvalues.
    public let real: [Double]
    /// Imaginary parts of the eigenvalues (zero for real eigenvalues).
    public let imaginary: [Double]
    /// Right eigenvectors packed as columns (see the type's discussion of complex pairs).
    public let vectors: Matrix

    /// Creates a decomposition from LAPACK's outputs.
    public init(real: [Double], imaginary: [Double], vectors: Matrix) {
        self.real = real
        self.imaginary = imaginary
        self.vectors = vectors
    }

    /// Number of eigenvalues.
    public var count: Int { real.count }

    /// Whether eigenvalue `j` is real (its imaginary part is exactly zero, as `dgeev` reports real ones).
    public func isReal(_ j: Int) -> Bool { imaginary[j] == 0 }

    /// The eigenvector of eigenvalue `j`, unpacked into real and imaginary parts.
    ///
    /// - Precondition: `0 <= j < count`.
    public func eigenvector(_ j: Int) -> (real: [Double], imaginary: [Double]) {
        precondition(j >= 0 && j < count, "eigenvalue index \(j) out of range for \(count)")
        let n = vectors.rows
        if imaginary[j] == 0 {
            return (vectors.column(j), [Double](repeating: 0, count: n))
        }
        // A pair is stored at (first, first + 1); the second member is the conjugate.
        let first = imaginary[j] > 0 ? j : j - 1
        let re = vectors.column(first)
        var im = vectors.column(first + 1)
        if first != j { im = im.map { -$0 } }
        return (re, im)
    }

    /// The eigenvalue with the largest real part (ties broken by the smaller index), e.g. the
    /// principal eigenvalue of a positive matrix.
    public var indexOfLargestReal: Int? {
        real.indices.max { real[$0] < real[$1] || (real[$0] == real[$1] && $0 > $1) }
    }
}
