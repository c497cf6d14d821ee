import Foundation

/// How far one parameter point's simulated series lies from the observed one.
///
/// Each observed figure y_j is compared, on the log scale, with the mean m_j of the K replications
/// at the point (a synthetic likelihood with independent Gaussian errors, Wood 2010):
///
///     z_j = (ln y_j − ln m_j) / σ_j,   σ_j² = τ_j² + (s_j / m_j)² (1 + 1/K) + c_j / m_j,   D = Σ_j z_j²
///
/// τ_j is the relative reporting error of the figure (`--observation-error`, or the row's
/// `relative_error`); s_j / m_j is the simulator's own spread of the figure between replications,
/// because the reported year is one realisation of the stochastic process, not its mean (the 1/K
/// adds the Monte Carlo error of m_j). c_j is 1 for expected civilian casualties and 0 otherwise:
/// the simulator gives their expectation, the reported count is a Poisson draw around it, whose
/// relative variance is 1/m. Observed and simulated figures below a floor count as the floor: 2 %
/// of the largest observed figure of the same unit (at least 1 ha, or 1 casualty). On a log scale
/// a year with nothing (or almost nothing) cancelled would otherwise weigh more than every other
/// figure together: 9 ha against 0.5 ha is a factor 18, yet both say "survey is over". Under the
/// model, D at the true parameters is about χ² with as many degrees of freedom as figures.
public struct CalibrationDistance: Sendable, Equatable, Codable {
    /// D.
    public var value: Double
    /// Per figure: simulated mean, P10 and P90 over the replications, in the figure's display unit
    /// (``ObservedSeries/Metric/unit``: ha or people).
    public var means: [Double]
    public var p10s: [Double]
    public var p90s: [Double]
    /// Per figure: z_j (positive when the simulation gives more than reported).
    public var standardisedErrors: [Double]

    /// Share of the largest observed figure below which figures count as that share of it.
    static let floorShare = 0.02

    /// - Parameters:
    ///   - observed: the figures y_j (m² for areas, people for casualties).
    ///   - relativeErrors: τ_j, one per figure.
    ///   - simulated: `simulated[r][j]`, figure j in replication r; at least one replication.
    ///   - metrics: what each figure measures (all released area when nil).
    /// - Complexity: O(replications × figures × log replications).
    public init(observed: [Double], relativeErrors: [Double], simulated: [[Double]], metrics: [ObservedSeries.Metric]? = nil) {
        precondition(!simulated.isEmpty && observed.count == relativeErrors.count)
        let metrics = metrics ?? [ObservedSeries.Metric](repeating: .releasedArea, count: observed.count)
        precondition(metrics.count == observed.count)
        let k = Double(simulated.count)
        var largest: [String: Double] = [:]
        for (j, metric) in metrics.enumerated() { largest[metric.unit] = max(largest[metric.unit] ?? 0, observed[j]) }
        var total = 0.0
        var means: [Double] = [], p10: [Double] = [], p90: [Double] = [], z: [Double] = []
        for j in observed.indices {
            let metric = metrics[j], scale = metric.displayScale
            let floor = max(scale, Self.floorShare * (largest[metric.unit] ?? 0))
            let column = simulated.map { $0[j] }
            let mean = column.reduce(0, +) / k
            let variance = simulated.count > 1 ? column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (k - 1) : 0
            let m = max(mean, floor), y = max(observed[j], floor)
            let spread = variance.squareRoot() / m
            let counting = metric == .civilianCasualties ? 1 / m : 0
            let sigma2 = relativeErrors[j] * relativeErrors[j] + spread * spread * (1 + 1 / k) + counting
            let zj = (log(m) - log(y)) / sigma2.squareRoot()
            total += zj * zj
            z.append(zj)
            let sorted = column.sorted()
            means.append(mean / scale)
            p10.append(Self.observedQuantile(sorted, 0.1) / scale)
            p90.append(Self.observedQuantile(sorted, 0.9) / scale)
        }
        value = total
        self.means = means
        p10s = p10
        p90s = p90
        standardisedErrors = z
    }

    /// The ⌈p·n⌉-th smallest value (as ``ClearanceModel``'s completion quantiles).
    static func observedQuantile(_ sorted: [Double], _ p: Double) -> Double {
        sorted[max(Int((p * Double(sorted.count)).rounded(.up)) - 1, 0)]
    }
}
