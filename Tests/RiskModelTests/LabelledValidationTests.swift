import _TestSupport
import Testing
@testable import RiskModel

@Suite("Validation against outcome labels")
struct LabelledValidationTests {
    /// O(n²) pair count over labelled cells inside the mask, ties ½.
    static func naiveAUC(scores: [Double], labels: [CellLabels.Outcome], include: [Bool]) -> Double? {
        var wins = 0.0, pairs = 0.0
        for i in scores.indices where include[i] && labels[i] == .positive {
            for j in scores.indices where include[j] && labels[j] == .negative {
                pairs += 1
                wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0
            }
        }
        return pairs > 0 ? wins / pairs : nil
    }

    @Test func randomAgainstNaivePairCount() throws {
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<40 {
            let n = Int.random(in: 2...150, using: &rng)
            var outcomes = (0..<n).map { _ in CellLabels.Outcome.allCases.randomElement(using: &rng)! }
            let include = (0..<n).map { _ in Double.random(in: 0..<1, using: &rng) < 0.8 }
            guard let first = include.firstIndex(of: true) else { continue }
            outcomes[first] = .positive
            let scores = (0..<n).map { i in include[i] ? Double(Int.random(in: 0...5, using: &rng)) : .nan }
            let labels = CellLabels(outcomes: outcomes)
            let v = try LabelledValidation.evaluate(label: "m", scores: scores, labels: labels, include: include,
                                                    areaFractions: [0.05, 0.5, 1])
            let reference = Self.naiveAUC(scores: scores, labels: outcomes, include: include)
            #expect(v.rocAUC == nil ? reference == nil : abs(v.rocAUC! - reference!) < 1e-12)
            let labelled = (0..<n).filter { include[$0] && outcomes[$0] != .unlabelled }
            #expect(v.labelledCellCount == labelled.count)
            #expect(v.positiveCellCount == labelled.filter { outcomes[$0] == .positive }.count)
            #expect(v.unlabelledCellCount == (0..<n).filter { include[$0] && outcomes[$0] == .unlabelled }.count)
            #expect(v.excludedCellCount == include.filter { !$0 }.count)
            // Hit rates: the incident machinery on the labelled cells with positive = one incident.
            let compactScores = labelled.map { scores[$0] }
            let counts = labelled.map { outcomes[$0] == .positive ? 1 : 0 }
            for (h, f) in zip(v.hitRates, [0.05, 0.5, 1]) {
                let naive = ValidationMetricsTests.naiveHitRate(scores: compactScores, counts: counts, fraction: f)
                #expect(abs(h.hitRate - naive) < 1e-12)
            }
            #expect(abs(v.hitRates[2].hitRate - 1) < 1e-12)
        }
    }

    @Test func labelsFromCellListsAndErrors() throws {
        let labels = try CellLabels(cellCount: 6, positiveCells: [0, 4, 4], negativeCells: [1, 2, 4])
        #expect(labels.outcomes == [.positive, .negative, .negative, .unlabelled, .positive, .unlabelled])
        #expect(labels.conflictingCellCount == 1 && labels.positiveCount == 2 && labels.negativeCount == 2)
        // Scores 5 4 3 9 1 9: positives 0 (5) and 4 (1); negatives 1 (4), 2 (3): wins 2 + 0 = 2 of 4.
        let v = try LabelledValidation.evaluate(label: "m", scores: [5, 4, 3, 9, 1, 9], labels: labels,
                                                areaFractions: [0.25])
        #expect(v.rocAUC == 0.5 && v.labelledCellCount == 4 && v.unlabelledCellCount == 2)
        // Top 25 % of 4 labelled cells = cell 0, a positive: 1 of 2 positives.
        #expect(v.hitRates[0].hitRate == 0.5 && v.hitRates[0].predictiveAccuracyIndex == 2)
        #expect(throws: RiskModelError.cellIndexOutOfRange(context: "positive label", index: 6, cellCount: 6)) {
            _ = try CellLabels(cellCount: 6, positiveCells: [6], negativeCells: [])
        }
        #expect(throws: ValidationError.noPositiveLabels) {
            _ = try LabelledValidation.evaluate(label: "m", scores: [1, 2], labels: CellLabels(outcomes: [.negative, .unlabelled]))
        }
        #expect(throws: ValidationError.noPositiveLabels) {
            _ = try LabelledValidation.evaluate(label: "m", scores: [1, 2], labels: CellLabels(outcomes: [.positive, .negative]),
                                                include: [false, true])
        }
        #expect(throws: RiskModelError.self) {
            _ = try LabelledValidation.evaluate(label: "m", scores: [1, 2], labels: CellLabels(outcomes: [.positive]))
        }
    }
}
