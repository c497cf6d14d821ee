import _TestSupport
import Foundation
import Testing
@testable import RiskModel

@Suite("Calibration and hazard-area validation")
struct ReliabilityAndHazardAreaTests {
    /// p = 0.1 0.2 0.2 0.6 0.9 0.9, y = 0 0 1 1 1 0.
    /// Brier = (0.01 + 0.04 + 0.64 + 0.16 + 0.01 + 0.81) / 6 = 1.67 / 6; base rate ½ -> reference ¼.
    /// Equal count, 3 bins: {0.1, 0.2, 0.2} (the tie keeps cell 2 with cell 1), {0.6}, {0.9, 0.9}.
    /// Fixed width, 2 bins: [0, 0.5) = cells 0–2, [0.5, 1] = cells 3–5.
    @Test func brierAndReliabilityByHand() throws {
        let p = [0.1, 0.2, 0.2, 0.6, 0.9, 0.9]
        let y = [false, false, true, true, true, false]
        let equal = try Reliability(probabilities: p, outcomes: y, bins: 3)
        #expect(abs(equal.brier - 1.67 / 6) < 1e-12)
        #expect(equal.brierReference == 0.25 && abs(equal.brierSkill! - (1 - 1.67 / 6 / 0.25)) < 1e-12)
        #expect(equal.bins.map(\.count) == [3, 1, 2])
        #expect(equal.bins.map(\.positives) == [1, 1, 1])
        #expect(abs(equal.bins[0].meanPredicted - 0.5 / 3) < 1e-12 && equal.bins[0].lower == 0.1 && equal.bins[0].upper == 0.2)
        #expect(equal.bins[2].observedFrequency == 0.5)
        // ECE = 3/6·|1/6 − 1/3| + 1/6·|0.6 − 1| + 2/6·|0.9 − 0.5| = 1/12 + 1/15 + 2/15.
        #expect(abs(equal.expectedCalibrationError - (1.0 / 12 + 1.0 / 15 + 2.0 / 15)) < 1e-12)
        let fixed = try Reliability(probabilities: p, outcomes: y, bins: 2, binning: .fixedWidth)
        #expect(fixed.bins.map(\.count) == [3, 3] && fixed.bins.map(\.lower) == [0, 0.5] && fixed.bins.map(\.upper) == [0.5, 1])
        #expect(abs(fixed.bins[1].meanPredicted - 0.8) < 1e-12 && abs(fixed.bins[1].observedFrequency - 2.0 / 3) < 1e-12)
        // Wilson 95 % for 1 of 3: centre (1/3 + z²/6)/(1 + z²/3), half z/(1 + z²/3)·√(2/27 + z²/36).
        let z = 1.959963984540054
        let centre = (1.0 / 3 + z * z / 6) / (1 + z * z / 3)
        let half = z / (1 + z * z / 3) * (2.0 / 27 + z * z / 36).squareRoot()
        #expect(abs(fixed.bins[0].wilsonLower - (centre - half)) < 1e-9 && abs(fixed.bins[0].wilsonUpper - (centre + half)) < 1e-9)
        #expect(abs(Reliability.normalQuantile(twoSided: 0.95) - z) < 1e-12)
        // Fixed width leaves empty bins out; outcomes from incident cells and labels agree.
        let sparse = try Reliability(probabilities: p, heldOutIncidentCells: [2, 3, 4, 4], bins: 10, binning: .fixedWidth)
        #expect(sparse.bins.count == 4 && sparse.brier == equal.brier)
        let labels = CellLabels(outcomes: [.negative, .negative, .positive, .positive, .positive, .negative])
        #expect(try Reliability(probabilities: p, labels: labels, bins: 3) == equal)
        let masked = try Reliability(probabilities: p + [7], outcomes: y + [true], bins: 3, include: [Bool](repeating: true, count: 6) + [false])
        #expect(masked == equal)
    }

    @Test func reliabilityErrors() throws {
        #expect(throws: ValidationError.invalidProbability(context: "probabilities", index: 0, value: 1.5)) {
            _ = try Reliability(probabilities: [1.5], outcomes: [true])
        }
        #expect(throws: ValidationError.invalidSetting(name: "calibration bins", value: 0, expected: ">= 1")) {
            _ = try Reliability(probabilities: [0.5], outcomes: [true], bins: 0)
        }
        #expect(throws: RiskModelError.self) { _ = try Reliability(probabilities: [0.5], outcomes: []) }
        #expect(try Reliability(probabilities: [0.2, 0.4], outcomes: [true, true]).brierSkill == nil)
    }

    /// Area scores 0.9 0.7 0.7 0.4 0.1, positive T F T F T.
    /// AUC: positives 0.9 beats 2 negatives, 0.7 beats 0.4 and ties 0.7 -> 1.5, 0.1 beats none: 3.5 / 6.
    /// Top 2: area 0 + half of the tied {1, 2} block (1 positive) -> 1.5 of 3 positives.
    @Test func hazardAreasByHand() throws {
        let v = try HazardAreaValidation.evaluate(areaScores: [0.9, 0.7, 0.7, 0.4, 0.1], positive: [true, false, true, false, true],
                                                  topCounts: [1, 2, 10])
        #expect(abs(v.rocAUC! - 3.5 / 6) < 1e-12 && v.areaCount == 5 && v.positiveCount == 3)
        #expect(v.top.map(\.positives) == [1, 1.5, 3])
        #expect(abs(v.top[1].share! - 0.5) < 1e-12 && v.top[2].share == 1)
        let none = try HazardAreaValidation.evaluate(areaScores: [1, 2], positive: [false, false], topCounts: [1])
        #expect(none.rocAUC == nil && none.top[0].share == nil)
        // Mean scores inside the study area: cell 1 is outside.
        let means = try HazardAreaValidation.meanScores(areas: [[0, 1], [2, 2, 3]], scores: [1, .nan, 2, 5],
                                                        include: [true, false, true, true])
        #expect(means == [1, 3])
        #expect(throws: ValidationError.emptyHazardArea(index: 0)) {
            _ = try HazardAreaValidation.meanScores(areas: [[1]], scores: [1, 2], include: [true, false])
        }
        #expect(throws: ValidationError.invalidSetting(name: "top areas", value: 0, expected: ">= 1")) {
            _ = try HazardAreaValidation.evaluate(areaScores: [1], positive: [true], topCounts: [0])
        }
    }
}
