import _TestSupport
import ResourcePlanning
import Testing

@Suite("Wilson interval")
struct ProportionEstimateTests {
    /// Against the closed form evaluated independently (Wilson 1927; e.g. 81 of 263 at 95 %:
    /// (0.2553, 0.3662), the worked example in Newcombe, Statistics in Medicine 17, 1998, table I).
    @Test func newcombeWorkedExample() {
        let i = ProportionEstimate(successes: 81, trials: 263).interval()
        #expect(abs(i.lower - 0.2553) < 5e-5 && abs(i.upper - 0.3662) < 5e-5)
    }

    /// The interval contains the estimate, stays in [0, 1], and narrows as trials grow, on random inputs.
    @Test func propertiesOnRandomInputs() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let n = Int.random(in: 1...5000, using: &rng), k = Int.random(in: 0...n, using: &rng)
            let e = ProportionEstimate(successes: k, trials: n), i = e.interval()
            #expect(i.lower >= 0 && i.upper <= 1 && i.lower <= e.estimate + 1e-12 && e.estimate <= i.upper + 1e-12)
            let bigger = ProportionEstimate(successes: k * 4, trials: n * 4).interval()
            #expect(bigger.upper - bigger.lower < i.upper - i.lower + 1e-12)
        }
        #expect(ProportionEstimate(successes: 0, trials: 0).interval() == (0, 1))
    }
}
