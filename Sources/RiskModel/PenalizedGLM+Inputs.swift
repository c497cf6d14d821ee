import Foundation
import LinearAlgebra

// MARK: - Checking inputs and standardising columns

extension PenalizedGLM {
    /// Checks every input and works out the column standardisation; throws the first problem found.
    ///
    /// - Complexity: O(n·p).
    static func problem(design: Matrix, response: [Double], family: GLMFamily, penalty: Double,
                        weights: [Double]?, offset: [Double]?) throws -> GLMProblem {
        let (n, p) = (design.rows, design.columns)
        guard penalty.isFinite, penalty >= 0 else { throw ModelFitError.invalidPenalty(penalty) }
        guard response.count == n else { throw ModelFitError.lengthMismatch(what: "response", expected: n, found: response.count) }
        if let weights, weights.count != n { throw ModelFitError.lengthMismatch(what: "weights", expected: n, found: weights.count) }
        if let offset, offset.count != n { throw ModelFitError.lengthMismatch(what: "offset", expected: n, found: offset.count) }
        if let bad = design.elements.firstIndex(where: { !$0.isFinite }) {
            throw ModelFitError.nonFiniteDesign(row: bad / p, column: bad % p, value: design.elements[bad])
        }
        for (what, values) in [("response", response), ("weight", weights ?? []), ("offset", offset ?? [])] {
            if let bad = values.firstIndex(where: { !$0.isFinite }) {
                throw ModelFitError.nonFiniteValue(what: what, index: bad, value: values[bad])
            }
        }
        if let weights, let bad = weights.firstIndex(where: { $0 < 0 }) {
            throw ModelFitError.negativeWeight(index: bad, value: weights[bad])
        }
        for (i, y) in response.enumerated() {
            switch family {
            case .logistic where y != 0 && y != 1: throw ModelFitError.invalidLabel(index: i, value: y)
            case .poisson where y < 0: throw ModelFitError.negativeCount(index: i, value: y)
            default: break
            }
        }
        let caseWeights = weights ?? [Double](repeating: 1, count: n)
        let used = caseWeights.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        guard used > 0, p > 0 else { throw ModelFitError.emptyDesign(rows: used, columns: p) }

        // Means and population standard deviations over the rows used (two passes, for accuracy).
        var means = [Double](repeating: 0, count: p)
        var scales = [Double](repeating: 0, count: p)
        design.elements.withUnsafeBufferPointer { x in
            for i in 0..<n where caseWeights[i] > 0 {
                for j in 0..<p { means[j] += x[i * p + j] }
            }
            for j in 0..<p { means[j] /= Double(used) }
            for i in 0..<n where caseWeights[i] > 0 {
                for j in 0..<p { let d = x[i * p + j] - means[j]; scales[j] += d * d }
            }
        }
        for j in 0..<p {
            scales[j] = (scales[j] / Double(used)).squareRoot()
            // A spread below 1e-10 of the level is rounding noise in a constant column.
            guard scales[j] > 1e-10 * abs(means[j]), scales[j] > 0 else {
                throw ModelFitError.constantColumn(column: j, value: means[j])
            }
        }
        return GLMProblem(x: design, y: response, caseWeights: caseWeights, offset: offset, family: family,
                          penalty: penalty, means: means, scales: scales)
    }

    /// The starting standardised coefficients: slopes 0 and the intercept that fits the weighted mean
    /// response exactly.
    ///
    /// - Throws: ``ModelFitError/degenerateResponse(family:details:)`` when every label is equal or
    ///   every count is 0.
    static func start(_ problem: GLMProblem) throws -> [Double] {
        var total = 0.0, positive = 0.0, exposure = 0.0
        for i in 0..<problem.n where problem.caseWeights[i] > 0 {
            let w = problem.caseWeights[i]
            total += w
            positive += w * problem.y[i]
            exposure += w * exp(problem.offset?[i] ?? 0)
        }
        var theta = [Double](repeating: 0, count: problem.p + 1)
        switch problem.family {
        case .logistic:
            guard positive > 0, positive < total else {
                throw ModelFitError.degenerateResponse(
                    family: .logistic, details: "every label used is \(positive > 0 ? 1 : 0); both 0 and 1 must occur")
            }
            theta[0] = log((positive / total) / (1 - positive / total))
        case .poisson:
            guard positive > 0 else {
                throw ModelFitError.degenerateResponse(family: .poisson, details: "every count used is 0")
            }
            theta[0] = log(positive / exposure)
        }
        return theta
    }
}
