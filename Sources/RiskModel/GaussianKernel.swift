import Foundation
import LinearAlgebra

// MARK: - GaussianKernel

/// A truncated 1-D Gaussian smoothing kernel sampled on a line of grid cells, in **per-km** units.
///
/// Entry `K[i, j]` is the density at cell centre `i` (per km along the axis) of a unit mass sitting
/// at the centre of cell `j`: `κ(i − j) = exp(−((i − j)·h)² / (2σ²)) / (Z · h_km)` for
/// `|i − j| ≤ halfWidth`, and exactly 0 beyond, where `h` is the cell size, `h_km = h / 1000` and
/// `Z = Σ_{|k| ≤ halfWidth} exp(−(k·h)² / (2σ²))`.
///
/// **Why normalise by the discrete sum `Z`** rather than by `√(2π)·σ`: a unit mass away from the
/// edges then integrates to exactly 1 on the grid (`Σ_i K[i, j]·h_km = 1`), whatever the bandwidth.
/// For `σ ≥ h` the two normalisations agree to better than 1e-8 relative (Poisson summation:
/// the difference is about `2·exp(−2π²σ²/h²)`), so `K` is the sampled Gaussian density; for
/// narrower bandwidths sampling the continuous density would create or lose mass, this does not.
/// The truncation is compensated the same way, so a 4σ kernel still carries unit mass.
///
/// **Truncation**: `halfWidth = ⌊min(truncationSigmas, 37)·σ / h⌋` cells. Beyond 37σ the Gaussian is
/// below 1e-297, so the cap loses nothing and keeps denormal numbers (slow in BLAS) out of the matrices.
///
/// The matrix is symmetric Toeplitz, so one stored tile serves every block of the band
/// (see ``bandTile(blockSize:)``).
///
/// ```swift
/// let k = GaussianKernel(bandwidth: 2_000, cellSize: 100, truncationSigmas: 4)   // halfWidth 80 cells
/// let dense = k.dense(size: 500)                                                  // 500 x 500
/// ```
public struct GaussianKernel: Sendable, Equatable {
    /// Standard deviation σ, metres.
    public let bandwidth: Double
    /// Cell size h, metres.
    public let cellSize: Double
    /// Number of cells on each side of the diagonal with stored (non-zero) entries: the truncation
    /// radius in cells, or `maximumOffset` when that is smaller.
    public let halfWidth: Int
    /// `κ(k)` for `k = −halfWidth ... halfWidth`, stored at index `k + halfWidth`, per km.
    public let values: [Double]

    /// Largest truncation radius in bandwidths; further out the Gaussian underflows towards denormals.
    public static let maximumTruncationSigmas = 37.0

    /// Creates the kernel.
    ///
    /// `maximumOffset` limits how much of the band is stored (pass `n − 1` for a line of `n` cells:
    /// larger offsets never occur on it); the normalisation still uses the full truncated kernel, so
    /// the entries do not depend on the grid size.
    ///
    /// - Precondition: `bandwidth` and `cellSize` positive and finite, `truncationSigmas > 0`,
    ///   `maximumOffset >= 0` (callers validate user input first, e.g. ``IncidentDensityParameters/validate()``).
    /// - Complexity: O(truncation radius in cells), capped at 10⁷ terms.
    public init(bandwidth: Double, cellSize: Double, truncationSigmas: Double, maximumOffset: Int = Int.max) {
        precondition(bandwidth.isFinite && bandwidth > 0 && cellSize.isFinite && cellSize > 0 && truncationSigmas > 0
                     && maximumOffset >= 0, "GaussianKernel needs positive finite bandwidth and cell size")
        self.bandwidth = bandwidth
        self.cellSize = cellSize
        let radius = min(truncationSigmas, Self.maximumTruncationSigmas) * bandwidth
        // Clamp before converting so absurd ratios (tiny cells, huge bandwidth) cannot overflow Int
        // or run for long; at 10⁷ cells per side the kernel is flat across any grid anyway.
        let fullHalfWidth = Int(min((radius / cellSize).rounded(.down), 1e7))
        let twoSigmaSquared = 2 * bandwidth * bandwidth
        func gauss(_ k: Int) -> Double {
            let d = Double(k) * cellSize
            return exp(-d * d / twoSigmaSquared)
        }
        // Z = Σ_{|k| ≤ fullHalfWidth} g(k), summed from the small tail inwards for accuracy.
        var tail = 0.0
        if fullHalfWidth > 0 { for k in stride(from: fullHalfWidth, through: 1, by: -1) { tail += gauss(k) } }
        let z = 1 + 2 * tail
        let norm = 1 / (z * cellSize / 1000)
        let halfWidth = min(fullHalfWidth, maximumOffset)
        self.halfWidth = halfWidth
        self.values = (-halfWidth...halfWidth).map { gauss($0) * norm }
    }

    /// `κ(offset)`: the entry `K[i, j]` with `i − j = offset` (0 beyond the half-width).
    public func value(offset: Int) -> Double {
        abs(offset) > halfWidth ? 0 : values[offset + halfWidth]
    }

    // MARK: Matrices

    /// The full `size` x `size` kernel matrix (for the dense path and tests).
    ///
    /// - Complexity: O(size²) memory and time.
    public func dense(size: Int) -> Matrix {
        Matrix(rows: size, columns: size) { i, j in value(offset: i - j) }
    }

    /// The tile `T` of shape `blockSize x (blockSize + 2·halfWidth)` with `T[i, t] = κ(i − t + halfWidth)`.
    ///
    /// For output rows `r0 ..< r1` (at most `blockSize` of them) the non-zero columns of the kernel
    /// matrix are `k0 ..< k1` with `k0 = max(0, r0 − halfWidth)`, `k1 = min(n, r1 + halfWidth)`, and
    /// `K[r0 + i, k] = T[i, k − r0 + halfWidth]`: the block is `T[0 ..< r1 − r0, (k0 − r0 + halfWidth) ..<
    /// (k1 − r0 + halfWidth)]`, a view, because `K` is Toeplitz.
    ///
    /// - Complexity: O(blockSize · (blockSize + halfWidth)).
    public func bandTile(blockSize: Int) -> Matrix {
        Matrix(rows: blockSize, columns: blockSize + 2 * halfWidth) { i, t in value(offset: i - t + halfWidth) }
    }

    /// Mass fraction kept on a line of `size` cells for a unit mass at the centre of each cell:
    /// `Σ_i K[i, j]·h_km` (1 away from the ends, less near them).
    ///
    /// - Complexity: O(size + halfWidth), with prefix sums of the kernel.
    public func retainedMass(size: Int) -> [Double] {
        let hKm = cellSize / 1000
        // prefix[k] = κ(0) + κ(1) + ... + κ(k); the kernel is symmetric.
        var prefix = [Double](repeating: 0, count: halfWidth + 1)
        var running = 0.0
        for k in 0...halfWidth {
            running += values[halfWidth + k]
            prefix[k] = running
        }
        return (0..<size).map { j in
            let below = prefix[min(size - 1 - j, halfWidth)]   // offsets 0 ... towards the end
            let above = prefix[min(j, halfWidth)]              // offsets 0 ... towards the start
            return (below + above - values[halfWidth]) * hKm
        }
    }
}
