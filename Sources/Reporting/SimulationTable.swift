import ClearanceModel
/// The plain-text summary `clearcast simulate` prints.
public enum SimulationTable {
    public static func render(_ r: SimulationResult) -> String {
        var lines = ["Clearance forecast: \(r.scenario)",
                     "start \(r.startDate), horizon \(TextFormat.number(r.horizonYears, 0)) years, \(r.replications) replications, policy \(r.policy)", ""]
        var rows = [["completion", "P10", "P50", "P90", "finished"]]
        rows.append(completionRow("all hazardous area", r.completion.overall))
        for type in ["AP", "AV", "CM", "UXO"] {
            if let q = r.completion.byType[type] { rows.append(completionRow(typeName(type), q)) }
        }
        lines.append(TextFormat.table(rows))
        lines.append("")
        let money = r.cost.map { ["cost, million \($0.currency)"] } ?? []
        let hurt = r.yearly.contains { $0.civilianCasualties != nil } ? ["civilian casualties", "deminer casualties"] : []
        var yearly = [["year", "cancelled ha", "reduced ha", "cleared ha", "of which BAC", "remaining ha at year end (P10-P90)"] + money + hurt]
        yearly.append(["start \(r.startDate)", "", "", "", "", ha(r.initialArea.total)] + (money + hurt).map { _ in "" })
        for y in r.yearly {
            yearly.append([ReportText.yearLabel(y), ha(y.cancelled.p50), ha(y.reduced.p50), ha(y.cleared.p50),
                           y.battleAreaCleared.map { ha($0.p50) } ?? "-",
                           "\(ha(y.remaining.p50)) (\(ha(y.remaining.p10))-\(ha(y.remaining.p90)))"]
                + money.map { _ in y.cost.map { TextFormat.number($0.p50 / 1e6, 1) } ?? "-" }
                + (hurt.isEmpty ? [] : [y.civilianCasualties, y.deminerCasualties].map { $0.map { TextFormat.number($0.mean, 1) } ?? "-" }))
        }
        lines.append(TextFormat.table(yearly))
        lines.append("(calendar years; released areas and cost are medians over replications, casualties means)")
        lines.append("")
        let c = r.casualties
        lines.append("civilian casualties expected over the horizon: \(TextFormat.number(c.civilianExpected.p50, 1)) "
            + "(P10-P90 \(TextFormat.number(c.civilianExpected.p10, 1))-\(TextFormat.number(c.civilianExpected.p90, 1))); "
            + "without clearance \(TextFormat.number(c.civilianWithoutClearance, 1)); averted \(TextFormat.number(c.civilianAverted.p50, 1))")
        lines.append("deminer casualties: \(TextFormat.number(c.deminers.mean, 1)) expected from \(TextFormat.number(c.accidents.mean, 1)) accidents")
        let use = r.utilisation.sorted { $0.key < $1.key }.map { "\($0.key) \(TextFormat.number(100 * $0.value, 0))%" }
        lines.append("team utilisation (worked ÷ workable fielded days): " + use.joined(separator: ", "))
        if let down = r.teamsStoodDown, let retrained = r.teamsRetrained, down + retrained > 0 {
            lines.append("teams whose work ran out: \(TextFormat.number(down, 1)) stood down, \(TextFormat.number(retrained, 1)) retrained (means)")
        }
        if let cost = r.cost { lines += costLines(cost) }
        if r.unfinishedReplications > 0 {
            lines.append("\(r.unfinishedReplications) of \(r.replications) replications still had hazardous area at the horizon")
        }
        return lines.joined(separator: "\n")
    }

    static func costLines(_ cost: SimulationResult.Cost) -> [String] {
        let m = { (v: Double) in TextFormat.number(v / 1e6, 1) }
        var lines = ["cost over the horizon: \(m(cost.total.p50)) million \(cost.currency) (P10-P90 \(m(cost.total.p10))-\(m(cost.total.p90)))"]
        if let done = cost.toCompletion, let share = cost.completedShare {
            lines.append("cost to completion: \(m(done.p50)) million (P10-P90 \(m(done.p10))-\(m(done.p90))), "
                + "over the \(TextFormat.number(100 * share, 0))% of replications that released everything")
        } else if cost.toCompletion == nil, cost.completedShare != nil {
            lines.append("cost to completion: not known (no replication released everything within the horizon)")
        }
        let names = [("cancelled", "NTS per m² cancelled"), ("reduced", "TS per m² reduced"), ("cleared", "clearance per m² cleared"),
                     ("battleAreaCleared", "BAC per m² cleared")]
        let perArea = names.compactMap { key, label in cost.perSquareMetre?[key].map { "\(label) \(TextFormat.number($0, 2))" } }
        if !perArea.isEmpty {
            lines.append("direct cost (\(cost.currency)): " + perArea.joined(separator: ", ")
                + (cost.overheadShare.map { "; overhead (travel, standby, retraining) \(TextFormat.number(100 * $0, 0))% of the total" } ?? ""))
        }
        return lines
    }

    static func completionRow(_ name: String, _ q: DateQuantiles) -> [String] {
        [name, q.p10Date ?? "after horizon", q.p50Date ?? "after horizon", q.p90Date ?? "after horizon",
         TextFormat.number(100 * q.finishedShare, 0) + "%"]
    }

    static func typeName(_ code: String) -> String {
        switch code {
        case "AP": "anti-personnel mines"
        case "AV": "anti-vehicle mines"
        case "CM": "cluster munitions"
        case "UXO": "UXO (battle area)"
        default: code
        }
    }

    static func ha(_ squareMetres: Double) -> String { TextFormat.number(squareMetres / 10_000, 0) }
}
