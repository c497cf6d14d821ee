import LinearAlgebra
import ParallelWork

// MARK: - GLMProblem

/// The checked inputs of one ``PenalizedGLM`` fit and the passes over its rows: the linear
/// predictor, the penalised deviance and the weighted normal equations of the standardised design
/// `[1, (x − mean) / sd]`, built chunk by chunk and never stored.
///
/// Rows with case weight 0 take no part in anything, the standardisation included; that is how
/// cross-validation leaves a fold out without copying the design.
struct GLMProblem: Sendable {
    let x: Matrix
    let y: [Double]
    let caseWeights: [Double]
    let offset: [Double]?
    let family: GLMFamily
    let penalty: Double
    /// Column means and population standard deviations over rows with positive weight.
    let means: [Double]
    let scales: [Double]

    var n: Int { x.rows }
    var p: Int { x.columns }

    /// Rows per chunk of the element-wise passes; fixed, so sums do not depend on the thread count.
    static let chunkRows = 1 << 15

    // MARK: Coefficients

    /// Original-scale intercept and slopes of standardised coefficients `theta = (β₀, β₁…β_p)`.
    func originalScale(_ theta: [Double]) -> (intercept: Double, slopes: [Double]) {
        var intercept = theta[0]
        var slopes = [Double](repeating: 0, count: p)
        for j in 0..<p {
            slopes[j] = theta[j + 1] / scales[j]
            intercept -= slopes[j] * means[j]
        }
        return (intercept, slopes)
    }

    // MARK: Passes over the rows

    /// `η = intercept + x·slopes + offset` for every row (dgemv).
    ///
    /// - Complexity: O(n·p).
    func linearPredictor(_ theta: [Double]) throws -> [Double] {
        let (intercept, slopes) = originalScale(theta)
        var eta = try Matrix.multiply(x, slopes)
        for i in 0..<n { eta[i] += intercept + (offset?[i] ?? 0) }
        return eta
    }

    /// `Σ wᵢ·d(yᵢ, ηᵢ) + λ·Σ_{j≥1} θ_j²`, and the deviance alone.
    ///
    /// - Complexity: O(n).
    func penalizedDeviance(eta: [Double], theta: [Double]) -> (penalized: Double, deviance: Double) {
        let deviance = chunkedSum { i in
            let w = caseWeights[i]
            return w == 0 ? 0 : w * family.unitDeviance(y: y[i], eta: eta[i])
        }
        var ridge = 0.0
        for j in 1..<theta.count { ridge += theta[j] * theta[j] }
        return (deviance + penalty * ridge, deviance)
    }

    /// `Σ body(i)` summed in fixed chunks, then in chunk order: the same bits for any thread count.
    func chunkedSum(_ body: @Sendable (Int) -> Double) -> Double {
        let n = self.n, chunk = Self.chunkRows
        let parts = ParallelWork.map((n + chunk - 1) / chunk) { c in
            var s = 0.0
            for i in (c * chunk)..<min(n, (c + 1) * chunk) { s += body(i) }
            return s
        }
        return parts.reduce(0, +)
    }

    /// IRLS working weights `wᵢ·V(μᵢ)` and score residuals `wᵢ·(yᵢ − μᵢ)` at `eta`.
    func workingWeightsAndResiduals(eta: [Double]) -> (weights: [Double], residuals: [Double]) {
        var weights = [Double](repeating: 0, count: n)
        var residuals = [Double](repeating: 0, count: n)
        for i in 0..<n where caseWeights[i] > 0 {
            let mu = family.mean(eta[i])
            weights[i] = caseWeights[i] * family.variance(mu)
            residuals[i] = caseWeights[i] * (y[i] - mu)
        }
        return (weights, residuals)
    }

    /// Rows `rows` of the standardised design with its intercept column, written into `buffer`.
    var standardizedRows: @Sendable (Range<Int>, UnsafeMutableBufferPointer<Double>) -> Void {
        let x = self.x, means = self.means, p = self.p
        let inverseScales = scales.map { 1 / $0 }
        return { rows, buffer in
            x.elements.withUnsafeBufferPointer { source in
                for (k, r) in rows.enumerated() {
                    buffer[k * (p + 1)] = 1
                    for j in 0..<p { buffer[k * (p + 1) + 1 + j] = (source[r * p + j] - means[j]) * inverseScales[j] }
                }
            }
        }
    }

    /// `Zᵀ W Z` and `Zᵀ r` for the standardised design Z = [1, (x − mean)/sd] (dsyrk, dgemv).
    ///
    /// - Complexity: O(n·p²).
    func normalEquations(weights: [Double], residuals: [Double]) throws -> NormalEquations {
        try Matrix.weightedNormalEquations(rowCount: n, columnCount: p + 1, weights: weights, vector: residuals,
                                           fillRows: standardizedRows)
    }

    /// The Newton step as least squares on the augmented system `[√W·Z; √λ·E] δ ≈ [r/√W; −√λ·θ]`
    /// (QR, `dgels`), whose normal equations are those of the Cholesky path without squaring the
    /// condition number. Rows of zero working weight drop out. Materialises an (n + p) x (p + 1) matrix.
    ///
    /// - Complexity: O(n·p²) time, O(n·p) memory.
    func qrStep(theta: [Double], weights: [Double], residuals: [Double]) throws -> [Double] {
        let q = p + 1
        let penaltyRows = penalty > 0 ? p : 0
        var a = Matrix(rows: n + penaltyRows, columns: q)
        var b = [Double](repeating: 0, count: n + penaltyRows)
        var buffer = [Double](repeating: 0, count: Self.chunkRows * q)
        let fill = standardizedRows
        var start = 0
        while start < n {
            let rows = start..<min(n, start + Self.chunkRows)
            buffer.withUnsafeMutableBufferPointer { fill(rows, $0) }
            for (k, i) in rows.enumerated() where weights[i] > 0 {
                let s = weights[i].squareRoot()
                for j in 0..<q { a[i, j] = s * buffer[k * q + j] }
                b[i] = residuals[i] / s
            }
            start = rows.upperBound
        }
        let root = penalty.squareRoot()
        for j in 0..<penaltyRows {
            a[n + j, j + 1] = root
            b[n + j] = -root * theta[j + 1]
        }
        return try Matrix.leastSquares(a, b)
    }
}
