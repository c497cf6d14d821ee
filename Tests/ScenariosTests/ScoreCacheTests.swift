import _TestSupport
import ClearanceModel
import ClearcastDomain
import Foundation
import RiskModel
@testable import Scenarios
import Testing

/// Scenarios that share layers and scoring are scored once; any difference in either is scored anew,
/// and a cached assessment is the one a fresh scoring gives.
@Suite struct ScoreCacheTests {
    @Test func sharedLayersAndScoringAreScoredOnce() throws {
        let scenario = try ScenarioLoader.load(path: TestEnvironment.packageURL("scenarios/demo/demo.yaml").path)
        let layers = try ScenarioLayers.load(scenario)
        let cache = ScoreCache()
        let first = try cache.assessment(layers.priorityInputs(), parameters: scenario.priorityParameters())
        // A variant with other teams or policy but the same layers and scoring: a hit.
        var variant = scenario
        variant.simulation?.policy = .nearestFirst
        let second = try cache.assessment(layers.priorityInputs(), parameters: variant.priorityParameters())
        #expect(cache.computed == 1)
        #expect(second.composite.scores == first.composite.scores && second.ranking.map(\.id) == first.ranking.map(\.id))
        // Other scoring, or other layers: computed again.
        var wider = scenario
        wider.scoring.bandwidthMetres *= 2
        _ = try cache.assessment(layers.priorityInputs(), parameters: wider.priorityParameters())
        _ = try cache.assessment(layers.priorityInputs(incidents: Array(layers.incidents.dropLast())),
                                 parameters: scenario.priorityParameters())
        #expect(cache.computed == 3)
        // The cached assessment equals a fresh, uncached one.
        let fresh = try PriorityScorer.assess(layers.priorityInputs(), parameters: scenario.priorityParameters())
        #expect(fresh.composite.scores == first.composite.scores)
    }
}
