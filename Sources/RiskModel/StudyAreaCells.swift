import ClearcastDomain

// MARK: - StudyAreaCells

/// The cells validation looks at: those an optional include mask (one `Bool` per cell, row-major,
/// true = inside the study area) keeps, numbered compactly in row-major order. Cells outside are
/// neither positives nor negatives nor area: a national bounding box that is half sea would
/// otherwise add easy negatives and inflate every metric (issue #21).
///
/// ```swift
/// let area = try StudyAreaCells(include: [true, false, true], cellCount: 3)
/// area.compactIndex[2]            // 1
/// area.compact([0.3, 9, 0.1])     // [0.3, 0.1]
/// ```
struct StudyAreaCells: Sendable {
    /// Cells in the grid.
    let cellCount: Int
    /// For each grid cell its index among included cells, or -1 when excluded.
    let compactIndex: [Int]
    /// Grid indices of the included cells, ascending.
    let included: [Int]

    /// Cells outside the study area.
    var excludedCount: Int { cellCount - included.count }

    /// - Throws: ``RiskModelError/cellCountMismatch(context:expected:found:)`` when the mask's length
    ///   differs from `cellCount`, ``ValidationError/emptyStudyArea(cellCount:)`` when it keeps no cell.
    /// - Complexity: O(n).
    init(include: [Bool]?, cellCount: Int) throws {
        self.cellCount = cellCount
        guard let include else {
            compactIndex = Array(0..<cellCount)
            included = compactIndex
            return
        }
        guard include.count == cellCount else {
            throw RiskModelError.cellCountMismatch(context: "study-area include mask", expected: cellCount,
                                                   found: include.count)
        }
        let mask = GridMask(included: include)
        guard mask.includedCount > 0 || cellCount == 0 else { throw ValidationError.emptyStudyArea(cellCount: cellCount) }
        compactIndex = mask.position
        included = mask.cells
    }

    /// The included cells' values, in row-major order.
    func compact<T>(_ values: [T]) -> [T] {
        included.count == values.count ? values : included.map { values[$0] }
    }

    /// Checks that `scores` has one value per grid cell and that every included value is finite
    /// (excluded cells may hold anything, e.g. NaN as nodata).
    func checkScores(_ scores: [Double], label: String) throws {
        guard scores.count == cellCount else {
            throw RiskModelError.cellCountMismatch(context: "\(label) scores", expected: cellCount, found: scores.count)
        }
        for cell in included where !scores[cell].isFinite {
            throw RiskModelError.invalidLayerValue(layer: "\(label) scores", index: cell, value: scores[cell])
        }
    }

    /// Held-out incidents per included cell, and how many fell in excluded cells.
    ///
    /// - Throws: ``RiskModelError/cellIndexOutOfRange(context:index:cellCount:)``.
    func incidentCounts(_ cells: [Int]) throws -> (counts: [Int], excluded: Int) {
        var counts = [Int](repeating: 0, count: included.count)
        var excluded = 0
        for cell in cells {
            guard cell >= 0, cell < cellCount else {
                throw RiskModelError.cellIndexOutOfRange(context: "held-out incident", index: cell, cellCount: cellCount)
            }
            let k = compactIndex[cell]
            if k >= 0 { counts[k] += 1 } else { excluded += 1 }
        }
        return (counts, excluded)
    }
}
