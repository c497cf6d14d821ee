import ClearcastDomain

// MARK: - RingCounts

/// How much evidence lies within a radius of each cell centre: the number of points, or the sum of
/// their weights, with `dx² + dy² ≤ r²` (an exact disc, boundary included), for several radii.
///
/// Each point stamps its disc row by row: in every row the centres within `r` form one run of
/// columns, found from `√(r² − dy²)` and then checked against the exact predicate at both ends, and
/// the run is added to a per-row difference array (`+w` at its first column, `−w` after its last).
/// A prefix sum along each row turns the differences into the sums. So a point costs one step per
/// row its disc spans, whatever the radius's area; unit weights give exact integer counts.
///
/// ```swift
/// let grid = try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 100, columns: 50, rows: 50)
/// let rings = try RingCounts.counts(grid: grid, points: incidents.map { (x: $0.x, y: $0.y, weight: 1) },
///                                   radii: [1_000, 5_000])
/// rings[0][grid.index(row: 10, column: 10)]   // incidents within 1 km of that cell's centre
/// ```
public enum RingCounts {
    /// One full-grid vector (row-major) per radius, in the order of `radii`.
    ///
    /// Points may lie outside the grid; only the centres inside their disc count them. With
    /// non-integer weights the sums differ from a point-by-point sum only by rounding (the
    /// difference array adds and subtracts the same weights).
    ///
    /// - Throws: ``EvidenceFeatureError/invalidRadius(_:)`` for a radius that is not positive and
    ///   finite, ``EvidenceFeatureError/invalidPoint(context:index:x:y:weight:)`` for a non-finite
    ///   coordinate or a negative or non-finite weight.
    /// - Complexity: O(radii · (cells + Σ_points min(rows, 2r / cellSize + 1))) time; O(cells) memory per radius.
    public static func counts(grid: Grid, points: [(x: Double, y: Double, weight: Double)],
                              radii: [Double]) throws -> [[Double]] {
        for radius in radii where !(radius.isFinite && radius > 0) {
            throw EvidenceFeatureError.invalidRadius(radius)
        }
        for (index, point) in points.enumerated()
        where !point.x.isFinite || !point.y.isFinite || !point.weight.isFinite || point.weight < 0 {
            throw EvidenceFeatureError.invalidPoint(context: "ring-count evidence", index: index,
                                                    x: point.x, y: point.y, weight: point.weight)
        }
        return radii.map { disc(grid: grid, points: points, radius: $0) }
    }

    /// The sums for one radius.
    private static func disc(grid: Grid, points: [(x: Double, y: Double, weight: Double)], radius: Double) -> [Double] {
        let columns = grid.columns, width = columns + 1
        // One spare column per row receives the "−w" of runs that end at the last column.
        var differences = [Double](repeating: 0, count: grid.rows * width)
        let rSquared = radius * radius, size = grid.cellSize
        for point in points where point.weight != 0 {
            // Rows whose centre is within `radius` in y, widened by one and then checked exactly.
            // (Clamped as Doubles first: a far-away point must not overflow Int.)
            let rowLimit = Double(grid.rows)
            let firstRow = Int(max(0, min(rowLimit, ((grid.maxY - (point.y + radius)) / size - 0.5).rounded(.down))))
            let lastRow = Int(max(-1, min(rowLimit - 1, ((grid.maxY - (point.y - radius)) / size - 0.5).rounded(.up))))
            guard firstRow <= lastRow else { continue }
            for row in firstRow...lastRow {
                let dy = grid.rowCenterY(row) - point.y
                let remaining = rSquared - dy * dy
                guard remaining >= 0 else { continue }
                guard let run = columnRun(grid: grid, x: point.x, dy: dy, halfWidth: remaining.squareRoot(), rSquared: rSquared)
                else { continue }
                differences[row * width + run.lowerBound] += point.weight
                differences[row * width + run.upperBound + 1] -= point.weight
            }
        }
        var sums = [Double](repeating: 0, count: grid.cellCount)
        for row in 0..<grid.rows {
            var running = 0.0
            for c in 0..<columns {
                running += differences[row * width + c]
                sums[row * columns + c] = running
            }
        }
        return sums
    }

    /// The columns of centres with `dx² + dy² ≤ r²` in one row, or nil when there are none: a first
    /// guess from the half-width, then moved until the exact predicate holds inside and fails outside.
    private static func columnRun(grid: Grid, x: Double, dy: Double, halfWidth: Double, rSquared: Double) -> ClosedRange<Int>? {
        func inside(_ c: Int) -> Bool {
            let dx = grid.columnCenterX(c) - x
            return dx * dx + dy * dy <= rSquared
        }
        let size = grid.cellSize, last = grid.columns - 1
        let lowGuess = ((x - halfWidth - grid.minX) / size - 0.5).rounded(.up)
        let highGuess = ((x + halfWidth - grid.minX) / size - 0.5).rounded(.down)
        guard lowGuess <= Double(last) + 1, highGuess >= -1 else { return nil }
        // Rounding leaves a guess at most a column off the exact edge, so a few exact checks fix
        // it; guesses far off the grid are first pulled in to just outside it.
        var low = Int(max(-2, lowGuess)), high = Int(min(Double(last) + 2, highGuess))
        for _ in 0..<3 where inside(low - 1) { low -= 1 }
        for _ in 0..<3 where !inside(low) { low += 1 }
        for _ in 0..<3 where inside(high + 1) { high += 1 }
        for _ in 0..<3 where !inside(high) { high -= 1 }
        low = max(low, 0)
        high = min(high, last)
        guard low <= high else { return nil }
        return low...high
    }
}
