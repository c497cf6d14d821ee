import _TestSupport
import ClearcastDomain
import Foundation
import Testing
@testable import Reporting

/// The HTML briefing's structure, checked without a browser (the browser test, `make test-browser`,
/// checks rendering): self-contained, escaped, headings in order, tables with headers, charts with
/// titles and text alternatives, the map with one area per hazard.
@Suite("HTML briefing")
struct BriefingReportTests {
    static let hostile = "<script>alert(1)</script> & \"x\""

    /// A map of the fixture score's hazards: one square per ranked hazard, a few settlements and incidents.
    static func layers(_ score: ScoreResult, settlement: String = "Hostile <b>town</b> & \"co\"") -> BriefingMapLayers {
        let areas = score.hazards.enumerated().map { index, hazard -> BriefingMapLayers.Area in
            let x = 500_000 + Double(index % 10) * 3000, y = 4_100_000 + Double(index / 10) * 3000
            let ring = [Point2(x: x, y: y), Point2(x: x + 2000, y: y), Point2(x: x + 2000, y: y + 2000), Point2(x: x, y: y + 2000), Point2(x: x, y: y)]
            return .init(id: hazard.id, polygons: [[ring]])
        }
        return BriefingMapLayers(epsg: 32636, minX: 500_000, minY: 4_100_000, maxX: 540_000, maxY: 4_130_000, areas: areas,
                                 settlements: [.init(name: settlement, x: 510_000, y: 4_110_000), .init(name: "Plain", x: 520_000, y: 4_120_000)],
                                 incidents: [.init(name: "", x: 505_000, y: 4_105_000)], source: "Geometry from a test <fixture>.")
    }

    static func fullReport(name: String = hostile) throws -> (BriefingReport, String) {
        let score = ResultFixtures.score(name: name)
        var comparison = ResultFixtures.comparison(names: [name, "Two more teams", "Mechanical first"])
        comparison.scenarios[0].tasks = score.hazards.prefix(12).map {
            .init(id: $0.id, release: ResultFixtures.dateQuantiles(start: "2026-01-01", p10: 100, p50: 400, p90: 900, finished: 1))
        }
        let report = BriefingReport(title: "Briefing: " + name, score: score, comparison: comparison, plan: try PlanResultTests.result(),
                                    sensitivity: SensitivityResultTests.all().first { $0.0 == "morris" }?.1, map: layers(score),
                                    assumptions: ScenarioAssumption.parse(yaml: "scoring:\n  bandwidth_m: 3000  # [G] \(name)\n"),
                                    assumptionsSource: "scenarios/\(name).yaml")
        return (report, report.html())
    }

    @Test func isWellFormedAndDeterministic() throws {
        let (report, html) = try Self.fullReport()
        let xml = XMLElements(html)
        #expect(xml.wellFormed, "\(xml.error ?? "")")
        #expect(report.html() == html)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    }

    /// Nothing the page would fetch: no external script, style sheet, image, font or frame; the one
    /// address is the SVG namespace, which is a name, not a request.
    @Test func isSelfContained() throws {
        let (_, html) = try Self.fullReport()
        let withoutNamespace = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        for forbidden in ["http:", "https:", "//cdn", " src=", "@import", "<link", "url(", "<img", "<iframe", "@font-face"] {
            #expect(!withoutNamespace.lowercased().contains(forbidden), "the briefing refers to something outside it: \(forbidden)")
        }
        let xml = XMLElements(html)
        #expect(xml.all("script").count == 1 && xml.all("script").allSatisfy { $0.attributes["src"] == nil })
        #expect(xml.all("style").count == 1)
    }

    /// A scenario name, a settlement name and a comment holding markup show as text everywhere.
    @Test func escapesEveryUserString() throws {
        let (_, html) = try Self.fullReport()
        #expect(html.components(separatedBy: "<script").count == 2, "only the page's own script element")
        #expect(!html.contains("<b>town"))
        #expect(!html.contains("alert(1)</script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"))
        let xml = XMLElements(html)
        #expect(xml.all("h1").first?.text == "Briefing: " + Self.hostile)
        #expect(xml.all("title").contains { $0.text == "Hostile <b>town</b> & \"co\"" })
    }

    /// One h1, and no heading more than one level below the one before it.
    @Test func headingsAreInOrder() throws {
        let (_, html) = try Self.fullReport()
        let levels = XMLElements(html).elements.compactMap { element -> Int? in
            guard element.name.count == 2, element.name.hasPrefix("h"), let level = Int(element.name.dropFirst()) else { return nil }
            return level
        }
        #expect(levels.first == 1 && levels.filter { $0 == 1 }.count == 1)
        for (previous, next) in zip(levels, levels.dropFirst()) { #expect(next <= previous + 1, "h\(next) after h\(previous)") }
        #expect(levels.count > 10)
    }

    /// Every table has a caption and column headers; every row starts with its row header.
    @Test func tablesHaveHeaders() throws {
        let (_, html) = try Self.fullReport()
        let xml = XMLElements(html)
        let tables = xml.all("table"), captions = xml.all("caption")
        #expect(tables.count >= 8 && captions.count == tables.count)
        #expect(xml.all("thead").count == tables.count && xml.all("tbody").count == tables.count)
        #expect(xml.all("th").filter { $0.attributes["scope"] == "col" }.count >= tables.count * 2)
        #expect(xml.all("tr").count == xml.all("th").filter { $0.attributes["scope"] == "row" }.count + tables.count)
        // The ranked table is sortable and numbers sort by their key.
        let ranked = xml.all("table").first { $0.attributes["id"] == "ranked" }
        #expect(ranked?.attributes["class"] == "sortable")
        #expect(html.contains("<th scope=\"row\" class=\"num\" data-sort=\"1.000000\">1</th>"))
    }

    /// Every chart is an SVG with role img, an accessible name and a title, inside a figure with a caption.
    @Test func chartsHaveTitlesAndTextAlternatives() throws {
        let (report, html) = try Self.fullReport()
        let xml = XMLElements(html)
        let svgs = xml.all("svg")
        #expect(svgs.count >= 8)
        for svg in svgs {
            #expect(svg.attributes["role"] == "img")
            #expect((svg.attributes["aria-label"] ?? "").count > 20)
        }
        #expect(xml.all("figure").count == svgs.count && xml.all("figcaption").count == svgs.count)
        #expect(xml.all("title").filter { !$0.text.isEmpty }.count >= svgs.count + 1)
        // The map: one path per hazard with a hover title, settlements, scale bar, north arrow, legend.
        let hazards = xml.all("path", class: "hazard")
        #expect(hazards.count == report.map?.areas.count)
        #expect(xml.all("circle").count >= 2)
        #expect(xml.all("g", class: "scale-bar").count == 1 && xml.all("g", class: "north-arrow").count == 1)
        #expect(html.contains("Median release year") && html.contains("viridis"))
        #expect(html.contains("Rank 1 of 30"))
        // Casualties a year: one line per scenario, and the browser check is told so.
        // (The base scenario's remaining area by type draws 4 lines; then remaining area and casualties a year by scenario.)
        let lines = xml.all("figure").filter { $0.attributes["data-expect-selector"] == "polyline.line" }
        #expect(lines.map { $0.attributes["data-expect-count"] } == ["4", "3", "3"], "\(lines.map(\.attributes))")
        #expect(html.contains("Expected civilian casualties a year by scenario") && html.contains("Expected civilian casualties a year per scenario"))
    }

    /// Without a forecast the map is coloured by rank; without geometry the page says why there is no map.
    @Test func mapByRankAndMissingMap() throws {
        let score = ResultFixtures.score()
        let byRank = BriefingReport(title: "Score", score: score, map: Self.layers(score)).html()
        #expect(byRank.contains("Priority rank") && byRank.contains("Ranks 1–3 (top 10%)"))
        let noMap = BriefingReport(title: "Score", score: score, mapNote: "No map: not found <x>").html()
        #expect(noMap.contains("No map: not found &lt;x&gt;") && !noMap.contains("class=\"hazard\""))
        #expect(XMLElements(noMap).wellFormed)
    }

    /// The answer is on top: the completion sentence and the per-type table before any evidence.
    @Test func answersFirst() throws {
        let simulation = ResultFixtures.simulation()
        let html = BriefingReport(title: "Forecast", simulation: simulation).html()
        let answer = try #require(html.range(of: "<strong>Answer:</strong>"))
        let firstChart = try #require(html.range(of: "<svg "))
        #expect(answer.lowerBound < firstChart.lowerBound)
        #expect(html.contains("Completion by contamination type"))
        #expect(BriefingReport.month("2036-02-14") == "February 2036" && BriefingReport.month("n/a") == "n/a")
    }

    /// Empty and degenerate results still give a well-formed page: no hazards, no yearly entries,
    /// a forecast in which nothing is released, a mix plan, a one-scenario comparison, each method.
    @Test func edgeCasesStayWellFormed() throws {
        let empty = ResultFixtures.emptySimulation()
        let none = ResultFixtures.score(hazards: 0, validation: false, ahp: false)
        var unreleased = ResultFixtures.simulation()
        unreleased.tasks = unreleased.tasks.map { .init(id: $0.id, release: ResultFixtures.dateQuantiles(start: "2026-01-01", p10: nil, p50: nil, p90: nil, finished: 0)) }
        let layers = Self.layers(ResultFixtures.score(hazards: 3))
        var pages = [
            BriefingReport(title: "Empty", simulation: empty, map: Self.layers(none)).html(),
            BriefingReport(title: "No hazards", score: none).html(),
            BriefingReport(title: "Unreleased", simulation: unreleased, map: layers).html(),
            BriefingReport(title: "Mix", plan: try PlanResultTests.mixResult()).html(),
            BriefingReport(title: "One", comparison: ResultFixtures.comparison(names: ["Only"])).html(),
            BriefingReport(title: "Nothing").html(),
        ]
        pages += SensitivityResultTests.all().map { BriefingReport(title: $0.0, sensitivity: $0.1).html() }
        let legend = try #require(pages[2].components(separatedBy: "<g class=\"legend\"").last?.components(separatedBy: "</g>").first)
        #expect(legend.contains("After the horizon") && !legend.contains(">0</text>"), "a legend of years with no year: \(legend)")
        for page in pages {
            let xml = XMLElements(page)
            #expect(xml.wellFormed, "\(xml.error ?? "")")
            #expect(xml.all("h1").count == 1 && xml.all("h2").count >= 2)
        }
    }

    @Test func pathDataRoundsAndDropsRepeats() {
        let ring = [Point2(x: 0, y: 0), Point2(x: 0.01, y: 0), Point2(x: 10, y: 0), Point2(x: 10, y: 10), Point2(x: 0, y: 0)]
        let data = BriefingMap.pathData([[ring]], px: { $0 }, py: { $0 })
        #expect(data == "M0 0L10 0L10 10Z")
        #expect(BriefingMap.pathData([[[Point2(x: 0, y: 0), Point2(x: 0.01, y: 0.01), Point2(x: 0, y: 0)]]], px: { $0 }, py: { $0 }).isEmpty)
        #expect(BriefingMap.roundLength(31_000) == 20_000 && BriefingMap.roundLength(4_000) == 2_000 && BriefingMap.roundLength(7) == 5)
    }
}
