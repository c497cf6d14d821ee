// MARK: - LabelledValidation

/// How well a score map separates cells where clearance found mines from cells where it found
/// nothing (``CellLabels``), over labelled cells inside the study area only.
///
/// - **ROC AUC** — P(score of a positive cell > score of a negative cell), ties ½ (mid-ranks), over
///   labelled cells; nil when there is no negative cell.
/// - **Hit rate at p** — share of positive cells in the top `p` of the *labelled* area (labelled
///   cells by score, descending), a straddling tie block taken fractionally as in
///   ``ValidationMetrics``; PAI = hit rate / p.
///
/// Unlabelled cells are left out: nothing is known about them, and counting them as negatives
/// would reward a model for scoring unsurveyed land low.
///
/// ```swift
/// let labels = try CellLabels(cellCount: n, positiveCells: minesFound, negativeCells: nothingFound)
/// let v = try LabelledValidation.evaluate(label: "model", scores: s, labels: labels, include: mask)
/// v.rocAUC; v.hitRates[0].hitRate
/// ```
public struct LabelledValidation: Sendable, Equatable, Codable {
    /// Which scores these are.
    public let label: String
    /// Labelled cells inside the study area (the cells scored).
    public let labelledCellCount: Int
    /// Of them, positive (mines found).
    public let positiveCellCount: Int
    /// Of them, negative (nothing found).
    public let negativeCellCount: Int
    /// Unlabelled cells inside the study area (not scored).
    public let unlabelledCellCount: Int
    /// Cells outside the study area (not scored, labelled or not).
    public let excludedCellCount: Int
    /// Labelled cells outside the study area (not scored).
    public let excludedLabelledCellCount: Int
    /// Cells listed as both positive and negative (kept positive).
    public let conflictingCellCount: Int
    /// Share of positive cells in the top `p` of the labelled area, per requested fraction.
    public let hitRates: [ValidationMetrics.HitRate]
    /// ROC AUC over labelled cells, or nil when no cell is negative.
    public let rocAUC: Double?

    /// Evaluates `scores` (one per grid cell, finite on labelled cells inside the study area).
    ///
    /// - Throws: ``RiskModelError/cellCountMismatch(context:expected:found:)`` when the scores, labels
    ///   or mask differ in length, ``RiskModelError/invalidLayerValue(layer:index:value:)``,
    ///   ``RiskModelError/invalidAreaFraction(_:)``, ``ValidationError/noPositiveLabels``,
    ///   ``ValidationError/emptyStudyArea(cellCount:)``.
    /// - Complexity: O(n log n + n · fractions).
    public static func evaluate(label: String, scores: [Double], labels: CellLabels, include: [Bool]? = nil,
                                areaFractions: [Double] = ValidationMetrics.defaultAreaFractions) throws
        -> LabelledValidation {
        let n = scores.count
        guard labels.outcomes.count == n else {
            throw RiskModelError.cellCountMismatch(context: "outcome labels", expected: n, found: labels.outcomes.count)
        }
        let studyArea = try StudyAreaCells(include: include, cellCount: n)
        for fraction in areaFractions where !(fraction > 0 && fraction <= 1) {
            throw RiskModelError.invalidAreaFraction(fraction)
        }
        let mask = labels.labelledMask(include: include)
        guard mask.contains(true) else { throw ValidationError.noPositiveLabels }
        let labelled = try StudyAreaCells(include: mask, cellCount: n)
        try labelled.checkScores(scores, label: label)
        let indicator = labelled.compact(labels.positiveIndicator)
        let positives = indicator.reduce(0, +)
        guard positives > 0 else { throw ValidationError.noPositiveLabels }
        let kept = labelled.compact(scores)
        let blocks = ValidationMetrics.tieBlocks(scores: kept, counts: indicator)
        let hitRates = areaFractions.map { fraction -> ValidationMetrics.HitRate in
            let rate = ValidationMetrics.captured(blocks: blocks, budget: fraction * Double(kept.count)) / Double(positives)
            return ValidationMetrics.HitRate(areaFraction: fraction, hitRate: rate, predictiveAccuracyIndex: rate / fraction)
        }
        let labelledTotal = labels.outcomes.lazy.filter { $0 != .unlabelled }.count
        return LabelledValidation(
            label: label, labelledCellCount: kept.count, positiveCellCount: positives,
            negativeCellCount: kept.count - positives,
            unlabelledCellCount: studyArea.included.count - kept.count, excludedCellCount: studyArea.excludedCount,
            excludedLabelledCellCount: labelledTotal - kept.count, conflictingCellCount: labels.conflictingCellCount,
            hitRates: hitRates, rocAUC: ValidationMetrics.areaUnderCurve(blocks: blocks).cell)
    }
}
