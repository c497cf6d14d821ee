import CGDAL
import ClearcastDomain

// MARK: - OGR → Swift

extension Geometry {
    /// Reads a (borrowed) OGR geometry into plain Swift values.
    ///
    /// Z/M are dropped; curve geometries are linearised first. Geometry collections and other types
    /// the models cannot use yield nil.
    ///
    /// - Complexity: O(number of vertices); coordinates are copied with one `OGR_G_GetPoints` per part.
    init?(ogr handle: OGRGeometryH) {
        if OGR_G_HasCurveGeometry(handle, 0) != 0 {
            guard let linear = OGR_G_GetLinearGeometry(handle, 0, nil) else { return nil }
            defer { OGR_G_DestroyGeometry(linear) }
            self.init(ogr: linear)
            return
        }
        let type = OGR_GT_Flatten(OGR_G_GetGeometryType(handle))
        switch type {
        case wkbPoint:
            guard OGR_G_IsEmpty(handle) == 0 else { return nil }
            self = .point(Point2(x: OGR_G_GetX(handle, 0), y: OGR_G_GetY(handle, 0)))
        case wkbLineString, wkbLinearRing:
            self = .lineString(Geometry.points(of: handle))
        case wkbPolygon:
            self = .polygon(Geometry.rings(of: handle))
        case wkbMultiPoint:
            self = .multiPoint(Geometry.parts(of: handle).map { Point2(x: OGR_G_GetX($0, 0), y: OGR_G_GetY($0, 0)) })
        case wkbMultiLineString:
            self = .multiLineString(Geometry.parts(of: handle).map(Geometry.points(of:)))
        case wkbMultiPolygon:
            self = .multiPolygon(Geometry.parts(of: handle).map(Geometry.rings(of:)))
        default:
            return nil
        }
    }

    /// Vertices of a line string or ring.
    private static func points(of handle: OGRGeometryH) -> [Point2] {
        let count = Int(OGR_G_GetPointCount(handle))
        guard count > 0 else { return [] }
        var xs = [Double](repeating: 0, count: count)
        var ys = [Double](repeating: 0, count: count)
        let stride = Int32(MemoryLayout<Double>.stride)
        xs.withUnsafeMutableBytes { xb in
            ys.withUnsafeMutableBytes { yb in
                _ = OGR_G_GetPoints(handle, xb.baseAddress, stride, yb.baseAddress, stride, nil, 0)
            }
        }
        return (0..<count).map { Point2(x: xs[$0], y: ys[$0]) }
    }

    /// Rings of a polygon, exterior first.
    private static func rings(of handle: OGRGeometryH) -> [Ring] {
        parts(of: handle).map(points(of:))
    }

    /// Borrowed sub-geometries (rings of a polygon, members of a collection).
    private static func parts(of handle: OGRGeometryH) -> [OGRGeometryH] {
        (0..<OGR_G_GetGeometryCount(handle)).compactMap { OGR_G_GetGeometryRef(handle, $0) }
    }
}

// MARK: - Swift → OGR

extension OGRGeometry {
    /// Builds an owned OGR geometry from plain Swift values (nil only if GDAL cannot allocate).
    ///
    /// - Complexity: O(number of vertices).
    convenience init?(_ geometry: Geometry) {
        guard let handle = OGRGeometry.make(geometry) else { return nil }
        self.init(owning: handle)
    }

    private static func make(_ geometry: Geometry) -> OGRGeometryH? {
        switch geometry {
        case .point(let p):
            guard let h = OGR_G_CreateGeometry(wkbPoint) else { return nil }
            OGR_G_SetPoint_2D(h, 0, p.x, p.y)
            return h
        case .multiPoint(let points):
            return collection(wkbMultiPoint, points.map { Geometry.point($0) })
        case .lineString(let points):
            return curve(wkbLineString, points)
        case .multiLineString(let lines):
            return collection(wkbMultiLineString, lines.map { Geometry.lineString($0) })
        case .polygon(let rings):
            guard let h = OGR_G_CreateGeometry(wkbPolygon) else { return nil }
            for ring in rings {
                guard let r = curve(wkbLinearRing, ring) else { OGR_G_DestroyGeometry(h); return nil }
                OGR_G_AddGeometryDirectly(h, r)
            }
            return h
        case .multiPolygon(let polygons):
            return collection(wkbMultiPolygon, polygons.map { Geometry.polygon($0) })
        }
    }

    private static func curve(_ type: OGRwkbGeometryType, _ points: [Point2]) -> OGRGeometryH? {
        guard let h = OGR_G_CreateGeometry(type) else { return nil }
        OGR_G_SetPointCount(h, Int32(points.count))
        for (i, p) in points.enumerated() { OGR_G_SetPoint_2D(h, Int32(i), p.x, p.y) }
        return h
    }

    private static func collection(_ type: OGRwkbGeometryType, _ members: [Geometry]) -> OGRGeometryH? {
        guard let h = OGR_G_CreateGeometry(type) else { return nil }
        for member in members {
            guard let m = make(member) else { OGR_G_DestroyGeometry(h); return nil }
            OGR_G_AddGeometryDirectly(h, m)
        }
        return h
    }
}
