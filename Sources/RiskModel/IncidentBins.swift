import LinearAlgebra

// MARK: - IncidentBins

/// Incident weights binned onto a grid, kept sparse: the (column, weight) entries of each grid row,
/// in incident order.
///
/// Why not a dense `rows x columns` matrix `H`: a 4000 x 4000 grid holds at most a few hundred
/// thousand incidents, yet a dense `H` is 128 MB of fresh pages to zero. The banded smoothing reads
/// ``sparseRows`` a band of rows at a time (see `IncidentDensity.smooth(bins:method:firstProduct:)`).
///
/// ```swift
/// var bins = IncidentBins(rows: 3, columns: 4)
/// bins.add(weight: 2, row: 1, column: 3)
/// bins.finish()
/// bins.sparseRows.entryCount(rows: 0..<3)   // 1
/// ```
struct IncidentBins {
    /// Grid shape.
    let rows: Int, columns: Int
    private var entryRows: [Int32] = []
    private var entryColumns: [Int32] = []
    private var entryWeights: [Double] = []
    /// After ``finish()``: entries of row `r` are `rowStarts[r] ..< rowStarts[r + 1]`.
    private var rowStarts: [Int] = []

    init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
    }

    /// Adds `weight` to cell (`row`, `column`).
    ///
    /// - Precondition: the cell is on the grid.
    mutating func add(weight: Double, row: Int, column: Int) {
        precondition(row >= 0 && row < rows && column >= 0 && column < columns, "incident bin outside the grid")
        entryRows.append(Int32(truncatingIfNeeded: row))
        entryColumns.append(Int32(truncatingIfNeeded: column))
        entryWeights.append(weight)
        rowStarts = []
    }

    /// Groups the entries by row (a stable counting sort, so weights landing in one cell are summed
    /// in incident order, exactly as `H[r, c] += w` in a loop over the incidents would).
    ///
    /// - Complexity: O(entries + rows).
    mutating func finish() {
        var starts = [Int](repeating: 0, count: rows + 1)
        for row in entryRows { starts[Int(row) + 1] += 1 }
        for r in 0..<rows { starts[r + 1] += starts[r] }
        var next = starts
        var sortedColumns = [Int32](repeating: 0, count: entryColumns.count)
        var sortedWeights = [Double](repeating: 0, count: entryWeights.count)
        var sortedRows = [Int32](repeating: 0, count: entryRows.count)
        for i in entryRows.indices {
            let r = Int(entryRows[i])
            sortedRows[next[r]] = entryRows[i]
            sortedColumns[next[r]] = entryColumns[i]
            sortedWeights[next[r]] = entryWeights[i]
            next[r] += 1
        }
        (entryRows, entryColumns, entryWeights, rowStarts) = (sortedRows, sortedColumns, sortedWeights, starts)
    }

    /// The bins as a sparse `rows x columns` matrix `H`, one entry per incident (entries in one cell
    /// kept apart, in incident order).
    ///
    /// - Precondition: ``finish()`` was called.
    /// - Complexity: O(rows + entries) (the structure is checked once).
    var sparseRows: SparseRowMatrix {
        precondition(rowStarts.count == rows + 1, "IncidentBins.finish() must run before sparseRows")
        do {
            return try SparseRowMatrix(rows: rows, columns: columns, rowStarts: rowStarts,
                                       columnIndices: entryColumns, values: entryWeights)
        } catch {
            // `add` keeps every entry on the grid and `finish` builds the row starts from them.
            preconditionFailure("IncidentBins produced an invalid sparse matrix: \(error)")
        }
    }

    /// `Σ_r s_y[r] · Σ_c H[r, c] · s_x[c]`, summing each row's distinct cells in column order.
    ///
    /// - Complexity: O(entries + rows).
    func weightedSum(rowFactors sY: [Double], columnFactors sX: [Double]) -> Double {
        precondition(rowStarts.count == rows + 1, "IncidentBins.finish() must run before weightedSum")
        var total = 0.0
        var order: [Int] = []
        for r in 0..<rows where rowStarts[r + 1] > rowStarts[r] {
            // Entries by column (stable, so duplicates keep incident order), each cell summed first.
            order.removeAll(keepingCapacity: true)
            order.append(contentsOf: rowStarts[r]..<rowStarts[r + 1])
            order.sort { (entryColumns[$0], $0) < (entryColumns[$1], $1) }
            var rowSum = 0.0
            var i = 0
            while i < order.count {
                let column = entryColumns[order[i]]
                var cell = 0.0
                while i < order.count, entryColumns[order[i]] == column {
                    cell += entryWeights[order[i]]
                    i += 1
                }
                rowSum += cell * sX[Int(column)]
            }
            total += sY[r] * rowSum
        }
        return total
    }
}
