// MARK: - AHPResult

/// Priorities and consistency of an AHP pairwise comparison matrix (see ``AHP``).
///
/// ```swift
/// let r = try AHP.priorities(pairwise)
/// print(r.weights, r.lambdaMax, r.consistencyRatio)
/// ```
public struct AHPResult: Sendable, Equatable, Codable {
    /// Principal right eigenvector, normalised to sum 1 (all components > 0).
    public let weights: [Double]
    /// Principal eigenvalue (largest real part); equals n exactly for a consistent matrix.
    public let lambdaMax: Double
    /// CI = (lambdaMax − n) / (n − 1), clamped at 0; 0 by definition for n <= 2.
    public let consistencyIndex: Double
    /// RI(n) from ``randomIndexTable``.
    public let randomIndex: Double
    /// CR = CI / RI (0 for n <= 2, where RI = 0 and every reciprocal matrix is consistent).
    public let consistencyRatio: Double
    /// The random-index table used.
    public let randomIndexTable: RandomIndexTable
    /// The CR threshold applied (Saaty's 0.10 unless configured).
    public let threshold: Double

    /// Whether CR <= threshold (when false, the result exists only because the scenario accepted it).
    public var isAcceptablyConsistent: Bool { consistencyRatio <= threshold }

    /// Creates a result; ``AHP/priorities(_:randomIndexTable:threshold:acceptInconsistent:)`` is the
    /// normal way to get one.
    public init(weights: [Double], lambdaMax: Double, consistencyIndex: Double, randomIndex: Double,
                consistencyRatio: Double, randomIndexTable: RandomIndexTable, threshold: Double) {
        self.weights = weights
        self.lambdaMax = lambdaMax
        self.consistencyIndex = consistencyIndex
        self.randomIndex = randomIndex
        self.consistencyRatio = consistencyRatio
        self.randomIndexTable = randomIndexTable
        self.threshold = threshold
    }
}
