import _TestSupport
import ClearcastDomain
import EventSimulation
import Foundation
import Testing
@testable import RiskModel

@Suite("Validation metrics")
struct ValidationMetricsTests {
    /// Tiny grid, computed by hand:
    /// scores    0.9 0.8 0.8 0.5 0.5 0.5 0.2 0.1 0.0 0.0
    /// incidents  2   0   1   0   1   0   0   0   0   1      (5 in all, 4 positive cells, 6 negative)
    /// top 5 %  = 0.5 cell: half of cell 0 -> 1 incident -> 0.2, PAI 4
    /// top 10 % = cell 0 -> 2 -> 0.4, PAI 4
    /// top 20 % = cell 0 + half of the {1, 2} tie block (1 incident) -> 2.5 -> 0.5, PAI 2.5
    /// top 50 % = cells 0, 1, 2 + 2/3 of the {3, 4, 5} block -> 3 + 2/3 -> 0.7333
    /// AUC: positives beat 6, 5.5, 4, 0.5 negatives -> 16 / 24 = 2/3;
    /// count-weighted: (2·6 + 5.5 + 4 + 0.5) / (5·6) = 22 / 30.
    @Test func tinyGridByHand() throws {
        let scores = [0.9, 0.8, 0.8, 0.5, 0.5, 0.5, 0.2, 0.1, 0.0, 0.0]
        let m = try ValidationMetrics.evaluate(label: "model", scores: scores, heldOutIncidentCells: [0, 4, 2, 0, 9],
                                               areaFractions: [0.05, 0.10, 0.20, 0.5])
        #expect(m.incidentCount == 5 && m.positiveCellCount == 4 && m.cellCount == 10)
        let expected = [(0.2, 4.0), (0.4, 4.0), (0.5, 2.5), (11.0 / 15, 22.0 / 15)]
        for (h, (rate, pai)) in zip(m.hitRates, expected) {
            #expect(abs(h.hitRate - rate) < 1e-12)
            #expect(abs(h.predictiveAccuracyIndex - pai) < 1e-12)
        }
        #expect(abs((m.rocAUC ?? -1) - 2.0 / 3) < 1e-12)
        #expect(abs((m.countWeightedAUC ?? -1) - 22.0 / 30) < 1e-12)
    }

    @Test func uniformScoresAreChance() throws {
        let c = try ValidationComparison(modelScores: [0.9, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1],
                                         baselines: [("contamination", [1, 1, 0, 0, 0, 0, 0, 0, 0, 0])],
                                         heldOutIncidentCells: [0, 3])
        #expect(c.uniform.rocAUC == 0.5 && c.uniform.countWeightedAUC == 0.5)
        for h in c.uniform.hitRates {
            #expect(abs(h.hitRate - h.areaFraction) < 1e-12)
            #expect(abs(h.predictiveAccuracyIndex - 1) < 1e-12)
        }
        #expect(c.all.map(\.label) == ["model", "uniform", "contamination"])
        // Contamination: top block {0, 1} holds 1 of 2 incidents; top 10 % = 1 cell = half the block.
        #expect(abs(c.baselines[0].hitRates[1].hitRate - 0.25) < 1e-12)
        #expect(c.table.contains("hit@10.0%"))
        #expect(c.table.split(separator: "\n").count == 4)
    }

    /// O(n²) Mann–Whitney reference.
    static func naiveAUC(scores: [Double], counts: [Int], weighted: Bool) -> Double {
        var wins = 0.0
        var pairs = 0.0
        for i in scores.indices where counts[i] > 0 {
            let w = weighted ? Double(counts[i]) : 1
            for j in scores.indices where counts[j] == 0 {
                pairs += w
                if scores[i] > scores[j] { wins += w } else if scores[i] == scores[j] { wins += 0.5 * w }
            }
        }
        return wins / pairs
    }

    /// Reference hit rate: expected hits when ties are ordered uniformly at random = fractional counting.
    static func naiveHitRate(scores: [Double], counts: [Int], fraction: Double) -> Double {
        let budget = fraction * Double(scores.count)
        var hits = 0.0
        for i in scores.indices {
            let above = Double(scores.indices.filter { scores[$0] > scores[i] }.count)
            let tied = Double(scores.indices.filter { scores[$0] == scores[i] }.count)
            let taken = min(max(budget - above, 0), tied) / tied
            hits += Double(counts[i]) * taken
        }
        return hits / Double(counts.reduce(0, +))
    }

    @Test func randomAgainstNaiveReferences() throws {
        var rng = SeededGenerator(seed: 2024)
        for _ in 0..<15 {
            let n = Int.random(in: 2...250, using: &rng)
            let scores = (0..<n).map { _ in Double(Int.random(in: 0...8, using: &rng)) / 8 }
            var incidents = (0..<Int.random(in: 1...40, using: &rng)).map { _ in Int.random(in: 0..<n, using: &rng) }
            if Set(incidents).count == n { incidents = [0] }
            var counts = [Int](repeating: 0, count: n)
            for cell in incidents { counts[cell] += 1 }
            let fractions = [0.05, 0.1, 0.2, 0.37, 1]
            let m = try ValidationMetrics.evaluate(label: "r", scores: scores, heldOutIncidentCells: incidents,
                                                   areaFractions: fractions)
            #expect(abs((m.rocAUC ?? -1) - Self.naiveAUC(scores: scores, counts: counts, weighted: false)) < 1e-12)
            #expect(abs((m.countWeightedAUC ?? -1) - Self.naiveAUC(scores: scores, counts: counts, weighted: true)) < 1e-12)
            for (h, f) in zip(m.hitRates, fractions) {
                #expect(abs(h.hitRate - Self.naiveHitRate(scores: scores, counts: counts, fraction: f)) < 1e-12)
            }
            #expect(abs(m.hitRates[4].hitRate - 1) < 1e-12)
        }
    }

    @Test func undefinedAUCAndErrors() throws {
        let all = try ValidationMetrics.evaluate(label: "x", scores: [1, 2], heldOutIncidentCells: [0, 1])
        #expect(all.rocAUC == nil && all.countWeightedAUC == nil)
        #expect(throws: RiskModelError.noHeldOutIncidents) {
            _ = try ValidationMetrics.evaluate(label: "x", scores: [1, 2], heldOutIncidentCells: [])
        }
        #expect(throws: RiskModelError.invalidAreaFraction(0)) {
            _ = try ValidationMetrics.evaluate(label: "x", scores: [1, 2], heldOutIncidentCells: [0], areaFractions: [0])
        }
        #expect(throws: RiskModelError.cellIndexOutOfRange(context: "held-out incident", index: 2, cellCount: 2)) {
            _ = try ValidationMetrics.evaluate(label: "x", scores: [1, 2], heldOutIncidentCells: [2])
        }
        #expect(throws: RiskModelError.self) {
            _ = try ValidationMetrics.evaluate(label: "x", scores: [1, .nan], heldOutIncidentCells: [0])
        }
        #expect(throws: RiskModelError.self) {
            _ = try ValidationComparison(modelScores: [1, 2], baselines: [("b", [1])], heldOutIncidentCells: [0])
        }
    }
}

@Suite("Temporal split and serialisation")
struct TemporalSplitTests {
    @Test func cutoffDayIsHeldOut() {
        let days = [10, 20, 19, 21, 5, 20].map(CivilDate.init(daysSinceEpoch:))
        let split = TemporalSplit(cutoff: CivilDate(daysSinceEpoch: 20))
        let (training, heldOut) = split.partition(Array(days.indices)) { days[$0] }
        #expect(training == [0, 2, 4])
        #expect(heldOut == [1, 3, 5])
    }

    @Test func incidentsSplitAndMapToCells() throws {
        let grid = try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 10, columns: 3, rows: 2)
        let incidents = [Incident(x: 5, y: 15, date: CivilDate(daysSinceEpoch: 100)), Incident(x: 25, y: 5, date: CivilDate(daysSinceEpoch: 99)),
                         Incident(x: 15, y: 5, date: CivilDate(daysSinceEpoch: 101)), Incident(x: 50, y: 5, date: CivilDate(daysSinceEpoch: 200))]
        let (training, heldOut) = TemporalSplit(cutoff: CivilDate(daysSinceEpoch: 100)).partition(incidents)
        #expect(training == [incidents[1]])
        #expect(heldOut == [incidents[0], incidents[2], incidents[3]])
        let cells = TemporalSplit.cells(of: heldOut, in: grid)
        #expect(cells.indices == [0, 4] && cells.outside == 1)
    }

    @Test func pointsMapToRowMajorCellsWithNorthAtRowZero() throws {
        let grid = try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 10, columns: 3, rows: 2)
        // (5, 15) is in the north row, first column; (25, 5) in the south row, last column.
        let result = TemporalSplit.cells(of: [(5, 15), (25, 5), (25, 5), (35, 5), (-1, 0)], in: grid)
        #expect(result.indices == [0, 5, 5])
        #expect(result.outside == 2)
    }

    @Test func resultsRoundTripThroughJSON() throws {
        let c = try ValidationComparison(modelScores: [0.3, 0.2, 0.1, 0], heldOutIncidentCells: [0, 0, 2])
        let decoded = try JSONDecoder().decode(ValidationComparison.self, from: JSONEncoder().encode(c))
        #expect(decoded == c)
        let ahp = try AHP.priorities(rows: [[1, 2, 4], [0.5, 1, 2], [0.25, 0.5, 1]])
        #expect(try JSONDecoder().decode(AHPResult.self, from: JSONEncoder().encode(ahp)) == ahp)
        let w = try FactorWeights(names: ["a", "b"], values: [1, 3])
        #expect(try JSONDecoder().decode(FactorWeights.self, from: JSONEncoder().encode(w)) == w)
        #expect(throws: RiskModelError.invalidWeight(name: "b", value: -1)) {
            _ = try JSONDecoder().decode(FactorWeights.self, from: Data(#"{"names": ["a", "b"], "values": [1, -1]}"#.utf8))
        }
    }
}
