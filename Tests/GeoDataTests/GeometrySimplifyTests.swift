import ClearcastDomain
import GeoData
import Testing

/// `simplifiedPreservingTopology(tolerance:)`: vertices within the tolerance of the outline go,
/// the rest stay, and bad tolerances change nothing.
@Suite struct GeometrySimplifyTests {
    /// A 100 m square whose edges carry small zig-zags (at most 0.4 m off the edge): at a 1 m
    /// tolerance it is the square again, at 0.1 m it keeps the zig-zags.
    @Test func dropsOnlyVerticesWithinTheTolerance() throws {
        var ring: [Point2] = [Point2(x: 0, y: 0)]
        for step in 1..<10 { ring.append(Point2(x: Double(step) * 10, y: step % 2 == 0 ? 0.4 : -0.4)) }
        ring += [Point2(x: 100, y: 0), Point2(x: 100, y: 100), Point2(x: 0, y: 100), Point2(x: 0, y: 0)]
        let zigzag = Geometry.polygon([ring])
        guard case .polygon(let coarse) = zigzag.simplifiedPreservingTopology(tolerance: 1) else { Issue.record("not a polygon"); return }
        #expect(coarse.count == 1 && coarse[0].count == 5, "\(coarse)")
        #expect(Set(coarse[0]) == [Point2(x: 0, y: 0), Point2(x: 100, y: 0), Point2(x: 100, y: 100), Point2(x: 0, y: 100)])
        guard case .polygon(let fine) = zigzag.simplifiedPreservingTopology(tolerance: 0.1) else { Issue.record("not a polygon"); return }
        #expect(fine[0].count == ring.count)
        #expect(zigzag.simplifiedPreservingTopology(tolerance: 0) == zigzag)
        #expect(zigzag.simplifiedPreservingTopology(tolerance: .nan) == zigzag)
    }

    /// A hole survives a tolerance larger than itself would allow a plain Douglas–Peucker to collapse.
    @Test func keepsHolesAndMultipolygonParts() {
        let shell = [Point2(x: 0, y: 0), Point2(x: 100, y: 0), Point2(x: 100, y: 100), Point2(x: 0, y: 100), Point2(x: 0, y: 0)]
        let hole = [Point2(x: 40, y: 40), Point2(x: 60, y: 40), Point2(x: 60, y: 60), Point2(x: 40, y: 60), Point2(x: 40, y: 40)]
        let other = shell.map { Point2(x: $0.x + 200, y: $0.y) }
        let simplified = Geometry.multiPolygon([[shell, hole], [other]]).simplifiedPreservingTopology(tolerance: 5)
        guard case .multiPolygon(let parts) = simplified else { Issue.record("not a multipolygon: \(simplified)"); return }
        #expect(parts.count == 2 && parts.map(\.count).sorted() == [1, 2])
    }
}
