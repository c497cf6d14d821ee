import ClearcastDomain
import EventSimulation
import Foundation
import GeoData
import RiskModel

// MARK: - SyntheticInputs

/// Seeded, realistic-looking inputs for the risk-scoring benchmarks: clustered incidents, settlements,
/// hazard footprints and land-use features on a square grid of 100 m cells.
///
/// Everything is a pure function of `(size, counts, seed)`, so the harness, the summary tool and the
/// Python peers (through ``PeerExport``) all see identical data.
///
/// ```swift
/// let inputs = try SyntheticInputs(size: 2_000, incidents: 10_000, settlements: 1_000, hazards: 10_000, seed: 7)
/// ```
public struct SyntheticInputs: Sendable {
    /// The grid: `size x size` cells of 100 m, UTM 38N.
    public let grid: Grid
    /// Incidents, all strictly inside the grid (one cell away from its edge).
    public let incidents: [Incident]
    /// Settlements with displaced populations.
    public let settlements: [Settlement]
    /// Hazard footprints (small rectangles of cells).
    public let hazards: [HazardFootprint]
    /// Land-use features (rectangles of cells).
    public let landUse: [LandUseFeature]

    /// Cell size of every benchmark grid, metres.
    public static let cellSize = 100.0
    /// Incident density bandwidth, metres (20 cells).
    public static let bandwidth = 2_000.0
    /// Day the incident ages are measured to (2025-01-01).
    public static let referenceDate = CivilDate(daysSinceEpoch: 20_089)

    /// Builds the inputs.
    ///
    /// - Throws: `Grid.InvalidGrid` for a size below 1.
    /// - Complexity: O(incidents + settlements + hazard cells + land-use cells).
    public init(size: Int, incidents incidentCount: Int, settlements settlementCount: Int,
                hazards hazardCount: Int, seed: UInt64) throws {
        let grid = try Grid(epsg: 32638, minX: 300_000, minY: 4_000_000, cellSize: Self.cellSize,
                            columns: size, rows: size)
        self.grid = grid
        var rng = RandomStream(masterSeed: seed, replication: 0, stream: "bench-incidents")
        incidents = Self.makeIncidents(count: incidentCount, grid: grid, rng: &rng)
        rng = RandomStream(masterSeed: seed, replication: 0, stream: "bench-settlements")
        settlements = (0..<settlementCount).map { i in
            Settlement(name: "S\(i)", x: grid.minX + uniform(&rng) * (grid.maxX - grid.minX),
                       y: grid.minY + uniform(&rng) * (grid.maxY - grid.minY),
                       displaced: (200 + 4_800 * uniform(&rng) * uniform(&rng)).rounded(),
                       returnShare: 0.2 + 0.7 * uniform(&rng))
        }
        rng = RandomStream(masterSeed: seed, replication: 0, stream: "bench-hazards")
        let types = ClearcastDomain.ContaminationType.allCases
        let statuses = ClearcastDomain.HazardStatus.allCases
        hazards = (0..<hazardCount).map { i in
            let cells = Self.rectangle(grid: grid, maxSide: 8, rng: &rng)
            return HazardFootprint(id: "HA-\(i + 1)", type: types[Int(uniform(&rng) * Double(types.count))],
                                   status: statuses[Int(uniform(&rng) * Double(statuses.count))],
                                   areaSquareMetres: Double(cells.count) * grid.cellArea, cells: cells)
        }
        rng = RandomStream(masterSeed: seed, replication: 0, stream: "bench-landuse")
        let classes = LandUseClass.allCases
        landUse = (0..<200).map { _ in
            LandUseFeature(landUse: classes[Int(uniform(&rng) * Double(classes.count))],
                           cells: Self.rectangle(grid: grid, maxSide: max(1, size / 20), rng: &rng))
        }
    }

    // MARK: Generators

    /// 80 % of incidents in 40 Gaussian clusters (σ 3 km, as along former front lines), 20 % uniform;
    /// dates over the ten years before the reference date; 0–3 casualties.
    private static func makeIncidents(count: Int, grid: Grid, rng: inout RandomStream) -> [Incident] {
        let (lo, hiX, hiY) = (grid.cellSize, grid.maxX - grid.minX - grid.cellSize, grid.maxY - grid.minY - grid.cellSize)
        let centres = (0..<40).map { _ in (uniform(&rng) * hiX, uniform(&rng) * hiY) }
        var result: [Incident] = []
        result.reserveCapacity(count)
        while result.count < count {
            var (x, y): (Double, Double)
            if uniform(&rng) < 0.8 {
                let c = centres[Int(uniform(&rng) * Double(centres.count))]
                x = c.0 + 3_000 * rng.nextStandardNormal()
                y = c.1 + 3_000 * rng.nextStandardNormal()
            } else {
                x = uniform(&rng) * hiX
                y = uniform(&rng) * hiY
            }
            // Keep a one-cell margin: peers that evaluate on cell centres need every point inside.
            guard x > lo, x < hiX, y > lo, y < hiY else { continue }
            result.append(Incident(x: grid.minX + x, y: grid.minY + y,
                                   date: referenceDate - Int(uniform(&rng) * 3_652),
                                   casualties: Int(uniform(&rng) * 4)))
        }
        return result
    }

    /// Row-major cell indices of a random rectangle with sides of 1...maxSide cells.
    private static func rectangle(grid: Grid, maxSide: Int, rng: inout RandomStream) -> [Int] {
        let w = 1 + Int(uniform(&rng) * Double(maxSide)), h = 1 + Int(uniform(&rng) * Double(maxSide))
        let c0 = Int(uniform(&rng) * Double(max(1, grid.columns - w)))
        let r0 = Int(uniform(&rng) * Double(max(1, grid.rows - h)))
        var cells: [Int] = []
        cells.reserveCapacity(w * h)
        for r in r0..<min(grid.rows, r0 + h) {
            for c in c0..<min(grid.columns, c0 + w) { cells.append(grid.index(row: r, column: c)) }
        }
        return cells
    }
}

/// A uniform double in [0, 1).
@inline(__always)
func uniform(_ rng: inout RandomStream) -> Double { Double(rng.next() >> 11) * 0x1p-53 }
