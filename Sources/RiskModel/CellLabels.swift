// MARK: - CellLabels

/// Outcome labels per cell, from what clearance records hold: land released where mines were found
/// (positive), land released where nothing was found (negative), and everything else (unlabelled,
/// left out of every labelled metric). Row-major, one entry per grid cell.
///
/// The lead builds them from polygons; a cell covered both by a "mines found" and a "nothing found"
/// polygon is positive (mines were found in it) and counted in ``conflictingCellCount`` so the
/// overlap can be reported.
///
/// ```swift
/// let labels = try CellLabels(cellCount: 6, positiveCells: [0, 4], negativeCells: [1, 2, 4])
/// labels.outcomes            // [.positive, .negative, .negative, .unlabelled, .positive, .unlabelled]
/// labels.conflictingCellCount // 1 (cell 4)
/// ```
public struct CellLabels: Sendable, Equatable, Codable {
    /// What clearance found in one cell.
    public enum Outcome: String, Sendable, Equatable, Codable, CaseIterable {
        /// No clearance outcome covers the cell: left out of labelled metrics.
        case unlabelled
        /// Released with nothing found.
        case negative
        /// Mines (or other explosive ordnance) found.
        case positive
    }

    /// One outcome per cell, row-major.
    public let outcomes: [Outcome]
    /// Cells listed both as positive and as negative (kept positive).
    public let conflictingCellCount: Int

    /// Labels given cell by cell.
    public init(outcomes: [Outcome]) {
        self.outcomes = outcomes
        conflictingCellCount = 0
    }

    /// Labels from lists of positive and negative cells (row-major indices; repeats allowed, as when
    /// several polygons cover one cell). Positive wins where both list a cell.
    ///
    /// - Throws: ``RiskModelError/cellIndexOutOfRange(context:index:cellCount:)``.
    /// - Complexity: O(n + listed cells).
    public init(cellCount: Int, positiveCells: some Sequence<Int>, negativeCells: some Sequence<Int>) throws {
        var outcomes = [Outcome](repeating: .unlabelled, count: cellCount)
        for cell in negativeCells {
            guard cell >= 0, cell < cellCount else {
                throw RiskModelError.cellIndexOutOfRange(context: "negative label", index: cell, cellCount: cellCount)
            }
            outcomes[cell] = .negative
        }
        var conflicts = 0
        for cell in positiveCells {
            guard cell >= 0, cell < cellCount else {
                throw RiskModelError.cellIndexOutOfRange(context: "positive label", index: cell, cellCount: cellCount)
            }
            if outcomes[cell] == .negative { conflicts += 1 }
            outcomes[cell] = .positive
        }
        self.outcomes = outcomes
        conflictingCellCount = conflicts
    }

    /// Cells labelled positive.
    public var positiveCount: Int { outcomes.lazy.filter { $0 == .positive }.count }
    /// Cells labelled negative.
    public var negativeCount: Int { outcomes.lazy.filter { $0 == .negative }.count }
    /// Cells without a label.
    public var unlabelledCount: Int { outcomes.lazy.filter { $0 == .unlabelled }.count }

    /// The include mask of the labelled cells inside `include` (all cells when nil).
    func labelledMask(include: [Bool]?) -> [Bool] {
        outcomes.indices.map { outcomes[$0] != .unlabelled && (include?[$0] ?? true) }
    }

    /// 1 for a positive cell, 0 otherwise: the labels as per-cell "incident" counts, so the incident
    /// metrics' machinery (tie blocks, fractional hit rates, mid-rank AUC) applies unchanged.
    var positiveIndicator: [Int] { outcomes.map { $0 == .positive ? 1 : 0 } }
}
