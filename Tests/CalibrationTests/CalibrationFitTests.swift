import Foundation
import Scenarios
import Testing
@testable import Calibration

/// The accepted set and the verdicts on synthetic distance surfaces with a known answer.
@Suite("Calibration fit")
struct CalibrationFitTests {
    static let a = UncertaintySpec.Input(label: "a", paths: ["x.a"], variation: .range(low: 0, high: 10, whole: false))
    static let b = UncertaintySpec.Input(label: "b", paths: ["x.b"], variation: .scale(low: 0.5, high: 1.5, whole: false))

    /// A sharp bowl around (0.3, 0.6): both identified, near the truth, no trade-off.
    @Test func bowlIsIdentified() {
        let points = CalibrationDesign.halton(count: 200, dimension: 2)
        let distances = points.map { 400 * (pow($0[0] - 0.3, 2) + pow($0[1] - 0.6, 2)) }
        let fit = CalibrationFit(inputs: [Self.a, Self.b], coordinates: points, distances: distances, figures: 6, level: 0.9)
        #expect(fit.parameters.map(\.verdict) == ["identified", "identified"])
        #expect(fit.parameters[0].acceptedLow <= 3 && fit.parameters[0].acceptedHigh >= 3)
        #expect(fit.parameters[1].acceptedLow <= 1.1 && fit.parameters[1].acceptedHigh >= 1.1)
        // Accepted: 400 r² ≤ D_min + 4.605, so r ≤ ~0.107: a's interval is about 3 ± 1.07.
        #expect(fit.parameters[0].acceptedHigh - fit.parameters[0].acceptedLow < 2.5)
        #expect(fit.pairs.count == 1 && fit.pairs[0].verdict != "trade_off")
        // Every accepted point is within the threshold, every other outside (checked by a loop).
        for k in points.indices { #expect(fit.accepted.contains(k) == (distances[k] <= fit.threshold)) }
    }

    /// Only u_a + u_b is determined: a ridge. Each is not identified; the pair is a trade-off with
    /// ends on both sides of the ridge.
    @Test func ridgeIsATradeOff() {
        let points = CalibrationDesign.halton(count: 200, dimension: 2)
        let distances = points.map { 400 * pow($0[0] + $0[1] - 1, 2) }
        let fit = CalibrationFit(inputs: [Self.a, Self.b], coordinates: points, distances: distances, figures: 4, level: 0.9)
        #expect(fit.parameters.map(\.verdict) == ["not_identified", "not_identified"])
        let pair = fit.pairs[0]
        #expect(pair.verdict == "trade_off")
        #expect((pair.correlation ?? 0) < -0.9)
        #expect(pair.lowEnd[0] < 1.5 && pair.lowEnd[1] > 1.3)     // a low goes with b high
        #expect(pair.highEnd[0] > 8.5 && pair.highEnd[1] < 0.7)
        #expect(pair.explanation.contains("only a combination"))
    }

    /// The data rule out high values only: bounded.
    @Test func oneSidedBound() {
        let points = CalibrationDesign.halton(count: 100, dimension: 1)
        let distances = points.map { $0[0] < 0.4 ? 0 : 100 * ($0[0] - 0.4) }
        let fit = CalibrationFit(inputs: [Self.a], coordinates: points, distances: distances, figures: 3, level: 0.9)
        #expect(fit.parameters[0].verdict == "bounded")
        #expect(fit.parameters[0].explanation.contains("bounded above"))
        #expect(fit.pairs.isEmpty)
    }

    /// A best distance far above what the errors allow is a poor fit.
    @Test func poorFitIsFlagged() {
        let points = CalibrationDesign.halton(count: 20, dimension: 1)
        let fit = CalibrationFit(inputs: [Self.a], coordinates: points, distances: points.map { 100 + $0[0] }, figures: 4, level: 0.9)
        #expect(fit.poorFit)
    }
}
