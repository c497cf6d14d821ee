import Foundation

/// The plain-text summary `clearcast score` prints: weights, the top hazards with, per factor, its
/// share of the score, mean value and alone-rank, and validation metrics when present.
public enum ScoreTable {
    public static func render(_ result: ScoreResult, top: Int) -> String {
        var lines: [String] = []
        let scenario = result.provenance.scenarios.first?.name ?? ""
        lines.append("Risk priority: \(scenario)")
        lines.append("grid \(result.grid.columns) x \(result.grid.rows) cells of \(TextFormat.number(result.grid.cellSize, 0)) m (EPSG:\(result.grid.epsg)); "
            + "\(result.incidents.used) incidents used, \(result.incidents.outsideGrid) outside the grid")
        let weights = result.weights.factors.map { "\($0.factor) \(TextFormat.number($0.weight, 3))" }.joined(separator: ", ")
        lines.append("weights (\(result.weights.method)): \(weights)")
        if let ahp = result.weights.ahp {
            lines.append("AHP: lambda_max \(TextFormat.number(ahp.lambdaMax, 4)), CI \(TextFormat.number(ahp.consistencyIndex, 4)), "
                + "CR \(TextFormat.number(ahp.consistencyRatio, 4))\(ahp.acceptedInconsistent ? " (over 0.10, accepted by the scenario)" : "")")
        }
        lines.append("")
        let factors = result.weights.factors.map(\.factor)
        let withEffort = result.hazards.contains { $0.effort != nil }
        let costed = result.hazards.contains { $0.effort?.cost != nil }
        var rows = [["rank", "id", "type", "status", "area ha", "mean", "max"] + factors
            + (withEffort ? ["team-days", "cas/yr", "per 1k td"] + (costed ? ["per 1M"] : []) + ["#effort"] : [])]
        for hazard in result.hazards.prefix(max(0, top)) {
            let cells = factors.map { f in hazard.factors.first { $0.factor == f }.map(factorCell) ?? "" }
            rows.append([String(hazard.rank), hazard.id, hazard.type, hazard.status,
                         TextFormat.number(hazard.areaSquareMetres / 10_000, 1), TextFormat.number(hazard.meanScore, 3),
                         TextFormat.number(hazard.maxScore, 3)] + cells + (withEffort ? effortCells(hazard.effort, costed: costed) : []))
        }
        lines.append(TextFormat.table(rows))
        if withEffort {
            lines.append("effort: expected team-days to release (fielded mix, weather included); civilian casualties a year if left "
                + "(exposure model, not the score); those per 1,000 team-days\(costed ? " and per million of money" : ""); #rank by risk per team-day")
        }
        let complete = result.hazards.allSatisfy { $0.factors.allSatisfy { $0.meanValue != nil && $0.aloneRank != nil } }
        lines.append(complete ? "per factor: share of the mean score, mean normalised value (0 to 1), #rank by that factor alone"
            : "per factor: share of the mean score (\(result.schema) from an older clearcast: no values or alone-ranks)")
        if result.hazards.count > top { lines.append("(\(result.hazards.count - top) more hazard areas in the JSON result)") }
        if let area = result.studyArea {
            lines.append("study area: \(area.includedCells) cells scored and ranked, \(area.excludedCells) outside it left out (nodata in rasters)")
        }
        if let learned = result.learned { lines += learnedLines(learned) }
        if let v = result.validation { lines += validationLines(v) }
        if let outcomes = result.outcomeValidation { lines += outcomeLines(outcomes) }
        return lines.joined(separator: "\n")
    }

    static func effortCells(_ e: ScoreResult.HazardEffort?, costed: Bool) -> [String] {
        guard let e else { return Array(repeating: "", count: costed ? 5 : 4) }
        var cells = [e.teamDays.map { TextFormat.number($0, 0) } ?? "never", TextFormat.number(e.casualtiesPerYear, 3),
                     TextFormat.number(1_000 * e.casualtiesPerYearPerTeamDay, 3)]
        if costed { cells.append(e.casualtiesPerYearPerMillion.map { TextFormat.number($0, 3) } ?? "n/a") }
        return cells + ["#\(e.effortRank)"]
    }

    /// `48% 0.75 #2`: share, mean value and alone-rank (the share alone for older results).
    static func factorCell(_ factor: ScoreResult.HazardFactor) -> String {
        var cell = TextFormat.number(100 * factor.share, 0) + "%"
        if let value = factor.meanValue { cell += " " + TextFormat.number(value, 2) }
        if let alone = factor.aloneRank { cell += " #\(alone)" }
        return cell
    }
}

/// Locale-free number and table formatting for text output.
public enum TextFormat {
    /// `value` with `decimals` digits after the point, never in scientific notation or a locale.
    public static func number(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "n/a" }
        return String(format: "%.\(decimals)f", value)
    }

    /// Left-aligned first column, right-aligned others, padded to the widest cell.
    public static func table(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return i == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
