import LinearAlgebra

// MARK: - BlockCrossValidation

/// Chooses the ridge penalty of a ``PenalizedGLM`` by spatial block cross-validation: for each λ of
/// a grid and each fold, fit on the other folds and measure the deviance per row on the held-out
/// fold; pick λ by the mean held-out deviance, then refit on all rows.
///
/// Held-out rows are left out by giving them case weight 0 (so the design is never copied); the
/// standardisation is then computed on the training rows alone.
///
/// ```swift
/// let blocks = try SpatialBlocks(rows: R, columns: C, blockCells: 20, include: mask)
/// let folds = try blocks.folds(count: 5, seed: 42)
/// let cv = try BlockCrossValidation.select(design: x, response: y, family: .logistic, folds: folds,
///                                          penalties: [0.01, 0.1, 1, 10, 100], rule: .minimum)
/// cv.chosenPenalty; cv.curve; cv.fit
/// ```
/// The rows of `design` are the included cells in row-major order (see ``SpatialBlocks``).
public struct BlockCrossValidation: Sendable {
    /// How λ is chosen from the curve.
    public enum Rule: String, Sendable, Codable {
        /// The λ with the lowest mean held-out deviance.
        case minimum
        /// The largest λ whose mean is within one standard error of the minimum (Breiman's rule: a
        /// simpler model the data cannot tell apart from the best).
        case oneStandardError
    }

    /// One λ of the grid.
    public struct Point: Sendable, Equatable {
        /// The penalty.
        public let penalty: Double
        /// Held-out deviance per row, pooled over folds (Σ fold deviance / Σ fold weight).
        public let meanDeviance: Double
        /// Standard error of ``meanDeviance`` from the spread of the per-fold means (weighted by
        /// fold weight, divided by folds − 1).
        public let standardError: Double
        /// Held-out deviance per row of each fold.
        public let foldDeviances: [Double]
    }

    /// The curve, in the order of the penalty grid.
    public let curve: [Point]
    /// The chosen λ.
    public let chosenPenalty: Double
    /// The rule that chose it.
    public let rule: Rule
    /// The model refitted on all rows with the chosen λ.
    public let fit: GLMFit

    /// Runs the cross-validation.
    ///
    /// - Throws: ``ModelFitError/invalidPenaltyGrid(details:)``,
    ///   ``ModelFitError/lengthMismatch(what:expected:found:)`` when the folds do not have one cell per
    ///   design row, and any error of a fit (with the fold's rows, e.g. a label that is constant
    ///   inside the training folds).
    /// - Complexity: folds·penalties + 1 fits, each O(iterations·n·p²).
    public static func select(design: Matrix, response: [Double], family: GLMFamily, folds: BlockFolds,
                              penalties: [Double], rule: Rule = .minimum,
                              weights: [Double]? = nil, offset: [Double]? = nil) throws -> BlockCrossValidation {
        guard !penalties.isEmpty else { throw ModelFitError.invalidPenaltyGrid(details: "no penalties given") }
        if let bad = penalties.first(where: { !$0.isFinite || $0 < 0 }) {
            throw ModelFitError.invalidPenaltyGrid(details: "penalties must be finite and >= 0, found \(bad)")
        }
        let n = design.rows
        guard folds.foldOfCell.count == n else {
            throw ModelFitError.lengthMismatch(what: "fold assignment (included cells)", expected: n, found: folds.foldOfCell.count)
        }
        let base = weights ?? [Double](repeating: 1, count: n)
        guard base.count == n else { throw ModelFitError.lengthMismatch(what: "weights", expected: n, found: base.count) }
        var curve: [Point] = []
        for penalty in penalties {
            var foldDeviance: [Double] = []
            var foldWeight: [Double] = []
            for fold in 0..<folds.count {
                let training = (0..<n).map { folds.foldOfCell[$0] == fold ? 0 : base[$0] }
                let fit = try PenalizedGLM.fit(design: design, response: response, family: family, penalty: penalty,
                                               weights: training, offset: offset)
                let eta = try fit.linearPredictor(design, offset: offset)
                var deviance = 0.0, weight = 0.0
                for i in 0..<n where folds.foldOfCell[i] == fold && base[i] > 0 {
                    deviance += base[i] * family.unitDeviance(y: response[i], eta: eta[i])
                    weight += base[i]
                }
                foldDeviance.append(deviance)
                foldWeight.append(weight)
            }
            curve.append(point(penalty: penalty, deviances: foldDeviance, weights: foldWeight))
        }
        let chosen = choose(curve, rule: rule)
        let fit = try PenalizedGLM.fit(design: design, response: response, family: family, penalty: chosen,
                                       weights: weights, offset: offset)
        return BlockCrossValidation(curve: curve, chosenPenalty: chosen, rule: rule, fit: fit)
    }

    /// Pooled mean and its standard error from per-fold totals (folds with no held-out weight skipped).
    static func point(penalty: Double, deviances: [Double], weights: [Double]) -> Point {
        let total = weights.reduce(0, +)
        let mean = deviances.reduce(0, +) / total
        let perFold = zip(deviances, weights).map { $1 > 0 ? $0 / $1 : .nan }
        let counted = weights.filter { $0 > 0 }.count
        var spread = 0.0
        for (d, w) in zip(perFold, weights) where w > 0 { spread += w * (d - mean) * (d - mean) }
        let standardError = counted > 1 ? (spread / total / Double(counted - 1)).squareRoot() : .nan
        return Point(penalty: penalty, meanDeviance: mean, standardError: standardError, foldDeviances: perFold)
    }

    /// The λ the rule picks (ties go to the larger λ).
    static func choose(_ curve: [Point], rule: Rule) -> Double {
        let best = curve.indices.min { a, b in
            curve[a].meanDeviance < curve[b].meanDeviance
                || (curve[a].meanDeviance == curve[b].meanDeviance && curve[a].penalty > curve[b].penalty)
        } ?? 0
        switch rule {
        case .minimum:
            return curve[best].penalty
        case .oneStandardError:
            let limit = curve[best].meanDeviance + (curve[best].standardError.isFinite ? curve[best].standardError : 0)
            return curve.filter { $0.meanDeviance <= limit }.map(\.penalty).max() ?? curve[best].penalty
        }
    }
}
