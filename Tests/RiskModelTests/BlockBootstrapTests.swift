import _TestSupport
import Foundation
import ParallelWork
import Testing
@testable import RiskModel

@Suite("Block bootstrap of model-baseline differences")
struct BlockBootstrapTests {
    /// The weighted pass with block multiplicities equals the metrics of the dataset with every
    /// cell explicitly repeated its block's multiplicity times.
    @Test func weightedMannWhitneyEqualsDuplicatedData() throws {
        var rng = SeededGenerator(seed: 11)
        let fractions = [0.05, 0.2, 0.5]
        var checked = 0
        for _ in 0..<60 {
            let n = Int.random(in: 2...120, using: &rng)
            let blockCount = Int.random(in: 1...20, using: &rng)
            let scores = (0..<n).map { _ in Double(Int.random(in: 0...7, using: &rng)) }
            let counts = (0..<n).map { _ in Double.random(in: 0..<1, using: &rng) < 0.3 ? Int.random(in: 1...3, using: &rng) : 0 }
            let blocks = (0..<n).map { _ in Int.random(in: 0..<blockCount, using: &rng) }
            let weights = (0..<blockCount).map { _ in Double(Int.random(in: 0...3, using: &rng)) }
            var dupScores: [Double] = [], dupIncidents: [Int] = []
            for i in 0..<n {
                for _ in 0..<Int(weights[blocks[i]]) {
                    for _ in 0..<counts[i] { dupIncidents.append(dupScores.count) }
                    dupScores.append(scores[i])
                }
            }
            guard !dupIncidents.isEmpty else { continue }
            let sorted = BlockBootstrap.SortedCells(scores: scores, blockOfCell: blocks, counts: counts)
            let sums = BlockBootstrap.BlockSums(blockOfCell: blocks, counts: counts, blockCount: blockCount)
            let fast = sorted.metrics(weights: weights, totals: sums.totals(weights: weights), fractions: fractions)
            let reference = try ValidationMetrics.evaluate(label: "dup", scores: dupScores, heldOutIncidentCells: dupIncidents,
                                                           areaFractions: fractions)
            if let auc = reference.rocAUC {
                #expect(abs(fast[0] - auc) < 1e-12)
                #expect(abs(fast[1] - reference.countWeightedAUC!) < 1e-12)
            } else {
                #expect(fast[0].isNaN && fast[1].isNaN)
            }
            for f in fractions.indices { #expect(abs(fast[2 + f] - reference.hitRates[f].hitRate) < 1e-12) }
            checked += 1
        }
        #expect(checked > 40)
    }

    @Test func squareBlocksAndPointEstimates() throws {
        #expect(try BlockBootstrap.squareBlocks(rows: 2, columns: 3, size: 2) == [0, 0, 1, 0, 0, 1])
        #expect(try BlockBootstrap.squareBlocks(rows: 3, columns: 3, size: 2) == [0, 0, 1, 0, 0, 1, 2, 2, 3])
        #expect(throws: ValidationError.invalidSetting(name: "block size", value: 0, expected: ">= 1 cell")) {
            _ = try BlockBootstrap.squareBlocks(rows: 2, columns: 2, size: 0)
        }
        var rng = SeededGenerator(seed: 3)
        let n = 400
        let model = (0..<n).map { _ in Double.random(in: 0..<1, using: &rng) }
        let density = (0..<n).map { _ in Double(Int.random(in: 0...4, using: &rng)) }
        let include = (0..<n).map { $0 % 7 != 0 }
        let incidents = (0..<60).map { _ in Int.random(in: 0..<n, using: &rng) }
        let ids = try BlockBootstrap.squareBlocks(rows: 20, columns: 20, size: 4)
        let boot = try BlockBootstrap.compare(model: model, baselines: [("density only", density), ("uniform", [Double](repeating: 0, count: n))],
                                              heldOutIncidentCells: incidents, blockOfCell: ids, include: include,
                                              replicates: 200, seed: 7)
        let m = try ValidationMetrics.evaluate(label: "m", scores: model, heldOutIncidentCells: incidents, include: include,
                                               areaFractions: [0.05])
        let d = try ValidationMetrics.evaluate(label: "d", scores: density, heldOutIncidentCells: incidents, include: include,
                                               areaFractions: [0.05])
        #expect(boot.rows.map(\.metric.name) == ["AUC", "AUC (count-weighted)", "hit rate @ 5%", "AUC", "AUC (count-weighted)", "hit rate @ 5%"])
        #expect(boot.rows.map(\.baseline) == ["density only", "density only", "density only", "uniform", "uniform", "uniform"])
        #expect(abs(boot.rows[0].difference - (m.rocAUC! - d.rocAUC!)) < 1e-12)
        #expect(abs(boot.rows[1].difference - (m.countWeightedAUC! - d.countWeightedAUC!)) < 1e-12)
        #expect(abs(boot.rows[2].difference - (m.hitRates[0].hitRate - d.hitRates[0].hitRate)) < 1e-12)
        #expect(abs(boot.rows[3].baselineValue - 0.5) < 1e-12)
        #expect(boot.cellCount == m.cellCount && boot.excludedCellCount == m.excludedCellCount)
        #expect(boot.excludedIncidentCount == m.excludedIncidentCount && boot.blockCount == 25)
        for row in boot.rows {
            #expect(row.validReplicates == 200)
            let i90 = try #require(row.interval90), i95 = try #require(row.interval95)
            #expect(i95.lower <= i90.lower && i90.lower <= i90.upper && i90.upper <= i95.upper)
            #expect(row.shareModelBetter >= 0 && row.shareModelBetter <= 1)
        }
        // Against labels: AUC and hit rate only.
        let labels = CellLabels(outcomes: (0..<n).map { i -> CellLabels.Outcome in incidents.contains(i) ? .positive : i % 3 == 0 ? .negative : .unlabelled })
        let labelled = try BlockBootstrap.compare(model: model, baselines: [("density only", density)], labels: labels,
                                                  blockOfCell: ids, include: include, replicates: 50, seed: 1)
        let lv = try LabelledValidation.evaluate(label: "m", scores: model, labels: labels, include: include, areaFractions: [0.05])
        #expect(labelled.rows.map(\.metric) == [.rocAUC, .hitRate(areaFraction: 0.05)])
        #expect(abs(labelled.rows[0].modelValue - lv.rocAUC!) < 1e-12)
        #expect(abs(labelled.rows[1].modelValue - lv.hitRates[0].hitRate) < 1e-12)
        #expect(labelled.cellCount == lv.labelledCellCount)
    }

    /// The same seed gives bit-identical results for any thread count; another seed differs.
    @Test func deterministicForASeedRegardlessOfThreads() throws {
        var rng = SeededGenerator(seed: 9)
        let n = 900
        let model = (0..<n).map { _ in Double.random(in: 0..<1, using: &rng) }
        let other = (0..<n).map { _ in Double.random(in: 0..<1, using: &rng) }
        let incidents = (0..<80).map { _ in Int.random(in: 0..<n, using: &rng) }
        let ids = try BlockBootstrap.squareBlocks(rows: 30, columns: 30, size: 3)
        func run(width: Int, seed: UInt64) throws -> BlockBootstrap.Result {
            let previous = ParallelWork.width
            ParallelWork.setWidth(width)
            defer { ParallelWork.setWidth(previous) }
            return try BlockBootstrap.compare(model: model, baselines: [("other", other)], heldOutIncidentCells: incidents,
                                              blockOfCell: ids, replicates: 150, seed: seed)
        }
        let one = try run(width: 1, seed: 42)
        #expect(try run(width: 3, seed: 42) == one)
        #expect(try run(width: 8, seed: 42) == one)
        #expect(try run(width: 1, seed: 43) != one)
    }

    @Test func errors() throws {
        let s = [0.1, 0.2, 0.3]
        #expect(throws: ValidationError.duplicateName("b")) {
            _ = try BlockBootstrap.compare(model: s, baselines: [("b", s), ("b", s)], heldOutIncidentCells: [0],
                                           blockOfCell: [0, 1, 2])
        }
        #expect(throws: ValidationError.invalidBlockID(index: 1, value: -1)) {
            _ = try BlockBootstrap.compare(model: s, baselines: [], heldOutIncidentCells: [0], blockOfCell: [0, -1, 2])
        }
        #expect(throws: ValidationError.invalidConfidenceLevel(1)) {
            _ = try BlockBootstrap.compare(model: s, baselines: [], heldOutIncidentCells: [0], blockOfCell: [0, 1, 2], levels: [1])
        }
        #expect(throws: ValidationError.invalidSetting(name: "bootstrap replicates", value: 0, expected: ">= 1")) {
            _ = try BlockBootstrap.compare(model: s, baselines: [], heldOutIncidentCells: [0], blockOfCell: [0, 1, 2], replicates: 0)
        }
        #expect(throws: RiskModelError.cellCountMismatch(context: "block ids", expected: 3, found: 2)) {
            _ = try BlockBootstrap.compare(model: s, baselines: [], heldOutIncidentCells: [0], blockOfCell: [0, 1])
        }
        #expect(throws: RiskModelError.cellCountMismatch(context: "baseline 'b' scores", expected: 3, found: 2)) {
            _ = try BlockBootstrap.compare(model: s, baselines: [("b", [1, 2])], heldOutIncidentCells: [0], blockOfCell: [0, 1, 2])
        }
    }
}
