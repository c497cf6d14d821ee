import ClearcastDomain
import LinearAlgebra
import Testing
@testable import RiskModel

@Suite struct PriorityScorerTests {
    let grid = try! Grid(epsg: 32638, minX: 0, minY: 0, cellSize: 100, columns: 20, rows: 20)

    /// Cells of the 3 x 3 block centred on (`row`, `column`).
    func block(_ row: Int, _ column: Int) -> [Int] {
        (row - 1...row + 1).flatMap { r in (column - 1...column + 1).map { grid.index(row: r, column: $0) } }
    }

    func inputs() -> PriorityInputs {
        let hot = grid.cellCenter(row: 5, column: 5)
        let incidents = (0..<12).map { i in
            Incident(x: hot.x + Double(i % 3 - 1) * 60, y: hot.y + Double(i / 4 - 1) * 60, date: CivilDate(daysSinceEpoch: 19_000 - 100 * i), casualties: i % 2)
        }
        return PriorityInputs(
            grid: grid, incidents: incidents,
            settlements: [Settlement(name: "Village", x: hot.x + 150, y: hot.y, displaced: 900, returnShare: 0.6)],
            hazards: [
                HazardFootprint(id: "far", type: .antiPersonnel, status: .confirmed, areaSquareMetres: 90_000, cells: block(15, 15)),
                HazardFootprint(id: "near", type: .antiPersonnel, status: .confirmed, areaSquareMetres: 90_000, cells: block(5, 5)),
                HazardFootprint(id: "suspected-near", type: .antiPersonnel, status: .suspected, areaSquareMetres: 90_000, cells: block(5, 9)),
            ],
            landUse: nil)
    }

    func parameters(_ factors: [PriorityFactor], _ values: [Double]) throws -> PriorityParameters {
        PriorityParameters(
            density: IncidentDensityParameters(bandwidth: 300, halfLifeYears: 3, casualtyWeight: 1, truncationSigmas: 4, referenceDate: CivilDate(daysSinceEpoch: 19_100)),
            pressure: ReturnPressureParameters(decayDistance: 500), contamination: .default, landValue: .default,
            normalization: .percentileRank, weights: try PriorityWeights(factors: factors, values: values))
    }

    /// The area under the incidents and beside the village ranks first, the far one last; the
    /// suspected area next to the cluster sits between them.
    @Test func rankingFollowsTheEvidence() throws {
        let assessment = try PriorityScorer.assess(inputs(), parameters: parameters(
            [.incidents, .returnPressure, .contamination], [0.4, 0.3, 0.3]))
        #expect(assessment.ranking.map(\.id) == ["near", "suspected-near", "far"])
        for entry in assessment.ranking where entry.meanScore > 0 {
            #expect(abs(entry.factors.map(\.share).reduce(0, +) - 1) < 1e-12)
        }
        #expect(assessment.factors == [.incidents, .returnPressure, .contamination])
        #expect(assessment.densitySummary?.incidentsUsed == 12 && assessment.pressureSummary != nil)
    }

    /// The composite is the weighted sum of the layers, each normalised on its own.
    @Test func compositeIsTheWeightedSumOfNormalisedLayers() throws {
        let parameters = try parameters([.incidents, .contamination], [0.7, 0.3])
        let assessment = try PriorityScorer.assess(inputs(), parameters: parameters)
        let density = try IncidentDensity(grid: grid, parameters: parameters.density).surface(for: inputs().incidents).density
        let contamination = try ContaminationLayer.build(footprints: inputs().hazards, cellCount: grid.cellCount, weights: .default)
        let a = try LayerNormalization.normalize(density.elements, method: .percentileRank, layer: "incidents")
        let b = try LayerNormalization.normalize(contamination, method: .percentileRank, layer: "contamination")
        for cell in 0..<grid.cellCount {
            #expect(abs(assessment.composite.scores[cell] - (0.7 * a[cell] + 0.3 * b[cell])) < 1e-12)
        }
        #expect(assessment.rawLayer(.returnPressure) == nil)
        #expect(assessment.pressureSummary == nil)
    }

    /// Factors are typed, so an unknown one cannot be named; a repeated one is refused.
    @Test func repeatedFactorIsAnError() throws {
        #expect(throws: RiskModelError.self) {
            try PriorityWeights(factors: [.incidents, .incidents], values: [0.5, 0.5])
        }
    }
}
