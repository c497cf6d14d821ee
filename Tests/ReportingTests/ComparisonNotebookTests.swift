import Foundation
import Testing
@testable import Reporting

/// The comparison section when scenarios finish nothing within the horizon: tables say so, the
/// charts are drawn (running on to the horizon), and the remaining-area curves show how far each gets.
@Suite("Comparison notebook")
struct ComparisonNotebookTests {
    /// Three scenarios of the 10-year fixture (1 March 2026 to 29 February 2036) in which no
    /// replication finishes all clearance, and anti-vehicle areas reach not even their P10.
    static func unfinished() -> CompareResult {
        var result = ResultFixtures.comparison()
        let none = DateQuantiles(p10Days: nil, p50Days: nil, p90Days: nil, meanDays: nil, p10Date: nil, p50Date: nil,
                                 p90Date: nil, finishedShare: 0)
        for index in result.scenarios.indices {
            result.scenarios[index].completion.overall = none
            result.scenarios[index].completion.byType["AV"] = none
        }
        return result
    }

    @Test func horizonYearIsTheYearOfTheLastDay() {
        #expect(ReportText.horizonLastYear(start: "2020-11-10", horizonYears: 30) == 2050)
        #expect(ReportText.horizonLastYear(start: "2026-01-01", horizonYears: 15) == 2040)
        #expect(ReportText.horizonLastYear(start: "2026-03-01", horizonYears: 10) == 2036)
        #expect(ReportText.horizonLastYear(start: "2026-02-30", horizonYears: 10) == nil)
        #expect(ReportText.horizonLastYear(start: "2026-01-01", horizonYears: -1) == nil)
        #expect(ReportText.notWithinHorizon(start: "2020-11-10", horizonYears: 30) == "not within horizon (2050)")
    }

    @Test func tablesSayNotWithinHorizon() throws {
        let result = Self.unfinished()
        let markdown = try NotebookJSON.markdown(NotebookExporter.notebook(for: result))
        let row = "| Base | not within horizon (2036) | not within horizon (2036) | not within horizon (2036) | 0.0% |"
        #expect(markdown.contains(row), "\(markdown)")
        #expect(markdown.contains("In none of them do half of the replications finish all clearance within the horizon"))
        // Per type: AV never finishes, UXO does (P50 420 days after 1 March 2026: 2027-04-25).
        #expect(markdown.contains("### Completion by contamination type") || markdown.contains("# Completion by contamination type"))
        #expect(markdown.contains("| Base | 2032-10 (2031-11 to 2033-11) | not within horizon (2036) | 2027-04 (2026-12 to 2027-09) |"),
                "\(markdown)")
        // Remaining area: the stock, the 1st, 3rd and 5th full calendar years, and the horizon's end.
        #expect(markdown.contains("| Scenario | Start | End of 2027 | End of 2029 | End of 2031 | At horizon end | Horizon ends |"))
        #expect(markdown.contains("| Base | 4.20 |"))
        #expect(!markdown.contains("[0.00, 0.00]"))
        let text = CompareTable.render(result)
        #expect(text.contains("not within horizon (2036)") && text.contains("hazardous at horizon end, ha"))
        #expect(text.contains("released by end of 2027, ha") && !text.contains("after horizon"))
    }

    @Test func chartsAreDrawnWhenNothingFinishes() {
        let result = Self.unfinished()
        let completion = XMLElements(NotebookExporter.comparisonCompletionChart(result).render())
        #expect(completion.wellFormed)
        // Every scenario runs on to the horizon: a faint bar from the start and an arrow, with its note.
        #expect(completion.all("polygon", class: "beyond").count == 3 && completion.all("rect", class: "range-open").count == 3)
        #expect(completion.all("rect", class: "range").isEmpty)
        #expect(completion.all("text").filter { $0.text == "P50 not within horizon (2036); 0.0% finish" }.count == 3)
        #expect(completion.all("text").contains { $0.text == "2036" }, "the axis reaches the horizon")

        let types = NotebookExporter.comparisonTypes(result)
        #expect(types == ["AP", "AV", "UXO"])
        let grouped = XMLElements(NotebookExporter.typeCompletionChart(result, types: types).render())
        #expect(grouped.wellFormed)
        // AP and UXO have P50 marks in all three scenarios; AV runs past the horizon in all three.
        #expect(grouped.all("line", class: "median").count == 6)
        #expect(grouped.all("polygon", class: "beyond").count == 3 && grouped.all("line", class: "range-open").count == 3)
        #expect(grouped.all("rect", class: "range").count == 6)

        let unit = ReportText.areaUnit(maximum: 4.2e6)
        let remaining = NotebookExporter.remainingByScenarioChart(result, unit: unit)
        #expect(remaining.series.map(\.name) == ["Base", "Two more teams", "Mechanical first"])
        // The stock at the start date (1 March 2026), then each year's end.
        #expect(remaining.series.allSatisfy { $0.points.count == 11 && $0.points[0].mid == 4.2 && $0.points[0].x == 2026 + 59.0 / 365 })
        let svg = XMLElements(remaining.render())
        #expect(svg.all("polyline", class: "line").count == 3 && svg.all("polygon", class: "band").count == 3)
    }

    @Test func unfinishedSidesOfADifference() {
        var result = Self.unfinished()
        result.scenarios[2].completion.overall.finishedShare = 0.4
        let difference = { (scenario: String) in
            CompareResult.Difference(scenario: scenario, metric: "completion_all", units: "years", mean: 1, p5: 0, p95: 2)
        }
        #expect(CompareTable.unfinished(difference("Two more teams"), in: result) == .init(side: .neither, horizonYear: 2036))
        #expect(CompareTable.unfinished(difference("Mechanical first"), in: result) == .init(side: .base, horizonYear: 2036))
        var swapped = result
        swapped.base = "Mechanical first"
        #expect(CompareTable.unfinished(difference("Base"), in: swapped) == .init(side: .scenario, horizonYear: 2036))
        let other = CompareResult.Difference(scenario: "Base", metric: "civilian_casualties", units: "people", mean: 1, p5: 0, p95: 2)
        #expect(CompareTable.unfinished(other, in: result) == nil)
    }
}
