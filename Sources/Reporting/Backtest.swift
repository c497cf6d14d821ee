import ClearanceModel
import ClearcastDomain

/// Simulated released area set beside reported figures, period by period (issue: "say plainly
/// where the model misses").
///
/// Reported figures come as a CSV (`period_start, period_end, metric, value, unit, ..., source`,
/// see `scenarios/karabakh/backtest-observed.csv`); rows whose metric is `released_area` (ha) are
/// compared. The simulation reports releases per calendar year, as the reported figures mostly
/// are, so a reported calendar year is exactly one simulated year. Other periods take the
/// overlap-weighted sum of the years they touch, assuming releases spread evenly within a year
/// (a partial first or last year by the days it covers). Means add exactly; for a period of
/// several years the P10/P90 given are the same weighted sums of yearly P10/P90, a conservative
/// (wider) band rather than exact quantiles of the sum.
public struct Backtest: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var periodStart: String
        public var periodEnd: String
        public var reportedHectares: Double
        public var source: String
        public var simulatedMean: Double
        public var simulatedP10: Double
        public var simulatedP90: Double
        /// True when the period is exactly one simulated (calendar) year, so the simulated figures
        /// are that year's own mean and quantiles rather than a spread over several years.
        public var matchesSimulatedYear: Bool
        /// simulated mean ÷ reported − 1.
        public var relativeError: Double { reportedHectares > 0 ? simulatedMean / reportedHectares - 1 : 0 }
    }

    public var rows: [Row]

    public struct ParseError: Error, CustomStringConvertible {
        public var path: String
        public var line: Int
        public var reason: String
        public var description: String { "\(path):\(line): \(reason)" }
    }

    /// Compares `result` with the `released_area` rows of the CSV text; periods outside the
    /// simulated years are left out.
    public static func compare(_ result: SimulationResult, observedCSV text: String, path: String) throws -> Backtest {
        let records = CSVText.rows(text)
        guard let header = records.first else { throw ParseError(path: path, line: 1, reason: "empty file; expected a header row") }
        let column = { (name: String) -> Int? in header.firstIndex(of: name) }
        guard let startColumn = column("period_start"), let endColumn = column("period_end"), let metricColumn = column("metric"),
              let valueColumn = column("value") else {
            throw ParseError(path: path, line: 1, reason: "expected columns period_start, period_end, metric, value")
        }
        guard let simulationStart = try? CivilDate(iso: result.startDate) else {
            throw ParseError(path: path, line: 1, reason: "the result's start date '\(result.startDate)' is not a date")
        }
        var rows: [Row] = []
        for (index, record) in records.enumerated().dropFirst() where record.count > max(startColumn, endColumn, metricColumn, valueColumn) {
            guard record[metricColumn] == "released_area" else { continue }
            guard let start = try? CivilDate(iso: record[startColumn]), let end = try? CivilDate(iso: record[endColumn]),
                  let value = Double(record[valueColumn]), value.isFinite, value >= 0, end >= start else {
                // Double("nan") and Double("inf") parse: a released area must still be a finite number ≥ 0.
                throw ParseError(path: path, line: index + 1, reason: "expected dates YYYY-MM-DD and a number ≥ 0, found \(record)")
            }
            let from = Double(simulationStart.days(to: start)), to = Double(simulationStart.days(to: end) + 1)
            var mean = 0.0, p10 = 0.0, p90 = 0.0, covered = 0.0, exact = false
            for year in result.yearly {
                guard let first = try? CivilDate(iso: year.firstDate), let last = try? CivilDate(iso: year.lastDate), first <= last else {
                    continue
                }
                let yearStart = Double(simulationStart.days(to: first)), yearEnd = Double(simulationStart.days(to: last) + 1)
                let overlap = max(0, min(to, yearEnd) - max(from, yearStart)) / (yearEnd - yearStart)
                guard overlap > 0 else { continue }
                exact = (yearStart, yearEnd) == (from, to)
                covered += overlap * (yearEnd - yearStart)
                let released = { (q: (Quantiles) -> Double) in q(year.cancelled) + q(year.reduced) + q(year.cleared) }
                mean += overlap * released(\.mean)
                p10 += overlap * released(\.p10)
                p90 += overlap * released(\.p90)
            }
            guard covered >= (to - from) - 1 else { continue }
            let source = column("source").flatMap { $0 < record.count ? record[$0] : nil } ?? ""
            rows.append(Row(periodStart: record[startColumn], periodEnd: record[endColumn], reportedHectares: value,
                            source: source, simulatedMean: mean / 10_000, simulatedP10: p10 / 10_000, simulatedP90: p90 / 10_000,
                            matchesSimulatedYear: exact))
        }
        return Backtest(rows: rows)
    }
}

/// Minimal RFC 4180 reading: commas, double-quoted fields with doubled quotes, CRLF or LF.
enum CSVText {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var iterator = text.makeIterator()
        while let c = iterator.next() {
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; handle(next) }
                    } else { quoted = false }
                } else { field.append(c) }
            } else { handle(c) }
        }
        func handle(_ c: Character) {
            switch c {
            case "\"" where field.isEmpty: quoted = true
            case ",": row.append(field); field = ""
            case "\n", "\r\n": row.append(field); field = ""; if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }; row = []
            case "\r": break
            default: field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
