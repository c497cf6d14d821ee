import _TestSupport
import Foundation
import Testing
@testable import EventSimulation

/// A distribution with its analytic excess kurtosis (for the variance-of-variance tolerance),
/// computed here from textbook formulas, independently of the module.
struct MomentCase: Sendable, CustomTestStringConvertible {
    let distribution: Distribution
    let excessKurtosis: Double
    var testDescription: String { "\(distribution)" }
}

private func lognormalKurtosis(sigma: Double) -> Double {
    let s2 = sigma * sigma
    return exp(4 * s2) + 2 * exp(3 * s2) + 3 * exp(2 * s2) - 6
}

private func betaKurtosis(_ a: Double, _ b: Double) -> Double {
    6 * ((a - b) * (a - b) * (a + b + 1) - a * b * (a + b + 2)) / (a * b * (a + b + 2) * (a + b + 3))
}

private let momentCases: [MomentCase] = [
    MomentCase(distribution: .uniform(min: -2, max: 5), excessKurtosis: -1.2),
    MomentCase(distribution: .exponential(mean: 3.5), excessKurtosis: 6),
    MomentCase(distribution: .normal(mean: 10, sd: 2.5), excessKurtosis: 0),
    MomentCase(distribution: .lognormal(mu: 1, sigma: 0.4), excessKurtosis: lognormalKurtosis(sigma: 0.4)),
    MomentCase(distribution: .gamma(shape: 0.3, scale: 2), excessKurtosis: 6 / 0.3),
    MomentCase(distribution: .gamma(shape: 1, scale: 0.5), excessKurtosis: 6),
    MomentCase(distribution: .gamma(shape: 7.5, scale: 3), excessKurtosis: 6 / 7.5),
    MomentCase(distribution: .beta(alpha: 2, beta: 5, min: 10, max: 30), excessKurtosis: betaKurtosis(2, 5)),
    MomentCase(distribution: .beta(alpha: 0.5, beta: 0.5), excessKurtosis: betaKurtosis(0.5, 0.5)),
    MomentCase(distribution: .triangular(min: 1, mode: 2, max: 6), excessKurtosis: -0.6),
    MomentCase(distribution: .triangular(min: 0, mode: 0, max: 1), excessKurtosis: -0.6),
    MomentCase(distribution: .poisson(mean: 0.7), excessKurtosis: 1 / 0.7),
    MomentCase(distribution: .poisson(mean: 9.5), excessKurtosis: 1 / 9.5),
    MomentCase(distribution: .poisson(mean: 10), excessKurtosis: 1 / 10.0),
    MomentCase(distribution: .poisson(mean: 250), excessKurtosis: 1 / 250.0),
    MomentCase(distribution: .poisson(mean: 1e6), excessKurtosis: 1e-6),
    MomentCase(distribution: .bernoulli(p: 0.2), excessKurtosis: (1 - 6 * 0.2 * 0.8) / (0.2 * 0.8)),
]

@Suite("Distribution moments and quantiles")
struct DistributionMomentTests {
    static let n = 100_000

    // MARK: Analytic values

    @Test func analyticMomentsMatchTextbookFormulas() throws {
        #expect(Distribution.constant(4).mean == 4 && Distribution.constant(4).variance == 0)
        #expect(Distribution.uniform(min: 0, max: 6).variance == 3)
        #expect(Distribution.triangular(min: 0, mode: 1, max: 5).mean == 2)
        // Triangular variance (a² + b² + c² − ab − ac − bc) / 18 = (0 + 25 + 1 − 0 − 0 − 5) / 18.
        #expect(abs(Distribution.triangular(min: 0, mode: 1, max: 5).variance - 21.0 / 18) < 1e-15)
        #expect(Distribution.gamma(shape: 3, scale: 2).variance == 12)
        // Beta(2, 3): mean 0.4, variance 6 / (25 · 6) = 0.04.
        #expect(abs(Distribution.beta(alpha: 2, beta: 3).variance - 0.04) < 1e-15)
        #expect(abs(Distribution.beta(alpha: 2, beta: 3, min: 10, max: 20).mean - 14) < 1e-12)
        let lognormal = Distribution.lognormal(mu: 0, sigma: 1)
        #expect(abs(lognormal.mean - exp(0.5)) < 1e-15)
        #expect(abs(lognormal.variance - (exp(1) - 1) * exp(1)) < 1e-12)
        #expect(Distribution.bernoulli(p: 0.25).variance == 0.1875)
    }

    // MARK: Sample moments

    @Test(arguments: momentCases)
    func sampleMomentsMatchAnalytic(_ testCase: MomentCase) {
        let distribution = testCase.distribution
        let values = draw(distribution, n: Self.n, stream: "moments-\(distribution)")
        let (mean, variance) = naiveMoments(values)
        let meanTol = Tolerance.mean(variance: distribution.variance, n: Self.n)
        let varTol = Tolerance.variance(
            variance: distribution.variance, excessKurtosis: testCase.excessKurtosis, n: Self.n)
        #expect(abs(mean - distribution.mean) < meanTol, "mean \(mean) vs \(distribution.mean) ± \(meanTol)")
        #expect(
            abs(variance - distribution.variance) < varTol,
            "variance \(variance) vs \(distribution.variance) ± \(varTol)")
        #expect(values.allSatisfy { $0.isFinite })
    }

    @Test func supportsAreRespected() {
        let n = 20_000
        #expect(draw(.uniform(min: 2, max: 3), n: n, stream: "s1").allSatisfy { $0 >= 2 && $0 < 3 })
        #expect(draw(.exponential(mean: 1), n: n, stream: "s2").allSatisfy { $0 >= 0 })
        #expect(draw(.gamma(shape: 0.05, scale: 1), n: n, stream: "s3").allSatisfy { $0 >= 0 })
        #expect(draw(.beta(alpha: 0.01, beta: 0.01, min: -1, max: 1), n: n, stream: "s4").allSatisfy { $0 >= -1 && $0 <= 1 })
        #expect(draw(.triangular(min: 4, mode: 4.5, max: 9), n: n, stream: "s5").allSatisfy { $0 >= 4 && $0 <= 9 })
        let poisson = draw(.poisson(mean: 30), n: n, stream: "s6")
        #expect(poisson.allSatisfy { $0 >= 0 && $0 == $0.rounded() })
        #expect(Set(draw(.bernoulli(p: 0.5), n: n, stream: "s7")) == [0, 1])
        #expect(draw(.constant(2.5), n: 10, stream: "s8") == Array(repeating: 2.5, count: 10))
        #expect(draw(.poisson(mean: 0), n: 10, stream: "s9") == Array(repeating: 0, count: 10))
    }

    // MARK: Whole-distribution checks (Kolmogorov–Smirnov against analytic CDFs)

    @Test func continuousDistributionsMatchTheirCDFs() {
        let n = Self.n
        let critical = ksCritical(n: n)
        let checks: [(Distribution, (Double) -> Double)] = [
            (.uniform(min: -1, max: 3), { ($0 + 1) / 4 }),
            (.exponential(mean: 2), { 1 - exp(-$0 / 2) }),
            (.normal(mean: 1, sd: 3), { normalCDF(($0 - 1) / 3) }),
            (.lognormal(mu: 0.5, sigma: 0.8), { normalCDF((log($0) - 0.5) / 0.8) }),
            // Erlang (integer shape): 1 − Σ_{i<k} e^{−x/θ} (x/θ)^i / i!.
            (.gamma(shape: 3, scale: 2), { x in
                let y = x / 2
                return 1 - exp(-y) * (1 + y + y * y / 2)
            }),
            // Gamma(1/2, θ) = θ Z² / 2, so P(X ≤ x) = erf(sqrt(x / θ)): exercises the shape < 1 boost.
            (.gamma(shape: 0.5, scale: 3), { erf(($0 / 3).squareRoot()) }),
            // Beta(2, 3): I_x(2, 3) = Σ_{j=2}^{4} C(4, j) x^j (1 − x)^{4−j}.
            (.beta(alpha: 2, beta: 3), { x in
                6 * x * x * (1 - x) * (1 - x) + 4 * x * x * x * (1 - x) + x * x * x * x
            }),
            // Beta(1/2, 1/2) is the arcsine law: (2/π) asin(sqrt(x)).
            (.beta(alpha: 0.5, beta: 0.5), { 2 / Double.pi * asin($0.squareRoot()) }),
            (.triangular(min: 1, mode: 2, max: 6), { x in
                x <= 2 ? (x - 1) * (x - 1) / (5 * 1) : 1 - (6 - x) * (6 - x) / (5 * 4)
            }),
        ]
        for (distribution, cdf) in checks {
            let values = draw(distribution, n: n, stream: "ks-\(distribution)")
            let distance = ksDistance(values, cdf: cdf)
            #expect(distance < critical, "\(distribution): KS distance \(distance) ≥ \(critical)")
        }
    }

    @Test(arguments: [0.5, 4.0, 9.99, 10.0, 37.0, 400.0])
    func poissonFrequenciesMatchPMF(mean: Double) {
        let n = Self.n
        let values = draw(.poisson(mean: mean), n: n, stream: "pmf-\(mean)")
        var counts: [Int: Int] = [:]
        for value in values { counts[Int(value), default: 0] += 1 }
        // Check every k with pmf ≥ 10⁻³ (log-space pmf, so large means do not overflow).
        let sd = mean.squareRoot()
        let lower = max(0, Int(mean - 6 * sd)), upper = Int(mean + 6 * sd + 10)
        for k in lower...upper {
            let pmf = exp(-mean + Double(k) * log(mean) - lgamma(Double(k) + 1))
            guard pmf >= 1e-3 else { continue }
            let observed = Double(counts[k, default: 0]) / Double(n)
            #expect(abs(observed - pmf) < Tolerance.proportion(p: pmf, n: n), "k = \(k): \(observed) vs \(pmf)")
        }
    }

    /// Pearson chi-square over all bins with expected count ≥ 20 (tails pooled), against the
    /// Wilson–Hilferty approximation of the chi-square 1 − 10⁻⁴ quantile. More powerful than
    /// the per-k check for small systematic distortions spread over many k.
    @Test(arguments: [3.0, 9.5, 10.0, 120.0, 5000.0])
    func poissonChiSquare(mean: Double) {
        let n = Self.n
        let values = draw(.poisson(mean: mean), n: n, stream: "chi2-\(mean)")
        var counts: [Int: Int] = [:]
        for value in values { counts[Int(value), default: 0] += 1 }
        func pmf(_ k: Int) -> Double { exp(-mean + Double(k) * log(mean) - lgamma(Double(k) + 1)) }
        // Central bins with expected count ≥ 20; everything else goes into two tail bins.
        let central = (0...Int(mean + 10 * mean.squareRoot() + 20)).filter { Double(n) * pmf($0) >= 20 }
        guard let first = central.first, let last = central.last else {
            Issue.record("no bins")
            return
        }
        var statistic = 0.0
        var lowerProbability = 1.0, lowerCount = n
        for k in first...last {
            let expected = Double(n) * pmf(k)
            let observed = Double(counts[k, default: 0])
            statistic += (observed - expected) * (observed - expected) / expected
            lowerProbability -= pmf(k)
            lowerCount -= counts[k, default: 0]
        }
        // lowerProbability / lowerCount now hold both tails together.
        let tailExpected = Double(n) * max(lowerProbability, 0)
        if tailExpected >= 5 {
            let diff = Double(lowerCount) - tailExpected
            statistic += diff * diff / tailExpected
        }
        let df = Double(last - first + (tailExpected >= 5 ? 1 : 0))
        let z = 3.719  // standard normal 1 − 10⁻⁴ quantile
        let critical = df * pow(1 - 2 / (9 * df) + z * (2 / (9 * df)).squareRoot(), 3)
        #expect(statistic < critical, "chi-square \(statistic) ≥ \(critical) with \(df) df")
    }

    // MARK: Quantiles with binomial tolerances

    @Test func lognormalConstructorsHitTheirTargets() throws {
        let n = Self.n
        let byQuantiles = try Distribution.lognormal(median: 4, p90: 11)
        let values = draw(byQuantiles, n: n, stream: "lognormal-quantiles")
        #expect(abs(empiricalCDF(values, at: 4) - 0.5) < Tolerance.proportion(p: 0.5, n: n))
        #expect(abs(empiricalCDF(values, at: 11) - 0.9) < Tolerance.proportion(p: 0.9, n: n))
        guard case let .lognormal(mu, sigma) = byQuantiles else {
            Issue.record("expected a lognormal case")
            return
        }
        #expect(abs(exp(mu) - 4) < 1e-12)
        #expect(abs(exp(mu + 1.2815515655446004 * sigma) - 11) < 1e-12)

        let byMean = try Distribution.lognormal(mean: 6, cv: 0.8)
        #expect(abs(byMean.mean - 6) < 1e-12)
        #expect(abs(byMean.standardDeviation / byMean.mean - 0.8) < 1e-12)
        let sample = draw(byMean, n: n, stream: "lognormal-mean-cv")
        let (mean, _) = naiveMoments(sample)
        #expect(abs(mean - 6) < Tolerance.mean(variance: byMean.variance, n: n))
        #expect(try Distribution.lognormal(mean: 3, cv: 0) == .lognormal(mu: log(3), sigma: 0))
    }

    @Test func exponentialMedianIsMeanLn2() {
        let n = Self.n
        let values = draw(.exponential(mean: 5), n: n, stream: "exp-median")
        #expect(abs(empiricalCDF(values, at: 5 * log(2.0)) - 0.5) < Tolerance.proportion(p: 0.5, n: n))
        #expect(abs(empiricalCDF(values, at: 5) - (1 - exp(-1))) < Tolerance.proportion(p: 1 - exp(-1), n: n))
    }

    @Test func triangularCDFAtSelectedPoints() {
        let n = Self.n
        let values = draw(.triangular(min: 0, mode: 3, max: 4), n: n, stream: "tri-cdf")
        // F(x) = x²/12 below the mode, 1 − (4 − x)²/4 above it.
        for (x, p) in [(1.0, 1.0 / 12), (3.0, 0.75), (3.5, 1 - 0.0625)] {
            #expect(abs(empiricalCDF(values, at: x) - p) < Tolerance.proportion(p: p, n: n), "F(\(x))")
        }
    }

    @Test func bernoulliFrequency() {
        let n = Self.n
        let values = draw(.bernoulli(p: 0.03), n: n, stream: "bernoulli")
        #expect(abs(values.reduce(0, +) / Double(n) - 0.03) < Tolerance.proportion(p: 0.03, n: n))
        #expect(draw(.bernoulli(p: 0), n: 1000, stream: "b0").allSatisfy { $0 == 0 })
        #expect(draw(.bernoulli(p: 1), n: 1000, stream: "b1").allSatisfy { $0 == 1 })
    }
}
