import Foundation
import LinearAlgebra
import RiskModel

// MARK: - LearnedRiskWorkload

/// The numerics of `scoring.learned` at national scale: a ridge logistic fit of 10⁶ cells on 20
/// features (Newton/IRLS: `dsyrk` Gram matrices and a Cholesky solve per iteration), the exact
/// distance transform of a 2,000² grid, and the block bootstrap of an AUC difference.
///
/// ```swift
/// let w = try LearnedRiskWorkload(rows: 1_000_000, features: 20)
/// let fit = try w.fit()   // fit.iterations Newton steps
/// ```
public struct LearnedRiskWorkload: Sendable {
    public let design: Matrix
    public let response: [Double]

    /// Seeded synthetic data: features uniform in [0, 1], labels Bernoulli(σ(-3 + Σ βⱼ xⱼ)) with
    /// βⱼ alternating ±0.8 (so about 7 % positives, like rare incidents).
    public init(rows: Int, features: Int, seed: UInt64 = 7) throws {
        var state = seed
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) * 0x1p-53
        }
        var elements = [Double](repeating: 0, count: rows * features)
        var labels = [Double](repeating: 0, count: rows)
        for i in 0..<rows {
            var eta = -3.0
            for j in 0..<features {
                let x = next()
                elements[i * features + j] = x
                eta += (j % 2 == 0 ? 0.8 : -0.8) * x
            }
            labels[i] = next() < 1 / (1 + exp(-eta)) ? 1 : 0
        }
        design = try Matrix(rows: rows, columns: features, elements: elements)
        response = labels
    }

    /// One penalised fit (λ = 1).
    public func fit() throws -> GLMFit {
        try PenalizedGLM.fit(design: design, response: response, family: .logistic, penalty: 1)
    }

    /// FLOPs of the Gram matrices of `iterations` Newton steps (`dsyrk`: n·p·(p+1)), the dominant work.
    public func gramFlops(iterations: Int) -> Double {
        Double(iterations) * Double(design.rows) * Double(design.columns) * Double(design.columns + 1)
    }
}
