import _TestSupport
import ClearanceModel
import ClearcastDomain
import Foundation
import RiskModel
@testable import Scenarios
import Testing

/// `civilian_risk.land_use_exposure`: each hazard area's exposure multiplier is the mean over its
/// cells of its land use's factor, checked against a plain loop on the bundled demo (120 areas,
/// overlapping roads and fields).
@Suite struct LandUseExposureTests {
    @Test func exposureIsTheMeanFactorOverTheAreasCells() throws {
        var scenario = try ScenarioLoader.load(path: TestEnvironment.packageURL("scenarios/demo/demo.yaml").path)
        let layers = try ScenarioLayers.load(scenario)
        let table: [LandUseClass: Double] = [.agriculture: 3, .grazing: 2, .road: 0.5]
        scenario.simulation?.civilianRisk.landUseExposure = table
        let model = try scenario.clearanceModel(layers: layers, ranking: [])
        let features = try #require(layers.landUse)
        var changed = 0
        for (task, hazard) in zip(model.tasks, layers.hazards) {
            // The naive reference: for each cell, the largest factor of the polygons holding it, else 1.
            var sum = 0.0
            for cell in hazard.footprint.cells {
                let factors = features.filter { $0.cells.contains(cell) }.map { table[$0.landUse] ?? 1 }
                sum += factors.max() ?? 1
            }
            let expected = hazard.footprint.cells.isEmpty ? 1 : sum / Double(hazard.footprint.cells.count)
            #expect(abs(task.civilianExposure - expected) < 1e-12, "\(task.id)")
            if task.civilianExposure != 1 { changed += 1 }
        }
        #expect(changed > 10, "the demo's fields and pastures should change some areas' exposure")
        // Without the table every area is 1 (the format's default).
        scenario.simulation?.civilianRisk.landUseExposure = [:]
        #expect(try scenario.clearanceModel(layers: layers, ranking: []).tasks.allSatisfy { $0.civilianExposure == 1 })
    }

    @Test func theTableNeedsALandUseLayer() throws {
        var scenario = try ScenarioLoader.load(path: TestEnvironment.packageURL("scenarios/demo/demo.yaml").path)
        var layers = try ScenarioLayers.load(scenario)
        layers.landUse = nil
        scenario.layers.landUse = nil
        scenario.simulation?.civilianRisk.landUseExposure = [.agriculture: 2]
        let error = try #require(throws: ScenarioError.self) { try scenario.clearanceModel(layers: layers, ranking: []) }
        #expect(error.description.contains("land_use_exposure") && error.description.contains("needs layers.land_use"))
    }

    @Test func theTableIsReadAndChecked() throws {
        let fixture = try ScenarioFixture()
        defer { fixture.remove() }
        let text = ScenarioFixture.valid.replacing("  teams:\n", with: """
              civilian_risk:
                incidents_per_year: 10
                land_use_exposure: {agriculture: 2.5, grazng: 3}
              teams:

            """)
        try fixture.write("s.yaml", text)
        let issues = fixture.issues("s.yaml")
        #expect(issues.contains { $0.path.contains("land_use_exposure") && $0.message.contains("did you mean 'grazing'") }, "\(issues)")
    }
}
