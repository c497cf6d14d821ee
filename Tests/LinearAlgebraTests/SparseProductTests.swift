import _TestSupport
import Testing
@testable import LinearAlgebra

/// Dense blocks times bands of sparse rows against a naive loop over the dense matrices.
@Suite("Dense times sparse rows")
struct SparseProductTests {
    /// A random `rows x columns` CSR matrix with about `density` of its cells set, some cells twice
    /// (duplicates must add up), and some rows empty.
    static func randomSparse(_ rows: Int, _ columns: Int, density: Double, using rng: inout SeededGenerator) throws -> SparseRowMatrix {
        var starts = [0], indices: [Int32] = [], values: [Double] = []
        for _ in 0..<rows {
            for c in 0..<columns where Double.random(in: 0..<1, using: &rng) < density {
                let copies = Int.random(in: 0..<4, using: &rng) == 0 ? 2 : 1
                for _ in 0..<copies {
                    indices.append(Int32(c))
                    values.append(Double.random(in: -2...2, using: &rng))
                }
            }
            starts.append(values.count)
        }
        return try SparseRowMatrix(rows: rows, columns: columns, rowStarts: starts, columnIndices: indices, values: values)
    }

    /// `c[r, :] = Σ_i a[r, i] · b[bRows.lowerBound + i, :]`, summed naively.
    static func naive(_ a: Matrix, _ b: Matrix, bRows: Range<Int>) -> [[Double]] {
        let (ae, be) = (a.elements, b.elements)
        return (0..<a.rows).map { r in
            var row = [Double](repeating: 0, count: b.columns)
            for i in 0..<a.columns {
                let coefficient = ae[r * a.columns + i], offset = (bRows.lowerBound + i) * b.columns
                for c in 0..<b.columns { row[c] += coefficient * be[offset + c] }
            }
            return row
        }
    }

    // The last case splits into parallel row bands.
    @Test(arguments: [(7, 5, 9), (40, 33, 120), (200, 190, 600)])
    func matchesNaiveProductOnRandomInputs(m: Int, k: Int, n: Int) throws {
        var rng = SeededGenerator(seed: UInt64(m * 1_000 + n))
        let b = try Self.randomSparse(k + 10, n, density: 0.05, using: &rng)
        // Zeros in A (a band) must be skipped without changing the result.
        var a = randomMatrix(m + 3, k + 4, using: &rng)
        for r in 0..<a.rows { for c in 0..<a.columns where abs(r - c) > k / 3 { a[r, c] = 0 } }
        let block = try a.block(rows: 2..<(m + 2), columns: 1..<(k + 1))
        let bRows = 6..<(k + 6)
        var c = Matrix(rows: m + 5, columns: n, repeating: 7)
        let adds = try Matrix.multiply(block, b, rows: bRows, into: &c, rows: 3..<(m + 3))
        let expected = Self.naive(block.copied(), b.dense(), bRows: bRows)
        for r in 0..<m {
            let worst = (0..<n).map { abs(c[r + 3, $0] - expected[r][$0]) / (1 + abs(expected[r][$0])) }.max() ?? 0
            #expect(worst <= 1e-12, "row \(r)")
        }
        // Rows outside the output range are untouched.
        #expect((0..<3).allSatisfy { r in c.row(r).allSatisfy { $0 == 7 } })
        #expect(c.row(m + 3) == [Double](repeating: 7, count: n))
        // One multiply-add per non-zero of A and entry of B that meet.
        let blockCopy = block.copied()
        let expectedAdds = (0..<m).reduce(0) { total, r in
            total + (0..<k).reduce(0) { $0 + (blockCopy[r, $1] != 0 ? b.entryCount(rows: (bRows.lowerBound + $1)..<(bRows.lowerBound + $1 + 1)) : 0) }
        }
        #expect(adds == expectedAdds)
        // Reproducible to the bit.
        var again = Matrix(rows: m + 5, columns: n, repeating: 7)
        try Matrix.multiply(block, b, rows: bRows, into: &again, rows: 3..<(m + 3))
        #expect(again == c)
    }

    @Test func shapeErrorsThrow() throws {
        let b = try SparseRowMatrix(rows: 4, columns: 3, rowStarts: [0, 1, 1, 2, 2], columnIndices: [2, 0], values: [1, 2])
        let a = Matrix(rows: 2, columns: 2, repeating: 1)
        var c = Matrix(rows: 2, columns: 3)
        #expect(throws: LinearAlgebraError.self) { try Matrix.multiply(MatrixBlock(a), b, rows: 0..<3, into: &c, rows: 0..<2) }
        #expect(throws: LinearAlgebraError.self) { try Matrix.multiply(MatrixBlock(a), b, rows: 3..<5, into: &c, rows: 0..<2) }
        #expect(throws: LinearAlgebraError.self) { try Matrix.multiply(MatrixBlock(a), b, rows: 0..<2, into: &c, rows: 1..<3) }
        var wide = Matrix(rows: 2, columns: 4)
        #expect(throws: LinearAlgebraError.self) { try Matrix.multiply(MatrixBlock(a), b, rows: 0..<2, into: &wide, rows: 0..<2) }
        try Matrix.multiply(MatrixBlock(a), b, rows: 2..<4, into: &c, rows: 0..<2)
        #expect(c == (try Matrix(rows: 2, columns: 3, elements: [2, 0, 0, 2, 0, 0])))
    }

    @Test func invalidStructureIsRejected() {
        #expect(throws: LinearAlgebraError.self) {   // column out of range
            try SparseRowMatrix(rows: 1, columns: 2, rowStarts: [0, 1], columnIndices: [2], values: [1])
        }
        #expect(throws: LinearAlgebraError.self) {   // decreasing row starts
            try SparseRowMatrix(rows: 2, columns: 2, rowStarts: [0, 2, 1], columnIndices: [0, 1], values: [1, 1])
        }
        #expect(throws: LinearAlgebraError.self) {   // starts do not end at the entry count
            try SparseRowMatrix(rows: 1, columns: 2, rowStarts: [0, 1], columnIndices: [0, 1], values: [1, 1])
        }
    }

    @Test func nonzerosOfADenseMatrixRoundTrip() throws {
        var rng = SeededGenerator(seed: 3)
        var dense = randomMatrix(13, 17, using: &rng)
        for i in stride(from: 0, to: dense.elements.count, by: 3) { dense[i / 17, i % 17] = 0 }
        let sparse = SparseRowMatrix(nonzerosOf: dense)
        #expect(sparse.dense() == dense)
        #expect(sparse.entryCount(rows: 0..<13) == dense.elements.filter { $0 != 0 }.count)
    }
}
