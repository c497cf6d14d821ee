import ClearcastDomain
import Foundation
import RiskModel

/// The design of a learned risk model at one date: each feature built from the evidence known
/// before that date and normalised over the study area, the way the scenario normalises its factors.
///
/// Distances become *proximities* before normalising (nearer = higher, so every column reads
/// "more of this, more risk" unless its coefficient says otherwise): `d_max − d`, with d_max the
/// largest finite distance in the study area. A covariate's nodata cells take its median over the
/// study area (counted in ``imputedCells``), so one hole in a DEM does not drop cells from ranking.
///
/// ```swift
/// let builder = LearnedFeatures(scenario: scenario, layers: layers, mask: mask)
/// let columns = try builder.columns([.factor(.incidents), .distanceToIncidents], at: date, incidents: layers.incidents)
/// ```
struct LearnedFeatures {
    let scenario: Scenario
    let layers: ScenarioLayers
    let mask: GridMask
    /// Per covariate, cells whose value was missing and replaced by the median.
    private(set) var imputedCells: [String: Int] = [:]

    init(scenario: Scenario, layers: ScenarioLayers, mask: GridMask) {
        self.scenario = scenario
        self.layers = layers
        self.mask = mask
    }

    /// Normalised columns (one value per study-area cell, row-major), in `features` order, built
    /// from the incidents dated before `date` (and the incident density aged to `date`).
    ///
    /// - Throws: `ScenarioError` at `scoring.learned.features` for a feature whose layer is missing
    ///   or that is constant over the study area; model errors of the layers.
    /// - Complexity: O(cells) per feature (the distance transforms are exact and linear), plus the
    ///   factor layers' own costs.
    mutating func columns(_ features: [LearnedSpec.Feature], at date: CivilDate, incidents: [Incident]) throws -> [[Double]] {
        let known = incidents.filter { $0.date < date }
        let factors = features.compactMap { feature -> PriorityFactor? in
            if case .factor(let factor) = feature { return factor } else { return nil }
        }
        try checkLayers(factors)
        var raw: [PriorityFactor: [Double]] = [:]
        if !factors.isEmpty {
            raw = try PriorityScorer.rawLayers(factors, inputs: layers.priorityInputs(incidents: known),
                                               parameters: scenario.priorityParameters(referenceDate: date)).layers
        }
        let grid = layers.grid
        var result: [[Double]] = []
        for feature in features {
            let values: [Double]
            switch feature {
            case .factor(let factor):
                values = mask.compact(raw[factor] ?? [])
            case .distanceToIncidents:
                values = try proximity(DistanceTransform.distances(grid: grid, points: known.map { (x: $0.x, y: $0.y) }),
                                       feature: feature, what: "no incident is dated before \(date)")
            case .distanceToHazards, .distanceToConfirmedHazards, .distanceToSuspectedHazards:
                let status: HazardStatus? = feature == .distanceToConfirmedHazards ? .confirmed
                    : feature == .distanceToSuspectedHazards ? .suspected : nil
                let cells = layers.hazards.filter { status == nil || $0.footprint.status == status }.flatMap(\.footprint.cells)
                values = try proximity(DistanceTransform.distances(rows: grid.rows, columns: grid.columns, cellSize: grid.cellSize,
                                                                   sourceCells: cells),
                                       feature: feature, what: "no \(status.map { "\($0.rawValue) " } ?? "")hazard area covers a cell")
            case .distanceToFinds:
                let cells = layers.outcomes.filter(\.minesFound).flatMap(\.cells)
                values = try proximity(DistanceTransform.distances(rows: grid.rows, columns: grid.columns, cellSize: grid.cellSize,
                                                                   sourceCells: cells),
                                       feature: feature, what: "no mines_found polygon in layers.outcomes covers a cell")
            case .incidentsWithin(let metres):
                let counts = try RingCounts.counts(grid: grid, points: known.map { (x: $0.x, y: $0.y, weight: 1) }, radii: [Double(metres)])
                values = mask.compact(counts[0])
            case .covariate(let name):
                guard let layer = layers.covariates.first(where: { $0.name == name }) else {
                    throw fail("feature '\(name)' names no covariate in layers.covariates")
                }
                values = imputed(mask.compact(layer.values), name: name)
            }
            guard let first = values.first, values.contains(where: { $0 != first }) else {
                throw fail("feature '\(feature.name)' is the same in every study-area cell at \(date), so it cannot inform a model; expected a feature that varies (drop it from scoring.learned.features)")
            }
            result.append(try LayerNormalization.normalize(values, method: scenario.scoring.normalization, layer: feature.name))
        }
        return result
    }

    /// `d_max − d` over the study area (cells with no source at all get 0).
    private func proximity(_ distances: [Double], feature: LearnedSpec.Feature, what: String) throws -> [Double] {
        let inside = mask.compact(distances)
        guard let farthest = inside.filter(\.isFinite).max() else {
            throw fail("feature '\(feature.name)' needs evidence to measure a distance from, but \(what)")
        }
        return inside.map { $0.isFinite ? farthest - $0 : 0 }
    }

    /// Missing values (NaN) replaced by the median of the others.
    private mutating func imputed(_ values: [Double], name: String) -> [Double] {
        let present = values.filter { !$0.isNaN }.sorted()
        let missing = values.count - present.count
        guard missing > 0 else { return values }
        imputedCells[name] = missing
        guard !present.isEmpty else { return values.map { _ in 0 } }
        let middle = present.count / 2
        let median = present.count % 2 == 1 ? present[middle] : (present[middle - 1] + present[middle]) / 2
        return values.map { $0.isNaN ? median : $0 }
    }

    private func checkLayers(_ factors: [PriorityFactor]) throws {
        if factors.contains(.returnPressure), scenario.layers.settlements == nil {
            throw fail("feature 'return_pressure' needs layers.settlements; add the layer or drop the feature")
        }
        if factors.contains(.landValue), scenario.layers.landUse == nil {
            throw fail("feature 'land_value' needs layers.land_use; add the layer or drop the feature")
        }
    }

    private func fail(_ message: String) -> ScenarioError {
        ScenarioError(file: scenario.file.path, path: "scoring.learned.features", message: message)
    }
}
