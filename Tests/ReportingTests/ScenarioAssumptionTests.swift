import Foundation
import Testing
@testable import Reporting

/// Reading the citation tags of a scenario file's comments.
@Suite("Scenario assumptions")
struct ScenarioAssumptionTests {
    @Test func readsTaggedValuesWithTheirPaths() {
        let yaml = """
        name: Test   # no tag
        grid:
          cell_size: 500          # [G] under the budget
        scoring:
          incident_density:
            bandwidth_m: 3000     # [R] sources §3, "quoted # not a comment"
          weights:
            direct: {a: 0.4}      # [S] sources §4
        holidays: ["01-01"]       # fixed holidays [G: general knowledge]
        url: "http://x#y"         # [D] 2 × 3
        simulation:
          teams:
            - name: manual        # names select a group
              count: 12           # [D] 3 × 4
            - name: dogs
              count: 4            # [R] sources §2
          list:
            - 7                   # [G] a bare item has no key: skipped
        """
        let found = ScenarioAssumption.parse(yaml: yaml)
        #expect(found.map(\.path) == ["grid.cell_size", "scoring.incident_density.bandwidth_m", "scoring.weights.direct", "holidays", "url",
                                      "simulation.teams[name=manual].count", "simulation.teams[name=dogs].count"])
        #expect(found.map(\.basis) == [.guess, .reported, .solid, .guess, .derived, .derived, .reported])
        #expect(found[0].value == "500" && found[0].comment == "under the budget")
        #expect(found[1].comment == "sources §3, \"quoted # not a comment\"")
        #expect(found[3].comment == "fixed holidays general knowledge")
        #expect(found[4].value == "\"http://x#y\"")
    }

    /// The bundled Karabakh baseline tags its parameters; the parser finds them.
    @Test func readsTheKarabakhBaseline() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scenarios/karabakh/baseline.yaml")
        let found = ScenarioAssumption.parse(yaml: try String(contentsOf: url, encoding: .utf8))
        #expect(found.count > 20)
        let bandwidth = try #require(found.first { $0.path == "scoring.incident_density.bandwidth_m" })
        #expect(bandwidth.value == "3000" && bandwidth.basis == .guess)
        #expect(found.contains { $0.basis == .solid } && found.contains { $0.basis == .reported })
        #expect(found.contains { $0.path == "simulation.teams[name=manual].count" })
        #expect(Set(found.map(\.path)).count > found.count * 9 / 10, "paths name their list items")
    }
}
