// MARK: - LandUseFeature

/// One land-use polygon reduced to its class and the grid cells it covers (rasterized by Scenarios).
///
/// ```swift
/// let field = LandUseFeature(landUse: .agriculture, cells: [10, 11, 12])
/// ```
public struct LandUseFeature: Sendable, Equatable, Codable {
    /// The land-use class.
    public var landUse: LandUseClass
    /// Row-major cell indices covered by the polygon.
    public var cells: [Int]

    /// Creates a feature.
    public init(landUse: LandUseClass, cells: [Int]) {
        self.landUse = landUse
        self.cells = cells
    }
}
