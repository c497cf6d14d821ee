import _TestSupport
import Foundation
import GeoData
import Reporting
import Testing

/// `clearcast score` with a study area, covariates, outcome labels and a learned model, as a planner
/// runs it on the bundled synthetic demo (`scenarios/demo/learned.yaml`).
@Suite struct LearnedScoreCommandTests {
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("learned")
    }

    func path(_ name: String) -> String { scratch.file(name) }

    @Test func theLearnedDemoIsReproducibleWhateverTheThreadCount() throws {
        var outputs: [Data] = []
        for (name, extra, environment) in [("a", [String](), [String: String]()), ("t1", ["--threads", "1"], [:]),
                                            ("t3", ["--threads", "3"], [:]), ("o1", [], ["OPENBLAS_NUM_THREADS": "1"])] {
            let run = try CLIRunner.run(["score", "scenarios/demo/learned.yaml", "--reproducible", "--quiet", "--out", path("\(name).json"),
                                         "--raster", path("\(name).tif")] + extra, environment: environment, timeout: .seconds(300))
            #expect(run.status == 0, "\(run.stderr)")
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: path("\(name).json"))))
        }
        #expect(outputs.dropFirst().allSatisfy { $0 == outputs[0] }, "the learned score must not depend on the thread count")
        let result = try ResultEncoding.decode(ScoreResult.self, from: outputs[0])
        try result.validate()
        #expect(result.weights.method == "learned")
        let area = try #require(result.studyArea)
        #expect(area.includedCells + area.excludedCells == result.grid.columns * result.grid.rows && area.excludedCells > 0)
        let learned = try #require(result.learned)
        #expect(learned.labels == "outcomes" && learned.usedAsPriority && learned.imputed.first?.name == "elevation")
        #expect(abs(learned.features.reduce(0) { $0 + abs($1.impliedWeight) } - 1) < 1e-9)
        // Implied weights are the hazard ranking's weights (negative ones as "(inverted)" factors).
        for (feature, weight) in zip(learned.features, result.weights.factors) {
            #expect(abs(abs(feature.impliedWeight) - weight.weight) < 1e-12)
            #expect(weight.factor == feature.name + (feature.impliedWeight < 0 ? " (inverted)" : ""))
        }
        let outcomes = try #require(result.outcomeValidation)
        #expect(outcomes.rows.map(\.label).first == "learned (out of fold)")
        #expect(outcomes.rows.allSatisfy { $0.labelledCells == learned.trainingCells })
        // The raster is nodata outside the study area in every band, valued inside.
        let raster = try readRaster(path: path("a.tif"))
        let priority = try #require(raster.band(named: "priority"))
        #expect(priority.filter(\.isNaN).count == area.excludedCells)
    }

    /// A variant of the bundled learned demo, written in the scratch directory, that changes `yaml`.
    func variant(_ name: String, _ yaml: String) throws -> String {
        let base = CLIRunner.packageRoot.appendingPathComponent("scenarios/demo/learned.yaml").path
        return try scratch.write("clearcast: 1\nextends: \(base)\nname: \(name)\n" + yaml, to: "\(name).yaml")
    }

    @Test func mistakesInTheLearnedSectionNameFileAndField() throws {
        let cases: [(yaml: String, expected: [String])] = [
            ("scoring:\n  learned:\n    features: [incidents, distance_to_incident]\n",
             ["scoring.learned.features[1]", "did you mean 'distance_to_incidents'"]),
            ("layers:\n  covariates:\n    elevation: {path: missing.asc}\n", ["layers.covariates.elevation", "not found"]),
            ("scoring:\n  learned:\n    family: poisson\n", ["scoring.learned.family", "expected logistic"]),
            ("scoring:\n  learned:\n    folds: 1\n", ["scoring.learned.folds", "from 2 to 50"]),
        ]
        for (index, testCase) in cases.enumerated() {
            let file = try variant("mistake-\(index)", testCase.yaml)
            let run = try CLIRunner.run(["score", file, "--out", path("never-\(index).json")])
            #expect(run.status == 2, "case \(index): \(run.stderr)")
            for fragment in testCase.expected { #expect(run.stderr.contains(fragment), "case \(index): \(run.stderr)") }
            #expect(!FileManager.default.fileExists(atPath: path("never-\(index).json")), "no partial output")
        }
    }

    @Test func aStudyAreaThatMissesTheGridIsRefused() throws {
        _ = try scratch.write(#"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[10, 50], [11, 50], [11, 51], [10, 51], [10, 50]]]}}]}"#,
                              to: "elsewhere.geojson")
        let file = try variant("elsewhere", "layers:\n  study_area: elsewhere.geojson\n")
        let run = try CLIRunner.run(["score", file])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("layers.study_area") && run.stderr.contains("none of the grid's"), "\(run.stderr)")
    }
}
