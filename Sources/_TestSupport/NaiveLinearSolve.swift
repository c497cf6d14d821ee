// MARK: - naiveSolve

/// Solves a·x = b by Gaussian elimination with partial pivoting, in plain loops: the independent
/// reference the BLAS/LAPACK solvers and the GLM fit are checked against.
///
/// ```swift
/// naiveSolve([[2, 0], [0, 4]], [2, 8])   // [1, 2]
/// ```
///
/// - Complexity: O(n³).
public func naiveSolve(_ a: [[Double]], _ b: [Double]) -> [Double] {
    let n = b.count
    var m = (0..<n).map { a[$0] + [b[$0]] }
    for col in 0..<n {
        let pivot = (col..<n).max { abs(m[$0][col]) < abs(m[$1][col]) } ?? col
        m.swapAt(col, pivot)
        for r in (col + 1)..<n {
            let f = m[r][col] / m[col][col]
            for c in col...n { m[r][c] -= f * m[col][c] }
        }
    }
    var x = [Double](repeating: 0, count: n)
    for r in stride(from: n - 1, through: 0, by: -1) {
        var s = m[r][n]
        for c in (r + 1)..<n { s -= m[r][c] * x[c] }
        x[r] = s / m[r][r]
    }
    return x
}
