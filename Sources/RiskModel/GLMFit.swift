import LinearAlgebra

// MARK: - GLMFit

/// A fitted ``PenalizedGLM``: coefficients on the original scale of the design columns (what a
/// planner reads and what ``predict(_:offset:)`` uses) and on the standardised scale (what the
/// penalty acts on, comparable across columns), with standard errors from the inverse penalised
/// Hessian.
///
/// ```swift
/// let fit = try PenalizedGLM.fit(design: x, response: y, family: .logistic, penalty: 0.1)
/// fit.coefficients[0] ± 1.96 * fit.standardErrors[0]   // Wald interval for column 0
/// let p = try fit.predict(x)                            // probabilities, one per row
/// ```
///
/// The standard errors of a penalised fit are those of the ridge estimate around its own
/// (shrunken) expectation, `sqrt(diag((XᵀWX + λP)⁻¹))`: they are honest for λ = 0 and slightly
/// small for large λ, which also biases the estimate toward 0.
public struct GLMFit: Sendable, Equatable {
    /// How the Newton steps were solved.
    public enum Solver: String, Sendable, Codable {
        /// Cholesky factorisation of the penalised Hessian (every step).
        case cholesky
        /// QR least squares on the augmented weighted system, used for at least one step because
        /// the Hessian was not positive definite or its reciprocal condition was below 1e-10.
        case qr
    }

    /// The response distribution.
    public let family: GLMFamily
    /// The ridge penalty λ on the standardised non-intercept coefficients.
    public let penalty: Double
    /// Intercept on the original scale.
    public let intercept: Double
    /// One coefficient per design column, original scale (change in the linear predictor per unit
    /// of the column).
    public let coefficients: [Double]
    /// Standard error of ``intercept``.
    public let interceptStandardError: Double
    /// Standard errors of ``coefficients``, original scale.
    public let standardErrors: [Double]
    /// Intercept of the standardised model (columns centred and scaled to unit standard deviation).
    public let standardizedIntercept: Double
    /// Coefficients per standard deviation of each column: the penalised quantities, comparable
    /// across columns (the "implied weights").
    public let standardizedCoefficients: [Double]
    /// Column means over the rows used (positive weight).
    public let columnMeans: [Double]
    /// Column standard deviations (population, n denominator) over the rows used.
    public let columnScales: [Double]
    /// Deviance `Σ wᵢ·d(yᵢ, μᵢ)` at the estimate.
    public let deviance: Double
    /// Deviance plus `λ·‖β_standardised‖²`, the quantity minimised.
    public let penalizedDeviance: Double
    /// Newton iterations taken.
    public let iterations: Int
    /// Whether the relative change of the penalised deviance fell below the tolerance.
    public let converged: Bool
    /// The solver of the Newton steps.
    public let solver: Solver

    /// The linear predictor `intercept + x·coefficients + offset` for each row of `design`.
    ///
    /// - Throws: ``ModelFitError/lengthMismatch(what:expected:found:)`` when the column count or the
    ///   offset length is wrong.
    /// - Complexity: O(n·p).
    public func linearPredictor(_ design: Matrix, offset: [Double]? = nil) throws -> [Double] {
        guard design.columns == coefficients.count else {
            throw ModelFitError.lengthMismatch(what: "design columns", expected: coefficients.count, found: design.columns)
        }
        if let offset, offset.count != design.rows {
            throw ModelFitError.lengthMismatch(what: "offset", expected: design.rows, found: offset.count)
        }
        var eta = try Matrix.multiply(design, coefficients)
        for i in 0..<eta.count { eta[i] += intercept + (offset?[i] ?? 0) }
        return eta
    }

    /// Fitted probabilities (logistic) or means (Poisson) for each row of `design`.
    ///
    /// - Throws: as ``linearPredictor(_:offset:)``.
    /// - Complexity: O(n·p).
    public func predict(_ design: Matrix, offset: [Double]? = nil) throws -> [Double] {
        try linearPredictor(design, offset: offset).map { family.mean($0) }
    }
}
