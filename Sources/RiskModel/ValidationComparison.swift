import Foundation

// MARK: - ValidationComparison

/// The model's validation metrics beside baselines computed the same way on the same held-out
/// incidents: uniform scores (always included: AUC 0.5, hit rate = area share, PAI 1) and any other
/// score maps passed in (the CLI passes the contamination layer alone).
///
/// ```swift
/// let comparison = try ValidationComparison(
///     modelScores: composite.scores, baselines: [("contamination only", contamination)],
///     heldOutIncidentCells: laterCells)
/// print(comparison.table)
/// ```
public struct ValidationComparison: Sendable, Equatable, Codable {
    /// Metrics of the model's scores.
    public let model: ValidationMetrics
    /// Metrics of uniform scores.
    public let uniform: ValidationMetrics
    /// Metrics of each extra baseline, in the order given.
    public let baselines: [ValidationMetrics]

    /// Evaluates the model and the baselines, over the cells `include` keeps (all when nil).
    ///
    /// - Throws: as ``ValidationMetrics/evaluate(label:scores:heldOutIncidentCells:include:areaFractions:)``, and
    ///   ``RiskModelError/cellCountMismatch(context:expected:found:)`` when a baseline's length differs.
    public init(modelScores: [Double], baselines: [(label: String, scores: [Double])] = [],
                heldOutIncidentCells: [Int], include: [Bool]? = nil,
                areaFractions: [Double] = ValidationMetrics.defaultAreaFractions) throws {
        let n = modelScores.count
        model = try ValidationMetrics.evaluate(label: "model", scores: modelScores,
                                               heldOutIncidentCells: heldOutIncidentCells, include: include,
                                                  areaFractions: areaFractions)
        uniform = try ValidationMetrics.evaluate(label: "uniform", scores: [Double](repeating: 0, count: n),
                                                 heldOutIncidentCells: heldOutIncidentCells, include: include,
                                                  areaFractions: areaFractions)
        self.baselines = try baselines.map { baseline in
            guard baseline.scores.count == n else {
                throw RiskModelError.cellCountMismatch(context: "baseline '\(baseline.label)'", expected: n,
                                                       found: baseline.scores.count)
            }
            return try ValidationMetrics.evaluate(label: baseline.label, scores: baseline.scores,
                                                  heldOutIncidentCells: heldOutIncidentCells, include: include,
                                                  areaFractions: areaFractions)
        }
    }

    /// All rows, model first.
    public var all: [ValidationMetrics] { [model, uniform] + baselines }

    /// A plain-text table, one row per score map: hit rate and PAI per area fraction, AUCs.
    public var table: String {
        func fixed(_ value: Double?, _ digits: Int = 3) -> String {
            guard let value else { return "n/a" }
            return String(format: "%.\(digits)f", value)
        }
        var header = ["scores"]
        for h in model.hitRates {
            let percent = fixed(h.areaFraction * 100, 1)
            header += ["hit@\(percent)%", "PAI@\(percent)%"]
        }
        header += ["AUC", "AUC(count)"]
        var lines = [header.joined(separator: "\t")]
        for metrics in all {
            var row = [metrics.label]
            for h in metrics.hitRates { row += [fixed(h.hitRate), fixed(h.predictiveAccuracyIndex, 2)] }
            row += [fixed(metrics.rocAUC), fixed(metrics.countWeightedAUC)]
            lines.append(row.joined(separator: "\t"))
        }
        return lines.joined(separator: "\n")
    }
}
