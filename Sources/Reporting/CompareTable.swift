import ClearanceModel
/// The side-by-side table `clearcast compare` prints.
public enum CompareTable {
    public static func render(_ r: CompareResult) -> String {
        // Long names would make the table too wide for a terminal: number the columns and list the names.
        let names = r.scenarios.map(\.scenario)
        let numbered = names.contains { $0.count > 18 }
        var rows = [[""] + (numbered ? names.indices.map { "#\($0 + 1)" } : names)]
        func add(_ label: String, _ value: (SimulationResult) -> String) { rows.append([label] + r.scenarios.map(value)) }
        add("completion P50 (P10-P90)") { range($0.completion.overall) }
        for type in ["AP", "AV", "CM", "UXO"] where r.scenarios.contains(where: { $0.completion.byType[type] != nil }) {
            add("  \(SimulationTable.typeName(type))") { $0.completion.byType[type].map(range) ?? "-" }
        }
        for year in r.scenarios.first.map(releaseYears) ?? [] {
            add("released by end of \(year), ha") { result in
                released(result, byEndOf: year).map { TextFormat.number($0 / 10_000, 0) } ?? "-"
            }
        }
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
                if neitherFinishes(d, in: r) {
                    // Both sides count as the horizon in every replication: a difference of 0 would
                    // read as "no change" when the comparison says nothing.
                    diff.append([label, "\(d.metric) (\(d.units))", "n/a", "neither finishes within the horizon"])
                    continue
                }
                diff.append([label, "\(d.metric) (\(d.units))", signed(d.mean),
                             "[\(signed(d.p5)), \(signed(d.p95))]"])
            }
            lines.append(TextFormat.table(diff))
            lines.append("(completion times of replications unfinished at the horizon count as the horizon)")
        }
        return lines.joined(separator: "\n")
    }

    /// Whether `d` is a completion difference where no replication of the scenario nor of the base
    /// finishes within the horizon (the paired differences are then all 0 by construction).
    static func neitherFinishes(_ d: CompareResult.Difference, in r: CompareResult) -> Bool {
        guard d.metric.hasPrefix("completion_") else { return false }
        let code = String(d.metric.dropFirst("completion_".count))
        func finished(_ name: String) -> Double? {
            guard let result = r.scenarios.first(where: { $0.scenario == name }) else { return nil }
            return code == "all" ? result.completion.overall.finishedShare : result.completion.byType[code]?.finishedShare ?? 0
        }
        return finished(d.scenario) == 0 && finished(r.base) == 0
    }

    static func range(_ q: DateQuantiles) -> String {
        guard let p50 = q.p50Date else { return "after horizon" }
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
