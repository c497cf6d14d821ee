import _TestSupport
import ClearcastDomain
import EventSimulation
import Foundation
import LinearAlgebra
@testable import RiskModel
import Testing

// MARK: - Helpers (file-private: other RiskModel test files live in the same target)

private let referenceDay = CivilDate(daysSinceEpoch: 20_000)

/// Weight written out independently of the model: (1 + cw·casualties) · 2^(−age/halfLife).
private func expectedWeight(_ i: Incident, _ p: IncidentDensityParameters) -> Double {
    let ageYears = Double(p.referenceDate - i.date) / 365.25
    return (1 + p.casualtyWeight * Double(i.casualties)) * exp2(-ageYears / p.halfLifeYears)
}

/// Σ_i w_i · φ_σ(cell centre − p_i) in per-km² units, with the continuous 2-D Gaussian density.
private func directDensity(_ incidents: [Incident], grid: Grid, parameters p: IncidentDensityParameters) -> Matrix {
    let sigma = p.bandwidth
    let norm = 1e6 / (2 * Double.pi * sigma * sigma)
    return Matrix(rows: grid.rows, columns: grid.columns) { r, c in
        let (x, y) = grid.cellCenter(row: r, column: c)
        var s = 0.0
        for i in incidents {
            let d2 = (x - i.x) * (x - i.x) + (y - i.y) * (y - i.y)
            s += expectedWeight(i, p) * norm * exp(-d2 / (2 * sigma * sigma))
        }
        return s
    }
}

private func randomIncidents(_ n: Int, grid: Grid, atCentres: Bool, rng: inout SeededGenerator) -> [Incident] {
    (0..<n).map { _ in
        let x: Double, y: Double
        if atCentres {
            (x, y) = grid.cellCenter(row: Int.random(in: 0..<grid.rows, using: &rng),
                                     column: Int.random(in: 0..<grid.columns, using: &rng))
        } else {
            x = Double.random(in: grid.minX..<grid.maxX, using: &rng)
            y = Double.random(in: grid.minY..<grid.maxY, using: &rng).nextUp
        }
        return Incident(x: x, y: y, date: referenceDay - Int.random(in: 0...4000, using: &rng),
                        casualties: Int.random(in: 0...3, using: &rng), device: nil)
    }
}

// MARK: - Tests

@Suite("Incident density")
struct IncidentDensityTests {
    let grid: Grid

    init() throws {
        grid = try Grid(epsg: 32638, minX: 400_000, minY: 4_300_000, cellSize: 100, columns: 23, rows: 17)
    }

    @Test(arguments: [IncidentDensity.Method.dense, .banded(tileSize: 4), .banded()],
          IncidentDensity.FirstProduct.allCases)
    func matchesDirectSumForPointsAtCellCentres(method: IncidentDensity.Method, firstProduct: IncidentDensity.FirstProduct) throws {
        var rng = SeededGenerator(state: 1)
        let p = IncidentDensityParameters(bandwidth: 250, halfLifeYears: 3, casualtyWeight: 0.7,
                                          truncationSigmas: .infinity, referenceDate: referenceDay)
        let incidents = randomIncidents(30, grid: grid, atCentres: true, rng: &rng)
        let (density, summary) = try IncidentDensity(grid: grid, parameters: p)
            .surface(for: incidents, method: method, firstProduct: firstProduct)
        let reference = directDensity(incidents, grid: grid, parameters: p)
        // All terms are positive, so compare element by element, not only against the maximum.
        for (d, r) in zip(density.elements, reference.elements) {
            #expect(abs(d - r) <= 1e-10 * r, "density \(d) vs direct sum \(r)")
        }
        #expect(summary.incidentsUsed == 30)
        let w = incidents.reduce(0) { $0 + expectedWeight($1, p) }
        #expect(abs(summary.totalWeight - w) < 1e-12 * w)
    }

    /// Binning moves a point by at most half a cell diagonal δ = h/√2. The 2-D Gaussian density's
    /// gradient is largest at r = σ, |∇φ| ≤ e^{−1/2} / (2πσ³), so each incident changes any cell
    /// value by at most w · δ · e^{−1/2} / (2πσ³) (per m², times 1e6 per km²).
    @Test func randomPointsWithinBinningBound() throws {
        var rng = SeededGenerator(state: 2)
        let p = IncidentDensityParameters(bandwidth: 400, halfLifeYears: 5, casualtyWeight: 1,
                                          truncationSigmas: 37, referenceDate: referenceDay)
        let incidents = randomIncidents(40, grid: grid, atCentres: false, rng: &rng)
        let (density, _) = try IncidentDensity(grid: grid, parameters: p).surface(for: incidents)
        let reference = directDensity(incidents, grid: grid, parameters: p)
        let sigma = p.bandwidth
        let perUnitWeight = 1e6 * (grid.cellSize / 2.squareRoot()) * exp(-0.5) / (2 * .pi * sigma * sigma * sigma)
        let bound = incidents.reduce(0) { $0 + expectedWeight($1, p) } * perUnitWeight
        let worst = maxAbsDifference(density.elements, reference.elements)
        #expect(worst <= bound)
        #expect(worst > 0, "points off-centre must show some binning error")
        #expect(try bound < 0.5 * #require(reference.elements.max()), "the bound must be tight enough to mean something")
    }

    @Test(arguments: [30.0, 100, 350])
    func massIsConservedAwayFromEdges(bandwidth: Double) throws {
        let big = try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 100, columns: 61, rows: 53)
        var rng = SeededGenerator(state: 3)
        let p = IncidentDensityParameters(bandwidth: bandwidth, halfLifeYears: 4, referenceDate: referenceDay)
        let margin = 4 * bandwidth + 100
        let incidents = (0..<25).map { _ in
            Incident(x: Double.random(in: margin...(big.maxX - margin), using: &rng),
                     y: Double.random(in: margin...(big.maxY - margin), using: &rng),
                     date: referenceDay - Int.random(in: 0...3000, using: &rng),
                     casualties: Int.random(in: 0...2, using: &rng))
        }
        let (density, summary) = try IncidentDensity(grid: big, parameters: p).surface(for: incidents)
        let areaKm2 = big.cellArea / 1e6
        #expect(abs(density.sum * areaKm2 - summary.totalWeight) < 1e-12 * summary.totalWeight)
        #expect(summary.edgeLoss < 1e-12)
    }

    @Test func edgeLossMatchesMissingMass() throws {
        var rng = SeededGenerator(state: 4)
        let p = IncidentDensityParameters(bandwidth: 300, halfLifeYears: 2, referenceDate: referenceDay)
        let model = try IncidentDensity(grid: grid, parameters: p)
        let incidents = randomIncidents(20, grid: grid, atCentres: false, rng: &rng)
        let (density, summary) = try model.surface(for: incidents)
        let inside = density.sum * grid.cellArea / 1e6
        #expect(abs((1 - inside / summary.totalWeight) - summary.edgeLoss) < 1e-12)
        #expect(summary.edgeLoss > 0.05)
        // A single incident in the centre of the corner cell keeps about a quarter of its mass.
        let corner = Incident(x: grid.minX + 50, y: grid.maxY - 50, date: referenceDay)
        let lone = try model.surface(for: [corner]).summary
        let halfLine = (0...12).reduce(0.0) { $0 + model.kernelX.value(offset: $1) } * 0.1   // per km · km
        #expect(abs(lone.edgeLoss - (1 - halfLine * halfLine)) < 1e-12)
        #expect(abs(lone.edgeLoss - 0.75) < 0.15)
    }

    @Test(arguments: [1, 5, 16, 300], IncidentDensity.FirstProduct.allCases)
    func bandedEqualsDense(tileSize: Int, firstProduct: IncidentDensity.FirstProduct) throws {
        let g = try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 50, columns: 47, rows: 38)
        var rng = SeededGenerator(state: 5)
        let p = IncidentDensityParameters(bandwidth: 180, halfLifeYears: 6, casualtyWeight: 0.5, referenceDate: referenceDay)
        let model = try IncidentDensity(grid: g, parameters: p)
        // 60 incidents on 1786 cells: 3.4 % of the cells, just above the automatic sparse threshold.
        let incidents = randomIncidents(60, grid: g, atCentres: false, rng: &rng)
        let (banded, bandedSummary) = try model.surface(for: incidents, method: .banded(tileSize: tileSize),
                                                        firstProduct: firstProduct)
        let (dense, denseSummary) = try model.surface(for: incidents, method: .dense)
        #expect(maxRelativeDifference(banded.elements, dense.elements) < 1e-12)
        #expect(denseSummary.flops == 2 * 38 * 38 * 47 + 2 * 38 * 47 * 47)
        // Half-width 180·4/50 = 14 cells: a tile of t columns touches at most t + 28 kernel columns.
        let secondProduct = 2 * 38 * 47 * Double(min(47, tileSize + 28))
        switch firstProduct {
        case .automatic, .dgemm:
            // A tile as large as the grid is the dense product; smaller tiles skip the zeros.
            #expect(tileSize >= 47 ? bandedSummary.flops == denseSummary.flops : bandedSummary.flops < denseSummary.flops)
            #expect(bandedSummary.flops <= 2 * 38 * 47 * Double(min(38, tileSize + 28)) + secondProduct)
        case .sparseRows:
            // One multiply-add per incident and kernel entry in its column (29 entries at most).
            #expect(bandedSummary.flops <= 2 * 60 * 29 + secondProduct)
            #expect(bandedSummary.flops > secondProduct - 2 * 38 * 47 * 29)
        }
    }

    /// The dense-times-sparse first product sums incident by incident, dgemm cell by cell: equal to
    /// rounding, and bit-for-bit reproducible.
    @Test func sparseFirstProductMatchesDgemmOnALargerGrid() throws {
        let g = try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 100, columns: 300, rows: 260)
        var rng = SeededGenerator(state: 29)
        let p = IncidentDensityParameters(bandwidth: 700, halfLifeYears: 5, casualtyWeight: 1, referenceDate: referenceDay)
        let model = try IncidentDensity(grid: g, parameters: p)
        let incidents = randomIncidents(900, grid: g, atCentres: false, rng: &rng)   // 1.2 % of the cells
        let (sparse, sparseSummary) = try model.surface(for: incidents, method: .banded(tileSize: 64), firstProduct: .sparseRows)
        let (viaDgemm, dgemmSummary) = try model.surface(for: incidents, method: .banded(tileSize: 64), firstProduct: .dgemm)
        let (automatic, _) = try model.surface(for: incidents, method: .banded(tileSize: 64))
        #expect(maxRelativeDifference(sparse.elements, viaDgemm.elements) < 1e-12)
        #expect(automatic == sparse, "1.2 % occupancy is sparse enough for the automatic choice")
        #expect(try model.surface(for: incidents, method: .banded(tileSize: 64), firstProduct: .sparseRows).density == sparse)
        #expect(sparseSummary.flops < 0.6 * dgemmSummary.flops)
        #expect(sparseSummary.edgeLoss == dgemmSummary.edgeLoss)
    }

    /// With dgemm first products, `surface(for:)` reads the incidents as sparse row panels; it must
    /// give exactly (bit for bit) the product of the dense `H` that a plain loop over the incidents builds.
    @Test(arguments: [3, 16, 128])
    func sparsePanelsEqualTheDenseBinnedMatrixExactly(tileSize: Int) throws {
        let g = try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 50, columns: 41, rows: 53)
        var rng = SeededGenerator(state: 17)
        let p = IncidentDensityParameters(bandwidth: 160, halfLifeYears: 4, casualtyWeight: 0.7, referenceDate: referenceDay)
        let model = try IncidentDensity(grid: g, parameters: p)
        // Cell centres on a small grid: many cells receive several incidents (summed in incident order).
        let incidents = randomIncidents(400, grid: g, atCentres: true, rng: &rng)
        var h = Matrix(rows: g.rows, columns: g.columns)
        var total = 0.0
        for incident in incidents {
            guard let w = try model.weight(of: incident), let cell = g.cell(containingX: incident.x, y: incident.y) else { continue }
            h[cell.row, cell.column] += w
            total += w
        }
        let (surface, summary) = try model.surface(for: incidents, method: .banded(tileSize: tileSize), firstProduct: .dgemm)
        let (reference, flops) = try model.smooth(binned: h, tileSize: tileSize, firstProduct: .dgemm)
        #expect(surface == reference)
        #expect(summary.flops == flops)
        // Edge loss from the sparse bins against 1 − Σ D · cell area / total on the dense surface.
        let inside = reference.sum * g.cellArea / 1e6
        #expect(abs((1 - inside / total) - summary.edgeLoss) < 1e-12)
    }

    @Test func sparseInputEqualsDenseInput() throws {
        let g = try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 100, columns: 90, rows: 70)
        var rng = SeededGenerator(state: 31)
        let model = try IncidentDensity(grid: g, parameters: IncidentDensityParameters(bandwidth: 300, halfLifeYears: 5, referenceDate: referenceDay))
        var h = Matrix(rows: g.rows, columns: g.columns)
        for _ in 0..<80 { h[Int(rng.next() % 70), Int(rng.next() % 90)] += Double(rng.next() % 5 + 1) }
        for method in [IncidentDensity.Method.dense, .banded(), .banded(tileSize: 7)] {
            let dense = try model.smooth(binned: h, method: method)
            let sparse = try model.smooth(sparse: SparseRowMatrix(nonzerosOf: h), method: method)
            #expect(dense.density == sparse.density && dense.flops == sparse.flops, "\(method)")
        }
        #expect(throws: LinearAlgebraError.self) {
            try model.smooth(sparse: SparseRowMatrix(nonzerosOf: Matrix(rows: 70, columns: 89)))
        }
    }

    @Test func truncationGivesExactZerosBeyondRadius() throws {
        let g = try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 100, columns: 40, rows: 3)
        let p = IncidentDensityParameters(bandwidth: 200, halfLifeYears: 1, truncationSigmas: 4, referenceDate: referenceDay)
        let (d, _) = try IncidentDensity(grid: g, parameters: p)
            .surface(for: [Incident(x: 50, y: g.maxY - 150, date: referenceDay)])
        // Radius 800 m = 8 cells from column 0.
        #expect(d[1, 8] > 0)
        #expect((9..<40).allSatisfy { d[1, $0] == 0 })
    }

    @Test func weightsDecayAndCountCasualties() throws {
        let p = IncidentDensityParameters(bandwidth: 500, halfLifeYears: 4, casualtyWeight: 1.5, referenceDate: referenceDay)
        let model = try IncidentDensity(grid: grid, parameters: p)
        // 4 years = 1461 days exactly.
        #expect(try model.weight(of: Incident(x: 0, y: 0, date: referenceDay - 1461)) == 0.5)
        #expect(try model.weight(of: Incident(x: 0, y: 0, date: referenceDay - 2922)) == 0.25)
        #expect(try model.weight(of: Incident(x: 0, y: 0, date: referenceDay, casualties: 2)) == 4)
        #expect(try model.weight(of: Incident(x: 0, y: 0, date: referenceDay + 1)) == nil)
        let forever = try IncidentDensity(grid: grid, parameters: .init(
            bandwidth: 500, halfLifeYears: .infinity, referenceDate: referenceDay))
        #expect(try forever.weight(of: Incident(x: 0, y: 0, date: CivilDate(daysSinceEpoch: 0))) == 1)
    }

    @Test func halfLifeOldIncidentCountsHalfInTheSurface() throws {
        let p = IncidentDensityParameters(bandwidth: 300, halfLifeYears: 4, referenceDate: referenceDay)
        let model = try IncidentDensity(grid: grid, parameters: p)
        let centre = grid.cellCenter(row: 8, column: 11)
        let fresh = try model.surface(for: [Incident(x: centre.x, y: centre.y, date: referenceDay)]).density
        let old = try model.surface(for: [Incident(x: centre.x, y: centre.y, date: referenceDay - 1461)]).density
        #expect(zip(fresh.elements, old.elements).allSatisfy { abs($0 * 0.5 - $1) <= 1e-15 * $0 })
    }

    @Test func exclusionsAreCounted() throws {
        let p = IncidentDensityParameters(bandwidth: 300, halfLifeYears: 4, referenceDate: referenceDay)
        let model = try IncidentDensity(grid: grid, parameters: p)
        let inside = grid.cellCenter(row: 3, column: 3)
        let incidents = [
            Incident(x: inside.x, y: inside.y, date: referenceDay - 10),
            Incident(x: inside.x, y: inside.y, date: referenceDay + 10),
            Incident(x: grid.maxX + 10, y: inside.y, date: referenceDay, casualties: 1),
            Incident(x: inside.x, y: grid.minY, date: referenceDay),   // south edge belongs to the cell below: outside
        ]
        let summary = try model.surface(for: incidents).summary
        #expect(summary.incidentsUsed == 1)
        #expect(summary.excludedAfterReferenceDate == 1)
        #expect(summary.excludedOutsideGrid == 2)
        #expect(summary.weightOutsideGrid == 3)
    }

    @Test func invalidInputThrows() throws {
        let p = IncidentDensityParameters(bandwidth: 300, halfLifeYears: 4, referenceDate: referenceDay)
        let model = try IncidentDensity(grid: grid, parameters: p)
        #expect(throws: IncidentDensityError.self) {
            try model.surface(for: [Incident(x: .nan, y: 0, date: referenceDay)])
        }
        #expect(throws: IncidentDensityError.self) {
            try model.surface(for: [Incident(x: 0, y: 0, date: referenceDay, casualties: -1)])
        }
        for bad in [
            IncidentDensityParameters(bandwidth: 0, halfLifeYears: 4, referenceDate: referenceDay),
            IncidentDensityParameters(bandwidth: .infinity, halfLifeYears: 4, referenceDate: referenceDay),
            IncidentDensityParameters(bandwidth: .nan, halfLifeYears: 4, referenceDate: referenceDay),
            IncidentDensityParameters(bandwidth: 100, halfLifeYears: 0, referenceDate: referenceDay),
            IncidentDensityParameters(bandwidth: 100, halfLifeYears: -2, referenceDate: referenceDay),
            IncidentDensityParameters(bandwidth: 100, halfLifeYears: 4, casualtyWeight: -1, referenceDate: referenceDay),
            IncidentDensityParameters(bandwidth: 100, halfLifeYears: 4, truncationSigmas: 0, referenceDate: referenceDay),
        ] {
            #expect(throws: IncidentDensityError.self) { try IncidentDensity(grid: grid, parameters: bad) }
        }
        #expect(throws: IncidentDensityError.self) {
            try model.smooth(binned: Matrix(rows: grid.rows, columns: grid.columns), method: .banded(tileSize: 0))
        }
        #expect(throws: LinearAlgebraError.self) { try model.smooth(binned: Matrix(rows: 2, columns: 2)) }
    }
}

// MARK: - Kernel

@Suite("Gaussian kernel")
struct GaussianKernelTests {
    @Test(arguments: [(20.0, 100.0, 4.0), (250, 100, 4), (1000, 30, 3), (300, 100, 100)])
    func bandTileAndMassMatchDenseMatrix(bandwidth: Double, cellSize: Double, sigmas: Double) {
        let n = 40
        let k = GaussianKernel(bandwidth: bandwidth, cellSize: cellSize, truncationSigmas: sigmas, maximumOffset: n - 1)
        let dense = k.dense(size: n)
        #expect(dense == dense.transposed())
        // Radius in cells, entries beyond it exactly zero.
        let fullRadius = Int((min(sigmas, 37) * bandwidth / cellSize).rounded(.down))
        let radius = min(fullRadius, n - 1)
        #expect(k.halfWidth == radius)
        // Every band block read from the tile equals the dense matrix's block.
        let block = 7
        let tile = k.bandTile(blockSize: block)
        for r0 in stride(from: 0, to: n, by: block) {
            let r1 = min(n, r0 + block)
            let k0 = max(0, r0 - k.halfWidth), k1 = min(n, r1 + k.halfWidth)
            for i in r0..<r1 {
                for j in 0..<n {
                    let want = dense[i, j]
                    if (k0..<k1).contains(j) {
                        #expect(tile[i - r0, j - r0 + k.halfWidth] == want)
                    } else {
                        #expect(want == 0)
                    }
                }
            }
        }
        // Retained mass = column sums · h_km, 1 for columns further than the radius from both ends.
        let mass = k.retainedMass(size: n)
        for j in 0..<n {
            let columnSum = (0..<n).reduce(0.0) { $0 + dense[$1, j] } * cellSize / 1000
            #expect(abs(mass[j] - columnSum) < 1e-13)
            if j >= radius, j < n - radius, fullRadius == radius { #expect(abs(mass[j] - 1) < 1e-13) }
        }
    }
}
