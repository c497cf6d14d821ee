import Foundation
import Testing
@testable import EventSimulation

@Suite("Statistics")
struct StatisticsTests {
    // MARK: Quantiles (type 7)

    /// Values from R: `quantile(c(1, 2, 3, 4), c(0, .1, .25, .5, .9, 1))` and NumPy's default
    /// `np.percentile([1, 2, 3, 4], [0, 10, 25, 50, 90, 100])`.
    @Test func quantileMatchesRAndNumPy() throws {
        let sample = [1.0, 2, 3, 4]
        let expected: [(Double, Double)] = [(0, 1), (0.1, 1.3), (0.25, 1.75), (0.5, 2.5), (0.9, 3.7), (1, 4)]
        for (p, value) in expected {
            #expect(abs(try Statistics.quantile(sorted: sample, p: p) - value) < 1e-12, "p = \(p)")
        }
        // R: quantile(c(2, 7, 8, 15, 40), .8) = 20
        #expect(abs(try Statistics.quantile(sorted: [2, 7, 8, 15, 40], p: 0.8) - 20) < 1e-12)
        #expect(try Statistics.quantile(sorted: [5], p: 0.37) == 5)
    }

    @Test func quantileAgreesWithDefinitionOnRandomSamples() throws {
        var rng = RandomStream(seed: 8)
        for _ in 0..<50 {
            let n = Int.random(in: 1..<40, using: &rng)
            let sorted = (0..<n).map { _ in rng.nextDouble() * 100 }.sorted()
            let p = rng.nextDouble()
            // Type 7 is linear interpolation of the points ((i)/(n−1), x_i), i = 0…n−1.
            var expected = sorted[0]
            if n > 1 {
                for index in 0..<(n - 1) {
                    let lower = Double(index) / Double(n - 1), upper = Double(index + 1) / Double(n - 1)
                    if p >= lower, p <= upper {
                        expected = sorted[index] + (p - lower) / (upper - lower) * (sorted[index + 1] - sorted[index])
                        break
                    }
                }
            }
            #expect(abs(try Statistics.quantile(sorted: sorted, p: p) - expected) < 1e-9)
        }
    }

    @Test func quantileErrors() {
        #expect(throws: StatisticsError.emptySample(statistic: "quantile")) { try Statistics.quantile(sorted: [], p: 0.5) }
        #expect(throws: StatisticsError.probabilityOutOfRange(1.5)) { try Statistics.quantile(sorted: [1], p: 1.5) }
        #expect(throws: StatisticsError.self) { try Statistics.quantile(sorted: [1], p: .nan) }
    }

    // MARK: Moments

    @Test func meanAndVarianceMatchNaiveLoops() throws {
        var rng = RandomStream(seed: 9)
        let values = (0..<1_000).map { _ in 1e6 + rng.nextStandardNormal() }
        let (mean, variance) = naiveMoments(values)
        #expect(abs(try Statistics.mean(values) - mean) < 1e-9)
        #expect(abs(try Statistics.variance(values) - variance) < 1e-9)
        #expect(try Statistics.variance([3]) == 0)
        #expect(try Statistics.mean([1, 2, 3, 4]) == 2.5)
        #expect(abs(try Statistics.variance([1, 2, 3, 4]) - 5.0 / 3) < 1e-15)
        #expect(throws: StatisticsError.emptySample(statistic: "mean")) { try Statistics.mean([]) }
    }

    @Test func compensatedSumIsAccurate() throws {
        // 1 + 10⁶ × 10⁻¹⁶ + (−1): naive summation loses every small term.
        let values = [1.0] + Array(repeating: 1e-16, count: 1_000_000) + [-1.0]
        #expect(abs(try Statistics.mean(values) * Double(values.count) - 1e-10) < 1e-20)
    }

    // MARK: Summary

    @Test func summaryIsOrderIndependentAndCorrect() throws {
        var rng = RandomStream(seed: 10)
        let values = (0..<1_001).map { _ in Distribution.exponential(mean: 4).sample(using: &rng) }
        var shuffled = values
        shuffled.shuffle(using: &rng)
        let summary = try SampleSummary(values)
        #expect(summary == (try SampleSummary(shuffled)))  // bit-identical
        let sorted = values.sorted()
        #expect(summary.count == 1_001)
        #expect(summary.minimum == sorted[0] && summary.maximum == sorted[1_000])
        #expect(summary.median == sorted[500])  // n − 1 = 1000, so p·1000 is an index
        #expect(summary.p90 == sorted[900] && summary.p05 == sorted[50] && summary.p25 == sorted[250])
        let (mean, variance) = naiveMoments(values)
        #expect(abs(summary.mean - mean) < 1e-12)
        #expect(abs(summary.standardDeviation - variance.squareRoot()) < 1e-12)
        #expect(abs(summary.standardError - (variance / 1_001).squareRoot()) < 1e-12)
    }

    @Test func summaryRejectsBadSamples() {
        #expect(throws: StatisticsError.emptySample(statistic: "summary")) { try SampleSummary([]) }
        #expect(throws: StatisticsError.self) { try SampleSummary([1, .nan, 3]) }
        #expect(throws: StatisticsError.self) { try SampleSummary([1, -.infinity]) }
    }
}
