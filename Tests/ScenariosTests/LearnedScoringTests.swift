import _TestSupport
import ClearanceModel
import ClearcastDomain
import Foundation
import GeoData
import RiskModel
import Testing
@testable import Scenarios

/// `scoring.learned`, `layers.study_area`, `layers.outcomes` and `layers.covariates` end to end, on a
/// scenario written here: 60 × 60 cells of 100 m, a covariate ramp, outcome labels drawn from a known
/// logistic model of the (normalised) covariate.
@Suite struct LearnedScoringTests {
    static let grid = try! Grid(epsg: 32638, minX: 600_000, minY: 4_380_000, cellSize: 100, columns: 60, rows: 60)
    /// The truth: P(mines found) = σ(-2 + 4 x), x = the covariate's percentile rank in [0, 1].
    static let (trueIntercept, trueSlope) = (-2.0, 4.0)

    /// Writes the scenario; `studyArea` adds a study area over the western half of the grid.
    static func write(_ fixture: ScenarioFixture, studyArea: Bool = false, features: String = "[elevation]",
                      seed: UInt64 = 11) throws {
        let g = grid
        // Covariate: distinct values increasing with column then row, so its percentile rank is known exactly.
        let values = (0..<g.cellCount).map { Double(($0 % g.columns) * g.rows + $0 / g.columns) }
        try writeGeoTIFF(path: fixture.directory.appendingPathComponent("layers/elevation.tif").path, grid: g,
                         bands: [(name: "elevation", values: values)])
        let ranks = try LayerNormalization.normalize(values, method: .percentileRank, layer: "elevation")
        var generator = SeededGenerator(seed: seed)
        var outcomes: [String] = []
        for row in stride(from: 0, to: g.rows, by: 2) {
            for column in stride(from: 0, to: g.columns, by: 2) {
                let x = ranks[row * g.columns + column]
                let p = 1 / (1 + exp(-(trueIntercept + trueSlope * x)))
                let found = Double.random(in: 0..<1, using: &generator) < p
                outcomes.append(square(g.columnCenterX(column), g.rowCenterY(row), half: 30,
                                       properties: "\"outcome\": \"\(found ? "mines_found" : "nothing_found")\""))
            }
        }
        try fixture.write("layers/outcomes.geojson", collection(outcomes))
        try fixture.write("layers/hazards.geojson", collection([
            square(605_500, 4_383_000, half: 300, properties: #""id": "H-EAST", "type": "AP", "status": "CHA""#),
            square(601_500, 4_383_000, half: 300, properties: #""id": "H-WEST", "type": "AP", "status": "SHA""#),
        ]))
        try fixture.write("layers/incidents.geojson", collection([
            #"{"type": "Feature", "properties": {"date": "2023-05-01"}, "geometry": {"type": "Point", "coordinates": [602000, 4384000]}}"#,
        ]))
        try fixture.write("layers/west.geojson", collection([
            #"{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[600000, 4380000], [603000, 4380000], [603000, 4386000], [600000, 4386000], [600000, 4380000]]]}}"#,
        ]))
        try fixture.write("learned.yaml", """
            clearcast: 1
            name: Learned fixture
            reference_date: 2024-06-30
            grid: {crs: EPSG:32638, bbox: [600000, 4380000, 606000, 4386000], cell_size: 100}
            layers:
              incidents: {path: layers/incidents.geojson, crs: EPSG:32638}
              hazards: {path: layers/hazards.geojson, crs: EPSG:32638}
              outcomes: {path: layers/outcomes.geojson, crs: EPSG:32638}
            \(studyArea ? "  study_area: {path: layers/west.geojson, crs: EPSG:32638}" : "")
              covariates:
                elevation: {path: layers/elevation.tif, resampling: nearest}
            scoring:
              weights: {direct: {incidents: 0.5, contamination: 0.5}}
              learned:
                labels: outcomes
                features: \(features)
                block_size_m: 1000
                folds: 3
                penalties: [0]
                use_as_priority: true
            """)
    }

    static func square(_ x: Double, _ y: Double, half: Double, properties: String) -> String {
        let ring = [(x - half, y - half), (x + half, y - half), (x + half, y + half), (x - half, y + half), (x - half, y - half)]
        return #"{"type": "Feature", "properties": {"# + properties + #"}, "geometry": {"type": "Polygon", "coordinates": [["#
            + ring.map { "[\($0.0), \($0.1)]" }.joined(separator: ", ") + "]]}}"
    }

    static func collection(_ features: [String]) -> String {
        #"{"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32638"}}, "features": ["#
            + features.joined(separator: ",\n") + "]}"
    }

    static func run(_ fixture: ScenarioFixture, holdoutAfter: CivilDate? = nil) throws -> (ScenarioLayers, ScoringRun.Output) {
        let scenario = try ScenarioLoader.load(path: fixture.directory.appendingPathComponent("learned.yaml").path)
        let layers = try ScenarioLayers.load(scenario)
        return (layers, try ScoringRun.run(scenario: scenario, layers: layers, holdoutAfter: holdoutAfter))
    }

    @Test func recoversTheCoefficientsThatGeneratedTheOutcomes() throws {
        // Over five independent draws the estimate lies within 3 standard errors of the truth each
        // time (a 0.3 % chance of failing per draw if the fit is right; not tuned to a seed).
        for seed in UInt64(1)...5 {
            let fixture = try ScenarioFixture()
            defer { fixture.remove() }
            try Self.write(fixture, seed: seed)
            let (_, output) = try Self.run(fixture)
            let learned = try #require(output.learned)
            #expect(learned.trainingRows == 900)
            let fit = learned.fit
            // 900 labelled cells pin the slope to a few tenths: a wide interval would make the check empty.
            #expect(fit.standardErrors[0] < 0.6 && fit.standardErrors[0] > 0.05)
            #expect(abs(fit.coefficients[0] - Self.trueSlope) < 3 * fit.standardErrors[0], "seed \(seed): slope \(fit.coefficients[0]) ± \(fit.standardErrors[0])")
            #expect(abs(fit.intercept - Self.trueIntercept) < 3 * fit.interceptStandardError, "seed \(seed): intercept \(fit.intercept)")
        }
    }

    @Test func theLearnedSurfaceRanksCellsAsTheFittedModelDoes() throws {
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        try Self.write(fixture, features: "[elevation, incidents, distance_to_hazards]")
        let (_, output) = try Self.run(fixture)
        let learned = try #require(output.learned)
        // The composite is an increasing affine map of the linear predictor: check it cell by cell
        // against the fit's own probabilities (a monotone function of the same predictor).
        let scores = output.assessment.composite.scores
        for i in stride(from: 0, to: scores.count, by: 7) {
            let eta = learned.surface.linearPredictor(of: scores[i])
            let p = 1 / (1 + exp(-eta))
            #expect(abs(p - learned.fitted[i]) < 1e-9)
        }
        #expect(abs(learned.surface.signedWeights.reduce(0) { $0 + abs($1) } - 1) < 1e-12)
        // Out-of-fold predictions exist for every labelled cell and only for them.
        #expect(learned.outOfFold.filter { !$0.isNaN }.count == 900)
        let validation = try #require(output.outcomeValidation)
        #expect(validation.metrics.first?.label == "learned (out of fold)")
        #expect((validation.metrics.first?.rocAUC ?? 0) > 0.7)
    }

    @Test func theStudyAreaLeavesCellsOutOfScoringAndRanking() throws {
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        try Self.write(fixture, studyArea: true)
        let (layers, output) = try Self.run(fixture)
        let mask = try #require(layers.studyArea)
        // The western half of 6 km (30 of 60 columns) and 6 of the 6 km rows: 30 × 60 cells.
        #expect(mask.includedCount == 30 * 60)
        #expect(output.assessment.composite.cellCount == 30 * 60)
        let grid = output.assessment.gridScores()
        for row in 0..<60 {
            #expect(grid[row * 60 + 45].isNaN && !grid[row * 60 + 10].isNaN)
        }
        let east = try #require(output.assessment.ranking.first { $0.id == "H-EAST" })
        #expect(!east.hasCells)
        #expect(output.learned?.trainingRows == 15 * 30)   // the labelled cells west of 603 km
    }

    @Test func learnedSectionMistakesAreNamed() throws {
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        try Self.write(fixture, features: "[elevaton]")
        let issues = fixture.issues("learned.yaml")
        #expect(issues.contains { $0.path == "scoring.learned.features[0]" && $0.message.contains("did you mean 'elevation'") })
        try Self.write(fixture, features: "[elevation, elevation]")
        #expect(fixture.issues("learned.yaml").contains { $0.message.contains("listed twice") })
    }

    @Test func ringCountsAndDistanceFeaturesAreReadAndBuilt() throws {
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        try Self.write(fixture, features: "[elevation, incidents_within_1500m, distance_to_suspected_hazards]")
        let (_, output) = try Self.run(fixture)
        #expect(output.learned?.featureNames == ["elevation", "incidents_within_1500m", "distance_to_suspected_hazards"])
        try Self.write(fixture, features: "[elevation, incidents_within_0m]")
        #expect(fixture.issues("learned.yaml").contains { $0.path == "scoring.learned.features[1]" })
        try Self.write(fixture, features: "[elevation, distance_to_finds]")
        #expect(fixture.issues("learned.yaml").contains { $0.message.contains("learn them from themselves") })
    }

    @Test func simulationsRankByTheLearnedSurfaceWhenItIsThePriority() throws {
        let scenario = try ScenarioLoader.load(path: TestEnvironment.packageURL("scenarios/demo/learned.yaml").path)
        let layers = try ScenarioLayers.load(scenario)
        let scores = ScoreCache()
        let model = try SimulationRun.model(scenario: scenario, layers: layers, scores: scores)
        let learned = try ScoringRun.run(scenario: scenario, layers: layers, holdoutAfter: nil, validate: false).assessment.ranking
        let rankByID = Dictionary(uniqueKeysWithValues: learned.map { ($0.id, $0.rank) })
        #expect(model.tasks.allSatisfy { rankByID[$0.id] == $0.rank })
        // The hand-set ranking differs, so the check above can fail.
        var handSet = scenario
        handSet.scoring.learned?.useAsPriority = false
        let other = try SimulationRun.model(scenario: handSet, layers: layers, scores: scores)
        #expect(zip(model.tasks, other.tasks).contains { $0.rank != $1.rank })
        #expect(scores.computed == 2)
    }

    @Test func aFeatureWhoseLayerIsMissingIsRefused() throws {
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        try Self.write(fixture, features: "[land_value]")
        let error = try #require(throws: ScenarioError.self) { try Self.run(fixture) }
        #expect(error.description.contains("scoring.learned.features") && error.description.contains("needs layers.land_use"))
    }
}
