import ClearcastDomain
import Foundation

/// Released area and casualties as a programme reported them, period by period: what
/// `clearcast calibrate` fits.
///
/// The file is the CSV of a backtest (`scenarios/karabakh/backtest-observed.csv`): a header row,
/// then one row per figure, with at least the columns `period_start, period_end, metric, value`
/// (dates `YYYY-MM-DD`, the end inclusive). Rows whose metric is one of ``Metric`` are fitted;
/// others (all victims together, plans) are left out and counted. Optional columns:
///
/// - `unit`: `ha` (the default), `km2` or `m2` for areas; `people` (the default) for casualties;
/// - `type`: a contamination type (`AP`, `AV`, `UXO`, `CM`) for a `released_area` reported by type;
/// - `relative_error`: the row's own reporting error (0.05 = ±5 %), instead of `--observation-error`.
///
/// ```csv
/// period_start,period_end,metric,value,unit,type
/// 2022-01-01,2022-12-31,released_area,41915,ha,
/// 2023-01-01,2023-12-31,cancelled_area,120,km2,
/// 2023-01-01,2023-12-31,released_area,9000,ha,UXO
/// ```
public struct ObservedSeries: Sendable, Equatable {
    /// What a row measures; the names are the CSV's `metric` values.
    public enum Metric: String, Sendable, Equatable, Codable, CaseIterable {
        /// Land released in the period by any method (cancelled, reduced or cleared).
        case releasedArea = "released_area"
        /// Land cancelled by non-technical survey.
        case cancelledArea = "cancelled_area"
        /// Land reduced by technical survey.
        case reducedArea = "reduced_area"
        /// Land cleared (clearance and battle-area clearance).
        case clearedArea = "cleared_area"
        /// Civilian casualties (killed and injured) of explosive ordnance, not deminers.
        case civilianCasualties = "civilian_casualties"
        /// Deminers killed or injured in accidents at work.
        case deminerCasualties = "deminer_casualties"

        /// True for the casualty metrics (counts of people, not areas).
        public var isCasualties: Bool { self == .civilianCasualties || self == .deminerCasualties }
        /// The unit figures are shown in: `ha` for areas, `people` for casualties.
        public var unit: String { isCasualties ? "people" : "ha" }
        /// The stored value (m² or people) per display unit.
        public var displayScale: Double { isCasualties ? 1 : 10_000 }
    }

    public struct Row: Sendable, Equatable {
        /// Line of the file (1 = header), for messages.
        public var line: Int
        public var periodStart: CivilDate
        /// Inclusive.
        public var periodEnd: CivilDate
        public var metric: Metric
        /// Only for `released_area`: the figure covers one contamination type.
        public var type: ContaminationType?
        /// The figure: m² for an area, people for casualties.
        public var value: Double
        /// The row's own relative reporting error, when the file gives one.
        public var relativeError: Double?
        public var source: String
    }

    public var path: String
    public var rows: [Row]
    /// Rows left out because their metric is not one calibration fits (casualties, plans).
    public var ignoredRows: Int

    /// A problem in the file, naming its line and field.
    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var line: Int
        public var field: String?
        public var reason: String
        public var description: String { "\(path):\(line)\(field.map { ": \($0)" } ?? ""): \(reason)" }
    }

    /// Reads the file at `path`.
    ///
    /// - Throws: ``ParseError`` for a file that cannot be read, or see ``parse(_:path:)``.
    public static func read(path: String) throws -> ObservedSeries {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ParseError(path: path, line: 0, field: nil, reason: "cannot be read (missing, not a file or not UTF-8); expected a CSV of observed figures")
        }
        return try parse(text, path: path)
    }

    /// Parses CSV text; `path` only names it in errors.
    ///
    /// - Throws: ``ParseError`` for an empty file, missing columns, a date, number, unit or type that
    ///   cannot be read, an end before its start, a type on a metric other than `released_area`, the
    ///   same figure twice, or no row to fit.
    public static func parse(_ text: String, path: String) throws -> ObservedSeries {
        let records = CSVRecords.rows(text)
        guard let header = records.first?.fields.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) else {
            throw ParseError(path: path, line: 1, field: nil, reason: "empty file; expected a header row with period_start, period_end, metric, value")
        }
        let column = { (name: String) -> Int? in header.firstIndex(of: name) }
        let required = ["period_start", "period_end", "metric", "value"]
        let missing = required.filter { column($0) == nil }
        guard missing.isEmpty, let startColumn = column("period_start"), let endColumn = column("period_end"),
              let metricColumn = column("metric"), let valueColumn = column("value") else {
            throw ParseError(path: path, line: records.first?.line ?? 1, field: nil,
                             reason: "missing column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")); expected a header with \(required.joined(separator: ", ")) (and optionally unit, type, relative_error)")
        }
        var rows: [Row] = [], ignored = 0
        var seen: [String: Int] = [:]
        for (line, record) in records.dropFirst() {
            let cell = { (column: Int?) -> String in
                guard let column, column < record.count else { return "" }
                return record[column].trimmingCharacters(in: .whitespaces)
            }
            let metricText = cell(metricColumn)
            guard let metric = Metric(rawValue: metricText) else {
                ignored += 1
                continue
            }
            let fail = { (field: String, reason: String) in ParseError(path: path, line: line, field: field, reason: reason) }
            guard let start = date(cell(startColumn)) else {
                throw fail("period_start", "found '\(cell(startColumn))'; expected a date YYYY-MM-DD")
            }
            guard let end = date(cell(endColumn)) else {
                throw fail("period_end", "found '\(cell(endColumn))'; expected a date YYYY-MM-DD")
            }
            guard end >= start else { throw fail("period_end", "found \(end), before period_start \(start); expected an end on or after the start") }
            guard let value = Double(cell(valueColumn)), value.isFinite, value >= 0 else {
                throw fail("value", "found '\(cell(valueColumn))'; expected a number ≥ 0")
            }
            let unitText = cell(column("unit")).lowercased()
            let scale: Double
            switch (unitText, metric.isCasualties) {
            case ("", false), ("ha", false): scale = 10_000
            case ("km2", false), ("km²", false): scale = 1_000_000
            case ("m2", false), ("m²", false): scale = 1
            case ("", true), ("people", true), ("casualties", true): scale = 1
            case (_, false): throw fail("unit", "found '\(unitText)' on \(metric.rawValue); expected ha, km2 or m2")
            case (_, true): throw fail("unit", "found '\(unitText)' on \(metric.rawValue); expected people (a count of casualties)")
            }
            let typeText = cell(column("type"))
            var type: ContaminationType?
            if !typeText.isEmpty {
                guard let parsed = ContaminationType(rawValue: typeText.uppercased()) else {
                    throw fail("type", "found '\(typeText)'; expected one of \(ContaminationType.allCases.map(\.rawValue).joined(separator: ", ")) or empty (all types)")
                }
                guard metric == .releasedArea else {
                    throw fail("type", "found \(parsed.rawValue) on \(metric.rawValue); the simulator reports methods for all types together, so a type goes with released_area only")
                }
                type = parsed
            }
            let errorText = cell(column("relative_error"))
            var relativeError: Double?
            if !errorText.isEmpty {
                guard let e = Double(errorText), e.isFinite, e > 0, e < 10 else {
                    throw fail("relative_error", "found '\(errorText)'; expected a number > 0 (0.05 = ±5 %)")
                }
                relativeError = e
            }
            let key = "\(start) \(end) \(metric.rawValue) \(type?.rawValue ?? "")"
            if let first = seen[key] {
                throw fail("metric", "the same figure (\(metric.rawValue)\(type.map { " \($0.rawValue)" } ?? ""), \(start) to \(end)) as line \(first); expected each once")
            }
            seen[key] = line
            rows.append(Row(line: line, periodStart: start, periodEnd: end, metric: metric, type: type, value: value * scale,
                            relativeError: relativeError, source: cell(column("source"))))
        }
        guard !rows.isEmpty else {
            throw ParseError(path: path, line: 1, field: "metric",
                             reason: "no row to fit (\(ignored) other row\(ignored == 1 ? "" : "s")); expected rows whose metric is \(Metric.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return ObservedSeries(path: path, rows: rows, ignoredRows: ignored)
    }

    private static func date(_ text: String) -> CivilDate? {
        guard text.count == 10, let date = try? CivilDate(iso: text), date.isValid else { return nil }
        return date
    }
}

/// Minimal RFC 4180 reading: commas, double-quoted fields with doubled quotes, CRLF or LF; `#`
/// lines are not special (a CSV has no comments).
enum CSVRecords {
    /// The records with the line each starts on (blank lines are skipped, not counted out).
    static func rows(_ text: String) -> [(line: Int, fields: [String])] {
        var rows: [(line: Int, fields: [String])] = [], row: [String] = [], field = "", quoted = false, wasQuoted = false
        var line = 1, start = 1
        var characters = Array(text)[...]
        while let c = characters.popFirst() {
            if c == "\n" || c == "\r\n" { line += 1 }
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else { field.append(c) }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !wasQuoted: quoted = true; wasQuoted = true
            case ",": row.append(field); field = ""; wasQuoted = false
            case "\n", "\r\n":
                row.append(field); field = ""; wasQuoted = false
                if !(row.count == 1 && row[0].isEmpty) { rows.append((start, row)) }
                row = []
                start = line
            case "\r": break
            default: field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append((start, row)) }
        return rows
    }
}
