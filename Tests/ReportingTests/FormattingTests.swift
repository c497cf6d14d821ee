import _TestSupport
import EventSimulation
import Foundation
import Testing
@testable import Reporting

/// Number formatting, escaping and small helpers, against independent references.
@Suite("Formatting and escaping")
struct FormattingTests {
    @Test("Fixed matches printf on random values (no exact ties) and handles signs and grouping")
    func fixedFormatting() {
        var random = SeededGenerator(seed: 2026)
        for _ in 0..<5000 {
            let value = Double.random(in: -1e6...1e6, using: &random)
            let decimals = Int.random(in: 0...4, using: &random)
            var reference = String(format: "%.\(decimals)f", value)
            // printf writes "-0.00" for small negatives; Fixed never writes a negative zero.
            if reference.hasPrefix("-"), Double(reference) == 0 { reference.removeFirst() }
            #expect(Fixed.format(value, decimals: decimals) == reference)
        }
        #expect(Fixed.format(-0.001, decimals: 2) == "0.00")
        #expect(Fixed.format(0.5, decimals: 0) == "1")
        #expect(Fixed.format(-2.5, decimals: 0) == "-3")
        #expect(Fixed.format(3.14159, decimals: 2) == "3.14")
        #expect(Fixed.format(7, decimals: 3) == "7.000")
        #expect(Fixed.grouped(1_234_567.891, decimals: 2) == "1,234,567.89")
        #expect(Fixed.grouped(-999.5, decimals: 0) == "-1,000")
        #expect(Fixed.grouped(100_000, decimals: 0) == "100,000")
        #expect(Fixed.percent(0.256) == "25.6%")
        #expect(Fixed.format(.nan, decimals: 2) == "n/a")
    }

    @Test("SVG escaping survives an XML parser, including forbidden control characters")
    func svgEscaping() {
        let hostile = "<script>alert('x')</script> & \"quoted\" \u{1} end"
        var svg = SVGDocument(width: 10, height: 10, title: hostile)
        svg.text(hostile, x: 1, y: 1)
        svg.rect(x: 0, y: 0, width: 1, height: 1, fill: "\"><script>", cssClass: "x")
        let xml = XMLElements(svg.render())
        #expect(xml.wellFormed, "\(xml.error ?? "")")
        #expect(xml.all("script").isEmpty)
        let expected = hostile.replacingOccurrences(of: "\u{1}", with: "\u{FFFD}")
        #expect(xml.all("text").first?.text == expected)
        #expect(xml.all("title").first?.text == expected)
        #expect(xml.all("rect", class: "x").first?.attributes["fill"] == "\"><script>")
    }

    @Test("JSON string quoting round-trips through JSONSerialization")
    func jsonQuoting() throws {
        var random = SeededGenerator(seed: 5)
        let pool: [Character] = ["a", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "é", "😀", "/", "\u{2028}", "<"]
        for _ in 0..<300 {
            let text = String((0..<Int.random(in: 0...20, using: &random)).map { _ in pool.randomElement(using: &random)! })
            let data = Data("[\(NotebookDocument.quote(text))]".utf8)
            let decoded = try JSONSerialization.jsonObject(with: data) as? [String]
            #expect(decoded == [text])
        }
    }

    @Test("Notebook lines keep their newlines except the last")
    func notebookLines() {
        #expect(NotebookDocument.lines("a\nb") == ["a\n", "b"])
        #expect(NotebookDocument.lines("a\nb\n") == ["a\n", "b\n"])
        #expect(NotebookDocument.lines("") == [])
        #expect(NotebookDocument.lines("x\n\ny").joined() == "x\n\ny")
    }

    @Test("Markdown escapes HTML, emphasis and pipes; tables keep their columns")
    func markdown() {
        #expect(Markdown.escape("A|B <b>&") == "A\\|B &lt;b&gt;&amp;")
        #expect(Markdown.escape("*x* _y_ [l](u)\nz") == "\\*x\\* \\_y\\_ \\[l\\](u) z")
        let table = Markdown.table(["n", "v"], [["a|b", "1"], [Markdown.escape("c|d"), "2"]], alignRight: [1])
        #expect(table == "| n | v |\n|---|---:|\n| a\\|b | 1 |\n| c\\|d | 2 |")
    }

    @Test("Nice ticks and scales")
    func scales() {
        #expect(LinearScale.niceTicks(0, 120, count: 5) == [0, 20, 40, 60, 80, 100, 120])
        #expect(LinearScale.niceTicks(2026, 2035, count: 8) == (2026...2035).map(Double.init))
        #expect(LinearScale.niceTicks(2026, 2046, count: 8) == stride(from: 2026.0, through: 2046, by: 2).map { $0 })
        #expect(LinearScale.niceTicks(-3, 7, count: 2) == [0, 5])
        let tenths = LinearScale.niceTicks(0, 0.3, count: 3)
        #expect(tenths.count == 4 && abs(tenths[3] - 0.3) < 1e-12)
        #expect([1, 20, 0.1, 0.2, 0.5, 0.05, 0.001, 0.3].map(LinearScale.decimals(forStep:)) == [0, 0, 1, 1, 1, 2, 3, 1])
        #expect(LinearScale.niceUpper(3.7) == 4)
        #expect(LinearScale.niceUpper(0) == 1)
        let scale = LinearScale(domain: 0...120, range: (400, 40))
        #expect(scale(60) == 220)
        let degenerate = LinearScale(domain: 5...5, range: (0, 100))
        #expect(degenerate(5) == 0 && degenerate(6) == 100)
    }

    @Test("Colour scale: viridis anchors at even bins, interpolated odd bins, clamped values")
    func colorScale() {
        let scale = ColorScale(maximum: 0.9)
        #expect((0..<9).filter { $0 % 2 == 0 }.map(scale.color(bin:)) == ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"])
        // Halfway between #440154 and #3b528b, rounded half up: (68+59)/2, (1+82)/2, (84+139)/2.
        #expect(scale.color(bin: 1) == "#402a70")
        #expect(scale.bin(for: -1) == 0 && scale.bin(for: .nan) == 0 && scale.bin(for: 2) == 8)
        #expect(scale.bin(for: 0.45) == 4)   // 0.45 / 0.9 * 9 = 4.5
        #expect(scale.range(bin: 8).upper == 0.9)
    }

    @Test("Decimal years agree with Foundation's calendar")
    func decimalYears() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var random = SeededGenerator(seed: 11)
        for _ in 0..<200 {
            let date = ResultFixtures.date("1999-01-01", plus: Double(Int.random(in: 0...20_000, using: &random)))
            let parts = date.split(separator: "-").compactMap { Int($0) }
            let day = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))!
            let ordinal = calendar.ordinality(of: .day, in: .year, for: day)!
            let length = calendar.range(of: .day, in: .year, for: day)!.count
            let expected = Double(parts[0]) + Double(ordinal - 1) / Double(length)
            #expect(abs(try #require(ReportText.decimalYear(date)) - expected) < 1e-12)
        }
        #expect(ReportText.decimalYear("2026-02-30") == nil)
        #expect(ReportText.decimalYear("not a date") == nil)
        #expect(ReportText.month("2033-09-14") == "2033-09")
        #expect(ReportText.month("soon") == "soon")
    }

    @Test("Area units follow the magnitude")
    func areaUnits() {
        #expect(ReportText.areaUnit(maximum: 2.5e6).name == "km²")
        #expect(ReportText.areaUnit(maximum: 5e4).name == "ha")
        #expect(ReportText.areaUnit(maximum: 50).name == "m²")
        #expect(ReportText.area(1_234_567, unit: ReportText.areaUnit(maximum: 2e6)) == "1.23")
    }
}

/// A completion difference between two scenarios that never finish is not "0 [0, 0]".
@Suite("Comparison when nothing finishes")
struct UnfinishedComparisonTests {
    @Test func neitherFinishingIsSaidNotZero() throws {
        var result = ResultFixtures.comparison()
        for index in [0, 1] {
            result.scenarios[index].completion.overall.finishedShare = 0
            result.scenarios[index].completion.overall.p50Days = nil
            result.scenarios[index].completion.overall.p50Date = nil
        }
        result.differences = [
            .init(scenario: result.scenarios[1].scenario, metric: "completion_all", units: "years", mean: 0, p5: 0, p95: 0),
            .init(scenario: result.scenarios[2].scenario, metric: "completion_all", units: "years", mean: -1.5, p5: -2, p95: -1),
        ]
        let table = CompareTable.render(result)
        #expect(table.contains("neither finishes within the horizon"))
        #expect(table.contains("-1.50") && table.contains("[-2.00, -1.00]"), "a scenario that finishes keeps its numbers")
        #expect(!table.contains("+0.00") && !table.contains("[0.00, 0.00]"))
        let markdown = try NotebookJSON.markdown(NotebookExporter.notebook(for: result))
        #expect(markdown.contains("| n/a | neither finishes within the horizon (2036) |"))
        // The scenario that finishes against a base that never does: an upper bound, said so.
        #expect(table.contains("≤-1.50") && table.contains("base not finished within the horizon (2036)"))
        #expect(markdown.contains("≤ -1.50 | -2.00 to -1.00; the base does not finish within the horizon (2036): an upper bound |"))
    }
}
