import ClearcastDomain

// MARK: - TemporalSplit

/// The out-of-time split used for validation: the incident layer is built only from incidents
/// **before** the cut-off day, and the scores are judged on incidents **on or after** it.
///
/// An incident on the cut-off day itself is held out (it is not "before DATE"), so no information from that day
/// leaks into the model.
///
/// ```swift
/// let split = TemporalSplit(cutoff: try CivilDate(iso: "2024-01-01"))
/// let (training, heldOut) = split.partition(incidents)
/// let cells = TemporalSplit.cells(of: heldOut, in: grid)
/// // cells.indices -> ValidationComparison(heldOutIncidentCells:); cells.outside -> report it
/// ```
public struct TemporalSplit: Sendable, Equatable, Codable {
    /// First held-out day.
    public let cutoff: CivilDate

    /// Creates a split at `cutoff`.
    public init(cutoff: CivilDate) {
        self.cutoff = cutoff
    }

    /// Splits `items` by `day`, keeping their order: `day < cutoff` trains, the rest is held out.
    ///
    /// - Complexity: O(n).
    public func partition<Item>(_ items: [Item], day: (Item) -> CivilDate) -> (training: [Item], heldOut: [Item]) {
        var training: [Item] = []
        var heldOut: [Item] = []
        for item in items {
            if day(item) < cutoff { training.append(item) } else { heldOut.append(item) }
        }
        return (training, heldOut)
    }

    /// Splits incidents at the cut-off day (see ``partition(_:day:)``).
    public func partition(_ incidents: [Incident]) -> (training: [Incident], heldOut: [Incident]) {
        partition(incidents) { $0.date }
    }

    /// Row-major cell indices of incidents inside `grid` (see ``cells(of:in:)``).
    public static func cells(of incidents: [Incident], in grid: Grid) -> (indices: [Int], outside: Int) {
        cells(of: incidents.map { (x: $0.x, y: $0.y) }, in: grid)
    }

    /// Row-major cell index of each point inside `grid`, one entry per point (repeats kept), and how
    /// many points fell outside the grid (they cannot be scored and should be reported, not hidden).
    ///
    /// - Complexity: O(n).
    public static func cells(of points: [(x: Double, y: Double)], in grid: Grid) -> (indices: [Int], outside: Int) {
        var indices: [Int] = []
        indices.reserveCapacity(points.count)
        var outside = 0
        for point in points {
            if let cell = grid.cell(containingX: point.x, y: point.y) {
                indices.append(grid.index(row: cell.row, column: cell.column))
            } else {
                outside += 1
            }
        }
        return (indices, outside)
    }
}
