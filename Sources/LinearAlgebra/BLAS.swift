import CLinearAlgebra

// MARK: - BLAS level-1 vector operations

/// Level-1 BLAS on `[Double]` vectors.
///
/// ```swift
/// var y: [Double] = [1, 1, 1]
/// try BLAS.axpy(alpha: 2, x: [1, 2, 3], y: &y)   // y == [3, 5, 7]
/// BLAS.scale(&y, by: 0.5)                        // y == [1.5, 2.5, 3.5]
/// ```
public enum BLAS {
    /// In place `y += alpha * x` (BLAS `daxpy`).
    ///
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(operation:details:)`` when the lengths differ.
    /// - Complexity: O(n).
    public static func axpy(alpha: Double, x: [Double], y: inout [Double]) throws {
        guard x.count == y.count else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "axpy", details: "x has \(x.count) elements but y has \(y.count)")
        }
        guard !x.isEmpty else { return }
        guard x.count <= Int(Int32.max) else { throw LinearAlgebraError.tooLarge(operation: "axpy", dimension: x.count) }
        FixedBlocks.prepareBLAS()
        x.withUnsafeBufferPointer { px in
            y.withUnsafeMutableBufferPointer { py in
                guard let bx = px.baseAddress, let by = py.baseAddress else { return }
                cblas_daxpy(Int32(px.count), alpha, bx, 1, by, 1)
            }
        }
    }

    /// In place `x *= alpha` (BLAS `dscal`).
    ///
    /// Vectors longer than `Int32.max` are scaled in chunks, so this cannot fail.
    /// - Complexity: O(n).
    public static func scale(_ x: inout [Double], by alpha: Double) {
        FixedBlocks.prepareBLAS()
        x.withUnsafeMutableBufferPointer { px in
            guard let base = px.baseAddress else { return }
            var start = 0
            while start < px.count {
                let count = min(px.count - start, Int(Int32.max))
                cblas_dscal(Int32(count), alpha, base + start, 1)
                start += count
            }
        }
    }
}
