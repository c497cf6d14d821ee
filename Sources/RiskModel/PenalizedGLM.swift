import LinearAlgebra

// MARK: - PenalizedGLM

/// Ridge-penalised generalised linear models (logistic for 0/1 labels, Poisson for counts) fitted
/// by Newton's method (iteratively reweighted least squares) on BLAS and LAPACK.
///
/// What is minimised: the penalised deviance `Σ wᵢ·d(yᵢ, μᵢ) + λ·Σ_j β_j²`, where the β_j are the
/// slopes of the **standardised** columns (centred, divided by their standard deviation over the
/// rows used), so one λ treats every column alike whatever its unit, and the intercept is not
/// penalised. Coefficients are reported on both scales. (For logistic regression this is
/// scikit-learn's `LogisticRegression(C = 1/λ)` on standardised columns; for Poisson,
/// `PoissonRegressor(alpha = λ / Σw)`.)
///
/// Each iteration builds `ZᵀWZ` with `dsyrk` over fixed chunks of rows (never an n x n or a
/// standardised n x p copy), adds λ to the slope diagonal, and solves with Cholesky (`dpotrf`,
/// `dpotrs`); when the Cholesky fails or its reciprocal condition (`dpocon`) is below 1e-10 the
/// step is solved by QR on the augmented weighted system instead. A step that raises the penalised
/// deviance is halved; iteration stops when the relative change falls below `tolerance`.
///
/// ```swift
/// let fit = try PenalizedGLM.fit(design: x /* n x p, no intercept column */, response: labels,
///                                family: .logistic, penalty: 0.1)
/// fit.coefficients, fit.standardErrors     // original scale
/// let probabilities = try fit.predict(x)
/// // Counts per cell with exposure (years observed):
/// let rates = try PenalizedGLM.fit(design: x, response: counts, family: .poisson, penalty: 1,
///                                  offset: years.map { log($0) })
/// ```
///
/// Results are the same bits for any thread count (fixed row chunks summed in order).
public enum PenalizedGLM {
    /// Reciprocal condition of the penalised Hessian below which a step is solved by QR.
    public static let qrThreshold = 1e-10

    /// Fits the model.
    ///
    /// - Parameters:
    ///   - design: n x p features, one row per observation, **without** an intercept column.
    ///   - response: n labels in {0, 1} (logistic) or counts >= 0 (Poisson).
    ///   - penalty: λ >= 0 on the standardised slopes; 0 gives maximum likelihood.
    ///   - weights: optional case weights >= 0 (rows with weight 0 take no part, not even in the
    ///     standardisation).
    ///   - offset: optional fixed term added to the linear predictor (log exposure for Poisson).
    ///   - maxIterations: Newton iterations at most.
    ///   - tolerance: convergence when `|ΔQ| <= tolerance · (|Q| + 0.1)` for the penalised deviance Q.
    /// - Throws: ``ModelFitError`` for bad inputs (wrong lengths, non-finite values, labels outside
    ///   {0, 1}, negative counts or weights, constant columns, a degenerate response), for
    ///   separation without a penalty, and for a singular system.
    /// - Complexity: O(n·p²) per iteration (typically 5–10 iterations); O(n) extra memory, O(n·p)
    ///   only for a QR step.
    public static func fit(design: Matrix, response: [Double], family: GLMFamily, penalty: Double,
                           weights: [Double]? = nil, offset: [Double]? = nil,
                           maxIterations: Int = 100, tolerance: Double = 1e-10) throws -> GLMFit {
        let problem = try problem(design: design, response: response, family: family, penalty: penalty,
                                  weights: weights, offset: offset)
        var theta = try start(problem)
        var eta = try problem.linearPredictor(theta)
        var objective = problem.penalizedDeviance(eta: eta, theta: theta)
        var usedQR = false
        var converged = false
        var iterations = 0
        while iterations < maxIterations {
            iterations += 1
            let step: [Double]
            do {
                let (delta, qr) = try newtonStep(problem, theta: theta, eta: eta)
                step = delta
                usedQR = usedQR || qr
            } catch let error as ModelFitError {
                if penalty == 0, atBoundary(problem, eta: eta) {
                    throw ModelFitError.separation(family: family, iterations: iterations)
                }
                throw error
            }
            // Step-halving: accept the first fraction of the step that does not raise Q.
            var fraction = 1.0
            var accepted = false
            for _ in 0..<40 {
                let candidate = zip(theta, step).map { $0 + fraction * $1 }
                let candidateEta = try problem.linearPredictor(candidate)
                let candidateObjective = problem.penalizedDeviance(eta: candidateEta, theta: candidate)
                if candidateObjective.penalized.isFinite,
                   candidateObjective.penalized <= objective.penalized + 1e-13 * abs(objective.penalized) {
                    let change = abs(objective.penalized - candidateObjective.penalized)
                    theta = candidate
                    eta = candidateEta
                    objective = candidateObjective
                    accepted = true
                    converged = change <= tolerance * (abs(objective.penalized) + 0.1)
                    break
                }
                fraction /= 2
            }
            // No fraction of the step lowers Q: the estimate is at the minimum to rounding.
            if !accepted { converged = true }
            if converged { break }
        }
        // Separation: without a penalty the slopes run off while the deviance melts to 0, which the
        // relative test can mistake for convergence; a slope of 25 standard deviations (an odds or
        // rate ratio of e²⁵ per standard deviation) with fitted values at the boundary is that.
        let runaway = theta.dropFirst().contains { abs($0) > 25 }
        if penalty == 0, !converged || runaway, atBoundary(problem, eta: eta) {
            throw ModelFitError.separation(family: family, iterations: iterations)
        }
        return try finish(problem, theta: theta, eta: eta, objective: objective, iterations: iterations,
                          converged: converged, usedQR: usedQR)
    }

    // MARK: Steps

    /// The Newton step δ solving `(ZᵀWZ + λP) δ = Zᵀr − λPθ`, by Cholesky or, when that fails or is
    /// ill-conditioned, by QR; and whether QR was used.
    static func newtonStep(_ problem: GLMProblem, theta: [Double], eta: [Double]) throws -> (step: [Double], qr: Bool) {
        let (weights, residuals) = problem.workingWeightsAndResiduals(eta: eta)
        var normal = try problem.normalEquations(weights: weights, residuals: residuals)
        addPenalty(&normal, theta: theta, penalty: problem.penalty)
        if let cholesky = try? CholeskyFactorization(normal.gram),
           (try? cholesky.reciprocalCondition()).map({ $0 >= qrThreshold }) ?? false {
            return (try cholesky.solve(normal.product), false)
        }
        do {
            return (try problem.qrStep(theta: theta, weights: weights, residuals: residuals), true)
        } catch let error as LinearAlgebraError {
            throw ModelFitError.singularSystem(details: error.description)
        }
    }

    /// Adds λ to the slope diagonal of the Gram matrix and −λθ to the slope gradient.
    static func addPenalty(_ normal: inout NormalEquations, theta: [Double], penalty: Double) {
        guard penalty > 0 else { return }
        for j in 1..<theta.count {
            normal.gram[j, j] += penalty
            normal.product[j] -= penalty * theta[j]
        }
    }

    /// Whether some fitted value has run to the edge of its range (probability 0 or 1, mean 0), the
    /// mark of separation when the fit diverges.
    static func atBoundary(_ problem: GLMProblem, eta: [Double]) -> Bool {
        (0..<problem.n).contains { i in
            guard problem.caseWeights[i] > 0 else { return false }
            let linear = eta[i] - (problem.offset?[i] ?? 0)
            switch problem.family {
            case .logistic: return abs(linear) > 20
            case .poisson: return linear < -20 && problem.y[i] == 0
            }
        }
    }

    // MARK: Result

    /// Standard errors from the inverse penalised Hessian at the estimate, mapped to the original
    /// scale by the linear change of variables θ_orig = T·θ_std.
    static func finish(_ problem: GLMProblem, theta: [Double], eta: [Double], objective: (penalized: Double, deviance: Double),
                       iterations: Int, converged: Bool, usedQR: Bool) throws -> GLMFit {
        let p = problem.p
        let (weights, residuals) = problem.workingWeightsAndResiduals(eta: eta)
        var normal = try problem.normalEquations(weights: weights, residuals: residuals)
        addPenalty(&normal, theta: theta, penalty: problem.penalty)
        let covariance = (try? CholeskyFactorization(normal.gram)).flatMap { try? $0.inverse() }
        var standardErrors = [Double](repeating: .nan, count: p)
        var interceptError = Double.nan
        if let covariance {
            // Intercept_orig = θ₀ − Σ θ_j m_j / s_j: gradient c = (1, −m_1/s_1, …).
            let c = [1] + (0..<p).map { -problem.means[$0] / problem.scales[$0] }
            var variance = 0.0
            for a in 0...p {
                for b in 0...p { variance += c[a] * covariance[a, b] * c[b] }
            }
            interceptError = max(variance, 0).squareRoot()
            for j in 0..<p { standardErrors[j] = max(covariance[j + 1, j + 1], 0).squareRoot() / problem.scales[j] }
        }
        let (intercept, slopes) = problem.originalScale(theta)
        return GLMFit(family: problem.family, penalty: problem.penalty, intercept: intercept, coefficients: slopes,
                      interceptStandardError: interceptError, standardErrors: standardErrors,
                      standardizedIntercept: theta[0], standardizedCoefficients: Array(theta[1...]),
                      columnMeans: problem.means, columnScales: problem.scales,
                      deviance: objective.deviance, penalizedDeviance: objective.penalized,
                      iterations: iterations, converged: converged, solver: usedQR ? .qr : .cholesky)
    }
}
