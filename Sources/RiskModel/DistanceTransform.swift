import ClearcastDomain

// MARK: - DistanceTransform

/// Exact Euclidean distance from every grid cell centre to the nearest source, in metres.
///
/// "Distance to the nearest earlier incident" ranks future incidents better than hand-weighted
/// composites, so it has to be exact, not a chamfer or buffer approximation. Two sources:
///
/// - **Cells** (``distances(rows:columns:cellSize:sourceCells:)``): centre-to-centre distance to the
///   nearest source cell, by the separable squared-distance transform of Felzenszwalb and
///   Huttenlocher (2012): a vertical pass gives the squared distance to the nearest source in the same
///   column, then each row is the lower envelope of the parabolas `(c − q)² + g(q)`. Distances in cell
///   units are square roots of integers, so the result equals a brute-force search bit for bit.
/// - **Points** (``distances(grid:points:)``): distance from each cell centre to the nearest point,
///   with the points' own sub-cell coordinates. Each row of centres is the lower envelope of the
///   parabolas `(x − pₓ)² + (y_row − p_y)²` of the points; only points within a bound of the row
///   can touch it, the bound coming from the cell transform of the points' cells (the nearest point
///   is at most half a cell diagonal farther than the nearest occupied cell's centre).
///
/// No source at all gives `+infinity` everywhere (callers that need a finite feature cap it).
///
/// ```swift
/// // 3 × 4 grid of 100 m cells, one source at (row 0, column 0):
/// let d = try DistanceTransform.distances(rows: 3, columns: 4, cellSize: 100, sourceCells: [0])
/// d[0]    // 0
/// d[11]   // (row 2, column 3): 100 · √(2² + 3²) ≈ 360.555
/// ```
public enum DistanceTransform {
    /// Centre-to-centre distance (metres) from each cell to the nearest cell in `sourceCells`.
    ///
    /// - Parameters:
    ///   - sourceCells: row-major indices (`row * columns + column`); repeats are harmless.
    /// - Returns: `rows * columns` distances, row-major; all `+infinity` when `sourceCells` is empty.
    /// - Throws: ``RiskModelError/cellIndexOutOfRange(context:index:cellCount:)`` for an index off the
    ///   grid, ``RiskModelError/cellCountMismatch(context:expected:found:)`` for an empty shape.
    /// - Complexity: O(rows · columns) time, O(rows · columns) memory.
    public static func distances(rows: Int, columns: Int, cellSize: Double, sourceCells: [Int]) throws -> [Double] {
        var squared = try squaredCellDistances(rows: rows, columns: columns, sourceCells: sourceCells)
        for i in squared.indices { squared[i] = squared[i].squareRoot() * cellSize }
        return squared
    }

    /// Squared centre-to-centre distances in cell units (integers, or `+infinity`).
    ///
    /// - Complexity: O(rows · columns).
    public static func squaredCellDistances(rows: Int, columns: Int, sourceCells: [Int]) throws -> [Double] {
        guard rows > 0, columns > 0, !rows.multipliedReportingOverflow(by: columns).overflow else {
            throw RiskModelError.cellCountMismatch(context: "distance transform of a \(rows) x \(columns) grid", expected: 1, found: 0)
        }
        let count = rows * columns
        var isSource = [Bool](repeating: false, count: count)
        for index in sourceCells {
            guard index >= 0, index < count else {
                throw RiskModelError.cellIndexOutOfRange(context: "distance-transform source", index: index, cellCount: count)
            }
            isSource[index] = true
        }
        return squaredCellDistances(rows: rows, columns: columns, isSource: isSource)
    }

    /// The transform on a row-major source flag per cell.
    static func squaredCellDistances(rows: Int, columns: Int, isSource: [Bool]) -> [Double] {
        let count = rows * columns
        // Pass 1 (columns): rows to the nearest source in the same column, sweeping whole rows
        // down and then up so memory is read in order. `Int.max / 4` marks "none in this column".
        let none = Int.max / 4
        var vertical = [Int](repeating: none, count: count)
        for c in 0..<columns where isSource[c] { vertical[c] = 0 }
        for r in 1..<max(rows, 1) {
            let here = r * columns, above = here - columns
            for c in 0..<columns {
                vertical[here + c] = isSource[here + c] ? 0 : min(none, vertical[above + c] + 1)
            }
        }
        if rows > 1 {
            for r in stride(from: rows - 2, through: 0, by: -1) {
                let here = r * columns, below = here + columns
                for c in 0..<columns where vertical[below + c] + 1 < vertical[here + c] {
                    vertical[here + c] = vertical[below + c] + 1
                }
            }
        }
        // Pass 2 (rows): lower envelope of parabolas (c − q)² + g(q), g = vertical².
        var result = [Double](repeating: .infinity, count: count)
        var envelope = LowerEnvelope(capacity: columns)
        for r in 0..<rows {
            let start = r * columns
            envelope.removeAll()
            for q in 0..<columns where vertical[start + q] < none {
                let v = Double(vertical[start + q])
                envelope.add(vertex: Double(q), offset: v * v)
            }
            guard !envelope.isEmpty else { continue }
            envelope.evaluate(at: 0..<columns, position: { Double($0) }) { c, value in result[start + c] = value }
        }
        return result
    }
}

// MARK: - LowerEnvelope

/// The lower envelope of parabolas `(x − vᵢ)² + fᵢ` added in non-decreasing order of vertex `vᵢ`
/// (Felzenszwalb & Huttenlocher's 1-D algorithm, for arbitrary vertex positions).
///
/// - Complexity: amortised O(1) per ``add(vertex:offset:)``; O(parabolas + queries) per
///   ``evaluate(at:position:_:)`` for queries in increasing order.
struct LowerEnvelope {
    /// Vertices, offsets and caller labels of the parabolas on the envelope, left to right.
    private var vertices: [Double] = [], offsets: [Double] = [], labels: [Int] = []
    /// `boundaries[k]` is where parabola `k` starts to be the lowest (`boundaries[0]` = −∞).
    private var boundaries: [Double] = []

    init(capacity: Int) {
        vertices.reserveCapacity(capacity)
        offsets.reserveCapacity(capacity)
        boundaries.reserveCapacity(capacity)
        labels.reserveCapacity(capacity)
    }

    var isEmpty: Bool { vertices.isEmpty }

    mutating func removeAll() {
        vertices.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        boundaries.removeAll(keepingCapacity: true)
        labels.removeAll(keepingCapacity: true)
    }

    /// Adds a parabola; `vertex` must be ≥ every vertex added before. `label` comes back from
    /// ``lowest(at:position:_:)`` (e.g. the index of the point the parabola belongs to).
    mutating func add(vertex: Double, offset: Double, label: Int = 0) {
        while let last = vertices.last {
            if vertex == last {
                // Same vertex: the lower offset wins everywhere.
                if offset >= offsets[offsets.count - 1] { return }
                pop()
                continue
            }
            let s = intersection(vertex, offset, last, offsets[offsets.count - 1])
            if s <= boundaries[boundaries.count - 1] {
                pop()
                continue
            }
            push(vertex, offset, label, from: s)
            return
        }
        push(vertex, offset, label, from: -.infinity)
    }

    /// Calls `body(query, value)` with the envelope's value at each query, in increasing position order.
    func evaluate<Queries: Sequence>(at queries: Queries, position: (Queries.Element) -> Double,
                                     _ body: (Queries.Element, Double) -> Void) {
        walk(queries, position) { query, x, k in
            let dx = x - vertices[k]
            body(query, dx * dx + offsets[k])
        }
    }

    /// Calls `body(query, label)` with the label of the lowest parabola at each query, in
    /// increasing position order (a tie may name either parabola: their values are equal).
    func lowest<Queries: Sequence>(at queries: Queries, position: (Queries.Element) -> Double,
                                   _ body: (Queries.Element, Int) -> Void) {
        walk(queries, position) { query, _, k in body(query, labels[k]) }
    }

    /// Calls `body(query, position, k)` with the envelope slot `k` lowest at each query.
    private func walk<Queries: Sequence>(_ queries: Queries, _ position: (Queries.Element) -> Double,
                                         _ body: (Queries.Element, Double, Int) -> Void) {
        var k = 0
        for query in queries {
            let x = position(query)
            while k + 1 < boundaries.count && boundaries[k + 1] < x { k += 1 }
            body(query, x, k)
        }
    }

    /// Where parabola (v, f) overtakes (u, g) for u < v.
    private func intersection(_ v: Double, _ f: Double, _ u: Double, _ g: Double) -> Double {
        // ((f + v²) − (g + u²)) / (2(v − u)), written to keep v² − u² accurate for large coordinates.
        ((f - g) + (v - u) * (v + u)) / (2 * (v - u))
    }

    private mutating func push(_ vertex: Double, _ offset: Double, _ label: Int, from boundary: Double) {
        labels.append(label)
        vertices.append(vertex)
        offsets.append(offset)
        boundaries.append(boundary)
    }

    private mutating func pop() {
        labels.removeLast()
        vertices.removeLast()
        offsets.removeLast()
        boundaries.removeLast()
    }
}
