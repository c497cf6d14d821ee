import EventSimulation

// MARK: - Results

/// One input's one-at-a-time swing: the output with the input at its low and high end, the others
/// at their baseline (one bar of a tornado chart).
public struct OneAtATimeEffect: Sendable, Equatable, Codable {
    public var low: Double
    public var high: Double
    /// |high − low|, what a tornado chart sorts by.
    public var swing: Double { abs(high - low) }
}

/// Morris screening measures of one input: μ* (mean absolute elementary effect: overall influence),
/// μ (signed mean) and σ (standard deviation: interactions or non-linearity), in output units per
/// unit of the input's range.
public struct MorrisEffect: Sendable, Equatable, Codable {
    public var muStar: Double
    public var mu: Double
    public var sigma: Double
}

/// A Sobol index with its bootstrap interval.
public struct IndexEstimate: Sendable, Equatable, Codable {
    public var value: Double
    public var lower: Double
    public var upper: Double
}

/// First-order (S_i) and total (ST_i) Sobol indices of one input.
public struct SobolEffect: Sendable, Equatable, Codable {
    public var first: IndexEstimate
    public var total: IndexEstimate
}

// MARK: - Estimators

/// Estimators for the designs of ``SensitivityDesign``; `outputs[k]` is the model output at
/// `design.points[k]`.
public enum SensitivityIndices {
    /// One-at-a-time swings from a ``SensitivityDesign/oneAtATime(baseline:)`` design.
    public static func oneAtATime(_ design: SensitivityDesign, outputs: [Double]) -> [OneAtATimeEffect] {
        precondition(design.method == .oneAtATime && outputs.count == design.points.count)
        return (0..<design.dimension).map { OneAtATimeEffect(low: outputs[1 + 2 * $0], high: outputs[2 + 2 * $0]) }
    }

    /// Morris μ*, μ and σ from a ``SensitivityDesign/morris(dimension:trajectories:levels:seed:)`` design.
    ///
    /// - Complexity: O(trajectories × D).
    public static func morris(_ design: SensitivityDesign, outputs: [Double]) -> [MorrisEffect] {
        precondition(design.method == .morris && outputs.count == design.points.count)
        let d = design.dimension, r = design.points.count / (d + 1)
        var effects = [[Double]](repeating: [], count: d)
        for t in 0..<r {
            for step in 0..<d {
                let k = t * (d + 1) + step
                let before = design.points[k], after = design.points[k + 1]
                guard let i = (0..<d).first(where: { before[$0] != after[$0] }) else { continue }
                effects[i].append((outputs[k + 1] - outputs[k]) / (after[i] - before[i]))
            }
        }
        return effects.map { e in
            let n = Double(max(e.count, 1))
            let mu = e.reduce(0, +) / n
            let variance = e.count > 1 ? e.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / Double(e.count - 1) : 0
            return MorrisEffect(muStar: e.reduce(0) { $0 + abs($1) } / n, mu: mu, sigma: variance.squareRoot())
        }
    }

    /// First-order indices by Saltelli et al. (2010, their table 2 (b)) and total indices by Jansen
    /// (1999), on outputs centred on their mean, from a ``SensitivityDesign/sobol(dimension:baseSamples:seed:)`` design, with 95 %
    /// percentile intervals from `resamples` bootstrap resamples of the base samples.
    ///
    ///     V    = variance of f(A) and f(B) pooled
    ///     S_i  = mean( f(B) (f(A_B^i) − f(A)) ) / V
    ///     ST_i = mean( (f(A) − f(A_B^i))² ) / (2V)
    ///
    /// A model whose output does not vary (V = 0) has every index 0.
    ///
    /// - Complexity: O(resamples × N × D).
    public static func sobol(_ design: SensitivityDesign, outputs: [Double], resamples: Int = 500, seed: UInt64 = 1) -> [SobolEffect] {
        precondition(design.method == .sobol && outputs.count == design.points.count)
        let d = design.dimension, n = design.points.count / (d + 2)
        // Centred on the mean of every output (as SALib does): the first-order estimator multiplies
        // f(B) by a difference whose sample mean is not exactly 0, so an offset in the output would
        // otherwise leak into S_i.
        let centre = outputs.reduce(0, +) / Double(max(outputs.count, 1))
        let centred = outputs.map { $0 - centre }
        func row(_ j: Int) -> (a: Double, ab: ArraySlice<Double>, b: Double) {
            let base = j * (d + 2)
            return (centred[base], centred[(base + 1)...(base + d)], centred[base + d + 1])
        }
        func estimate(_ rows: [Int]) -> (first: [Double], total: [Double]) {
            let m = Double(rows.count)
            var sum = 0.0, sumSquares = 0.0
            for j in rows { let r = row(j); sum += r.a + r.b; sumSquares += r.a * r.a + r.b * r.b }
            let mean = sum / (2 * m)
            let variance = sumSquares / (2 * m) - mean * mean
            guard variance > 1e-300 else { return ([Double](repeating: 0, count: d), [Double](repeating: 0, count: d)) }
            var first = [Double](repeating: 0, count: d), total = [Double](repeating: 0, count: d)
            for j in rows {
                let r = row(j)
                for (i, fab) in r.ab.enumerated() {
                    first[i] += r.b * (fab - r.a)
                    total[i] += (r.a - fab) * (r.a - fab)
                }
            }
            return (first.map { $0 / m / variance }, total.map { $0 / m / (2 * variance) })
        }
        let all = estimate(Array(0..<n))
        var rng = RandomStream(masterSeed: seed, replication: 0, stream: "bootstrap")
        var firsts = [[Double]](repeating: [], count: d), totals = [[Double]](repeating: [], count: d)
        for _ in 0..<resamples {
            let e = estimate((0..<n).map { _ in Int(rng.nextDouble() * Double(n)) })
            for i in 0..<d {
                firsts[i].append(e.first[i])
                totals[i].append(e.total[i])
            }
        }
        func interval(_ value: Double, _ samples: [Double]) -> IndexEstimate {
            guard !samples.isEmpty else { return IndexEstimate(value: value, lower: value, upper: value) }
            let sorted = samples.sorted()
            let lower = sorted[Int((0.025 * Double(sorted.count - 1)).rounded())]
            let upper = sorted[Int((0.975 * Double(sorted.count - 1)).rounded())]
            return IndexEstimate(value: value, lower: lower, upper: upper)
        }
        return (0..<d).map { SobolEffect(first: interval(all.first[$0], firsts[$0]), total: interval(all.total[$0], totals[$0])) }
    }
}
