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
          - item: 1               # [G] list items are skipped
        """
        let found = ScenarioAssumption.parse(yaml: yaml)
        #expect(found.map(\.path) == ["grid.cell_size", "scoring.incident_density.bandwidth_m", "scoring.weights.direct", "holidays", "url"])
        #expect(found.map(\.basis) == [.guess, .reported, .solid, .guess, .derived])
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
    }
}
