import _TestSupport
import LinearAlgebra
import Testing

// MARK: - Matrix basics

@Suite("Matrix")
struct MatrixTests {
    @Test func elementsAreRowMajor() throws {
        let m = try Matrix(rows: 2, columns: 3, elements: [1, 2, 3, 4, 5, 6])
        #expect(m[0, 2] == 3)
        #expect(m[1, 0] == 4)
        #expect(m.row(1) == [4, 5, 6])
        #expect(m.column(1) == [2, 5])
    }

    @Test func elementCountMismatchThrows() {
        #expect(throws: LinearAlgebraError.self) { try Matrix(rows: 2, columns: 3, elements: [1, 2, 3]) }
        #expect(throws: LinearAlgebraError.invalidShape(rows: -1, columns: 3)) {
            try Matrix(rows: -1, columns: 3, elements: [])
        }
    }

    @Test func repeatingAndSubscriptSet() {
        var m = Matrix(rows: 3, columns: 2, repeating: 1.5)
        #expect(m.elements == [Double](repeating: 1.5, count: 6))
        m[2, 1] = -4
        #expect(m.elements[5] == -4)
        #expect(m.sum == 1.5 * 5 - 4)
    }

    @Test func identityAndTranspose() throws {
        let i3 = Matrix.identity(3)
        #expect(i3.elements == [1, 0, 0, 0, 1, 0, 0, 0, 1])
        var rng = SeededGenerator(seed: 1)
        let a = randomMatrix(4, 7, using: &rng)
        let t = a.transposed()
        #expect(t.rows == 7 && t.columns == 4)
        for r in 0..<4 { for c in 0..<7 { #expect(t[c, r] == a[r, c]) } }
        #expect(t.transposed() == a)
        #expect(try Matrix.multiply(a, Matrix.identity(7)) == a)
    }

    @Test func errorMessagesNameOperationAndShapes() throws {
        let a = Matrix(rows: 2, columns: 3)
        let b = Matrix(rows: 4, columns: 5)
        do {
            _ = try Matrix.multiply(a, b)
            Issue.record("expected a dimension mismatch")
        } catch let error as LinearAlgebraError {
            let text = error.description
            #expect(text.contains("gemm"))
            #expect(text.contains("2 x 3"))
            #expect(text.contains("4 x 5"))
        }
        #expect(LinearAlgebraError.lapackFailure(routine: "dgeev", info: 3).description.contains("dgeev"))
    }

    @Test func blocksCheckRanges() throws {
        let m = Matrix(rows: 4, columns: 5)
        #expect(throws: LinearAlgebraError.self) { try m.block(rows: 0..<5, columns: 0..<2) }
        #expect(throws: LinearAlgebraError.self) { try m.block(rows: 0..<2, columns: 3..<6) }
        let b = try m.block(rows: 1..<3, columns: 2..<5)
        #expect(b.rows == 2 && b.columns == 3)
    }
}
