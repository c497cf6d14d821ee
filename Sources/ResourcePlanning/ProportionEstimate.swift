// MARK: - ProportionEstimate

/// A probability estimated from Monte Carlo replications: successes out of trials, with the
/// Wilson score interval.
///
/// The Wilson interval keeps its coverage near 0 and 1, where planning targets live (p ≥ 0.9),
/// unlike the normal-approximation interval, which collapses to a point when every replication
/// succeeds (Brown, Cai and DasGupta, "Interval estimation for a binomial proportion", 2001).
///
/// ```swift
/// let e = ProportionEstimate(successes: 183, trials: 200)
/// e.estimate            // 0.915
/// e.interval(z: 1.96)   // (0.868, 0.946)
/// ```
public struct ProportionEstimate: Sendable, Equatable, Codable {
    public var successes: Int
    public var trials: Int

    public init(successes: Int, trials: Int) {
        precondition(trials >= 0 && (0...max(trials, 0)).contains(successes), "0 ≤ successes ≤ trials")
        self.successes = successes
        self.trials = trials
    }

    /// successes / trials (0 when there are no trials).
    public var estimate: Double { trials > 0 ? Double(successes) / Double(trials) : 0 }

    /// The Wilson score interval at normal quantile `z` (1.96 for 95 %); (0, 1) with no trials.
    public func interval(z: Double = 1.959963984540054) -> (lower: Double, upper: Double) {
        guard trials > 0 else { return (0, 1) }
        let n = Double(trials), p = estimate, z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z / (1 + z2 / n) * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return (max(0, centre - half), min(1, centre + half))
    }

    /// Half the width of the 95 % interval.
    public var halfWidth: Double { let i = interval(); return (i.upper - i.lower) / 2 }
}
