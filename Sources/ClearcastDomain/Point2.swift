/// A planar point: x = longitude/easting, y = latitude/northing, in the units of its CRS.
///
/// ```swift
/// let p = Point2(x: 649_905.4, y: 4_402_584.5)
/// ```
public struct Point2: Hashable, Sendable, Codable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}
