import Foundation

// MARK: - Reliability

/// Calibration of fitted probabilities against 0/1 outcomes: the Brier score and a reliability
/// curve (per bin, the mean predicted probability beside the observed frequency, with the bin's
/// count and a Wilson score interval for the frequency). A calibrated model's points lie on the
/// diagonal within their intervals; a ranking-only score (the hand-weighted composite) has no
/// probabilities to calibrate, which is why this applies to the fitted model only.
///
/// Outcomes are 1 for a cell with >= 1 held-out incident (``init(probabilities:heldOutIncidentCells:bins:binning:include:level:)``)
/// or a positive label (``init(probabilities:labels:bins:binning:include:level:)``, unlabelled cells left out).
///
/// ```swift
/// let rel = try Reliability(probabilities: [0.1, 0.2, 0.8, 0.9], outcomes: [false, true, true, true], bins: 2)
/// rel.brier                       // (0.01 + 0.64 + 0.04 + 0.01) / 4 = 0.175
/// rel.bins[1].observedFrequency   // 1.0 (cells 2 and 3)
/// ```
public struct Reliability: Sendable, Equatable, Codable {
    /// How cells are grouped into bins.
    public enum Binning: String, Sendable, Equatable, Codable {
        /// Cells sorted by probability and cut into bins of (nearly) equal count; tied probabilities
        /// are never split between bins, so a bin may hold more cells than the others.
        case equalCount
        /// Bins [i/k, (i+1)/k) of equal width on [0, 1] (the last one closed).
        case fixedWidth
    }

    /// One point of the reliability curve.
    public struct Bin: Sendable, Equatable, Codable {
        /// Lowest probability the bin admits (fixed width) or holds (equal count).
        public let lower: Double
        /// Highest probability the bin admits (fixed width) or holds (equal count).
        public let upper: Double
        /// Cells in the bin (> 0: empty bins are left out).
        public let count: Int
        /// Cells in the bin with outcome 1.
        public let positives: Int
        /// Mean predicted probability.
        public let meanPredicted: Double
        /// `positives / count`.
        public let observedFrequency: Double
        /// Wilson score interval for the observed frequency at ``Reliability/level``.
        public let wilsonLower: Double
        /// Upper end of that interval.
        public let wilsonUpper: Double
    }

    /// Mean squared difference between probability and outcome (0 is perfect).
    public let brier: Double
    /// The Brier score of predicting the base rate everywhere: ȳ(1 − ȳ).
    public let brierReference: Double
    /// 1 − brier / brierReference, or nil when every outcome is equal (reference 0).
    public let brierSkill: Double?
    /// Σ count/n · |mean predicted − observed frequency| over bins.
    public let expectedCalibrationError: Double
    /// Cells evaluated.
    public let count: Int
    /// Cells with outcome 1.
    public let positives: Int
    /// The binning used.
    public let binning: Binning
    /// Confidence level of the Wilson intervals.
    public let level: Double
    /// The curve, lowest probabilities first.
    public let bins: [Bin]

    /// Calibration of `probabilities` against `outcomes` (one each per cell) over the cells `include`
    /// keeps (all when nil).
    ///
    /// - Throws: ``RiskModelError/cellCountMismatch(context:expected:found:)``,
    ///   ``ValidationError/invalidProbability(context:index:value:)`` for a value outside [0, 1] inside
    ///   the study area, ``ValidationError/invalidSetting(name:value:expected:)`` for bins < 1,
    ///   ``ValidationError/invalidConfidenceLevel(_:)``, ``ValidationError/emptyStudyArea(cellCount:)``.
    /// - Complexity: O(n log n) for equal-count bins (a sort), O(n) for fixed width.
    public init(probabilities: [Double], outcomes: [Bool], bins: Int = 10, binning: Binning = .equalCount,
                include: [Bool]? = nil, level: Double = 0.95) throws {
        guard outcomes.count == probabilities.count else {
            throw RiskModelError.cellCountMismatch(context: "calibration outcomes", expected: probabilities.count,
                                                   found: outcomes.count)
        }
        guard bins >= 1 else { throw ValidationError.invalidSetting(name: "calibration bins", value: bins, expected: ">= 1") }
        guard level > 0, level < 1 else { throw ValidationError.invalidConfidenceLevel(level) }
        let area = try StudyAreaCells(include: include, cellCount: probabilities.count)
        for cell in area.included where !(probabilities[cell] >= 0 && probabilities[cell] <= 1) {
            throw ValidationError.invalidProbability(context: "probabilities", index: cell, value: probabilities[cell])
        }
        let p = area.compact(probabilities)
        let y = area.compact(outcomes)
        let n = p.count
        var squared = 0.0
        for i in 0..<n { squared += (p[i] - (y[i] ? 1 : 0)) * (p[i] - (y[i] ? 1 : 0)) }
        let positives = y.lazy.filter { $0 }.count
        let rate = n > 0 ? Double(positives) / Double(n) : 0
        brier = n > 0 ? squared / Double(n) : 0
        brierReference = rate * (1 - rate)
        brierSkill = brierReference > 0 ? 1 - brier / brierReference : nil
        count = n
        self.positives = positives
        self.binning = binning
        self.level = level
        let z = Self.normalQuantile(twoSided: level)
        let groups = binning == .equalCount ? Self.equalCountGroups(p, bins: bins) : Self.fixedWidthGroups(p, bins: bins)
        self.bins = groups.map { group in
            let k = group.cells.lazy.filter { y[$0] }.count
            let mean = group.cells.reduce(0.0) { $0 + p[$1] } / Double(group.cells.count)
            let (lo, hi) = Self.wilson(successes: k, trials: group.cells.count, z: z)
            return Bin(lower: group.lower, upper: group.upper, count: group.cells.count, positives: k,
                       meanPredicted: mean, observedFrequency: Double(k) / Double(group.cells.count),
                       wilsonLower: lo, wilsonUpper: hi)
        }
        expectedCalibrationError = self.bins.reduce(0.0) {
            $0 + Double($1.count) / Double(max(n, 1)) * abs($1.meanPredicted - $1.observedFrequency)
        }
    }

    /// Outcome 1 for cells holding >= 1 held-out incident.
    ///
    /// - Throws: as ``init(probabilities:outcomes:bins:binning:include:level:)`` and
    ///   ``RiskModelError/cellIndexOutOfRange(context:index:cellCount:)``.
    public init(probabilities: [Double], heldOutIncidentCells: [Int], bins: Int = 10, binning: Binning = .equalCount,
                include: [Bool]? = nil, level: Double = 0.95) throws {
        var outcomes = [Bool](repeating: false, count: probabilities.count)
        for cell in heldOutIncidentCells {
            guard cell >= 0, cell < outcomes.count else {
                throw RiskModelError.cellIndexOutOfRange(context: "held-out incident", index: cell,
                                                         cellCount: outcomes.count)
            }
            outcomes[cell] = true
        }
        try self.init(probabilities: probabilities, outcomes: outcomes, bins: bins, binning: binning, include: include,
                      level: level)
    }

    /// Outcome 1 for positive labels, 0 for negative ones; unlabelled cells are left out.
    public init(probabilities: [Double], labels: CellLabels, bins: Int = 10, binning: Binning = .equalCount,
                include: [Bool]? = nil, level: Double = 0.95) throws {
        guard labels.outcomes.count == probabilities.count else {
            throw RiskModelError.cellCountMismatch(context: "outcome labels", expected: probabilities.count,
                                                   found: labels.outcomes.count)
        }
        if let include, include.count != probabilities.count {
            throw RiskModelError.cellCountMismatch(context: "study-area include mask", expected: probabilities.count,
                                                   found: include.count)
        }
        try self.init(probabilities: probabilities, outcomes: labels.outcomes.map { $0 == .positive }, bins: bins,
                      binning: binning, include: labels.labelledMask(include: include), level: level)
    }

    // MARK: Pieces

    /// Wilson score interval for `successes` of `trials` (Wilson 1927): never outside [0, 1], and
    /// sensible at 0 or `trials` successes where the normal approximation collapses to a point.
    static func wilson(successes: Int, trials: Int, z: Double) -> (Double, Double) {
        let n = Double(trials), phat = Double(successes) / n, z2 = z * z
        let centre = (phat + z2 / (2 * n)) / (1 + z2 / n)
        let half = z / (1 + z2 / n) * (phat * (1 - phat) / n + z2 / (4 * n * n)).squareRoot()
        return (max(0, centre - half), min(1, centre + half))
    }

    /// z with P(|Z| <= z) = level for a standard normal Z, by bisection on erf (to 1e-15).
    static func normalQuantile(twoSided level: Double) -> Double {
        var lo = 0.0, hi = 40.0
        for _ in 0..<200 where hi - lo > 1e-15 {
            let mid = (lo + hi) / 2
            if erf(mid / 2.0.squareRoot()) < level { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }

    typealias Group = (lower: Double, upper: Double, cells: [Int])

    static func equalCountGroups(_ p: [Double], bins: Int) -> [Group] {
        let order = p.indices.sorted { p[$0] < p[$1] || (p[$0] == p[$1] && $0 < $1) }
        var groups: [Group] = []
        var start = 0
        for g in 1...bins where start < order.count {
            let target = order.count * g / bins
            guard target > start || g == bins else { continue }
            var end = max(target, start + 1)
            while end < order.count, p[order[end]] == p[order[end - 1]] { end += 1 }
            if g == bins { end = order.count }
            guard end > start else { continue }
            let cells = Array(order[start..<end])
            groups.append((p[cells[0]], p[cells[cells.count - 1]], cells))
            start = end
        }
        return groups
    }

    static func fixedWidthGroups(_ p: [Double], bins: Int) -> [Group] {
        var members = [[Int]](repeating: [], count: bins)
        for (i, value) in p.enumerated() { members[min(Int(value * Double(bins)), bins - 1)].append(i) }
        return members.indices.filter { !members[$0].isEmpty }.map {
            (Double($0) / Double(bins), Double($0 + 1) / Double(bins), members[$0])
        }
    }
}
