import Foundation
@testable import Reporting
import Testing

/// `scenarios/karabakh/backtest-observed.csv` cites, for every figure, the entry of `docs/sources.md`
/// that gives it (`sources §3.N`), and that entry states the figure.
@Suite struct ObservedSourcesTests {
    @Test func everyObservedFigureCitesAnEntryThatStatesIt() throws {
        let root = CLIRunner.packageRoot
        let csv = try String(contentsOf: root.appendingPathComponent("scenarios/karabakh/backtest-observed.csv"), encoding: .utf8)
        let sources = try String(contentsOf: root.appendingPathComponent("docs/sources.md"), encoding: .utf8)
        // Entry number → its table row.
        var entries: [String: String] = [:]
        for line in sources.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
            if cells.count > 2 { entries[cells[1].trimmingCharacters(in: .whitespaces)] = String(line) }
        }
        let rows = CSVText.rows(csv)   // as `report --observed` reads it
        let header = try #require(rows.first)
        let column = { (name: String) in try #require(header.firstIndex(of: name)) }
        let (metric, value, unit, source) = (try column("metric"), try column("value"), try column("unit"), try column("source"))
        #expect(rows.count > 10)
        for row in rows.dropFirst() where row.count == header.count {
            let cited = try #require(row[source].firstMatch(of: /^sources §(\d+\.\d+)[;:( ]/), "\(row[metric]): \(row[source])")
            let entry = try #require(entries[String(cited.1)], "\(row[metric]) cites §\(cited.1), which docs/sources.md lacks")
            let number = try #require(Double(row[value]))
            let stated = row[unit] == "share" ? "\(Int((number * 100).rounded())) %" : Self.grouped(number)
            #expect(entry.contains(stated), "§\(cited.1) does not state \(stated) (\(row[metric]))")
        }
    }

    /// 18302 → "18,302"; 53081.8 → "53,081.8".
    static func grouped(_ value: Double) -> String {
        let whole = Int(value.rounded(.down))
        var digits = String(whole), groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        let fraction = value == Double(whole) ? "" : String(String(value).drop { $0 != "." })
        return groups.joined(separator: ",") + fraction
    }
}
