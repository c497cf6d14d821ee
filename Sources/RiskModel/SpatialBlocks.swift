// MARK: - SpatialBlocks

/// Square blocks of grid cells for spatial cross-validation: cell (r, c) belongs to block
/// (r / blockCells, c / blockCells). Folds are made of **whole blocks**, so cells next to each
/// other (which share incidents, hazards and smoothing) are never split between fitting and
/// testing, the leak that makes random-cell cross-validation optimistic.
///
/// Only included cells count (the study-area mask); blocks without included cells are dropped.
/// The rows of a design matrix used with these blocks are the **included cells in row-major order**
/// (row 0 of the grid left to right, then row 1, …), the order of ``blockOfCell``.
///
/// ```swift
/// let blocks = try SpatialBlocks(rows: 400, columns: 300, blockCells: 20, include: inside)
/// let folds = try blocks.folds(count: 5, seed: 42)
/// folds.foldOfCell[k]        // fold of the k-th included cell
/// ```
public struct SpatialBlocks: Sendable, Equatable {
    /// Grid rows and columns.
    public let rows: Int
    public let columns: Int
    /// Side of a block in cells.
    public let blockCells: Int
    /// Block number (0..<blockCount, numbered in row-major block order among blocks with included
    /// cells) of each included cell, in row-major cell order.
    public let blockOfCell: [Int]
    /// Blocks holding at least one included cell.
    public let blockCount: Int

    /// Number of included cells (design rows).
    public var cellCount: Int { blockOfCell.count }

    /// Lays out the blocks.
    ///
    /// - Parameter include: optional mask, one Bool per cell in row-major order; nil includes all.
    /// - Throws: ``ModelFitError/invalidBlocks(details:)`` for non-positive sizes or a mask of the
    ///   wrong length.
    /// - Complexity: O(rows·columns).
    public init(rows: Int, columns: Int, blockCells: Int, include: [Bool]? = nil) throws {
        guard rows > 0, columns > 0 else { throw ModelFitError.invalidBlocks(details: "the grid must have rows and columns > 0, found \(rows) x \(columns)") }
        guard blockCells > 0 else { throw ModelFitError.invalidBlocks(details: "block size must be >= 1 cell, found \(blockCells)") }
        if let include, include.count != rows * columns {
            throw ModelFitError.invalidBlocks(details: "the include mask has \(include.count) values for \(rows * columns) cells")
        }
        let blocksAcross = (columns + blockCells - 1) / blockCells
        let blocksDown = (rows + blockCells - 1) / blockCells
        var number = [Int](repeating: -1, count: blocksAcross * blocksDown)
        var used = [Bool](repeating: false, count: number.count)
        for r in 0..<rows {
            for c in 0..<columns where include?[r * columns + c] ?? true { used[(r / blockCells) * blocksAcross + c / blockCells] = true }
        }
        var next = 0
        for b in 0..<number.count where used[b] {
            number[b] = next
            next += 1
        }
        var blockOfCell: [Int] = []
        blockOfCell.reserveCapacity(include.map { $0.reduce(0) { $0 + ($1 ? 1 : 0) } } ?? rows * columns)
        for r in 0..<rows {
            for c in 0..<columns where include?[r * columns + c] ?? true {
                blockOfCell.append(number[(r / blockCells) * blocksAcross + c / blockCells])
            }
        }
        self.rows = rows
        self.columns = columns
        self.blockCells = blockCells
        self.blockOfCell = blockOfCell
        self.blockCount = next
    }

    /// Assigns the blocks to `count` folds: the blocks are shuffled with a generator seeded by `seed`
    /// (Fisher–Yates, SplitMix64) and dealt round-robin, so fold sizes differ by at most one block.
    /// The same seed gives the same folds on every machine and for any thread count.
    ///
    /// - Throws: ``ModelFitError/tooFewBlocks(blocks:folds:)`` when `count < 2` or there are fewer
    ///   blocks than folds.
    /// - Complexity: O(cells + blocks).
    public func folds(count: Int, seed: UInt64) throws -> BlockFolds {
        guard count >= 2, blockCount >= count else { throw ModelFitError.tooFewBlocks(blocks: blockCount, folds: count) }
        var order = Array(0..<blockCount)
        var generator = SplitMix64(state: seed)
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(i, Int(generator.next() % UInt64(i + 1)))
        }
        var foldOfBlock = [Int](repeating: 0, count: blockCount)
        for (position, block) in order.enumerated() { foldOfBlock[block] = position % count }
        return BlockFolds(count: count, foldOfBlock: foldOfBlock, foldOfCell: blockOfCell.map { foldOfBlock[$0] })
    }
}

// MARK: - BlockFolds

/// Folds of whole spatial blocks (see ``SpatialBlocks/folds(count:seed:)``).
public struct BlockFolds: Sendable, Equatable {
    /// Number of folds.
    public let count: Int
    /// Fold of each block.
    public let foldOfBlock: [Int]
    /// Fold of each included cell (design row), row-major.
    public let foldOfCell: [Int]

    /// Design rows in fold `fold`.
    public func rows(in fold: Int) -> [Int] { foldOfCell.indices.filter { foldOfCell[$0] == fold } }
}
