import ClearcastDomain

extension DistanceTransform {
    /// Distance (metres) from each cell centre of `grid` to the nearest of `points`, exactly.
    ///
    /// Points keep their sub-cell coordinates and may lie outside the grid (an incident just over
    /// the boundary is still the nearest one). For each row of centres at `y_row`, the squared
    /// distance along the row is the lower envelope of the parabolas `(x − pₓ)² + (y_row − p_y)²`,
    /// built with Felzenszwalb and Huttenlocher's 1-D algorithm. To keep rows cheap, only points
    /// within `U_row` of the row in y enter its envelope, where `U_row` bounds the nearest-point
    /// distance of every centre in the row: the cell transform of the cells holding points, plus
    /// half a cell diagonal (the point in the nearest occupied cell is at most that far from its
    /// centre). The winning point's distance is then computed from the original coordinates, as
    /// a brute-force search would, so the two agree except where two points are equally near.
    ///
    /// ```swift
    /// let grid = try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 10, columns: 3, rows: 1)
    /// try DistanceTransform.distances(grid: grid, points: [(x: 2, y: 5)])   // [3, 13, 23]
    /// ```
    ///
    /// - Returns: `grid.cellCount` distances, row-major; all `+infinity` when `points` is empty.
    /// - Throws: ``EvidenceFeatureError/invalidPoint(context:index:x:y:weight:)`` for a non-finite coordinate.
    /// - Complexity: O(cells + n log n + Σ_rows w log w), w being the points within `U_row` of a row:
    ///   a few per row for dense evidence; at worst (every point outside the grid) O(rows · n log n).
    public static func distances(grid: Grid, points: [(x: Double, y: Double)]) throws -> [Double] {
        for (index, point) in points.enumerated() where !point.x.isFinite || !point.y.isFinite {
            throw EvidenceFeatureError.invalidPoint(context: "distance-transform source", index: index, x: point.x, y: point.y, weight: 1)
        }
        var result = [Double](repeating: .infinity, count: grid.cellCount)
        guard !points.isEmpty else { return result }
        let bounds = rowBounds(grid: grid, points: points)
        let byY = points.indices.sorted { points[$0].y < points[$1].y }
        let sortedY = byY.map { points[$0].y }
        let byX = points.indices.sorted { points[$0].x < points[$1].x }
        var envelope = LowerEnvelope(capacity: points.count)
        var window: [Int] = []
        for r in 0..<grid.rows {
            let y = grid.rowCenterY(r), bound = bounds[r]
            let lower = firstIndex(in: sortedY, notBelow: y - bound)
            let upper = firstIndex(in: sortedY, above: y + bound)
            guard lower < upper else { continue }   // cannot happen: the bound covers the nearest point
            if upper - lower == points.count {
                window = byX
            } else {
                window = Array(byY[lower..<upper])
                window.sort { points[$0].x < points[$1].x }
            }
            envelope.removeAll()
            for index in window {
                let dy = y - points[index].y
                envelope.add(vertex: points[index].x, offset: dy * dy, label: index)
            }
            let start = r * grid.columns
            envelope.lowest(at: 0..<grid.columns, position: { grid.columnCenterX($0) }) { c, index in
                let dx = grid.columnCenterX(c) - points[index].x, dy = y - points[index].y
                result[start + c] = (dx * dx + dy * dy).squareRoot()
            }
        }
        return result
    }

    /// For each row, a distance no centre of the row is farther than from its nearest point
    /// (+infinity when no point lies on the grid, which disables the pruning).
    private static func rowBounds(grid: Grid, points: [(x: Double, y: Double)]) -> [Double] {
        var isSource = [Bool](repeating: false, count: grid.cellCount)
        var any = false
        for point in points {
            if let cell = grid.cell(containingX: point.x, y: point.y) {
                isSource[grid.index(row: cell.row, column: cell.column)] = true
                any = true
            }
        }
        guard any else { return [Double](repeating: .infinity, count: grid.rows) }
        let squared = squaredCellDistances(rows: grid.rows, columns: grid.columns, isSource: isSource)
        // Half a diagonal for the point's offset in its cell, and a relative margin for rounding.
        let slack = grid.cellSize * (0.5 * 2.0.squareRoot()) * (1 + 1e-9) + grid.cellSize * 1e-9
        return (0..<grid.rows).map { r in
            var largest = 0.0
            for c in 0..<grid.columns { largest = max(largest, squared[r * grid.columns + c]) }
            return largest.squareRoot() * grid.cellSize * (1 + 1e-12) + slack
        }
    }

    /// First index of the ascending `values` with `values[i] >= bound`.
    private static func firstIndex(in values: [Double], notBelow bound: Double) -> Int {
        var low = 0, high = values.count
        while low < high {
            let mid = (low + high) / 2
            if values[mid] < bound { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// First index of the ascending `values` with `values[i] > bound`.
    private static func firstIndex(in values: [Double], above bound: Double) -> Int {
        var low = 0, high = values.count
        while low < high {
            let mid = (low + high) / 2
            if values[mid] <= bound { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
