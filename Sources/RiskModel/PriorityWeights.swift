import ClearcastDomain
import LinearAlgebra

/// The weight of each priority factor the score uses, typed by ``PriorityFactor``.
///
/// ``FactorWeights`` is the general weighting of any stack of layers (tests and benchmarks weight
/// arbitrary layers); this type ties one to the model's factors, so the scorer never parses a name.
///
/// ```swift
/// let weights = try PriorityWeights(factors: [.incidents, .contamination], values: [3, 1])
/// weights.factors                // [.incidents, .contamination]
/// weights.factorWeights.values   // [0.75, 0.25]
/// ```
public struct PriorityWeights: Sendable, Equatable {
    /// The factors used, in layer order; a factor not listed is not built.
    public let factors: [PriorityFactor]
    /// Their normalised weights (names are the factors' raw values).
    public let factorWeights: FactorWeights

    /// Direct weights, normalised to sum 1.
    ///
    /// - Throws: as ``FactorWeights/init(names:values:)`` (repeated factors, bad or all-zero weights).
    public init(factors: [PriorityFactor], values: [Double]) throws {
        self.factors = factors
        self.factorWeights = try FactorWeights(names: factors.map(\.rawValue), values: values)
    }

    /// Weights from an AHP pairwise comparison matrix (row/column `i` = `factors[i]`).
    ///
    /// - Throws: as ``FactorWeights/init(names:pairwise:randomIndexTable:threshold:acceptInconsistent:)``.
    public init(factors: [PriorityFactor], pairwise: Matrix, acceptInconsistent: Bool = false) throws {
        self.factors = factors
        self.factorWeights = try FactorWeights(names: factors.map(\.rawValue), pairwise: pairwise,
                                               acceptInconsistent: acceptInconsistent)
    }
}
