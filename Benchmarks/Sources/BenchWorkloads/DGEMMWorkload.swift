import EventSimulation
import LinearAlgebra

// MARK: - DGEMMWorkload

/// The machine's linear-algebra ceiling: one square `n x n` dgemm through LinearAlgebra, the same
/// path the risk model's products take. Every other GFLOP/s figure is divided by this one.
///
/// ```swift
/// let w = DGEMMWorkload(size: 2_000)
/// let gflops = w.flops / Stopwatch.best(of: 3) { try w.run() } / 1e9
/// ```
public struct DGEMMWorkload: Sendable {
    /// Matrix order.
    public let size: Int
    private let a: Matrix
    private let b: Matrix

    /// Two seeded random matrices of order `size`.
    /// - Complexity: O(size²).
    public init(size: Int, seed: UInt64 = 1) {
        var rng = RandomStream(masterSeed: seed, replication: 0, stream: "bench-dgemm")
        self.size = size
        a = Matrix(rows: size, columns: size) { _, _ in uniform(&rng) - 0.5 }
        b = Matrix(rows: size, columns: size) { _, _ in uniform(&rng) - 0.5 }
    }

    /// FLOPs of one product, `2 n³`.
    public var flops: Double { 2 * Double(size) * Double(size) * Double(size) }

    /// One product `a · b`; returns one entry so the work cannot be optimised away.
    /// - Complexity: 2 n³ FLOPs.
    @discardableResult
    public func run() throws -> Double {
        let c = try Matrix.multiply(a, b)
        return c[size / 2, size / 3]
    }
}
