import _TestSupport
import Foundation
import LinearAlgebra
import RiskModel

// MARK: - Simulated designs and a naive reference fit (plain loops, no BLAS)

/// An n x p design of standard normal-ish features with column offsets and scales (so the
/// standardisation matters).
func glmDesign(_ n: Int, _ p: Int, using rng: inout SeededGenerator) -> Matrix {
    Matrix(rows: n, columns: p) { _, c in
        let u = Double.random(in: Double.ulpOfOne...1, using: &rng), v = Double.random(in: 0..<1, using: &rng)
        return Double(c + 1) * 10 + Double(c + 1) * (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}

/// Draws responses from the model with intercept `a` and slopes `b` (original scale).
func glmResponse(_ x: Matrix, intercept a: Double, slopes b: [Double], family: GLMFamily, offset: [Double]? = nil,
                 using rng: inout SeededGenerator) -> [Double] {
    (0..<x.rows).map { i in
        var eta = a + (offset?[i] ?? 0)
        for j in 0..<x.columns { eta += x[i, j] * b[j] }
        let mu = family.mean(eta)
        switch family {
        case .logistic:
            return Double.random(in: 0..<1, using: &rng) < mu ? 1 : 0
        case .poisson:
            // Knuth's multiplication method (means here are small).
            var k = 0.0, product = Double.random(in: 0..<1, using: &rng)
            let limit = exp(-mu)
            while product > limit { k += 1; product *= Double.random(in: 0..<1, using: &rng) }
            return k
        }
    }
}

/// The penalised fit by textbook Newton iterations written out in loops: standardise each column
/// (population sd), iterate θ ← θ + H⁻¹g with H = ZᵀWZ + λP and g = Zᵀ(w(y − μ)) − λPθ, 60 times or
/// until the step is below 1e-14. Returns the original-scale (intercept, slopes).
func naiveNewton(_ x: Matrix, _ y: [Double], family: GLMFamily, penalty: Double, weights: [Double]? = nil,
                 offset: [Double]? = nil) -> (intercept: Double, slopes: [Double]) {
    let (n, p) = (x.rows, x.columns)
    let w = weights ?? [Double](repeating: 1, count: n)
    let used = w.filter { $0 > 0 }.count
    var mean = [Double](repeating: 0, count: p), sd = [Double](repeating: 0, count: p)
    for j in 0..<p {
        for i in 0..<n where w[i] > 0 { mean[j] += x[i, j] }
        mean[j] /= Double(used)
        for i in 0..<n where w[i] > 0 { sd[j] += (x[i, j] - mean[j]) * (x[i, j] - mean[j]) }
        sd[j] = (sd[j] / Double(used)).squareRoot()
    }
    let z = (0..<n).map { i in [1.0] + (0..<p).map { (x[i, $0] - mean[$0]) / sd[$0] } }
    var theta = [Double](repeating: 0, count: p + 1)
    for _ in 0..<60 {
        var h = [[Double]](repeating: [Double](repeating: 0, count: p + 1), count: p + 1)
        var g = [Double](repeating: 0, count: p + 1)
        for i in 0..<n where w[i] > 0 {
            var eta = offset?[i] ?? 0
            for j in 0...p { eta += z[i][j] * theta[j] }
            let mu = family == .logistic ? 1 / (1 + exp(-eta)) : exp(eta)
            let v = family == .logistic ? mu * (1 - mu) : mu
            for a in 0...p {
                g[a] += w[i] * (y[i] - mu) * z[i][a]
                for b in 0...p { h[a][b] += w[i] * v * z[i][a] * z[i][b] }
            }
        }
        for j in 1...p where p > 0 {
            h[j][j] += penalty
            g[j] -= penalty * theta[j]
        }
        let step = naiveSolve(h, g)
        for j in 0...p { theta[j] += step[j] }
        if step.map(abs).max() ?? 0 < 1e-14 { break }
    }
    var intercept = theta[0]
    let slopes = (0..<p).map { theta[$0 + 1] / sd[$0] }
    for j in 0..<p { intercept -= slopes[j] * mean[j] }
    return (intercept, slopes)
}
