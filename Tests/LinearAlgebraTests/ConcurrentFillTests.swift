import _TestSupport
import Foundation
import LinearAlgebra
import Testing

/// The matrix constructors that fill storage from several threads or skip the zero fill.
@Suite("Concurrent and assembled fills")
struct ConcurrentFillTests {
    /// Row counts around the 64-row band size, and empty shapes.
    static let shapes = [(0, 0), (0, 5), (5, 0), (1, 1), (63, 3), (64, 7), (65, 2), (300, 11)]

    @Test(arguments: shapes)
    func computedConcurrentlyEqualsTheSequentialInitialiser(rows: Int, columns: Int) {
        let entry: @Sendable (Int, Int) -> Double = { r, c in sin(Double(r) * 0.37) * exp(-Double(c) / 7) }
        let sequential = Matrix(rows: rows, columns: columns) { r, c in entry(r, c) }
        #expect(Matrix.computedConcurrently(rows: rows, columns: columns, entry) == sequential)
    }

    @Test(arguments: shapes)
    func filledByColumnsPlacesEveryColumn(rows: Int, columns: Int) {
        let m = Matrix.filledByColumns(rows: rows, columns: columns) { column in
            // Spread each column over the cores, as the normalisation does.
            DispatchQueue.concurrentPerform(iterations: 4) { part in
                for row in stride(from: part, to: column.rows, by: 4) {
                    column.write(Double(row * 1_000 + column.column), row: row)
                }
            }
        }
        #expect(m.rows == rows && m.columns == columns)
        #expect(m == Matrix(rows: rows, columns: columns) { r, c in Double(r * 1_000 + c) })
    }

    /// Lengths around the 2¹⁸-element chunk and the 4 MiB threshold of the matrix initialiser.
    @Test(arguments: [0, 1, 1 << 18 - 1, 1 << 18, 1 << 18 + 1, 3 << 18 + 5])
    func vectorRepeatsItsValueEverywhere(count: Int) {
        let v = Matrix.vector(repeating: 2.5, count: count)
        #expect(v.count == count && v.allSatisfy { $0 == 2.5 })
        let m = Matrix(rows: 3, columns: count, repeating: -1)
        #expect(m.elements.count == 3 * count && m.elements.allSatisfy { $0 == -1 })
        #expect(Matrix.vector(repeating: 0, count: count) == [Double](repeating: 0, count: count))
    }

    @Test func assembledFromBlockProductsEqualsMultiply() throws {
        var rng = SeededGenerator(seed: 23)
        let a = randomMatrix(37, 19, using: &rng), b = randomMatrix(19, 29, using: &rng)
        let c = try Matrix.assembled(rows: 37, columns: 29) { c in
            for r0 in stride(from: 0, to: 37, by: 10) {
                for c0 in stride(from: 0, to: 29, by: 8) {
                    let rows = r0..<min(37, r0 + 10), cols = c0..<min(29, c0 + 8)
                    try Matrix.gemm(a.block(rows: rows, columns: 0..<19), b.block(rows: 0..<19, columns: cols),
                                    into: &c, rows: rows, columns: cols)
                }
            }
        }
        let reference = naiveGemm(a, b, Matrix(rows: 37, columns: 29), tA: false, tB: false, alpha: 1, beta: 0)
        #expect(maxAbsDifference(c.elements, reference.elements) < 1e-13)
        // Not bit for bit: a kernel may treat the edges of a block with other code than the inside of
        // a whole product (seen with OPENBLAS_CORETYPE=Prescott), so only the tolerance is promised.
        #expect(maxAbsDifference(c.elements, try Matrix.multiply(a, b).elements) < 1e-13)
    }

    /// Debug builds (the test configuration) refuse a filler that leaves an element unwritten.
    @Test func unwrittenElementsAreCaughtInDebugBuilds() async {
        await #expect(processExitsWith: .failure) {
            _ = Matrix.filledByColumns(rows: 4, columns: 2) { column in
                for row in 0..<3 { column.write(1, row: row) }   // row 3 forgotten
            }
        }
        await #expect(processExitsWith: .failure) {
            _ = Matrix.assembled(rows: 2, columns: 2) { m in m[0, 0] = 1 }
        }
    }

    @Test func writesOutsideTheColumnAreRefused() async {
        await #expect(processExitsWith: .failure) {
            _ = Matrix.filledByColumns(rows: 3, columns: 1) { column in column.write(1, row: 3) }
        }
    }
}
