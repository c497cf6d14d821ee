import _TestSupport
import Foundation
import LinearAlgebra
import RiskModel
import Testing

/// The penalised GLM against scikit-learn (penalised) and statsmodels (unpenalised) on the same
/// design, through Benchmarks/peers/glm_peer.py: the coefficients must agree to 1e-6. Skipped,
/// saying so, where the libraries are not installed (`pip install scikit-learn statsmodels`).
@Suite("GLM peers (scikit-learn, statsmodels)")
struct GLMPeerTests {
    static func peer(_ x: Matrix, _ y: [Double], family: GLMFamily, penalty: Double, weights: [Double]?,
                     library: String) throws -> (intercept: Double, coefficients: [Double]) {
        let scratch = try ScratchDirectory("glm-peer")
        let rows = (0..<x.rows).map { x.row($0) }
        let input = try JSONSerialization.data(withJSONObject: [
            "x": rows, "y": y, "family": family.rawValue, "penalty": penalty,
            "weights": weights.map { $0 as Any } ?? NSNull(), "library": library,
        ] as [String: Any])
        let path = try scratch.write(input, to: "design.json")
        let run = try TestEnvironment.runPython([TestEnvironment.packageURL("Benchmarks/peers/glm_peer.py").path, path])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        return (object?["intercept"] as? Double ?? .nan, object?["coefficients"] as? [Double] ?? [])
    }

    static func check(family: GLMFamily, penalty: Double, library: String) throws {
        var rng = SeededGenerator(seed: 404)
        let x = glmDesign(1000, 5, using: &rng)
        let slopes = family == .logistic ? [0.2, -0.1, 0.05, 0.03, -0.02] : [0.03, -0.02, 0.01, 0.01, -0.005]
        let y = glmResponse(x, intercept: family == .logistic ? -2 : -0.5, slopes: slopes, family: family, using: &rng)
        let weights = (0..<x.rows).map { _ in Double.random(in: 0.5...1.5, using: &rng) }
        let ours = try PenalizedGLM.fit(design: x, response: y, family: family, penalty: penalty, weights: weights)
        let theirs = try peer(x, y, family: family, penalty: penalty, weights: weights, library: library)
        #expect(abs(ours.intercept - theirs.intercept) <= 1e-6 * max(1, abs(theirs.intercept)))
        #expect(theirs.coefficients.count == 5)
        for (a, b) in zip(ours.coefficients, theirs.coefficients) { #expect(abs(a - b) <= 1e-6 * max(1, abs(b)), "\(a) vs \(b)") }
    }

    @Test(.enabled(if: TestEnvironment.hasPythonModules(["numpy", "sklearn"]),
                   "needs python3 with scikit-learn: pip install scikit-learn (Debian: apt-get install python3-sklearn)"),
          arguments: [(GLMFamily.logistic, 0.5), (.poisson, 2.0)])
    func agreesWithScikitLearn(family: GLMFamily, penalty: Double) throws {
        try Self.check(family: family, penalty: penalty, library: "sklearn")
    }

    @Test(.enabled(if: TestEnvironment.hasPythonModules(["numpy", "statsmodels"]),
                   "needs python3 with statsmodels: pip install statsmodels (Debian: apt-get install python3-statsmodels)"),
          arguments: GLMFamily.allCases)
    func agreesWithStatsmodelsUnpenalised(family: GLMFamily) throws {
        try Self.check(family: family, penalty: 0, library: "statsmodels")
    }
}
