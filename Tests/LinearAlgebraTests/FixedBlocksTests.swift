import _TestSupport
import Foundation
@testable import LinearAlgebra
import ParallelWork
import Testing

/// Products cut into fixed blocks (``FixedBlocks``): correct against naive loops where they are cut,
/// and bit-identical whatever the number of threads.
@Suite("Fixed-block products")
struct FixedBlocksTests {
    /// Shapes above the parallel threshold: cut along rows (m >= n) or columns, with ragged last pieces.
    static let largeShapes: [(m: Int, k: Int, n: Int)] = [(301, 120, 150), (150, 120, 301), (520, 9, 1_000), (64, 2_000, 70)]

    @Test(arguments: largeShapes)
    func cutProductsMatchNaiveLoops(shape: (m: Int, k: Int, n: Int)) throws {
        var rng = SeededGenerator(seed: UInt64(shape.m * 7 + shape.n))
        for (tA, tB) in [(false, false), (true, false), (false, true), (true, true)] {
            let a = tA ? randomMatrix(shape.k, shape.m, using: &rng) : randomMatrix(shape.m, shape.k, using: &rng)
            let b = tB ? randomMatrix(shape.n, shape.k, using: &rng) : randomMatrix(shape.k, shape.n, using: &rng)
            let c = try Matrix.multiply(a, b, transposeA: tA, transposeB: tB, alpha: 0.5)
            let reference = naiveGemm(a, b, Matrix(rows: shape.m, columns: shape.n), tA: tA, tB: tB, alpha: 0.5, beta: 0)
            // Each element sums k products of numbers in [-1, 1]: a few ulps of k.
            #expect(maxAbsDifference(c.elements, reference.elements) < 1e-14 * Double(shape.k), "tA \(tA) tB \(tB)")
        }
    }

    @Test func piecesCoverTheExtentOnceAndDependOnlyOnTheShape() {
        for extent in [0, 1, 63, 64, 65, 500, 4_000, 4_001] {
            for work in [1.0, Double(FixedBlocks.minimumParallelWork), 1e12] {
                let pieces = FixedBlocks.pieces(of: extent, work: work)
                #expect(pieces.flatMap { Array($0) } == Array(0..<extent))
                #expect(pieces.count <= FixedBlocks.targetBlockCount)
                #expect(work >= Double(FixedBlocks.minimumParallelWork) || pieces.count <= 1)
            }
        }
    }

    /// The promise behind "byte-identical whatever the thread count": the same products with 1, 2 and
    /// 3 threads give the same bits (gemm cut by rows and by columns, banded blocks, gemv both ways).
    /// The width is set in a child process, since it is process-wide.
    @Test func resultsAreBitIdenticalForAnyThreadCount() async {
        await #expect(processExitsWith: .success) {
            func products() throws -> [[Double]] {
                var rng = SeededGenerator(seed: 99)
                let a = randomMatrix(700, 150, using: &rng), b = randomMatrix(150, 260, using: &rng)
                let tall = randomMatrix(40_000, 3, using: &rng)
                var banded = Matrix(rows: 300, columns: 260, repeating: 0)
                try Matrix.gemm(a.block(rows: 100..<400, columns: 0..<150), MatrixBlock(b),
                                into: &banded, rows: 0..<300, columns: 0..<260)
                return [try Matrix.multiply(a, b).elements, try Matrix.multiply(b, a, transposeA: true, transposeB: true).elements,
                        banded.elements, try Matrix.multiply(tall, [0.2, 0.3, 0.5]),
                        try Matrix.multiply(tall, randomVector(40_000, using: &rng), transpose: true)]
            }
            ParallelWork.setWidth(1)
            let one = try products()
            for width in [2, 3] {
                ParallelWork.setWidth(width)
                let other = try products()
                for (x, y) in zip(one, other) {
                    precondition(x.map(\.bitPattern) == y.map(\.bitPattern), "width \(width) changed the bits")
                }
            }
        }
    }
}
