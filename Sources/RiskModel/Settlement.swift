// MARK: - Settlement

/// A settlement whose displaced residents may return, in plain projected coordinates.
///
/// ```swift
/// let village = Settlement(name: "Kani Masi", x: 505_000, y: 4_410_000, displaced: 1_200, returnShare: 0.6)
/// village.expectedReturnees   // 720
/// ```
public struct Settlement: Sendable, Equatable {
    /// Name, for messages and reports.
    public var name: String
    /// Easting in the grid's projected CRS, metres.
    public var x: Double
    /// Northing in the grid's projected CRS, metres.
    public var y: Double
    /// Displaced population (people).
    public var displaced: Double
    /// Expected share of the displaced who return, in [0, 1].
    public var returnShare: Double

    /// Creates a settlement.
    public init(name: String, x: Double, y: Double, displaced: Double, returnShare: Double) {
        self.name = name
        self.x = x
        self.y = y
        self.displaced = displaced
        self.returnShare = returnShare
    }

    /// People expected back: `displaced * returnShare`.
    public var expectedReturnees: Double { displaced * returnShare }
}
