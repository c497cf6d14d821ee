import Foundation

/// How far one parameter point's simulated series lies from the observed one.
///
/// Each observed figure y_j is compared, on the log scale, with the mean m_j of the K replications
/// at the point (a synthetic likelihood with independent Gaussian errors, Wood 2010):
///
///     z_j = (ln y_j − ln m_j) / σ_j,   σ_j² = τ_j² + (s_j / m_j)² (1 + 1/K),   D = Σ_j z_j²
///
/// τ_j is the relative reporting error of the figure (`--observation-error`, or the row's
/// `relative_error`); s_j / m_j is the simulator's own spread of the figure between replications,
/// because the reported year is one realisation of the stochastic process, not its mean (the 1/K
/// adds the Monte Carlo error of m_j). Observed and simulated figures below a floor count as the
/// floor: 2 % of the largest observed figure (at least 1 ha). On a log scale a year with nothing
/// (or almost nothing) cancelled would otherwise weigh more than every other figure together:
/// 9 ha against 0.5 ha is a factor 18, yet both say "survey is over". Under the model, D at the true parameters
/// is about χ² with as many degrees of freedom as figures.
public struct CalibrationDistance: Sendable, Equatable, Codable {
    /// D.
    public var value: Double
    /// Per figure: simulated mean, P10 and P90 over the replications (ha).
    public var meanHa: [Double]
    public var p10Ha: [Double]
    public var p90Ha: [Double]
    /// Per figure: z_j (positive when the simulation releases more than reported).
    public var standardisedErrors: [Double]

    /// Share of the largest observed figure below which figures count as that share of it.
    static let floorShare = 0.02

    /// - Parameters:
    ///   - observed: the figures y_j (m²).
    ///   - relativeErrors: τ_j, one per figure.
    ///   - simulated: `simulated[r][j]`, figure j in replication r (m²); at least one replication.
    /// - Complexity: O(replications × figures × log replications).
    public init(observed: [Double], relativeErrors: [Double], simulated: [[Double]]) {
        precondition(!simulated.isEmpty && observed.count == relativeErrors.count)
        let k = Double(simulated.count)
        let floor = max(10_000, Self.floorShare * (observed.max() ?? 0))
        var total = 0.0
        var means: [Double] = [], p10: [Double] = [], p90: [Double] = [], z: [Double] = []
        for j in observed.indices {
            let column = simulated.map { $0[j] }
            let mean = column.reduce(0, +) / k
            let variance = simulated.count > 1 ? column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (k - 1) : 0
            let m = max(mean, floor), y = max(observed[j], floor)
            let spread = variance.squareRoot() / m
            let sigma2 = relativeErrors[j] * relativeErrors[j] + spread * spread * (1 + 1 / k)
            let zj = (log(m) - log(y)) / sigma2.squareRoot()
            total += zj * zj
            z.append(zj)
            let sorted = column.sorted()
            means.append(mean / 10_000)
            p10.append(Self.observedQuantile(sorted, 0.1) / 10_000)
            p90.append(Self.observedQuantile(sorted, 0.9) / 10_000)
        }
        value = total
        meanHa = means
        p10Ha = p10
        p90Ha = p90
        standardisedErrors = z
    }

    /// The ⌈p·n⌉-th smallest value (as ``ClearanceModel``'s completion quantiles).
    static func observedQuantile(_ sorted: [Double], _ p: Double) -> Double {
        sorted[max(Int((p * Double(sorted.count)).rounded(.up)) - 1, 0)]
    }
}
