import _TestSupport
import Foundation
import SensitivityAnalysis
import Testing

/// The estimators against functions whose indices are known in closed form.
@Suite("Sensitivity estimators")
struct SensitivityIndicesTests {
    // MARK: Test functions

    /// Ishigami and Homma (1990) with a = 7, b = 0.1 on [−π, π]³. Analytic indices (Sobol' and
    /// Levitan 1999; Saltelli et al., Global Sensitivity Analysis: The Primer, 2008, §4.9):
    /// V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2, V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V13 = b²π⁸ (1/18 − 1/50).
    static func ishigami(_ u: [Double]) -> Double {
        let x = u.map { -Double.pi + 2 * Double.pi * $0 }
        return sin(x[0]) + 7 * pow(sin(x[1]), 2) + 0.1 * pow(x[2], 4) * sin(x[0])
    }

    static let ishigamiIndices: (first: [Double], total: [Double]) = {
        let a = 7.0, b = 0.1, pi4 = pow(Double.pi, 4), pi8 = pow(Double.pi, 8)
        let v = a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5
        let v1 = 0.5 * pow(1 + b * pi4 / 5, 2), v2 = a * a / 8, v13 = b * b * pi8 * (1.0 / 18 - 1.0 / 50)
        return ([v1 / v, v2 / v, 0], [(v1 + v13) / v, v2 / v, v13 / v])
    }()

    /// Sobol's g-function, g(x) = Π (|4xᵢ − 2| + aᵢ) / (1 + aᵢ) on [0, 1]^D: Vᵢ = 1 / (3(1 + aᵢ)²),
    /// V = Π(1 + Vᵢ) − 1, Sᵢ = Vᵢ / V, STᵢ = Vᵢ Π_{j≠i}(1 + Vⱼ) / V (Saltelli et al. 2010, §3).
    static let gCoefficients = [0.0, 1, 4.5, 9, 99, 99]
    static func g(_ x: [Double]) -> Double {
        zip(x, gCoefficients).reduce(1) { $0 * (abs(4 * $1.0 - 2) + $1.1) / (1 + $1.1) }
    }
    static let gIndices: (first: [Double], total: [Double]) = {
        let parts = gCoefficients.map { 1 / (3 * (1 + $0) * (1 + $0)) }
        let v = parts.reduce(1) { $0 * (1 + $1) } - 1
        let total = parts.indices.map { i in parts[i] * parts.indices.filter { $0 != i }.reduce(1) { $0 * (1 + parts[$1]) } / v }
        return (parts.map { $0 / v }, total)
    }()

    // MARK: Sobol

    @Test func sobolIndicesOfIshigamiWithinTheirIntervals() {
        let design = SensitivityDesign.sobol(dimension: 3, baseSamples: 8_000, seed: 7)
        let effects = SensitivityIndices.sobol(design, outputs: design.points.map(Self.ishigami), resamples: 200)
        for i in 0..<3 {
            let (s, st) = (Self.ishigamiIndices.first[i], Self.ishigamiIndices.total[i])
            let e = effects[i]
            #expect(e.first.lower <= s && s <= e.first.upper, "S\(i + 1) = \(s) outside [\(e.first.lower), \(e.first.upper)]")
            #expect(e.total.lower <= st && st <= e.total.upper, "ST\(i + 1) = \(st) outside [\(e.total.lower), \(e.total.upper)]")
            #expect(abs(e.first.value - s) < 0.05 && abs(e.total.value - st) < 0.05)
        }
    }

    @Test func sobolIndicesOfTheGFunctionWithinTheirIntervals() {
        let design = SensitivityDesign.sobol(dimension: 6, baseSamples: 8_000, seed: 11)
        let effects = SensitivityIndices.sobol(design, outputs: design.points.map(Self.g), resamples: 200)
        for i in 0..<6 {
            let (s, st) = (Self.gIndices.first[i], Self.gIndices.total[i])
            #expect(effects[i].first.lower <= s && s <= effects[i].first.upper, "S\(i + 1) = \(s): \(effects[i].first)")
            #expect(effects[i].total.lower <= st && st <= effects[i].total.upper, "ST\(i + 1) = \(st): \(effects[i].total)")
        }
    }

    /// The design is Saltelli's: row j·(D+2) is A_j, the next D rows differ from it in one column each
    /// (taken from B_j), and the last is B_j.
    @Test func saltelliDesignLayout() {
        let design = SensitivityDesign.sobol(dimension: 4, baseSamples: 50, seed: 3)
        #expect(design.points.count == 50 * 6)
        for j in 0..<50 {
            let a = design.points[j * 6], b = design.points[j * 6 + 5]
            for i in 0..<4 {
                let ab = design.points[j * 6 + 1 + i]
                #expect(ab[i] == b[i] && (0..<4).filter { $0 != i }.allSatisfy { ab[$0] == a[$0] })
            }
        }
        // A constant model has no variance to share: every index 0.
        let flat = SensitivityIndices.sobol(design, outputs: [Double](repeating: 3, count: design.points.count), resamples: 10)
        #expect(flat.allSatisfy { $0.first.value == 0 && $0.total.value == 0 })
    }

    // MARK: Morris

    /// For a linear model every elementary effect of input i is its coefficient: μ* = |aᵢ|, μ = aᵢ, σ = 0.
    @Test func morrisOnALinearModelIsExact() {
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<20 {
            let d = Int.random(in: 1...8, using: &rng)
            let a = (0..<d).map { _ in Double.random(in: -5...5, using: &rng) }
            let design = SensitivityDesign.morris(dimension: d, trajectories: 12, seed: UInt64.random(in: 1...1000, using: &rng))
            #expect(design.points.allSatisfy { $0.allSatisfy { (0...1).contains($0) } })
            let outputs = design.points.map { x in zip(a, x).reduce(0) { $0 + $1.0 * $1.1 } }
            for (i, e) in SensitivityIndices.morris(design, outputs: outputs).enumerated() {
                #expect(abs(e.mu - a[i]) < 1e-9 && abs(e.muStar - abs(a[i])) < 1e-9 && e.sigma < 1e-9)
            }
        }
    }

    /// On the g-function, μ* orders the inputs as their total indices do (the screening use of Morris).
    @Test func morrisRanksTheGFunctionsInputs() {
        let design = SensitivityDesign.morris(dimension: 6, trajectories: 200, seed: 9)
        let effects = SensitivityIndices.morris(design, outputs: design.points.map(Self.g))
        let byMorris = effects.indices.sorted { effects[$0].muStar > effects[$1].muStar }
        #expect(Array(byMorris.prefix(4)) == [0, 1, 2, 3], "\(effects.map(\.muStar))")
        #expect(effects[4].muStar < 0.1 * effects[0].muStar && effects[5].muStar < 0.1 * effects[0].muStar)
    }

    // MARK: One at a time

    @Test func oneAtATimeSwings() {
        let design = SensitivityDesign.oneAtATime(baseline: [0.5, 0.5, 0.5])
        #expect(design.points.count == 7)
        func f(_ x: [Double]) -> Double { 2 * x[0] - 10 * x[2] + x[1] * x[1] }
        let effects = SensitivityIndices.oneAtATime(design, outputs: design.points.map(f))
        // Baseline terms: 2·0.5 = 1, 0.5² = 0.25, −10·0.5 = −5.
        let low: [Double] = [0 + 0.25 - 5, 1 + 0 - 5, 1 + 0.25 - 0]
        let high: [Double] = [2 + 0.25 - 5, 1 + 1 - 5, 1 + 0.25 - 10]
        #expect(effects.map(\.low) == low)
        #expect(effects.map(\.high) == high)
        #expect(effects.map(\.swing) == [2, 1, 10])
    }
}
