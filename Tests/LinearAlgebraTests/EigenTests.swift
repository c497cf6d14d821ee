import _TestSupport
import Foundation
import LinearAlgebra
import Testing

// MARK: - dsyev and dgeev against analytic spectra

@Suite("Eigen decompositions")
struct EigenTests {
    /// The n x n tridiagonal matrix with 2 on the diagonal and -1 off it has eigenvalues
    /// 2 − 2cos(kπ/(n+1)), k = 1...n, and eigenvectors sin(jkπ/(n+1)).
    @Test(arguments: [1, 2, 5, 16, 40])
    func symmetricTridiagonalSpectrum(n: Int) throws {
        let a = Matrix(rows: n, columns: n) { i, j in i == j ? 2 : (abs(i - j) == 1 ? -1 : 0) }
        let e = try a.eigenSymmetric()
        let analytic = (1...n).map { 2 - 2 * cos(Double($0) * .pi / Double(n + 1)) }.sorted()
        #expect(maxAbsDifference(e.values, analytic) < 1e-13)
        // Ascending order, orthonormal columns, A v = λ v.
        #expect(zip(e.values, e.values.dropFirst()).allSatisfy { $0 <= $1 })
        let vtv = try Matrix.multiply(e.vectors, e.vectors, transposeA: true)
        #expect(maxAbsDifference(vtv.elements, Matrix.identity(n).elements) < 1e-13)
        for j in 0..<n {
            let v = e.eigenvector(j)
            let av = try Matrix.multiply(a, v)
            #expect(maxAbsDifference(av, v.map { $0 * e.values[j] }) < 1e-13)
            // Compare with the analytic eigenvector up to sign.
            let k = j + 1
            var w = (1...n).map { sin(Double($0 * k) * .pi / Double(n + 1)) }
            let norm = sqrt(w.reduce(0) { $0 + $1 * $1 })
            w = w.map { $0 / norm }
            let dot = zip(v, w).reduce(0) { $0 + $1.0 * $1.1 }
            #expect(abs(abs(dot) - 1) < 1e-12)
        }
    }

    @Test func symmetricRandomReconstructs() throws {
        var rng = SeededGenerator(seed: 21)
        let n = 12
        let b = randomMatrix(n, n, using: &rng)
        let a = try Matrix.multiply(b, b, transposeB: true)   // symmetric positive semi-definite
        // b·bᵀ is symmetric only up to rounding; symmetrise exactly.
        let sym = Matrix(rows: n, columns: n) { i, j in (a[i, j] + a[j, i]) / 2 }
        let e = try sym.eigenSymmetric()
        var vd = e.vectors
        try vd.scaleColumns(by: e.values)
        let back = try Matrix.multiply(vd, e.vectors, transposeB: true)
        #expect(maxAbsDifference(back.elements, sym.elements) < 1e-12)
        #expect(e.values.allSatisfy { $0 > -1e-12 })
    }

    @Test func symmetricRejectsBadInput() {
        #expect(throws: LinearAlgebraError.notSquare(operation: "eigenSymmetric (dsyev)", rows: 2, columns: 3)) {
            try Matrix(rows: 2, columns: 3).eigenSymmetric()
        }
        #expect(throws: LinearAlgebraError.self) {
            try Matrix(rows: 2, columns: 2, elements: [1, 2, 3, 4]).eigenSymmetric()
        }
        #expect(throws: LinearAlgebraError.nonFiniteInput(operation: "eigenSymmetric (dsyev)", index: 3)) {
            try Matrix(rows: 2, columns: 2, elements: [1, 0, 0, .nan]).eigenSymmetric()
        }
    }

    /// Companion matrix of p(x) = (x − 1)(x − 2)(x + 3)(x² − 2x + 5): roots 1, 2, −3, 1 ± 2i.
    @Test func generalCompanionMatrix() throws {
        // Multiply out the monic polynomial; coefficients highest degree first.
        var coefficients: [Double] = [1]
        for factor in [[1.0, -1], [1, -2], [1, 3], [1, -2, 5]] {
            var product = [Double](repeating: 0, count: coefficients.count + factor.count - 1)
            for (i, a) in coefficients.enumerated() { for (j, b) in factor.enumerated() { product[i + j] += a * b } }
            coefficients = product
        }
        let n = coefficients.count - 1
        let companion = Matrix(rows: n, columns: n) { i, j in
            i == 0 ? -coefficients[j + 1] : (i == j + 1 ? 1 : 0)
        }
        let e = try companion.eigenGeneral()
        #expect(e.count == 5)
        // Match each analytic root to a distinct computed eigenvalue (order is unspecified).
        var unmatched = Array(0..<n)
        let expected: [(Double, Double)] = [(-3, 0), (1, -2), (1, 0), (1, 2), (2, 0)]
        for (re, im) in expected {
            let distances = unmatched.map { hypot(e.real[$0] - re, e.imaginary[$0] - im) }
            let best = try #require(distances.indices.min { distances[$0] < distances[$1] })
            #expect(distances[best] < 1e-10, "root \(re) + \(im)i not found in \(e.real), \(e.imaginary)")
            unmatched.remove(at: best)
        }
        // Conjugate pairs are stored positive imaginary part first.
        for j in 0..<n where e.imaginary[j] > 0 { #expect(e.imaginary[j + 1] == -e.imaginary[j]) }
        try checkResiduals(companion, e)
    }

    @Test func generalRandomResiduals() throws {
        var rng = SeededGenerator(seed: 31)
        for n in [1, 2, 3, 8, 20] {
            let a = randomMatrix(n, n, using: &rng)
            let e = try a.eigenGeneral()
            try checkResiduals(a, e)
            // The trace is the sum of the eigenvalues.
            let trace = (0..<n).reduce(0.0) { $0 + a[$1, $1] }
            #expect(abs(e.real.reduce(0, +) - trace) < 1e-11)
            #expect(abs(e.imaginary.reduce(0, +)) < 1e-11)
        }
    }

    @Test func generalRotationHasImaginaryPair() throws {
        let e = try Matrix(rows: 2, columns: 2, elements: [0, -1, 1, 0]).eigenGeneral()
        #expect(maxAbsDifference(e.real, [0, 0]) < 1e-15)
        #expect(maxAbsDifference(e.imaginary, [1, -1]) < 1e-15)
        #expect(!e.isReal(0))
    }

    @Test func generalRejectsBadInput() {
        #expect(throws: LinearAlgebraError.notSquare(operation: "eigenGeneral (dgeev)", rows: 3, columns: 2)) {
            try Matrix(rows: 3, columns: 2).eigenGeneral()
        }
        #expect(throws: LinearAlgebraError.nonFiniteInput(operation: "eigenGeneral (dgeev)", index: 1)) {
            try Matrix(rows: 2, columns: 2, elements: [1, .infinity, 0, 1]).eigenGeneral()
        }
    }

    /// Checks A(u + iw) = (λr + iλi)(u + iw) for every eigenpair, i.e.
    /// A·u = λr·u − λi·w and A·w = λi·u + λr·w, and that each vector has unit norm.
    private func checkResiduals(_ a: Matrix, _ e: GeneralEigenDecomposition) throws {
        let scale = max(1, a.elements.reduce(0) { max($0, abs($1)) }) * Double(a.rows)
        for j in 0..<e.count {
            let (u, w) = e.eigenvector(j)
            let lr = e.real[j], li = e.imaginary[j]
            let au = try Matrix.multiply(a, u)
            let aw = try Matrix.multiply(a, w)
            let wantU = (0..<u.count).map { lr * u[$0] - li * w[$0] }
            let wantW = (0..<u.count).map { li * u[$0] + lr * w[$0] }
            #expect(maxAbsDifference(au, wantU) < 1e-12 * scale, "eigenpair \(j)")
            #expect(maxAbsDifference(aw, wantW) < 1e-12 * scale, "eigenpair \(j)")
            let norm = u.reduce(0) { $0 + $1 * $1 } + w.reduce(0) { $0 + $1 * $1 }
            #expect(abs(norm - 1) < 1e-12)
        }
    }
}
