import _TestSupport
import Foundation
import Testing
@testable import RiskModel

@Suite("Validation inside a study area")
struct ValidationStudyAreaTests {
    /// Masked metrics are the unmasked metrics of the compacted vectors (incidents in excluded cells
    /// dropped and counted), on random inputs with ties; excluded cells may hold NaN (nodata).
    @Test func maskedEqualsCompacted() throws {
        var rng = SeededGenerator(seed: 21)
        for _ in 0..<30 {
            let n = Int.random(in: 3...200, using: &rng)
            var include = (0..<n).map { _ in Double.random(in: 0..<1, using: &rng) < 0.6 }
            include[Int.random(in: 0..<n, using: &rng)] = true
            var scores = (0..<n).map { _ in Double(Int.random(in: 0...6, using: &rng)) / 6 }
            for i in 0..<n where !include[i] && Bool.random(using: &rng) { scores[i] = .nan }
            let kept = (0..<n).filter { include[$0] }
            var incidents = (0..<Int.random(in: 1...30, using: &rng)).map { _ in Int.random(in: 0..<n, using: &rng) }
            incidents.append(kept[Int.random(in: 0..<kept.count, using: &rng)])
            let fractions = [0.05, 0.1, 0.33, 1]
            let masked = try ValidationMetrics.evaluate(label: "m", scores: scores, heldOutIncidentCells: incidents,
                                                        include: include, areaFractions: fractions)
            let position = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
            let compactIncidents = incidents.compactMap { position[$0] }
            let plain = try ValidationMetrics.evaluate(label: "m", scores: kept.map { scores[$0] },
                                                       heldOutIncidentCells: compactIncidents, areaFractions: fractions)
            #expect(masked.excludedCellCount == n - kept.count)
            #expect(masked.excludedIncidentCount == incidents.count - compactIncidents.count)
            #expect(masked.cellCount == plain.cellCount && masked.incidentCount == plain.incidentCount)
            #expect(masked.positiveCellCount == plain.positiveCellCount)
            #expect(masked.hitRates == plain.hitRates)
            #expect(masked.rocAUC == plain.rocAUC && masked.countWeightedAUC == plain.countWeightedAUC)
        }
    }

    @Test func noMaskKeepsEverythingAndComparisonPassesMaskOn() throws {
        let scores = [0.9, 0.8, 0.8, 0.5, 0.5, 0.5, 0.2, 0.1, 0.0, 0.0]
        let all = try ValidationMetrics.evaluate(label: "m", scores: scores, heldOutIncidentCells: [0, 4, 2, 0, 9],
                                                 include: [Bool](repeating: true, count: 10))
        let none = try ValidationMetrics.evaluate(label: "m", scores: scores, heldOutIncidentCells: [0, 4, 2, 0, 9])
        #expect(all == none && none.excludedCellCount == 0 && none.excludedIncidentCount == 0)
        // Excluding the low half (cells 5...9) removes easy negatives: AUC over 0...4 only.
        let mask = (0..<10).map { $0 < 5 }
        let c = try ValidationComparison(modelScores: scores, baselines: [("flat", [Double](repeating: 1, count: 10))],
                                         heldOutIncidentCells: [0, 4, 2, 0, 9], include: mask)
        #expect(c.model.cellCount == 5 && c.model.excludedCellCount == 5 && c.model.excludedIncidentCount == 1)
        // Positives 0 (0.9), 2 (0.8), 4 (0.5); negatives 1 (0.8), 3 (0.5): wins 2 + 1.5 + 0.5 = 4 of 6.
        #expect(abs((c.model.rocAUC ?? -1) - 4.0 / 6) < 1e-12)
        #expect(c.uniform.rocAUC == 0.5 && c.baselines[0].excludedCellCount == 5)
    }

    @Test func errorsAndOldJSON() throws {
        #expect(throws: RiskModelError.cellCountMismatch(context: "study-area include mask", expected: 2, found: 1)) {
            _ = try ValidationMetrics.evaluate(label: "x", scores: [1, 2], heldOutIncidentCells: [0], include: [true])
        }
        #expect(throws: ValidationError.emptyStudyArea(cellCount: 2)) {
            _ = try ValidationMetrics.evaluate(label: "x", scores: [1, 2], heldOutIncidentCells: [0], include: [false, false])
        }
        #expect(throws: ValidationError.noHeldOutIncidentsInStudyArea(excluded: 2)) {
            _ = try ValidationMetrics.evaluate(label: "x", scores: [1, 2], heldOutIncidentCells: [0, 0], include: [false, true])
        }
        #expect(throws: RiskModelError.invalidLayerValue(layer: "x scores", index: 1, value: .infinity)) {
            _ = try ValidationMetrics.evaluate(label: "x", scores: [1, .infinity], heldOutIncidentCells: [0], include: [true, true])
        }
        #expect(ValidationError.emptyStudyArea(cellCount: 4).description.contains("all 4 cells"))
        let old = #"{"label":"m","cellCount":3,"incidentCount":1,"positiveCellCount":1,"hitRates":[],"rocAUC":0.5}"#
        let decoded = try JSONDecoder().decode(ValidationMetrics.self, from: Data(old.utf8))
        #expect(decoded.excludedCellCount == 0 && decoded.countWeightedAUC == nil && decoded.rocAUC == 0.5)
    }
}
