// MARK: - GridMask

/// The cells of a grid that take part in an analysis (a study area): the others are left out of
/// normalisation, ranking, validation and outputs.
///
/// Layers are computed on the whole grid (a kernel does not stop at a border), then *compacted* to
/// the included cells, in row-major order; results are *expanded* back with a fill value for
/// outputs (nodata in rasters).
///
/// ```swift
/// let mask = GridMask(included: [true, false, true, true])
/// mask.compact([1, 2, 3, 4])            // [1, 3, 4]
/// mask.expand([1, 3, 4], fill: .nan)    // [1, nan, 3, 4]
/// mask.compactIndices(of: [1, 2, 3])    // [1, 2]: cell 1 is excluded, cells 2 and 3 are 1 and 2
/// ```
public struct GridMask: Sendable, Equatable {
    /// One flag per grid cell, row-major.
    public let included: [Bool]
    /// Row-major indices of the included cells, ascending.
    public let cells: [Int]
    /// For each grid cell, its position among the included cells, or -1.
    public let position: [Int]

    /// - Complexity: O(cells).
    public init(included: [Bool]) {
        self.included = included
        var cells: [Int] = []
        var position = [Int](repeating: -1, count: included.count)
        for (cell, isIn) in included.enumerated() where isIn {
            position[cell] = cells.count
            cells.append(cell)
        }
        self.cells = cells
        self.position = position
    }

    /// Every cell of a grid of `cellCount` cells.
    public static func all(_ cellCount: Int) -> GridMask { GridMask(included: Array(repeating: true, count: cellCount)) }

    public var cellCount: Int { included.count }
    public var includedCount: Int { cells.count }
    public var excludedCount: Int { included.count - cells.count }
    public var includesEveryCell: Bool { cells.count == included.count }

    /// The included cells' values, in row-major order.
    ///
    /// - Precondition: `values.count == cellCount`.
    public func compact<T>(_ values: [T]) -> [T] {
        precondition(values.count == cellCount, "GridMask.compact: \(values.count) values for \(cellCount) cells")
        return includesEveryCell ? values : cells.map { values[$0] }
    }

    /// A full-grid vector with `values` at the included cells and `fill` elsewhere.
    ///
    /// - Precondition: `values.count == includedCount`.
    public func expand<T>(_ values: [T], fill: T) -> [T] {
        precondition(values.count == includedCount, "GridMask.expand: \(values.count) values for \(includedCount) cells")
        if includesEveryCell { return values }
        var out = [T](repeating: fill, count: cellCount)
        for (i, cell) in cells.enumerated() { out[cell] = values[i] }
        return out
    }

    /// Positions among the included cells of those `gridCells` that are included, in order (repeats kept).
    public func compactIndices(of gridCells: [Int]) -> [Int] {
        gridCells.compactMap { $0 >= 0 && $0 < position.count && position[$0] >= 0 ? position[$0] : nil }
    }
}
