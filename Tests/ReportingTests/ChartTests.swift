import Foundation
import Testing
@testable import Reporting

/// Charts drawn for known inputs: counted elements, colours and geometry.
@Suite("Charts")
struct ChartTests {
    @Test("Remaining-area chart: the start stock and one point per year and class, one line and band per class")
    func lineChartCounts() throws {
        let result = ResultFixtures.simulation(years: 10)
        let unit = ReportText.areaUnit(maximum: 4_200_000)
        let chart = NotebookExporter.remainingChart(result, unit: unit)
        let xml = XMLElements(chart.render())
        #expect(xml.wellFormed)
        #expect(xml.all("circle", class: "point").count == 4 * (1 + 10))   // All + AP, AV, UXO
        // On a calendar-year axis: the start date (1 March 2026, day 60 of 365), then each 1 January.
        let all = try #require(chart.series.first)
        let expected: [Double] = [2026 + 59.0 / 365] + (2027...2036).map { Double($0) }
        #expect(all.points.map(\.x) == expected)
        let stock = try #require(all.points.first)
        #expect(stock.mid == 4.2 && stock.low == 4.2 && stock.high == 4.2)
        #expect(chart.xLabel == "Year")
        #expect(xml.all("polyline", class: "line").count == 4)
        #expect(xml.all("polygon", class: "band").count == 4)
        #expect(unit.name == "km²")
    }

    @Test("Legend: the five class names stay whole; too many long names are shortened to fit the row")
    func legendKeepsNamesWholeWhenTheyFit() {
        let frame = ChartFrame()
        let names = ["All hazards", "Anti-personnel mines", "Anti-vehicle mines", "Cluster munitions", "UXO"]
        var svg = SVGDocument(width: frame.width, height: frame.height, title: "t")
        frame.drawLegend(&svg, names.map { (name: $0, color: "#000000") })
        let rendered = svg.render()
        for name in names { #expect(rendered.contains(">\(name)<"), "\(name) was shortened") }
        #expect(!rendered.contains("…"))
        let many = (1...12).map { "A rather long scenario name \($0)" }
        var crowded = SVGDocument(width: frame.width, height: frame.height, title: "t")
        frame.drawLegend(&crowded, many.map { (name: $0, color: "#000000") })
        #expect(crowded.render().contains("…"))
    }

    @Test("Line chart with many long names: the legend wraps and keeps names whole; past eight colours lines are dashed")
    func lineChartLegendWraps() throws {
        let names = (1...9).map { "Karabakh, a scenario with a rather long name \($0)" }
        let chart = LineChart(title: "t", xLabel: "Year", yLabel: "y", series: names.enumerated().map { k, name in
            .init(name: name, points: [.init(x: 2026, low: 1, mid: 2, high: 3), .init(x: 2027, low: 1, mid: Double(k), high: 9)])
        })
        let rendered = chart.render()
        let xml = XMLElements(rendered)
        #expect(xml.wellFormed)
        for name in names { #expect(rendered.contains(">\(name)<"), "\(name) was shortened") }
        let lines = xml.all("polyline", class: "line")
        #expect(lines.count == 9)
        #expect(lines.map { $0.attributes["stroke-dasharray"] != nil } == Array(repeating: false, count: 8) + [true])
        #expect(lines[8].attributes["stroke"] == lines[0].attributes["stroke"])
        // 9 names of ~49 characters at 10 px: two a row, five rows, four more than one.
        let legend = xml.all("polyline", class: "legend")
        #expect(legend.count == 9 && Set(legend.compactMap { $0.attributes["points"]?.split(separator: ",").last }).count == 5)
        #expect(rendered.contains("height=\"424"), "four extra legend rows of 16 px")
        // Few short names keep the one-row legend and the usual size.
        let short = LineChart(title: "t", xLabel: "Year", yLabel: "y", series: [.init(name: "AP", points: [])]).render()
        #expect(short.contains("height=\"360") && XMLElements(short).all("rect", class: "legend").count == 1)
    }

    @Test("Casualties a year by scenario: one line per scenario, partial years annualised; the notebooks show them")
    func casualtiesByYear() throws {
        let comparison = ResultFixtures.comparison()
        let chart = try #require(NotebookExporter.casualtiesByYearChart(comparison))
        #expect(chart.series.count == 3 && chart.series.allSatisfy { $0.points.count == 10 })
        // The fixture's first year has 306 days and 306/365 × 12 casualties: 12 a year, annualised by 365.2425 days.
        let first = try #require(chart.series.first?.points.first)
        #expect(abs(first.mid - 12 * 365.2425 / 365) < 1e-9)
        #expect(XMLElements(chart.render()).all("polyline", class: "line").count == 3)
        let notebook = String(decoding: NotebookExporter.notebook(for: comparison), as: UTF8.self)
        #expect(notebook.contains("Expected civilian casualties a year by scenario"))
        let simulation = String(decoding: NotebookExporter.notebook(score: nil, simulation: ResultFixtures.simulation(), comparison: nil,
                                                                    title: "t", backtest: nil), as: UTF8.self)
        #expect(simulation.contains("Casualties by calendar year") && simulation.contains("| 2027 | 11.1 |"))
        #expect(SimulationTable.render(ResultFixtures.simulation()).contains("civilian casualties"))
        // Results written before yearly casualties existed draw no such chart.
        var old = comparison
        for k in old.scenarios.indices { for y in old.scenarios[k].yearly.indices { old.scenarios[k].yearly[y].civilianCasualties = nil } }
        #expect(NotebookExporter.casualtiesByYearChart(old) == nil)
    }

    @Test("Released-area chart: one segment per positive outcome and year")
    func barChartCounts() {
        let result = ResultFixtures.simulation(years: 10, zeroCancelledIn: 2028)
        let xml = XMLElements(NotebookExporter.releasedChart(result, unit: ReportText.areaUnit(maximum: 1e6)).render())
        #expect(xml.wellFormed)
        // Cancelled, reduced, mine clearance and battle-area clearance, 10 years, one cancelled zero.
        #expect(xml.all("rect", class: "bar").count == 4 * 10 - 1)
    }

    @Test("Empty charts say so, with distinct tick labels and the horizon as the date axis")
    func emptyCharts() {
        let empty = ResultFixtures.emptySimulation()
        let line = XMLElements(NotebookExporter.remainingChart(empty, unit: ReportText.areaUnit(maximum: 0)).render())
        #expect(line.all("text").contains { $0.text == "No data in this result" })
        let yLabels = line.all("text").filter { $0.attributes["text-anchor"] == "end" }.map(\.text)
        #expect(yLabels == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        let completion = XMLElements(NotebookExporter.completionChart(empty).render())
        // Start 2026-01-01 with a half-year horizon: the axis spans 2026...2027.
        #expect(completion.all("text").map(\.text).contains("2026"))
        #expect(completion.all("rect", class: "range").isEmpty)
    }

    @Test("Stacked bar heights are proportional to the values")
    func barGeometry() throws {
        let chart = BarChart(title: "t", yLabel: "y", categories: ["a", "b"],
                             stacks: [.init(name: "s1", color: "#000000", values: [10, 20]),
                                      .init(name: "s2", color: "#ffffff", values: [30, 0])])
        let bars = XMLElements(chart.render()).all("rect", class: "bar")
        #expect(bars.count == 3)
        let heights = bars.compactMap { $0.attributes["height"].flatMap(Double.init) }
        // Axis runs 0...40 over 256 px (360 - 56 - 48): 10 -> 64 px, 30 -> 192 px, 20 -> 128 px.
        #expect(heights == [64, 192, 128])
    }

    @Test("Completion chart: a bar per class with an interval, a mark per class with a P50")
    func rangeChartCounts() {
        let xml = XMLElements(NotebookExporter.completionChart(ResultFixtures.simulation()).render())
        #expect(xml.wellFormed)
        #expect(xml.all("rect", class: "range").count == 3)    // AV has no P90
        #expect(xml.all("line", class: "median").count == 3)   // AV has no P50
        #expect(xml.all("text").contains { $0.text == "P50 not within horizon (2036); 30.0% finish" })
        // AV reaches its P10 only: a faint bar from it to the horizon's end, and an arrow.
        #expect(xml.all("rect", class: "range-open").count == 1 && xml.all("polygon", class: "beyond").count == 1)
        let comparison = XMLElements(NotebookExporter.comparisonCompletionChart(ResultFixtures.comparison()).render())
        #expect(comparison.all("line", class: "median").count == 3)
    }

    @Test("Map: run-length merged cells, colours of known values, labels")
    func heatMap() throws {
        // Maximum 0.8 gives a scale 0...0.8 in 9 classes: 0 -> bin 0, 0.4 -> bin 4, 0.8 -> bin 8.
        let map = HeatMap(title: "m", rows: 3, columns: 4,
                          values: [0, 0, 0.8, 0.8,
                                   0.4, 0.4, 0.4, 0.4,
                                   0, 0.4, 0, 0.4],
                          west: 500_000, north: 4_003_000, cellSize: 1000, epsg: 32636,
                          labels: [.init(text: "1", x: 502_500, y: 4_001_500), .init(text: "2", x: 900_000, y: 0)])
        let xml = XMLElements(map.render())
        #expect(xml.wellFormed)
        let cells = xml.all("rect", class: "cell")
        #expect(cells.count == 2 + 1 + 4)
        #expect(cells.map { $0.attributes["fill"] ?? "" } == ["#440154", "#fde725", "#21918c", "#440154", "#21918c", "#440154", "#21918c"])
        // 4 x 3 km in a 520 px box: 130 px per km; the merged middle row is one 520 px rectangle.
        #expect(cells[2].attributes["width"] == "520.00")
        #expect(cells[2].attributes["y"] == "170.00")
        #expect(xml.all("circle", class: "label").count == 1)   // the second label lies outside the map
        let marker = try #require(xml.all("circle", class: "label").first)
        #expect(marker.attributes["cx"] == "395.00")   // 70 + 2.5 km * 130
        #expect(marker.attributes["cy"] == "235.00")   // 40 + 1.5 km * 130
        #expect(xml.all("rect", class: "legend").count == 9)
    }

    @Test("Score map covers every preview row completely")
    func scoreMapRows() throws {
        let result = ResultFixtures.score()
        let xml = XMLElements(NotebookExporter.priorityMap(result).render())
        #expect(xml.wellFormed)
        var widthByRow: [String: Double] = [:]
        for cell in xml.all("rect", class: "cell") {
            widthByRow[cell.attributes["y"] ?? "", default: 0] += Double(cell.attributes["width"] ?? "") ?? 0
        }
        #expect(widthByRow.count == result.preview.rows)
        // 80 x 60 preview cells of 500 m in a 520 px box: 6.5 px per cell, 520 px per row.
        for width in widthByRow.values { #expect(abs(width - 520) < 0.05) }
        // Merging must have saved rectangles compared with one per cell.
        #expect(xml.all("rect", class: "cell").count < result.preview.rows * result.preview.columns / 2)
        #expect(xml.all("circle", class: "label").count == 10)
    }
}
