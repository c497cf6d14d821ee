import _TestSupport
import ClearanceModel
import Foundation
import Testing
@testable import Reporting

/// The exporters themselves survive values a validated result never holds (for callers that build
/// results in code, or a file that skipped `ResultFile.read`): no ClosedRange with lower > upper,
/// no `Int(_:)` of a huge or non-finite Double, no unbounded loop, no NaN coordinate in an SVG.
@Suite("Exporter guards")
struct ExporterGuardTests {
    func expectClean(_ svg: String, _ context: String) {
        let xml = XMLElements(svg)
        #expect(xml.wellFormed, "\(context): \(xml.error ?? "")")
        #expect(ResultMutationTests.nonFiniteCoordinates(xml).isEmpty, "\(context): \(ResultMutationTests.nonFiniteCoordinates(xml).prefix(3))")
    }

    @Test("A negative, zero or NaN horizon gives no date-axis range instead of a trap")
    func horizonDomain() throws {
        for horizon in [-1.0, 0, -.infinity, .nan, .infinity] {
            #expect(NotebookExporter.horizonDomain(start: "2026-01-01", horizonYears: horizon) == nil, "\(horizon)")
        }
        let domain = try #require(NotebookExporter.horizonDomain(start: "2026-01-01", horizonYears: 10))
        #expect(domain.lowerBound == 2026 && domain.upperBound == 2036)
        #expect(NotebookExporter.horizonDomain(start: "2026-02-30", horizonYears: 10) == nil)

        // The issue's input, built in code so it skips validation: nothing completes, horizon -1.
        var simulation = ResultFixtures.emptySimulation()
        simulation.horizonYears = -1
        expectClean(NotebookExporter.completionChart(simulation).render(), "completion chart")
        _ = NotebookExporter.notebook(for: simulation)
        var comparison = ResultFixtures.comparison(names: ["A", "B"])
        comparison.scenarios = comparison.scenarios.map { _ in simulation }
        expectClean(NotebookExporter.comparisonCompletionChart(comparison).render(), "comparison chart")
        _ = NotebookExporter.notebook(for: comparison)
    }

    @Test("Non-finite quantiles are left out of range and line charts")
    func nonFiniteValues() {
        let rows = [RangeChart.Row(label: "a", low: .nan, mid: .infinity, high: -.infinity, midLabel: nil, note: nil),
                    RangeChart.Row(label: "b", low: 1, mid: 2, high: 3, midLabel: "2", note: nil)]
        expectClean(RangeChart(title: "t", xLabel: "x", rows: rows).render(), "range chart")
        expectClean(RangeChart(title: "t", xLabel: "x", rows: Array(rows.prefix(1)), integerTicks: true,
                               emptyDomain: -Double.infinity...Double.infinity).render(), "range chart, integer ticks")
        let points: [LineChart.Point] = [.init(x: .nan, low: 1, mid: 2, high: 3), .init(x: 2027, low: .nan, mid: .infinity, high: 3),
                                         .init(x: 2028, low: 1, mid: 2, high: 3)]
        expectClean(LineChart(title: "t", xLabel: "x", yLabel: "y", series: [.init(name: "s", points: points)]).render(), "line chart")

        var simulation = ResultFixtures.simulation(years: 3)
        simulation.yearly[1].remaining = .init(mean: .nan, p10: .infinity, p50: -.infinity, p90: .nan)
        simulation.completion.overall.p50Days = .infinity
        _ = NotebookExporter.notebook(for: simulation)
    }

    @Test("Maps: huge declared sizes are cut, a zero cell size is replaced, huge values get the top class")
    func heatMap() {
        let huge = HeatMap(title: "m", rows: Int.max, columns: Int.max, values: [0.5, 2, .infinity], west: 0, north: 0,
                           cellSize: 0, epsg: 1, labels: [.init(text: "1", x: .nan, y: 1e300)])
        expectClean(huge.render(), "huge map")
        #expect(huge.value(row: Int.max, column: Int.max) == 0)
        let negative = HeatMap(title: "m", rows: -3, columns: -7, values: [], west: .nan, north: 0, cellSize: -1, epsg: 1, labels: [])
        _ = negative.render()
        let scale = ColorScale(maximum: 1)
        #expect(scale.bin(for: 1e300) == scale.bins - 1)
        #expect(scale.bin(for: .greatestFiniteMagnitude) == scale.bins - 1)
        #expect(ColorScale(maximum: 1e-300).bin(for: 1e300) == scale.bins - 1)
    }

    /// Found by FuzzResultReader (fuzz-regressions/result-subnormal-area.json): a remaining area of
    /// 5e-324 is a valid number ≥ 0, but its nice step underflowed to 0 and `0...NaN` trapped.
    @Test("Subnormal values give finite scales and a clean chart")
    func subnormalValues() throws {
        #expect(LinearScale.niceStep(0, 5e-324, count: 5) == 1)
        #expect(LinearScale.niceUpper(5e-324) == 1)
        #expect(LinearScale.niceUpper(.greatestFiniteMagnitude) == .greatestFiniteMagnitude)
        let narrow = LinearScale(domain: 1e300...1e300, range: (0, 100))
        #expect(narrow(1e300) == 0 && narrow(2e300).isFinite)
        var simulation = ResultFixtures.simulation(years: 4)
        simulation.yearly[2].remaining = .init(mean: 0, p10: 0, p50: 0, p90: 5e-324)
        simulation.yearly[3].remaining = .init(mean: 0, p10: 0, p50: 0, p90: 0)
        let data = try ResultEncoding.encode(simulation)
        guard case .simulation(let read) = try ResultFile.read(data: data, path: "subnormal.json") else {
            Issue.record("not read as a simulate result")
            return
        }
        for svg in try NotebookJSON.svgs(NotebookExporter.notebook(for: read)) { expectClean(svg, "subnormal area") }
    }

    @Test("Backtest refuses reported areas that are not finite numbers ≥ 0")
    func backtestValues() {
        for value in ["nan", "inf", "-5"] {
            let csv = "period_start,period_end,metric,value\n2026-03-01,2027-02-28,released_area,\(value)\n"
            #expect(throws: Backtest.ParseError.self, "\(value)") {
                _ = try Backtest.compare(ResultFixtures.simulation(years: 3), observedCSV: csv, path: "o.csv")
            }
        }
    }
}
