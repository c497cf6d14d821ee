import _TestSupport
import Foundation
import LinearAlgebra
import ParallelWork
import RiskModel
import Testing

/// The penalised GLM against a naive Newton in plain loops, recovery of simulated coefficients
/// with honest standard errors, the QR fallback, and typed errors.
@Suite("Penalized GLM")
struct PenalizedGLMTests {
    /// |a − b| <= 1e-6 relative (absolute near zero).
    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool { abs(a - b) <= tolerance * max(1, abs(b)) }

    @Test(arguments: [(GLMFamily.logistic, 0.0), (.logistic, 0.5), (.logistic, 20), (.poisson, 0), (.poisson, 3)])
    func matchesNaiveNewton(family: GLMFamily, penalty: Double) throws {
        var rng = SeededGenerator(seed: 11 + UInt64(penalty * 10))
        let (n, p) = (600, 4)
        let x = glmDesign(n, p, using: &rng)
        let slopes = family == .logistic ? [0.3, -0.2, 0.05, 0.02] : [0.05, -0.03, 0.02, 0.01]
        let intercept = family == .logistic ? -4.0 : -1.5
        let offset: [Double]? = family == .poisson ? (0..<n).map { _ in log(Double.random(in: 0.5...2, using: &rng)) } : nil
        let weights = (0..<n).map { _ in Double.random(in: 0.5...1.5, using: &rng) }
        let y = glmResponse(x, intercept: intercept, slopes: slopes, family: family, offset: offset, using: &rng)
        for w in [nil, weights] {
            let fit = try PenalizedGLM.fit(design: x, response: y, family: family, penalty: penalty, weights: w, offset: offset)
            let reference = naiveNewton(x, y, family: family, penalty: penalty, weights: w, offset: offset)
            #expect(fit.converged && fit.solver == .cholesky)
            #expect(Self.close(fit.intercept, reference.intercept), "intercept \(fit.intercept) vs \(reference.intercept)")
            for j in 0..<p {
                #expect(Self.close(fit.coefficients[j], reference.slopes[j]), "slope \(j): \(fit.coefficients[j]) vs \(reference.slopes[j])")
                #expect(Self.close(fit.standardizedCoefficients[j], fit.coefficients[j] * fit.columnScales[j], 1e-12))
            }
            // The deviance reported is that of the returned coefficients.
            let eta = try fit.linearPredictor(x, offset: offset)
            let deviance = (0..<n).reduce(0.0) { $0 + (w?[$1] ?? 1) * family.unitDeviance(y: y[$1], eta: eta[$1]) }
            #expect(Self.close(fit.deviance, deviance, 1e-10))
            let mu = try fit.predict(x, offset: offset)
            #expect(zip(mu, eta).allSatisfy { Self.close($0, family.mean($1), 1e-14) })
        }
    }

    @Test func recoversSimulatedCoefficientsWithHonestStandardErrors() throws {
        var rng = SeededGenerator(seed: 2024)
        let truth = (intercept: -2.0, slopes: [0.08, -0.05, 0.02])
        // One large sample: every coefficient within 3.5 standard errors.
        let big = glmDesign(40_000, 3, using: &rng)
        let yBig = glmResponse(big, intercept: truth.intercept, slopes: truth.slopes, family: .logistic, using: &rng)
        let fit = try PenalizedGLM.fit(design: big, response: yBig, family: .logistic, penalty: 0)
        #expect(abs(fit.intercept - truth.intercept) < 3.5 * fit.interceptStandardError)
        for j in 0..<3 { #expect(abs(fit.coefficients[j] - truth.slopes[j]) < 3.5 * fit.standardErrors[j]) }
        // 200 replications: 95 % Wald intervals cover the truth 90–99 % of the time, and the mean
        // standard error is close to the empirical spread of the estimates.
        var covered = 0, intervals = 0
        var estimates = [[Double]](repeating: [], count: 3), errors = [[Double]](repeating: [], count: 3)
        let x = glmDesign(1500, 3, using: &rng)
        for _ in 0..<200 {
            let y = glmResponse(x, intercept: truth.intercept, slopes: truth.slopes, family: .logistic, using: &rng)
            let f = try PenalizedGLM.fit(design: x, response: y, family: .logistic, penalty: 0)
            for j in 0..<3 {
                intervals += 1
                if abs(f.coefficients[j] - truth.slopes[j]) <= 1.96 * f.standardErrors[j] { covered += 1 }
                estimates[j].append(f.coefficients[j])
                errors[j].append(f.standardErrors[j])
            }
        }
        let coverage = Double(covered) / Double(intervals)
        #expect(coverage >= 0.90 && coverage <= 0.99, "coverage \(coverage)")
        for j in 0..<3 {
            let mean = estimates[j].reduce(0, +) / 200
            let spread = (estimates[j].reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 199).squareRoot()
            let meanError = errors[j].reduce(0, +) / 200
            #expect(abs(meanError / spread - 1) < 0.2, "column \(j): mean SE \(meanError), empirical sd \(spread)")
        }
    }

    @Test func nearlyCollinearColumnsUseQRAndAgreeWithNewton() throws {
        var rng = SeededGenerator(seed: 5)
        let n = 800
        let base = glmDesign(n, 2, using: &rng)
        // Column 2 is column 0 plus a perturbation 1e-6 of its spread: the Hessian's condition ~1e12.
        let x = Matrix(rows: n, columns: 3) { i, j in
            j < 2 ? base[i, j] : base[i, 0] + 1e-5 * Double.random(in: -1...1, using: &rng)
        }
        let y = glmResponse(x, intercept: -3, slopes: [0.15, -0.1, 0.15], family: .logistic, using: &rng)
        let fit = try PenalizedGLM.fit(design: x, response: y, family: .logistic, penalty: 0)
        #expect(fit.solver == .qr)
        // The fitted surface is well determined even where single coefficients are not.
        let reference = naiveNewton(x, y, family: .logistic, penalty: 0)
        let ours = try fit.predict(x)
        for i in 0..<n {
            var eta = reference.intercept
            for j in 0..<3 { eta += x[i, j] * reference.slopes[j] }
            #expect(abs(ours[i] - GLMFamily.logistic.mean(eta)) < 1e-6)
        }
        // Where both work (a small penalty conditions the system), QR and Cholesky agree.
        let penalised = try PenalizedGLM.fit(design: x, response: y, family: .logistic, penalty: 1e-3)
        let naivePenalised = naiveNewton(x, y, family: .logistic, penalty: 1e-3)
        #expect(Self.close(penalised.intercept, naivePenalised.intercept))
        for j in 0..<3 { #expect(Self.close(penalised.coefficients[j], naivePenalised.slopes[j], 1e-5)) }
    }

    @Test func separationIsAnErrorWithoutPenaltyAndFiniteWithOne() throws {
        let x = try Matrix(rows: 8, columns: 1, elements: [1, 2, 3, 4, 5, 6, 7, 8])
        let y: [Double] = [0, 0, 0, 0, 1, 1, 1, 1]
        #expect(throws: ModelFitError.self) { try PenalizedGLM.fit(design: x, response: y, family: .logistic, penalty: 0) }
        do {
            _ = try PenalizedGLM.fit(design: x, response: y, family: .logistic, penalty: 0)
        } catch let error as ModelFitError {
            guard case .separation = error else { Issue.record("expected separation, got \(error)"); return }
        }
        let fit = try PenalizedGLM.fit(design: x, response: y, family: .logistic, penalty: 0.5)
        #expect(fit.converged && fit.coefficients[0] > 0 && fit.coefficients[0].isFinite)
    }

    @Test func badInputsGiveTypedErrors() throws {
        let x = try Matrix(rows: 4, columns: 2, elements: [1, 5, 2, 5, 3, 5, 4, 5])
        let good = try Matrix(rows: 4, columns: 1, elements: [1, 2, 3, 4])
        #expect(throws: ModelFitError.constantColumn(column: 1, value: 5)) {
            try PenalizedGLM.fit(design: x, response: [0, 1, 0, 1], family: .logistic, penalty: 1)
        }
        #expect(throws: ModelFitError.invalidLabel(index: 2, value: 2)) {
            try PenalizedGLM.fit(design: good, response: [0, 1, 2, 1], family: .logistic, penalty: 1)
        }
        #expect(throws: ModelFitError.negativeCount(index: 0, value: -1)) {
            try PenalizedGLM.fit(design: good, response: [-1, 1, 2, 1], family: .poisson, penalty: 1)
        }
        #expect(throws: ModelFitError.lengthMismatch(what: "response", expected: 4, found: 3)) {
            try PenalizedGLM.fit(design: good, response: [0, 1, 1], family: .logistic, penalty: 1)
        }
        #expect(throws: ModelFitError.nonFiniteDesign(row: 2, column: 0, value: .infinity)) {
            try PenalizedGLM.fit(design: Matrix(rows: 4, columns: 1, elements: [1, 2, .infinity, 4]),
                                 response: [0, 1, 0, 1], family: .logistic, penalty: 1)
        }
        #expect(throws: ModelFitError.negativeWeight(index: 1, value: -2)) {
            try PenalizedGLM.fit(design: good, response: [0, 1, 0, 1], family: .logistic, penalty: 1, weights: [1, -2, 1, 1])
        }
        #expect(throws: ModelFitError.invalidPenalty(-1)) {
            try PenalizedGLM.fit(design: good, response: [0, 1, 0, 1], family: .logistic, penalty: -1)
        }
        #expect(throws: ModelFitError.self) { try PenalizedGLM.fit(design: good, response: [0, 0, 0, 0], family: .logistic, penalty: 1) }
        #expect(throws: ModelFitError.self) { try PenalizedGLM.fit(design: good, response: [0, 0, 0, 0], family: .poisson, penalty: 1) }
        let fit = try PenalizedGLM.fit(design: good, response: [0, 1, 0, 1], family: .logistic, penalty: 1)
        #expect(throws: ModelFitError.self) { try fit.predict(x) }
    }

    /// The width is process-wide, so it is set in a child process.
    @Test func sameBitsForAnyThreadCount() async {
        await #expect(processExitsWith: .success) {
            var rng = SeededGenerator(seed: 8)
            let x = glmDesign(70_000, 5, using: &rng)
            let y = glmResponse(x, intercept: -3, slopes: [0.1, 0.05, -0.02, 0.01, 0], family: .logistic, using: &rng)
            ParallelWork.setWidth(1)
            let one = try PenalizedGLM.fit(design: x, response: y, family: .logistic, penalty: 0.3)
            ParallelWork.setWidth(3)
            let three = try PenalizedGLM.fit(design: x, response: y, family: .logistic, penalty: 0.3)
            precondition(one == three, "thread count changed the fit")
        }
    }
}
