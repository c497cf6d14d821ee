import _TestSupport
import LinearAlgebra
import Testing

// MARK: - dgemm, dgemv, daxpy, dscal against naive loops

@Suite("BLAS wrappers")
struct ProductTests {
    @Test(arguments: [false, true], [false, true])
    func multiplyMatchesNaive(transposeA: Bool, transposeB: Bool) throws {
        var rng = SeededGenerator(seed: 42 + (transposeA ? 1 : 0) + (transposeB ? 2 : 0))
        for (m, k, n) in testShapes {
            let a = transposeA ? randomMatrix(k, m, using: &rng) : randomMatrix(m, k, using: &rng)
            let b = transposeB ? randomMatrix(n, k, using: &rng) : randomMatrix(k, n, using: &rng)
            let alpha = Double.random(in: -2...2, using: &rng)
            let got = try Matrix.multiply(a, b, transposeA: transposeA, transposeB: transposeB, alpha: alpha)
            let want = naiveGemm(a, b, Matrix(rows: m, columns: n), tA: transposeA, tB: transposeB, alpha: alpha, beta: 0)
            #expect(got.rows == m && got.columns == n)
            #expect(maxAbsDifference(got.elements, want.elements) < 1e-12 * Double(k + 1), "shape \(m)x\(k)x\(n)")
        }
    }

    @Test func gemmInPlaceWithBeta() throws {
        var rng = SeededGenerator(seed: 7)
        for (m, k, n) in testShapes {
            for (tA, tB) in [(false, false), (true, false), (false, true), (true, true)] {
                let a = tA ? randomMatrix(k, m, using: &rng) : randomMatrix(m, k, using: &rng)
                let b = tB ? randomMatrix(n, k, using: &rng) : randomMatrix(k, n, using: &rng)
                let c0 = randomMatrix(m, n, using: &rng)
                let alpha = Double.random(in: -2...2, using: &rng)
                let beta = Double.random(in: -2...2, using: &rng)
                var c = c0
                try Matrix.gemm(a, b, into: &c, transposeA: tA, transposeB: tB, alpha: alpha, beta: beta)
                let want = naiveGemm(a, b, c0, tA: tA, tB: tB, alpha: alpha, beta: beta)
                #expect(maxAbsDifference(c.elements, want.elements) < 1e-12 * Double(k + 2))
            }
        }
    }

    @Test func betaZeroIgnoresNaNInOutput() throws {
        var c = Matrix(rows: 2, columns: 2, repeating: .nan)
        try Matrix.gemm(Matrix.identity(2), Matrix.identity(2), into: &c)
        #expect(c == Matrix.identity(2))
    }

    @Test func emptyInnerDimensionScalesOutput() throws {
        // k = 0: the product is empty, so C = beta · C.
        var c = try Matrix(rows: 2, columns: 2, elements: [1, 2, 3, 4])
        try Matrix.gemm(Matrix(rows: 2, columns: 0), Matrix(rows: 0, columns: 2), into: &c, beta: 0.5)
        #expect(c.elements == [0.5, 1, 1.5, 2])
        let empty = try Matrix.multiply(Matrix(rows: 0, columns: 3), Matrix(rows: 3, columns: 4))
        #expect(empty.rows == 0 && empty.columns == 4)
    }

    @Test func gemmRejectsMismatchedShapes() {
        let a = Matrix(rows: 3, columns: 4)
        let b = Matrix(rows: 5, columns: 2)
        #expect(throws: LinearAlgebraError.self) { try Matrix.multiply(a, b) }
        #expect(throws: LinearAlgebraError.self) { try Matrix.multiply(a, b, transposeA: true) }
        var wrongC = Matrix(rows: 3, columns: 3)
        #expect(throws: LinearAlgebraError.self) {
            try Matrix.gemm(a, Matrix(rows: 4, columns: 2), into: &wrongC)
        }
        // a (3x4) · aᵀ works; a · a does not.
        #expect(throws: Never.self) { try Matrix.multiply(a, a, transposeB: true) }
        #expect(throws: LinearAlgebraError.self) { try Matrix.multiply(a, a) }
    }

    @Test func blockMultiplyEqualsCopiedBlocks() throws {
        var rng = SeededGenerator(seed: 99)
        for trial in 0..<40 {
            let tA = trial % 2 == 1
            let tB = trial % 4 >= 2
            let m = Int.random(in: 1...12, using: &rng)
            let k = Int.random(in: 1...12, using: &rng)
            let n = Int.random(in: 1...12, using: &rng)
            // Parent matrices larger than the blocks, blocks at random offsets.
            let (aR, aC) = tA ? (k, m) : (m, k)
            let (bR, bC) = tB ? (n, k) : (k, n)
            let pa = randomMatrix(aR + Int.random(in: 0...5, using: &rng), aC + Int.random(in: 0...5, using: &rng), using: &rng)
            let pb = randomMatrix(bR + Int.random(in: 0...5, using: &rng), bC + Int.random(in: 0...5, using: &rng), using: &rng)
            let ar = Int.random(in: 0...(pa.rows - aR), using: &rng), ac = Int.random(in: 0...(pa.columns - aC), using: &rng)
            let br = Int.random(in: 0...(pb.rows - bR), using: &rng), bc = Int.random(in: 0...(pb.columns - bC), using: &rng)
            let blockA = try pa.block(rows: ar..<(ar + aR), columns: ac..<(ac + aC))
            let blockB = try pb.block(rows: br..<(br + bR), columns: bc..<(bc + bC))
            let c0 = randomMatrix(m + 4, n + 3, using: &rng)
            let cr = Int.random(in: 0...4, using: &rng), cc = Int.random(in: 0...3, using: &rng)
            let alpha = Double.random(in: -2...2, using: &rng), beta = Double.random(in: -2...2, using: &rng)

            var c = c0
            try Matrix.gemm(blockA, blockB, into: &c, rows: cr..<(cr + m), columns: cc..<(cc + n),
                            transposeA: tA, transposeB: tB, alpha: alpha, beta: beta)

            let cBlock = try c0.block(rows: cr..<(cr + m), columns: cc..<(cc + n)).copied()
            let want = naiveGemm(blockA.copied(), blockB.copied(), cBlock, tA: tA, tB: tB, alpha: alpha, beta: beta)
            for r in 0..<c.rows {
                for col in 0..<c.columns {
                    let inside = (cr..<(cr + m)).contains(r) && (cc..<(cc + n)).contains(col)
                    if inside {
                        #expect(abs(c[r, col] - want[r - cr, col - cc]) < 1e-12 * Double(k + 2))
                    } else {
                        #expect(c[r, col] == c0[r, col], "element outside the output block changed")
                    }
                }
            }
        }
    }

    @Test func blockMultiplyIntoSameMatrixDoesNotAlias() throws {
        var rng = SeededGenerator(seed: 5)
        var m = randomMatrix(4, 4, using: &rng)
        let original = m
        let a = try m.block(rows: 0..<2, columns: 0..<4)
        let b = try m.block(rows: 0..<4, columns: 2..<4)
        try Matrix.gemm(a, b, into: &m, rows: 2..<4, columns: 0..<2)
        let want = naiveGemm(a.copied(), b.copied(), Matrix(rows: 2, columns: 2), tA: false, tB: false, alpha: 1, beta: 0)
        #expect(maxAbsDifference(try m.block(rows: 2..<4, columns: 0..<2).copied().elements, want.elements) < 1e-14)
        #expect(a.matrix == original, "the block keeps the matrix it was made from")
    }

    @Test func gemvMatchesNaive() throws {
        var rng = SeededGenerator(seed: 11)
        for (m, _, n) in testShapes {
            for transpose in [false, true] {
                let a = randomMatrix(m, n, using: &rng)
                let (outN, inN) = transpose ? (n, m) : (m, n)
                let x = randomVector(inN, using: &rng)
                let y0 = randomVector(outN, using: &rng)
                let alpha = Double.random(in: -2...2, using: &rng), beta = Double.random(in: -2...2, using: &rng)
                var y = y0
                try Matrix.gemv(a, x, into: &y, transpose: transpose, alpha: alpha, beta: beta)
                let want = (0..<outN).map { i in
                    alpha * (0..<inN).reduce(0.0) { $0 + op(a, transpose, i, $1) * x[$1] } + beta * y0[i]
                }
                #expect(maxAbsDifference(y, want) < 1e-12 * Double(inN + 2))
                let plain = try Matrix.multiply(a, x, transpose: transpose, alpha: alpha)
                #expect(maxAbsDifference(plain, want.enumerated().map { $1 - beta * y0[$0] }) < 1e-12 * Double(inN + 2))
            }
        }
        #expect(throws: LinearAlgebraError.self) { try Matrix.multiply(Matrix(rows: 2, columns: 3), [1, 2]) }
        var y = [0.0, 0.0, 0.0]
        #expect(throws: LinearAlgebraError.self) { try Matrix.gemv(Matrix(rows: 2, columns: 3), [1, 2, 3], into: &y) }
    }

    @Test func axpyAndScaleMatchNaive() throws {
        var rng = SeededGenerator(seed: 13)
        for n in [1, 2, 7, 100, 1001] {
            let x = randomVector(n, using: &rng)
            let y0 = randomVector(n, using: &rng)
            let alpha = Double.random(in: -3...3, using: &rng)
            var y = y0
            try BLAS.axpy(alpha: alpha, x: x, y: &y)
            #expect(maxAbsDifference(y, (0..<n).map { y0[$0] + alpha * x[$0] }) < 1e-15 * 8)
            var s = x
            BLAS.scale(&s, by: alpha)
            #expect(maxAbsDifference(s, x.map { $0 * alpha }) == 0)
        }
        var y = [1.0, 2.0]
        #expect(throws: LinearAlgebraError.self) { try BLAS.axpy(alpha: 1, x: [1, 2, 3], y: &y) }
    }

    @Test func matrixAddScaleAndColumnScaling() throws {
        var rng = SeededGenerator(seed: 17)
        let a = randomMatrix(5, 3, using: &rng)
        let b = randomMatrix(5, 3, using: &rng)
        var c = a
        try c.add(b, scaledBy: -0.5)
        for r in 0..<5 { for j in 0..<3 { #expect(abs(c[r, j] - (a[r, j] - 0.5 * b[r, j])) < 1e-15) } }
        c = a
        c.scale(by: 3)
        for r in 0..<5 { for j in 0..<3 { #expect(c[r, j] == a[r, j] * 3) } }
        c = a
        try c.scaleColumns(by: [1, 2, -1])
        for r in 0..<5 { #expect(c.row(r) == [a[r, 0], 2 * a[r, 1], -a[r, 2]]) }
        #expect(throws: LinearAlgebraError.self) { try c.add(Matrix(rows: 3, columns: 5)) }
        #expect(throws: LinearAlgebraError.self) { try c.scaleColumns(by: [1, 2]) }
    }
}
