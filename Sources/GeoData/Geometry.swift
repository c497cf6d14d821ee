import ClearcastDomain

/// A closed ring of points; the last point repeats the first, as in OGR and GeoJSON.
public typealias Ring = [Point2]

/// A 2-D simple-features geometry in plain Swift values.
///
/// Polygons are lists of rings: the first is the exterior, the others are holes. Coordinates are in
/// the CRS of the layer they came from (after ``readVectorLayer(at:targetEPSG:sourceEPSGIfMissing:layerName:)``
/// that is the target CRS). Z and M values are dropped; curves are linearised.
///
/// ```swift
/// let square = Geometry.polygon([[Point2(x: 0, y: 0), Point2(x: 10, y: 0),
///                                 Point2(x: 10, y: 10), Point2(x: 0, y: 10), Point2(x: 0, y: 0)]])
/// ```
public enum Geometry: Hashable, Sendable {
    case point(Point2)
    case multiPoint([Point2])
    case lineString([Point2])
    case multiLineString([[Point2]])
    case polygon([Ring])
    case multiPolygon([[Ring]])

    /// A point from two coordinates.
    public static func point(x: Double, y: Double) -> Geometry { .point(Point2(x: x, y: y)) }

    // MARK: Inspection

    /// The OGC name of the geometry type, e.g. "Polygon".
    public var typeName: String {
        switch self {
        case .point: "Point"
        case .multiPoint: "MultiPoint"
        case .lineString: "LineString"
        case .multiLineString: "MultiLineString"
        case .polygon: "Polygon"
        case .multiPolygon: "MultiPolygon"
        }
    }

    /// Whether the geometry has area (polygon or multipolygon).
    public var isAreal: Bool {
        switch self {
        case .polygon, .multiPolygon: true
        default: false
        }
    }

    /// Every vertex, in order (rings include their closing point).
    public var allPoints: [Point2] {
        switch self {
        case .point(let p): [p]
        case .multiPoint(let ps), .lineString(let ps): ps
        case .multiLineString(let lines): lines.flatMap { $0 }
        case .polygon(let rings): rings.flatMap { $0 }
        case .multiPolygon(let polygons): polygons.flatMap { $0.flatMap { $0 } }
        }
    }

    /// The axis-aligned bounding box, or nil for a geometry without points.
    ///
    /// - Complexity: O(number of vertices).
    public var boundingBox: (minX: Double, minY: Double, maxX: Double, maxY: Double)? {
        let points = allPoints
        guard let first = points.first else { return nil }
        var box = (minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        for p in points.dropFirst() {
            box.minX = min(box.minX, p.x); box.maxX = max(box.maxX, p.x)
            box.minY = min(box.minY, p.y); box.maxY = max(box.maxY, p.y)
        }
        return box
    }

    /// The point, when the geometry is a single point.
    public var pointValue: Point2? {
        if case .point(let p) = self { return p }
        return nil
    }
}
