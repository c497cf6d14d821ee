import ClearanceModel
/// The side-by-side table `clearcast compare` prints.
public enum CompareTable {
    public static func render(_ r: CompareResult) -> String {
        // Long names would make the table too wide for a terminal: number the columns and list the names.
        let names = r.scenarios.map(\.scenario)
        let numbered = names.contains { $0.count > 18 }
        var rows = [[""] + (numbered ? names.indices.map { "#\($0 + 1)" } : names)]
        func add(_ label: String, _ value: (SimulationResult) -> String) { rows.append([label] + r.scenarios.map(value)) }
        add("completion P50 (P10-P90)") { range($0.completion.overall, $0) }
        for type in ["AP", "AV", "CM", "UXO"] where r.scenarios.contains(where: { $0.completion.byType[type] != nil }) {
            add("  \(SimulationTable.typeName(type))") { result in result.completion.byType[type].map { range($0, result) } ?? "-" }
        }
        for year in r.scenarios.first.map(releaseYears) ?? [] {
            add("released by end of \(year), ha") { result in
                released(result, byEndOf: year).map { TextFormat.number($0 / 10_000, 0) } ?? "-"
            }
        }
        add("hazardous at horizon end, ha") { result in result.yearly.last.map { TextFormat.number($0.remaining.p50 / 10_000, 0) } ?? "-" }
        add("civilian casualties expected") { TextFormat.number($0.casualties.civilianExpected.mean, 1) }
        add("  averted vs no clearance") { TextFormat.number($0.casualties.civilianAverted.mean, 1) }
        add("team-years") { TextFormat.number($0.teamYears.mean, 0) }
        if r.scenarios.contains(where: { $0.cost != nil }) {
            add("cost, millions") { $0.cost.map { TextFormat.number($0.total.mean / 1e6, 1) + " " + $0.currency } ?? "-" }
        }
        var lines = ["Scenario comparison (common random numbers, \(r.scenarios.first?.replications ?? 0) replications each)", ""]
        if numbered { lines += names.enumerated().map { "  #\($0.offset + 1)  \($0.element)" } + [""] }
        lines.append(TextFormat.table(rows))
        if !r.differences.isEmpty {
            lines += ["", "Difference from \(r.base) (paired by replication: mean, 90% interval)"]
            var diff = [["scenario", "metric", "mean", "90% interval"]]
            for d in r.differences {
                let label = numbered ? (names.firstIndex(of: d.scenario).map { "#\($0 + 1)" } ?? d.scenario) : d.scenario
                let interval = "[\(signed(d.p5)), \(signed(d.p95))]"
                guard let unfinished = unfinished(d, in: r) else {
                    diff.append([label, "\(d.metric) (\(d.units))", signed(d.mean), interval])
                    continue
                }
                // A side that never finishes counts as the horizon in every replication: the
                // difference is a bound, and with both sides unfinished a 0 would read as "no
                // change" when the comparison says nothing.
                let within = withinHorizon(unfinished.horizonYear)
                switch unfinished.side {
                case .neither: diff.append([label, "\(d.metric) (\(d.units))", "n/a", "neither finishes \(within)"])
                case .scenario: diff.append([label, "\(d.metric) (\(d.units))", "≥" + signed(d.mean), "\(interval) scenario not finished \(within)"])
                case .base: diff.append([label, "\(d.metric) (\(d.units))", "≤" + signed(d.mean), "\(interval) base not finished \(within)"])
                }
            }
            lines.append(TextFormat.table(diff))
            lines.append("(completion times of replications unfinished at the horizon count as the horizon)")
        }
        return lines.joined(separator: "\n")
    }

    /// A completion difference with a side that finishes in no replication within the horizon.
    struct Unfinished: Equatable {
        enum Side: Equatable { case neither, scenario, base }
        var side: Side
        /// The calendar year of the horizon's last day of the unfinished side (the base's when both).
        var horizonYear: Int?
    }

    /// Which side of completion difference `d` never finishes within the horizon (the paired
    /// differences then count it as the horizon: a bound, or all 0 when neither finishes); nil for
    /// other metrics and when both sides finish in some replication.
    static func unfinished(_ d: CompareResult.Difference, in r: CompareResult) -> Unfinished? {
        guard d.metric.hasPrefix("completion_") else { return nil }
        let code = String(d.metric.dropFirst("completion_".count))
        func result(_ name: String) -> SimulationResult? { r.scenarios.first { $0.scenario == name } }
        func never(_ result: SimulationResult?) -> Bool {
            guard let result else { return false }
            return (code == "all" ? result.completion.overall.finishedShare : result.completion.byType[code]?.finishedShare ?? 0) == 0
        }
        let scenario = result(d.scenario), base = result(r.base)
        let year = { (s: SimulationResult?) in s.flatMap { ReportText.horizonLastYear(start: $0.startDate, horizonYears: $0.horizonYears) } }
        switch (never(scenario), never(base)) {
        case (true, true): return Unfinished(side: .neither, horizonYear: year(base))
        case (true, false): return Unfinished(side: .scenario, horizonYear: year(scenario))
        case (false, true): return Unfinished(side: .base, horizonYear: year(base))
        case (false, false): return nil
        }
    }

    /// "within the horizon (2050)".
    static func withinHorizon(_ year: Int?) -> String {
        year.map { "within the horizon (\($0))" } ?? "within the horizon"
    }

    /// "2037-05 (2036-11-2038-02)", or "not within horizon (2050)" when the P50 falls after it.
    static func range(_ q: DateQuantiles, _ r: SimulationResult) -> String {
        guard let p50 = q.p50Date else { return ReportText.notWithinHorizon(start: r.startDate, horizonYears: r.horizonYears) }
        return "\(p50.prefix(7)) (\(q.p10Date.map { String($0.prefix(7)) } ?? "?")-\(q.p90Date.map { String($0.prefix(7)) } ?? "after"))"
    }

    /// The calendar years the table shows released area for: the 1st, 3rd and 5th full calendar
    /// years of the horizon, as the `released_by_end_of_<year>` differences
    /// (``ClearanceForecast/defaultReleaseYears``).
    static func releaseYears(_ r: SimulationResult) -> [Int] {
        let full = r.yearly.filter { !$0.partial }.map(\.year)
        return [0, 2, 4].filter { $0 < full.count }.map { full[$0] }
    }

    /// Area released from the start date to 31 December of `year` in the median replication of the
    /// remaining area; nil when the horizon does not reach that 31 December.
    static func released(_ r: SimulationResult, byEndOf year: Int) -> Double? {
        guard let k = r.yearly.firstIndex(where: { $0.year == year }), k < r.yearly.count - 1 || !r.yearly[k].partial else {
            return nil
        }
        return r.initialArea.total - r.yearly[k].remaining.p50
    }

    static func signed(_ value: Double) -> String {
        let text = TextFormat.number(value, abs(value) < 10 ? 2 : 0)
        return value > 0 ? "+" + text : text
    }
}
