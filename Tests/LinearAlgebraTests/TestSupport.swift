import _TestSupport
import LinearAlgebra

// MARK: - Random inputs (from the shared SeededGenerator)

func randomMatrix(_ rows: Int, _ columns: Int, using rng: inout SeededGenerator) -> Matrix {
    Matrix(rows: rows, columns: columns) { _, _ in Double.random(in: -1...1, using: &rng) }
}

func randomVector(_ n: Int, using rng: inout SeededGenerator) -> [Double] {
    (0..<n).map { _ in Double.random(in: -1...1, using: &rng) }
}

// MARK: - Naive references

/// op(a) element (i, j).
func op(_ a: Matrix, _ transpose: Bool, _ i: Int, _ j: Int) -> Double { transpose ? a[j, i] : a[i, j] }

/// alpha·op(a)·op(b) + beta·c with triple loops.
func naiveGemm(_ a: Matrix, _ b: Matrix, _ c: Matrix, tA: Bool, tB: Bool, alpha: Double, beta: Double) -> Matrix {
    let m = tA ? a.columns : a.rows
    let k = tA ? a.rows : a.columns
    let n = tB ? b.rows : b.columns
    return Matrix(rows: m, columns: n) { i, j in
        var s = 0.0
        for l in 0..<k { s += op(a, tA, i, l) * op(b, tB, l, j) }
        return alpha * s + (beta == 0 ? 0 : beta * c[i, j])
    }
}

/// Shapes that exercise the edge cases: 1x1, 1xN, Nx1, non-square.
let testShapes: [(m: Int, k: Int, n: Int)] = [
    (1, 1, 1), (1, 7, 1), (1, 1, 9), (9, 1, 1), (1, 5, 8), (8, 5, 1), (3, 4, 5), (17, 3, 29), (33, 40, 2), (64, 65, 63),
]
