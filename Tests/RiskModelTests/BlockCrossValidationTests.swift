import _TestSupport
import Foundation
import LinearAlgebra
import RiskModel
import Testing

/// Spatial blocks and folds keep blocks whole; λ selection follows the data.
@Suite("Spatial block cross-validation")
struct BlockCrossValidationTests {
    @Test func foldsNeverSplitABlockOnRandomGridsAndMasks() throws {
        var rng = SeededGenerator(seed: 31)
        for _ in 0..<40 {
            let rows = Int.random(in: 1...60, using: &rng), columns = Int.random(in: 1...60, using: &rng)
            let side = Int.random(in: 1...12, using: &rng)
            let share = Double.random(in: 0.2...1, using: &rng)
            let mask = (0..<(rows * columns)).map { _ in Double.random(in: 0..<1, using: &rng) < share }
            let blocks = try SpatialBlocks(rows: rows, columns: columns, blockCells: side, include: mask)
            // Included cells in row-major order, with their own block coordinates.
            let cells = (0..<(rows * columns)).filter { mask[$0] }
            #expect(blocks.cellCount == cells.count)
            let distinct = Set(cells.map { [($0 / columns) / side, ($0 % columns) / side] })
            #expect(blocks.blockCount == distinct.count)
            let k = Int.random(in: 2...6, using: &rng)
            guard blocks.blockCount >= k else {
                #expect(throws: ModelFitError.tooFewBlocks(blocks: blocks.blockCount, folds: k)) { try blocks.folds(count: k, seed: 1) }
                continue
            }
            let folds = try blocks.folds(count: k, seed: UInt64.random(in: 0...1000, using: &rng))
            var foldOfBlock: [[Int]: Int] = [:]
            for (index, cell) in cells.enumerated() {
                let key = [(cell / columns) / side, (cell % columns) / side]
                let fold = folds.foldOfCell[index]
                #expect(fold >= 0 && fold < k)
                // Every cell of a block is in the block's one fold.
                if let seen = foldOfBlock[key] { #expect(seen == fold) } else { foldOfBlock[key] = fold }
                #expect(folds.foldOfBlock[blocks.blockOfCell[index]] == fold)
            }
            #expect(foldOfBlock.count == blocks.blockCount)
            // Blocks are dealt evenly: fold sizes (in blocks) differ by at most one.
            let sizes = (0..<k).map { f in folds.foldOfBlock.filter { $0 == f }.count }
            #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
        }
    }

    @Test func foldsAreDeterministicForASeed() throws {
        let blocks = try SpatialBlocks(rows: 50, columns: 40, blockCells: 5)
        #expect(try blocks.folds(count: 5, seed: 42) == blocks.folds(count: 5, seed: 42))
        #expect(try blocks.folds(count: 5, seed: 42) != blocks.folds(count: 5, seed: 43))
        #expect(throws: ModelFitError.self) { try SpatialBlocks(rows: 5, columns: 5, blockCells: 0) }
        #expect(throws: ModelFitError.self) { try SpatialBlocks(rows: 5, columns: 5, blockCells: 2, include: [true]) }
    }

    @Test func choosesSmallPenaltyOnStrongSignalAndLargeOnNoise() throws {
        var rng = SeededGenerator(seed: 77)
        let grid = [0.01, 0.1, 1, 10, 100, 1000, 10_000]
        // Strong signal, few features, many cells.
        let strongBlocks = try SpatialBlocks(rows: 60, columns: 60, blockCells: 10)
        let strongX = glmDesign(strongBlocks.cellCount, 3, using: &rng)
        let strongY = glmResponse(strongX, intercept: -1, slopes: [0.4, -0.3, 0.2], family: .logistic, using: &rng)
        let strong = try BlockCrossValidation.select(design: strongX, response: strongY, family: .logistic,
                                                     folds: strongBlocks.folds(count: 5, seed: 1), penalties: grid)
        // λ is in deviance units: with 3600 rows, 10 barely shrinks.
        #expect(strong.chosenPenalty <= 10, "chose \(strong.chosenPenalty): \(strong.curve.map(\.meanDeviance))")
        #expect(strong.curve.count == grid.count && strong.curve.allSatisfy { $0.standardError > 0 })
        #expect(strong.fit.penalty == strong.chosenPenalty)
        // Pure noise on many features, few cells.
        let noiseBlocks = try SpatialBlocks(rows: 20, columns: 15, blockCells: 3)
        let noiseX = glmDesign(noiseBlocks.cellCount, 40, using: &rng)
        let noiseY = glmResponse(noiseX, intercept: 0, slopes: [Double](repeating: 0, count: 40), family: .logistic, using: &rng)
        let noise = try BlockCrossValidation.select(design: noiseX, response: noiseY, family: .logistic,
                                                    folds: noiseBlocks.folds(count: 5, seed: 1), penalties: grid)
        #expect(noise.chosenPenalty >= 100, "chose \(noise.chosenPenalty): \(noise.curve.map(\.meanDeviance))")
        #expect(noise.chosenPenalty > strong.chosenPenalty)
        // The one-standard-error rule never picks a smaller penalty than the minimum rule.
        let simpler = try BlockCrossValidation.select(design: noiseX, response: noiseY, family: .logistic,
                                                      folds: noiseBlocks.folds(count: 5, seed: 1), penalties: grid,
                                                      rule: .oneStandardError)
        #expect(simpler.chosenPenalty >= noise.chosenPenalty)
    }

    @Test func heldOutDevianceMatchesAFitWithoutTheFold() throws {
        var rng = SeededGenerator(seed: 3)
        let blocks = try SpatialBlocks(rows: 30, columns: 30, blockCells: 6)
        let x = glmDesign(blocks.cellCount, 2, using: &rng)
        let y = glmResponse(x, intercept: 0.2, slopes: [0.03, -0.02], family: .poisson, using: &rng)
        let folds = try blocks.folds(count: 3, seed: 9)
        let cv = try BlockCrossValidation.select(design: x, response: y, family: .poisson, folds: folds, penalties: [2])
        // Fold 0 by hand: copy the training rows, fit, score the held-out rows.
        let train = (0..<x.rows).filter { folds.foldOfCell[$0] != 0 }, test = folds.rows(in: 0)
        let trainX = Matrix(rows: train.count, columns: 2) { i, j in x[train[i], j] }
        let fit = try PenalizedGLM.fit(design: trainX, response: train.map { y[$0] }, family: .poisson, penalty: 2)
        let testX = Matrix(rows: test.count, columns: 2) { i, j in x[test[i], j] }
        let eta = try fit.linearPredictor(testX)
        let perRow = zip(test, eta).reduce(0.0) { $0 + GLMFamily.poisson.unitDeviance(y: y[$1.0], eta: $1.1) } / Double(test.count)
        #expect(abs(cv.curve[0].foldDeviances[0] - perRow) <= 1e-9 * perRow)
    }
}
