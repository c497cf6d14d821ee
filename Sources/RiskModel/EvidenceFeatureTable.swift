import ClearcastDomain

// MARK: - EvidenceFeatureTable

/// Feature columns computed from named evidence point sets on a grid: for each kind (in the order
/// given) the distance to its nearest point, then its ring counts for each radius (in the order given).
///
/// The points are whatever the caller says counts as evidence at the time of prediction (for a
/// temporal hold-out, incidents before the cut-off date only), already in the grid's CRS.
///
/// ```swift
/// let table = try EvidenceFeatureTable(grid: grid,
///                                      evidence: [(.incidents, earlier), (.confirmedHazards, hazardCentres)],
///                                      radii: [1_000, 5_000])
/// table.columnNames   // ["distance_to_incidents", "count_within_1000m_incidents", "count_within_5000m_incidents",
///                     //  "distance_to_confirmed_hazards", "count_within_1000m_confirmed_hazards", ...]
/// table.column(for: .distance(to: .incidents))   // grid.cellCount metres, row-major
/// ```
public struct EvidenceFeatureTable: Sendable {
    /// The features, in column order.
    public let features: [EvidenceFeature]
    /// One full-grid vector (row-major, `grid.cellCount` values) per feature.
    public let columns: [[Double]]

    /// Column names (``EvidenceFeature/columnName``), in order.
    public var columnNames: [String] { features.map(\.columnName) }

    /// The column of `feature`, or nil when it was not computed.
    public func column(for feature: EvidenceFeature) -> [Double]? {
        features.firstIndex(of: feature).map { columns[$0] }
    }

    /// Computes the columns.
    ///
    /// - Parameters:
    ///   - evidence: one point set per kind; a kind with no points gets distance `distanceCap` (or
    ///     +infinity) and zero counts everywhere.
    ///   - radii: ring radii in metres (positive, finite, distinct); empty for distances only.
    ///   - distanceCap: distances beyond it are set to it (+infinity: no cap). A model needs finite
    ///     features, so callers pass e.g. the grid's diagonal when a kind may be empty.
    /// - Throws: ``EvidenceFeatureError`` for a repeated kind or radius, a bad radius, cap or point.
    /// - Complexity: per kind, ``DistanceTransform/distances(grid:points:)`` plus
    ///   ``RingCounts/counts(grid:points:radii:)``; memory one grid vector per column.
    public init(grid: Grid, evidence: [(kind: EvidenceKind, points: [EvidencePoint])], radii: [Double],
                distanceCap: Double = .infinity) throws {
        guard distanceCap > 0, !distanceCap.isNaN else { throw EvidenceFeatureError.invalidDistanceCap(distanceCap) }
        var seenKinds = Set<EvidenceKind>()
        for (kind, _) in evidence where !seenKinds.insert(kind).inserted {
            throw EvidenceFeatureError.duplicateKind(kind.name)
        }
        var seenRadii = Set<Double>()
        for radius in radii {
            guard radius.isFinite, radius > 0 else { throw EvidenceFeatureError.invalidRadius(radius) }
            guard seenRadii.insert(radius).inserted else { throw EvidenceFeatureError.duplicateRadius(radius) }
        }
        var features: [EvidenceFeature] = [], columns: [[Double]] = []
        for (kind, points) in evidence {
            let context = "evidence '\(kind.name)'"
            for (index, point) in points.enumerated()
            where !point.x.isFinite || !point.y.isFinite || !point.weight.isFinite || point.weight < 0 {
                throw EvidenceFeatureError.invalidPoint(context: context, index: index, x: point.x, y: point.y, weight: point.weight)
            }
            var distances = try DistanceTransform.distances(grid: grid, points: points.map { (x: $0.x, y: $0.y) })
            if distanceCap < .infinity {
                for i in distances.indices where distances[i] > distanceCap { distances[i] = distanceCap }
            }
            features.append(.distance(to: kind))
            columns.append(distances)
            let rings = try RingCounts.counts(grid: grid, points: points.map { (x: $0.x, y: $0.y, weight: $0.weight) }, radii: radii)
            for (radius, ring) in zip(radii, rings) {
                features.append(.count(within: radius, of: kind))
                columns.append(ring)
            }
        }
        self.features = features
        self.columns = columns
    }
}
