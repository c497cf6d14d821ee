import _TestSupport
import Foundation
import Testing
@testable import RiskModel

@Suite("Block bootstrap coverage")
struct BlockBootstrapCoverageTests {
    /// Spatially clustered data from a known model: block effect u ~ N(0, 0.8²) shared by the `k`
    /// cells of a block, cell risk z = u + N(0, 1), a cell positive with probability
    /// logistic(−2 + 1.2 z); the model scores z + N(0, 0.6²), the baseline z + N(0, 1.2²).
    static func dataset(blocks: Int, k: Int, rng: inout SeededGenerator)
        -> (model: [Double], baseline: [Double], positives: [Int], ids: [Int]) {
        func normal() -> Double {
            let u1 = Double.random(in: Double.ulpOfOne..<1, using: &rng), u2 = Double.random(in: 0..<1, using: &rng)
            return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
        }
        var model: [Double] = [], baseline: [Double] = [], positives: [Int] = [], ids: [Int] = []
        for b in 0..<blocks {
            let u = 0.8 * normal()
            for _ in 0..<k {
                let z = u + normal()
                if Double.random(in: 0..<1, using: &rng) < 1 / (1 + exp(2 - 1.2 * z)) { positives.append(model.count) }
                model.append(z + 0.6 * normal())
                baseline.append(z + 1.2 * normal())
                ids.append(b)
            }
        }
        return (model, baseline, positives, ids)
    }

    /// 90 % block-bootstrap intervals of the AUC difference cover the population difference (from
    /// one dataset of 180,000 cells: its sampling error, ~0.0015, is small beside the intervals'
    /// half-width, ~0.03) in 84–96 % of 200 independent datasets; 95 % intervals in at least 89 %.
    @Test func intervalsCoverTheTrueDifferenceAtTheNominalRate() throws {
        var rng = SeededGenerator(seed: 2121)
        let population = Self.dataset(blocks: 20_000, k: 9, rng: &rng)
        let truth = try ValidationMetrics.evaluate(label: "m", scores: population.model,
                                                   heldOutIncidentCells: population.positives).rocAUC!
            - ValidationMetrics.evaluate(label: "b", scores: population.baseline,
                                         heldOutIncidentCells: population.positives).rocAUC!
        #expect(truth > 0.02)
        let repetitions = 200
        var covered90 = 0, covered95 = 0
        for repetition in 0..<repetitions {
            let data = Self.dataset(blocks: 100, k: 9, rng: &rng)
            let boot = try BlockBootstrap.compare(model: data.model, baselines: [("baseline", data.baseline)],
                                                  heldOutIncidentCells: data.positives, blockOfCell: data.ids,
                                                  replicates: 250, seed: UInt64(repetition), areaFractions: [0.05])
            let row = boot.rows[0]
            #expect(row.metric == .rocAUC)
            if let i = row.interval90, i.lower <= truth, truth <= i.upper { covered90 += 1 }
            if let i = row.interval95, i.lower <= truth, truth <= i.upper { covered95 += 1 }
        }
        let rate90 = Double(covered90) / Double(repetitions), rate95 = Double(covered95) / Double(repetitions)
        #expect(rate90 >= 0.84 && rate90 <= 0.96, "90 % coverage \(rate90)")
        #expect(rate95 >= 0.89, "95 % coverage \(rate95)")
    }
}
