import _TestSupport
import LinearAlgebra
import Testing

/// The weighted Gram matrix, Cholesky and QR wrappers against plain loops on random matrices.
/// Tolerances are relative to the size of the terms summed (never last-bit equality).
@Suite("Normal equations, Cholesky, least squares")
struct NormalEquationsTests {
    /// A random symmetric positive definite matrix: BᵀB + n·I.
    static func spd(_ n: Int, using rng: inout SeededGenerator) -> Matrix {
        let b = randomMatrix(n, n, using: &rng)
        return Matrix(rows: n, columns: n) { i, j in
            var s = 0.0
            for k in 0..<n { s += b[k, i] * b[k, j] }
            return s + (i == j ? Double(n) : 0)
        }
    }

    /// Solves a·x = b by Gaussian elimination (`_TestSupport`'s independent reference).
    static func gaussianSolve(_ a: Matrix, _ b: [Double]) -> [Double] {
        naiveSolve((0..<a.rows).map { a.row($0) }, b)
    }

    @Test(arguments: [(1, 1), (7, 3), (1000, 5), (40_000, 13)])
    func weightedGramMatchesLoops(rows: Int, columns: Int) throws {
        var rng = SeededGenerator(seed: UInt64(rows * 31 + columns))
        let x = randomMatrix(rows, columns, using: &rng)
        let w = (0..<rows).map { _ in Double.random(in: 0...2, using: &rng) }
        let v = randomVector(rows, using: &rng)
        let normal = try Matrix.weightedNormalEquations(x, weights: w, vector: v)
        for i in 0..<columns {
            var p = 0.0, scale = 0.0
            for r in 0..<rows { p += x[r, i] * v[r]; scale += abs(x[r, i] * v[r]) }
            #expect(abs(normal.product[i] - p) <= 1e-12 * scale + 1e-300)
            for j in 0..<columns {
                var g = 0.0, gs = 0.0
                for r in 0..<rows { g += w[r] * x[r, i] * x[r, j]; gs += abs(w[r] * x[r, i] * x[r, j]) }
                #expect(abs(normal.gram[i, j] - g) <= 1e-12 * gs + 1e-300, "(\(i), \(j))")
                #expect(normal.gram[i, j] == normal.gram[j, i])
            }
        }
        // Unweighted, and through the row-filling entry point: the same numbers.
        let plain = try Matrix.weightedNormalEquations(x, weights: nil, vector: nil)
        let filled = try Matrix.weightedNormalEquations(rowCount: rows, columnCount: columns, weights: nil, vector: nil) { r, b in
            for (k, row) in r.enumerated() { for j in 0..<columns { b[k * columns + j] = x[row, j] } }
        }
        #expect(plain == filled)
        #expect(plain.product.allSatisfy { $0 == 0 })
    }

    @Test func weightedGramRejectsBadWeights() {
        let x = Matrix(rows: 3, columns: 2, repeating: 1)
        #expect(throws: LinearAlgebraError.negativeWeight(operation: "weightedNormalEquations", index: 1, value: -1)) {
            try Matrix.weightedNormalEquations(x, weights: [1, -1, 1], vector: nil)
        }
        #expect(throws: LinearAlgebraError.self) { try Matrix.weightedNormalEquations(x, weights: [1, 1], vector: nil) }
        #expect(throws: LinearAlgebraError.self) { try Matrix.weightedNormalEquations(x, weights: [1, .nan, 1], vector: nil) }
    }

    @Test(arguments: [1, 2, 5, 17, 40])
    func choleskySolveInverseMatchLoops(n: Int) throws {
        var rng = SeededGenerator(seed: UInt64(100 + n))
        let a = Self.spd(n, using: &rng)
        let b = randomVector(n, using: &rng)
        let chol = try CholeskyFactorization(a)
        // UᵀU reproduces A.
        for i in 0..<n {
            for j in 0..<n {
                var s = 0.0
                for k in 0..<n { s += chol.factor[k, i] * chol.factor[k, j] }
                #expect(abs(s - a[i, j]) <= 1e-12 * Double(n) * a[i, i])
            }
        }
        let x = try chol.solve(b)
        let reference = Self.gaussianSolve(a, b)
        for i in 0..<n { #expect(abs(x[i] - reference[i]) <= 1e-10 * (1 + abs(reference[i]))) }
        let inverse = try chol.inverse()
        for i in 0..<n {
            for j in 0..<n {
                var s = 0.0
                for k in 0..<n { s += a[i, k] * inverse[k, j] }
                #expect(abs(s - (i == j ? 1 : 0)) <= 1e-10)
            }
        }
        let rcond = try chol.reciprocalCondition()
        #expect(rcond > 1e-4 && rcond <= 1)
    }

    @Test func choleskyRejectsIndefiniteAndReportsIllConditioning() throws {
        let indefinite = try Matrix(rows: 2, columns: 2, elements: [1, 2, 2, 1])
        #expect(throws: LinearAlgebraError.notPositiveDefinite(operation: "Cholesky (dpotrf)", order: 2)) {
            try CholeskyFactorization(indefinite)
        }
        let nearlySingular = try Matrix(rows: 2, columns: 2, elements: [1, 1, 1, 1 + 1e-13])
        let rcond = try CholeskyFactorization(nearlySingular).reciprocalCondition()
        #expect(rcond < 1e-10)
    }

    @Test(arguments: [(3, 2), (50, 7), (400, 20)])
    func leastSquaresMatchesNormalEquations(rows: Int, columns: Int) throws {
        var rng = SeededGenerator(seed: UInt64(rows + 7 * columns))
        let a = randomMatrix(rows, columns, using: &rng)
        let b = randomVector(rows, using: &rng)
        let x = try Matrix.leastSquares(a, b)
        // Reference: Gaussian elimination on aᵀa x = aᵀb with plain loops (well conditioned here).
        let ata = Matrix(rows: columns, columns: columns) { i, j in (0..<rows).reduce(0) { $0 + a[$1, i] * a[$1, j] } }
        let atb = (0..<columns).map { i in (0..<rows).reduce(0) { $0 + a[$1, i] * b[$1] } }
        let reference = Self.gaussianSolve(ata, atb)
        for i in 0..<columns { #expect(abs(x[i] - reference[i]) <= 1e-9 * (1 + abs(reference[i]))) }
    }

    @Test func leastSquaresReportsRankDeficiencyAndShape() throws {
        let a = try Matrix(rows: 3, columns: 2, elements: [1, 0, 1, 0, 1, 0])
        #expect(throws: LinearAlgebraError.rankDeficient(operation: "leastSquares (dgels)", column: 2)) {
            try Matrix.leastSquares(a, [1, 2, 3])
        }
        #expect(throws: LinearAlgebraError.self) { try Matrix.leastSquares(a, [1, 2]) }
    }
}
