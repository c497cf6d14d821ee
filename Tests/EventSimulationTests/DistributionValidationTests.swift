import Foundation
import Testing
@testable import EventSimulation

@Suite("Distribution validation and coding")
struct DistributionValidationTests {
    // MARK: validate()

    @Test(arguments: [
        Distribution.constant(0), .uniform(min: 1, max: 1), .uniform(min: -5, max: 5), .exponential(mean: 0.1),
        .normal(mean: -3, sd: 0), .lognormal(mu: -2, sigma: 0), .gamma(shape: 0.01, scale: 100),
        .beta(alpha: 0.5, beta: 2, min: 3, max: 3), .triangular(min: 1, mode: 1, max: 1),
        .triangular(min: 0, mode: 2, max: 2), .poisson(mean: 0), .poisson(mean: 0x1.0p52),
        .bernoulli(p: 0), .bernoulli(p: 1),
    ])
    func validParametersPass(_ distribution: Distribution) throws {
        try distribution.validate()
    }

    @Test(arguments: [
        (Distribution.constant(.nan), DistributionError.nonFinite(distribution: "constant", parameter: "value", value: .nan)),
        (.uniform(min: 3, max: 2), .inconsistent(distribution: "uniform", message: "min = 3.0 must not exceed max = 2.0")),
        (.uniform(min: 0, max: .infinity), .nonFinite(distribution: "uniform", parameter: "max", value: .infinity)),
        (.uniform(min: -1e308, max: 1e308),
         .inconsistent(distribution: "uniform", message: "width max − min = inf overflows")),
        (.exponential(mean: 0), .outOfRange(distribution: "exponential", parameter: "mean", value: 0, expected: "a value > 0")),
        (.normal(mean: 0, sd: -1), .outOfRange(distribution: "normal", parameter: "sd", value: -1, expected: "a value ≥ 0")),
        (.lognormal(mu: 0, sigma: -0.1),
         .outOfRange(distribution: "lognormal", parameter: "sigma", value: -0.1, expected: "a value ≥ 0")),
        (.lognormal(mu: 800, sigma: 1),
         .inconsistent(distribution: "lognormal", message: "mu = 800.0, sigma = 1.0 give an infinite mean exp(mu + sigma²/2)")),
        (.gamma(shape: 0, scale: 1), .outOfRange(distribution: "gamma", parameter: "shape", value: 0, expected: "a value > 0")),
        (.gamma(shape: 1, scale: -2), .outOfRange(distribution: "gamma", parameter: "scale", value: -2, expected: "a value > 0")),
        (.beta(alpha: -1, beta: 1, min: 0, max: 1),
         .outOfRange(distribution: "beta", parameter: "alpha", value: -1, expected: "a value > 0")),
        (.beta(alpha: 1, beta: 1, min: 2, max: 1), .inconsistent(distribution: "beta", message: "min = 2.0 must not exceed max = 1.0")),
        (.triangular(min: 1, mode: 5, max: 3),
         .inconsistent(distribution: "triangular", message: "mode = 5.0 must lie in [min, max] = [1.0, 3.0]")),
        (.triangular(min: 4, mode: 4, max: 3), .inconsistent(distribution: "triangular", message: "min = 4.0 must not exceed max = 3.0")),
        (.poisson(mean: -0.5), .outOfRange(distribution: "poisson", parameter: "mean", value: -0.5, expected: "a value in [0, 2^52]")),
        (.poisson(mean: 1e300), .outOfRange(distribution: "poisson", parameter: "mean", value: 1e300, expected: "a value in [0, 2^52]")),
        (.bernoulli(p: 1.2), .outOfRange(distribution: "bernoulli", parameter: "p", value: 1.2, expected: "a probability in [0, 1]")),
        (.bernoulli(p: -0.01), .outOfRange(distribution: "bernoulli", parameter: "p", value: -0.01, expected: "a probability in [0, 1]")),
    ])
    func impossibleParametersThrow(_ distribution: Distribution, _ expected: DistributionError) {
        do {
            try distribution.validate()
            Issue.record("\(distribution) validated but should not")
        } catch {
            // NaN != NaN, so compare descriptions (which also checks the message text).
            #expect(error.description == expected.description)
        }
    }

    @Test func messagesAreReadable() {
        #expect(
            DistributionError.outOfRange(distribution: "bernoulli", parameter: "p", value: 1.2, expected: "a probability in [0, 1]")
                .description == "bernoulli: p = 1.2, expected a probability in [0, 1]")
    }

    // MARK: Lognormal constructors

    @Test func lognormalConstructorsRejectImpossibleInput() {
        #expect(throws: DistributionError.inconsistent(distribution: "lognormal", message: "p90 = 2.0 must be greater than median = 2.0")) {
            try Distribution.lognormal(median: 2, p90: 2)
        }
        #expect(throws: DistributionError.self) { try Distribution.lognormal(median: 3, p90: 1) }
        #expect(throws: DistributionError.outOfRange(distribution: "lognormal", parameter: "median", value: 0, expected: "a value > 0")) {
            try Distribution.lognormal(median: 0, p90: 1)
        }
        #expect(throws: DistributionError.self) { try Distribution.lognormal(median: .nan, p90: 1) }
        #expect(throws: DistributionError.self) { try Distribution.lognormal(median: 1, p90: .infinity) }
        #expect(throws: DistributionError.outOfRange(distribution: "lognormal", parameter: "mean", value: -1, expected: "a value > 0")) {
            try Distribution.lognormal(mean: -1, cv: 0.5)
        }
        #expect(throws: DistributionError.outOfRange(distribution: "lognormal", parameter: "cv", value: -0.5, expected: "a value ≥ 0")) {
            try Distribution.lognormal(mean: 1, cv: -0.5)
        }
        // Finite inputs whose mean overflows are caught by the final validation.
        #expect(throws: DistributionError.self) { try Distribution.lognormal(median: 1e300, p90: 1e306) }
    }

    // MARK: Codable

    @Test(arguments: [
        Distribution.constant(2), .uniform(min: 1, max: 4), .exponential(mean: 3), .normal(mean: 1, sd: 0.5),
        .lognormal(mu: 0.3, sigma: 0.7), .gamma(shape: 2, scale: 1.5), .beta(alpha: 2, beta: 3, min: 5, max: 9),
        .triangular(min: 1, mode: 2, max: 8), .poisson(mean: 12), .bernoulli(p: 0.4),
    ])
    func codableRoundTrip(_ distribution: Distribution) throws {
        let data = try JSONEncoder().encode(distribution)
        #expect(try JSONDecoder().decode(Distribution.self, from: data) == distribution)
    }

    @Test func decodesPlannerFriendlyForms() throws {
        func decode(_ json: String) throws -> Distribution {
            try JSONDecoder().decode(Distribution.self, from: Data(json.utf8))
        }
        #expect(try decode(#"{"type":"lognormal","median":3,"p90":8}"#) == Distribution.lognormal(median: 3, p90: 8))
        #expect(try decode(#"{"type":"lognormal","mean":4,"cv":0.5}"#) == Distribution.lognormal(mean: 4, cv: 0.5))
        #expect(try decode(#"{"type":"beta","alpha":2,"beta":3}"#) == .beta(alpha: 2, beta: 3, min: 0, max: 1))
        #expect(try decode(#"{"type":"triangular","min":1,"mode":2,"max":3}"#) == .triangular(min: 1, mode: 2, max: 3))
    }

    @Test func decodingRejectsInvalidFiles() {
        func decodeError(_ json: String) -> String? {
            do {
                _ = try JSONDecoder().decode(Distribution.self, from: Data(json.utf8))
                return nil
            } catch let DecodingError.dataCorrupted(context) {
                return context.debugDescription
            } catch {
                return "\(error)"
            }
        }
        #expect(decodeError(#"{"type":"bernoulli","p":2}"#) == "bernoulli: p = 2.0, expected a probability in [0, 1]")
        #expect(decodeError(#"{"type":"lognormal","median":5,"p90":4}"#) == "lognormal: p90 = 4.0 must be greater than median = 5.0")
        #expect(decodeError(#"{"type":"weibull","shape":2}"#)?.contains("unknown distribution type \"weibull\"") == true)
        #expect(decodeError(#"{"type":"uniform","min":1}"#) != nil)  // missing max
    }
}
