import Testing
@testable import Calibration

@Suite("Calibration design and statistics")
struct CalibrationDesignTests {
    /// Halton points are the radical inverses of 1, 2, 3, … in bases 2 and 3 (by hand).
    @Test func haltonMatchesHandValues() {
        let points = CalibrationDesign.halton(count: 4, dimension: 2)
        let expected: [[Double]] = [[0.5, 1.0 / 3], [0.25, 2.0 / 3], [0.75, 1.0 / 9], [0.125, 4.0 / 9]]
        for (p, e) in zip(points, expected) {
            for (a, b) in zip(p, e) { #expect(abs(a - b) < 1e-15) }
        }
    }

    /// Every row and column of a 4 × 4 grid of cells holds a point of the first 16 (low discrepancy).
    @Test func haltonFillsTheBox() {
        let points = CalibrationDesign.halton(count: 16, dimension: 2)
        for i in 0..<4 {
            #expect(points.contains { Int($0[0] * 4) == i })
            #expect(points.contains { Int($0[1] * 4) == i })
        }
    }

    /// Chi-square quantiles against tabulated values.
    @Test(arguments: [(0.9, 1, 2.7055), (0.9, 2, 4.6052), (0.9, 3, 6.2514), (0.99, 4, 13.2767), (0.95, 10, 18.307)])
    func chiSquareQuantiles(p: Double, df: Int, table: Double) {
        #expect(abs(ChiSquare.quantile(p, df: df) - table) / table < 0.01)
    }

    /// The distance of a figure is its squared log error over the combined variance (by hand).
    @Test func distanceByHand() {
        // Two replications, 100 and 140 ha: mean 120 ha, sd 28.28 ha; observed 100 ha, τ = 0.1.
        let d = CalibrationDistance(observed: [1_000_000], relativeErrors: [0.1], simulated: [[1_000_000], [1_400_000]])
        let spread = (800.0).squareRoot() / 120
        let sigma2 = 0.01 + spread * spread * 1.5
        let expected = pow(log(1.2), 2) / sigma2
        #expect(abs(d.value - expected) < 1e-12)
        #expect(d.means == [120] && d.p10s == [100] && d.p90s == [140])
        #expect(d.standardisedErrors[0] > 0)
    }

    /// Casualties: expected civilian counts add the Poisson variance 1/m of the reported count,
    /// deminer counts (drawn per replication) do not; each unit has its own floor, so 3 people are
    /// not floored at 2 % of 1,000 ha, and figures show in people.
    @Test func casualtyDistanceByHand() {
        // Civilian: replications 40 and 60, observed 45, τ = 0.1. Deminer: 2 and 4, observed 3.
        let d = CalibrationDistance(observed: [45, 3, 10_000_000], relativeErrors: [0.1, 0.1, 0.1],
                                    simulated: [[40, 2, 10_000_000], [60, 4, 10_000_000]],
                                    metrics: [.civilianCasualties, .deminerCasualties, .releasedArea])
        let civilian = pow(log(50.0 / 45), 2) / (0.01 + pow(200.0.squareRoot() / 50, 2) * 1.5 + 1.0 / 50)
        let deminer = pow(log(3.0 / 3), 2) / (0.01 + pow(2.0.squareRoot() / 3, 2) * 1.5)
        #expect(abs(d.value - civilian - deminer) < 1e-12)
        #expect(d.means == [50, 3, 1_000] && d.p10s == [40, 2, 1_000] && d.p90s == [60, 4, 1_000])
    }
}

import Foundation
