// MARK: - HazardAreaValidation

/// Validation at the level planners act on: hazard areas rather than cells. Each area gets one
/// score (usually the mean of its cells' scores, ``meanScores(areas:scores:include:)``) and is
/// positive when a later incident or a demining find fell inside it; the question is whether the
/// positive areas rank higher.
///
/// - **ROC AUC over areas** — P(score of a positive area > score of a negative area), ties ½.
/// - **Top k** — how many positive areas are among the `k` highest-ranked, and their share of all
///   positive areas; an area tie block straddling rank `k` is taken fractionally, so ties never
///   favour the model.
///
/// ```swift
/// let scores = try HazardAreaValidation.meanScores(areas: [[0, 1], [2], [3, 4]], scores: s)
/// let v = try HazardAreaValidation.evaluate(areaScores: scores, positive: [true, false, false], topCounts: [1])
/// v.rocAUC            // 1 when area 0 has the highest mean score
/// v.top[0].share      // 1: the one positive area is ranked first
/// ```
public struct HazardAreaValidation: Sendable, Equatable, Codable {
    /// Positive areas among the top `count` ranked areas.
    public struct TopCount: Sendable, Equatable, Codable {
        /// `k`: areas taken from the top of the ranking (at most all of them).
        public let count: Int
        /// Positive areas among them (fractional where a tie block straddles rank `k`).
        public let positives: Double
        /// `positives` over all positive areas, or nil when no area is positive.
        public let share: Double?
    }

    /// Areas ranked.
    public let areaCount: Int
    /// Areas with a later incident or find.
    public let positiveCount: Int
    /// ROC AUC over areas, or nil when every area is positive or none is.
    public let rocAUC: Double?
    /// One entry per requested `k`, in the order requested.
    public let top: [TopCount]

    /// The ks reported unless others are asked for.
    public static let defaultTopCounts = [5, 10, 20]

    /// Evaluates area scores against area outcomes (one each per area).
    ///
    /// - Throws: ``RiskModelError/cellCountMismatch(context:expected:found:)`` when the lengths differ,
    ///   ``RiskModelError/invalidLayerValue(layer:index:value:)`` for a non-finite score,
    ///   ``ValidationError/invalidSetting(name:value:expected:)`` for a `k` below 1.
    /// - Complexity: O(a log a + a · ks) for `a` areas.
    public static func evaluate(areaScores: [Double], positive: [Bool], topCounts: [Int] = defaultTopCounts) throws
        -> HazardAreaValidation {
        guard positive.count == areaScores.count else {
            throw RiskModelError.cellCountMismatch(context: "hazard-area outcomes", expected: areaScores.count,
                                                   found: positive.count)
        }
        if let bad = areaScores.firstIndex(where: { !$0.isFinite }) {
            throw RiskModelError.invalidLayerValue(layer: "hazard-area scores", index: bad, value: areaScores[bad])
        }
        for k in topCounts where k < 1 {
            throw ValidationError.invalidSetting(name: "top areas", value: k, expected: ">= 1")
        }
        let indicator = positive.map { $0 ? 1 : 0 }
        let positives = indicator.reduce(0, +)
        let blocks = ValidationMetrics.tieBlocks(scores: areaScores, counts: indicator)
        let top = topCounts.map { k -> TopCount in
            let hits = ValidationMetrics.captured(blocks: blocks, budget: Double(min(k, areaScores.count)))
            return TopCount(count: k, positives: hits, share: positives > 0 ? hits / Double(positives) : nil)
        }
        return HazardAreaValidation(areaCount: areaScores.count, positiveCount: positives,
                                    rocAUC: ValidationMetrics.areaUnderCurve(blocks: blocks).cell, top: top)
    }

    /// Each area's mean score over its cells inside the study area (row-major cell indices; a cell
    /// listed twice counts twice).
    ///
    /// - Throws: ``RiskModelError/cellIndexOutOfRange(context:index:cellCount:)``,
    ///   ``RiskModelError/cellCountMismatch(context:expected:found:)`` for a mask of the wrong length,
    ///   ``RiskModelError/invalidLayerValue(layer:index:value:)`` for a non-finite score it averages,
    ///   ``ValidationError/emptyHazardArea(index:)`` for an area with no cell inside the study area.
    /// - Complexity: O(n + total cells listed).
    public static func meanScores(areas: [[Int]], scores: [Double], include: [Bool]? = nil) throws -> [Double] {
        if let include, include.count != scores.count {
            throw RiskModelError.cellCountMismatch(context: "study-area include mask", expected: scores.count,
                                                   found: include.count)
        }
        return try areas.enumerated().map { index, cells in
            var sum = 0.0, count = 0
            for cell in cells {
                guard cell >= 0, cell < scores.count else {
                    throw RiskModelError.cellIndexOutOfRange(context: "hazard area \(index)", index: cell,
                                                             cellCount: scores.count)
                }
                guard include?[cell] ?? true else { continue }
                guard scores[cell].isFinite else {
                    throw RiskModelError.invalidLayerValue(layer: "scores", index: cell, value: scores[cell])
                }
                sum += scores[cell]
                count += 1
            }
            guard count > 0 else { throw ValidationError.emptyHazardArea(index: index) }
            return sum / Double(count)
        }
    }
}
