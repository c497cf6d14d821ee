import ClearcastDomain
import GeoData
import RiskModel
import Scenarios

// MARK: - BriefingMapLayers

/// What the briefing's map draws: hazard outlines, settlements and incidents in the grid CRS.
///
/// Results carry no geometry (a score result keeps only the top hazards' centroids), so the map is
/// drawn from the scenario the results name: `clearcast report` loads it from the path in the
/// results' provenance and says in the report whether its content hash still matches the one the
/// results were computed from. Built from ``ScenarioLayers`` (checked and reprojected to the grid
/// CRS), so the map shows exactly the polygons a run would use.
public struct BriefingMapLayers: Sendable, Equatable {
    public struct Area: Sendable, Equatable {
        public var id: String
        /// Polygons, each a list of rings (exterior first, then holes), in grid CRS metres.
        public var polygons: [[Ring]]
        public init(id: String, polygons: [[Ring]]) {
            self.id = id
            self.polygons = polygons
        }
    }

    public struct Place: Sendable, Equatable {
        public var name: String
        public var x: Double
        public var y: Double
        public init(name: String, x: Double, y: Double) {
            self.name = name
            self.x = x
            self.y = y
        }
    }

    public var epsg: Int
    /// The grid's extent, which the map frames.
    public var minX: Double, minY: Double, maxX: Double, maxY: Double
    public var areas: [Area]
    public var settlements: [Place]
    /// Incident points (names empty).
    public var incidents: [Place]
    /// Where the geometry came from, shown under the map (e.g. the scenario file and hash check).
    public var source: String

    public init(epsg: Int, minX: Double, minY: Double, maxX: Double, maxY: Double, areas: [Area],
                settlements: [Place], incidents: [Place], source: String) {
        self.epsg = epsg
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
        self.areas = areas
        self.settlements = settlements
        self.incidents = incidents
        self.source = source
    }

    /// The map layers of a loaded scenario; `source` says which scenario file they came from.
    public init(_ layers: ScenarioLayers, source: String) {
        let grid = layers.grid
        self.init(epsg: grid.epsg, minX: grid.minX, minY: grid.minY, maxX: grid.minX + Double(grid.columns) * grid.cellSize,
                  maxY: grid.minY + Double(grid.rows) * grid.cellSize,
                  areas: layers.hazards.map { Area(id: $0.footprint.id, polygons: Self.polygons($0.geometry)) },
                  settlements: layers.settlements.map { Place(name: $0.name, x: $0.x, y: $0.y) },
                  incidents: layers.incidents.map { Place(name: "", x: $0.x, y: $0.y) },
                  source: source)
    }

    static func polygons(_ geometry: Geometry) -> [[Ring]] {
        switch geometry {
        case .polygon(let rings): [rings]
        case .multiPolygon(let polygons): polygons
        default: []
        }
    }
}
