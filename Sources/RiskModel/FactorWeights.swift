import LinearAlgebra

// MARK: - FactorWeights

/// One weight per risk factor (layer), normalised to sum 1, given directly or derived by AHP.
///
/// Direct weights are validated (finite, >= 0, sum > 0) and divided by their sum, so `[2, 1, 1]` and
/// `[0.5, 0.25, 0.25]` mean the same thing; a factor with weight 0 is kept but contributes nothing.
///
/// ```swift
/// let direct = try FactorWeights(names: ["incidents", "contamination"], values: [3, 1])   // [0.75, 0.25]
/// let judged = try FactorWeights(names: ["incidents", "contamination"],
///                                pairwise: try Matrix(rows: 2, columns: 2, elements: [1, 3, 1.0/3, 1]))
/// judged.ahp?.consistencyRatio   // 0
/// ```
public struct FactorWeights: Sendable, Equatable, Codable {
    /// Factor names, in layer order.
    public let names: [String]
    /// Weights in the same order, each in [0, 1], summing to 1.
    public let values: [Double]
    /// The AHP analysis the weights came from, or nil for direct weights.
    public let ahp: AHPResult?

    /// Direct weights.
    ///
    /// - Throws: ``RiskModelError/invalidFactorNames(_:)``, ``RiskModelError/factorCountMismatch(layers:weights:)``,
    ///   ``RiskModelError/invalidWeight(name:value:)`` or ``RiskModelError/allWeightsZero(context:)``.
    public init(names: [String], values: [Double]) throws {
        try Self.checkNames(names)
        guard names.count == values.count else {
            throw RiskModelError.factorCountMismatch(layers: names.count, weights: values.count)
        }
        for (name, value) in zip(names, values) where !(value.isFinite && value >= 0) {
            throw RiskModelError.invalidWeight(name: name, value: value)
        }
        let total = values.reduce(0, +)
        guard total > 0, total.isFinite else {
            throw RiskModelError.allWeightsZero(context: "factor weights")
        }
        self.names = names
        self.values = values.map { $0 / total }
        self.ahp = nil
    }

    /// Weights from an AHP pairwise comparison matrix (row/column `i` = `names[i]`).
    ///
    /// - Throws: as ``AHP/priorities(_:randomIndexTable:threshold:acceptInconsistent:)``, plus
    ///   ``RiskModelError/factorCountMismatch(layers:weights:)`` when the matrix size differs from `names.count`.
    public init(names: [String], pairwise: Matrix, randomIndexTable: RandomIndexTable = .saaty1980,
                threshold: Double = AHP.defaultThreshold, acceptInconsistent: Bool = false) throws {
        try Self.checkNames(names)
        guard pairwise.rows == names.count, pairwise.columns == names.count else {
            throw RiskModelError.factorCountMismatch(layers: names.count, weights: max(pairwise.rows, pairwise.columns))
        }
        let result = try AHP.priorities(pairwise, randomIndexTable: randomIndexTable, threshold: threshold,
                                        acceptInconsistent: acceptInconsistent)
        self.names = names
        self.values = result.weights
        self.ahp = result
    }

    /// Number of factors.
    public var count: Int { names.count }

    // MARK: Codable (decoding re-validates, so a file cannot smuggle in bad weights)

    private enum CodingKeys: String, CodingKey { case names, values, ahp }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let direct = try FactorWeights(names: try container.decode([String].self, forKey: .names),
                                       values: try container.decode([Double].self, forKey: .values))
        self.names = direct.names
        self.values = direct.values
        self.ahp = try container.decodeIfPresent(AHPResult.self, forKey: .ahp)
    }

    private static func checkNames(_ names: [String]) throws {
        guard !names.isEmpty else { throw RiskModelError.invalidFactorNames("no factors given") }
        if let empty = names.firstIndex(where: { $0.isEmpty }) {
            throw RiskModelError.invalidFactorNames("factor \(empty + 1) has an empty name")
        }
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted {
            throw RiskModelError.invalidFactorNames("'\(name)' appears more than once")
        }
    }
}
