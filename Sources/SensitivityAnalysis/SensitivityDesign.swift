import EventSimulation

// MARK: - Designs

/// The points at which a model is evaluated, in the unit hypercube [0, 1)^D; ``UncertainInput``
/// maps each coordinate to a value. Designs are plain data, so a driver can evaluate their points
/// in any order, in parallel, or on other machines.
public struct SensitivityDesign: Sendable, Equatable {
    public enum Method: String, Sendable, Equatable, Codable {
        /// One at a time: every input at its low and its high end, the others at their baseline.
        case oneAtATime = "oat"
        /// Morris elementary effects on `trajectories` random one-at-a-time paths of a `levels`-level grid.
        case morris
        /// Sobol indices from Saltelli's scheme: matrices A, B and A with column i from B.
        case sobol
    }

    public var method: Method
    public var dimension: Int
    /// The points, each of `dimension` coordinates in [0, 1] (OAT and Morris use 0 and 1 exactly).
    public var points: [[Double]]
    /// Morris: the grid step Δ of every move; Sobol: the number of base samples N.
    public var parameter: Double

    // MARK: One at a time

    /// 1 + 2D points: the baseline (`baseline`, e.g. 0.5 each), then input i at 0 and at 1 for each i.
    public static func oneAtATime(baseline: [Double]) -> SensitivityDesign {
        var points = [baseline]
        for i in baseline.indices {
            var low = baseline, high = baseline
            low[i] = 0
            high[i] = 1
            points += [low, high]
        }
        return SensitivityDesign(method: .oneAtATime, dimension: baseline.count, points: points, parameter: 0)
    }

    // MARK: Morris

    /// `trajectories` × (D + 1) points: each trajectory starts at a random point of the `levels`-level
    /// grid {0, 1/(p−1), …, 1} from which a step of Δ = p / (2(p − 1)) stays inside, and moves
    /// every input once, in random order, by +Δ or −Δ (Morris 1991; Campolongo, Cariboni and
    /// Saltelli 2007 use the same grid).
    ///
    /// - Precondition: `levels` even and ≥ 2; `dimension` ≥ 1.
    public static func morris(dimension: Int, trajectories: Int, levels: Int = 4, seed: UInt64) -> SensitivityDesign {
        precondition(levels >= 2 && levels % 2 == 0 && dimension >= 1 && trajectories >= 1)
        var rng = RandomStream(masterSeed: seed, replication: 0, stream: "morris")
        let p = Double(levels), delta = p / (2 * (p - 1))
        let startLevels = levels / 2  // starts in {0, …, p/2 − 1} / (p − 1), so x + Δ ≤ 1
        var points: [[Double]] = []
        for _ in 0..<trajectories {
            var x = (0..<dimension).map { _ in Double(Int(rng.nextDouble() * Double(startLevels))) / (p - 1) }
            // Half the inputs start high and move down, so both directions are sampled.
            for i in 0..<dimension where rng.nextDouble() < 0.5 { x[i] += delta }
            points.append(x)
            var order = Array(0..<dimension)
            for k in stride(from: dimension - 1, to: 0, by: -1) { order.swapAt(k, Int(rng.nextDouble() * Double(k + 1))) }
            for i in order {
                x[i] = x[i] + delta <= 1 + 1e-12 && x[i] < delta - 1e-12 ? x[i] + delta : x[i] - delta
                points.append(x)
            }
        }
        return SensitivityDesign(method: .morris, dimension: dimension, points: points, parameter: delta)
    }

    // MARK: Sobol

    /// N(D + 2) points in Saltelli's order: for each base sample j, the row A_j, then A_j with column i
    /// taken from B_j (i = 1…D), then B_j (Saltelli et al. 2010). A and B are independent uniform
    /// samples from `seed`.
    public static func sobol(dimension: Int, baseSamples: Int, seed: UInt64) -> SensitivityDesign {
        precondition(dimension >= 1 && baseSamples >= 2)
        var rng = RandomStream(masterSeed: seed, replication: 0, stream: "saltelli")
        var points: [[Double]] = []
        points.reserveCapacity(baseSamples * (dimension + 2))
        for _ in 0..<baseSamples {
            let a = (0..<dimension).map { _ in rng.nextDouble() }
            let b = (0..<dimension).map { _ in rng.nextDouble() }
            points.append(a)
            for i in 0..<dimension {
                var ab = a
                ab[i] = b[i]
                points.append(ab)
            }
            points.append(b)
        }
        return SensitivityDesign(method: .sobol, dimension: dimension, points: points, parameter: Double(baseSamples))
    }
}
