import ClearcastDomain

// MARK: - HazardFootprint

/// A hazard polygon reduced to what the risk model needs: its attributes, its true area and the grid
/// cells it covers. The Scenarios module rasterizes the polygon (GDAL) and fills ``cells``.
///
/// ```swift
/// let h = HazardFootprint(id: "CHA-017", name: "North ridge", type: .antiPersonnel,
///                         status: .confirmed, areaSquareMetres: 12_500, cells: [41, 42, 81])
/// ```
public struct HazardFootprint: Sendable, Equatable, Codable {
    /// Unique identifier (used as the final, deterministic tie-break when ranking).
    public var id: String
    /// Optional human-readable name.
    public var name: String?
    /// Kind of ordnance.
    public var type: ContaminationType
    /// Confirmed or suspected.
    public var status: HazardStatus
    /// True polygon area in square metres (not the cell count times cell area).
    public var areaSquareMetres: Double
    /// Row-major indices (`row * columns + column`, row 0 = north) of the grid cells the polygon covers.
    public var cells: [Int]

    /// Creates a footprint. Values are checked where they are used (layers and ranking throw).
    public init(id: String, name: String? = nil, type: ContaminationType, status: HazardStatus,
                areaSquareMetres: Double, cells: [Int]) {
        self.id = id
        self.name = name
        self.type = type
        self.status = status
        self.areaSquareMetres = areaSquareMetres
        self.cells = cells
    }
}
