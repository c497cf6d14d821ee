import _TestSupport
import ClearanceModel
import Foundation
import Testing
@testable import Reporting

/// The simulation notebook's money section, battle-area split and released-by-type table.
@Suite("Simulation notebook: money, battle area and types")
struct SimulationMoneyNotebookTests {
    @Test func moneySectionGivesEveryYearAndEachMethod() throws {
        let result = ResultFixtures.simulation()
        let data = NotebookExporter.notebook(for: result)
        let markdown = try NotebookJSON.markdown(data)
        let money = try #require(markdown.components(separatedBy: "## Money").dropFirst().first?.components(separatedBy: "## ").first)
        // One row per calendar year, with the P50 in millions (fixture: 1.2 million a year).
        let costRows = money.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("| 1.2 |") }
        #expect(costRows.count == result.yearly.count)
        #expect(markdown.contains("To completion: 11.0 million"))
        #expect(markdown.contains("| Mine clearance, per m² cleared | 2.10 |"))
        #expect(markdown.contains("| Battle-area clearance, per m² cleared | 0.30 |"))
        #expect(markdown.contains("18.0% of the total"))
        #expect(markdown.contains("3.5 stood down"))
        let chart = try #require(try NotebookJSON.svgs(data).first { $0.contains("Money spent per year") })
        #expect(chart.components(separatedBy: "class=\"bar\"").count - 1 == result.yearly.count)
    }

    @Test func releasedChartSplitsBattleAreaClearance() throws {
        let result = ResultFixtures.simulation()
        let chart = NotebookExporter.releasedChart(result, unit: (name: "ha", divisor: 1e4, python: "1e4"))
        let mine = try #require(chart.stacks.first { $0.name == "Cleared (mine clearance)" })
        let bac = try #require(chart.stacks.first { $0.name == "Cleared (battle area)" })
        for (k, year) in result.yearly.enumerated() {
            let cleared = year.cleared.p50 / 1e4, battle = (year.battleAreaCleared?.p50 ?? 0) / 1e4
            #expect(abs(mine.values[k] + bac.values[k] - cleared) < 1e-9)
            #expect(abs(bac.values[k] - battle) < 1e-12)
        }
    }

    @Test func withoutCostsThereIsNoMoneySection() throws {
        let markdown = try NotebookJSON.markdown(NotebookExporter.notebook(for: ResultFixtures.emptySimulation()))
        #expect(!markdown.contains("# Money"))
        #expect(!markdown.contains("per contamination type (P50"))
    }
}
