import Foundation
@testable import EventSimulation

// MARK: - Sample moments and references (tolerances: `Tolerance` in _TestSupport)

/// Mean and (n − 1) variance by a plain two-pass loop, independent of `Statistics`.
func naiveMoments(_ values: [Double]) -> (mean: Double, variance: Double) {
    var sum = 0.0
    for value in values { sum += value }
    let mean = sum / Double(values.count)
    var squares = 0.0
    for value in values { squares += (value - mean) * (value - mean) }
    return (mean, squares / Double(values.count - 1))
}

/// Draws `n` values from `distribution` with a fixed named stream.
func draw(_ distribution: Distribution, n: Int, stream: String, seed: UInt64 = 20_240_601) -> [Double] {
    var rng = RandomStream(masterSeed: seed, replication: 0, stream: stream)
    var values: [Double] = []
    distribution.sample(n, into: &values, using: &rng)
    return values
}

/// Fraction of `values` that are ≤ `x` (the empirical CDF).
func empiricalCDF(_ values: [Double], at x: Double) -> Double {
    Double(values.lazy.filter { $0 <= x }.count) / Double(values.count)
}

/// Kolmogorov–Smirnov distance between a sample and a continuous CDF.
func ksDistance(_ values: [Double], cdf: (Double) -> Double) -> Double {
    let sorted = values.sorted()
    let n = Double(sorted.count)
    var distance = 0.0
    for (index, value) in sorted.enumerated() {
        let f = cdf(value)
        distance = max(distance, abs(f - Double(index) / n), abs(Double(index + 1) / n - f))
    }
    return distance
}

/// KS critical value at significance 10⁻⁴ (asymptotic: sqrt(−ln(α/2) / 2) / sqrt(n) ≈ 2.08 / sqrt(n)).
func ksCritical(n: Int) -> Double {
    (-log(0.5e-4) / 2).squareRoot() / Double(n).squareRoot()
}

/// Pearson correlation by a plain loop.
func correlation(_ x: [Double], _ y: [Double]) -> Double {
    let (mx, vx) = naiveMoments(x)
    let (my, vy) = naiveMoments(y)
    var sum = 0.0
    for index in x.indices { sum += (x[index] - mx) * (y[index] - my) }
    return sum / Double(x.count - 1) / (vx * vy).squareRoot()
}

/// Standard normal CDF.
func normalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.squareRoot()) }
