import SensitivityAnalysis

// MARK: - SensitivityTable

/// The text `clearcast sensitivity` prints: the design, the inputs, then per output the inputs
/// ranked by the method's measure (swing one at a time, μ* for Morris, the total index for Sobol).
///
/// ```text
/// Sensitivity of CLI fixture: Morris elementary effects, 10 trajectories on a 4-level grid
/// (30 points and the baseline), 20 replications per point (common random numbers), seed 11
///
/// Completion, AP: median years from the start (baseline 2.41 years)
/// input               μ* (years)  μ (years)  σ (years)
/// manual teams             1.21      -1.21       0.33
/// ts_reduce_share          0.08      -0.05       0.10
/// ```
public enum SensitivityTable {
    public static func render(_ r: SensitivityResult) -> String {
        var lines = ["Sensitivity of \(r.scenario): \(methodSummary(r)), \(r.replications) replications per point "
            + "(common random numbers), seed \(r.provenance.seed.map(String.init) ?? "-")", ""]
        lines.append(leftAligned([["input", "field", "varied over"]] + r.inputs.map { [$0.label, fields($0), variation($0)] }))
        for (j, output) in r.outputs.enumerated() {
            lines += ["", "\(title(output)) (baseline \(number(output.baseline, output)) \(output.units)); inputs by \(measure(r.method))"]
            var rows = [header(r, output)]
            for i in ranking(r, output: j) { rows.append(row(r, output, input: i)) }
            lines.append(TextFormat.table(rows))
            if output.censored || staysAtHorizon(r, output: j) {
                lines.append(censoredNote)
            } else if isConstant(r, output: j) {
                lines.append(constantNote)
            }
        }
        lines.append("")
        lines.append(footnote(r))
        return lines.joined(separator: "\n")
    }

    /// What the table prints under a censored output.
    static let censoredNote = "Note: completion is the horizon at most points: the inputs' effect on it is understated; raise horizon_years."

    /// What the table prints under an output no input moves.
    static let constantNote = "Note: this output is the same at every design point: no input moves it within its range."

    /// Whether output `j` has one value at every point and at the baseline (so every index is 0).
    static func isConstant(_ r: SensitivityResult, output j: Int) -> Bool {
        guard r.outputs.indices.contains(j) else { return false }
        let baseline = r.outputs[j].baseline
        return r.points.allSatisfy { j < $0.outputs.count && $0.outputs[j] == baseline }
    }

    /// Whether completion output `j` is the horizon at every point: censored whatever the result's
    /// flag says (the inputs may well move it, beyond the horizon).
    static func staysAtHorizon(_ r: SensitivityResult, output j: Int) -> Bool {
        guard r.outputs.indices.contains(j), r.outputs[j].name.hasPrefix("completion_years"), isConstant(r, output: j) else { return false }
        // Completion is in years of 365.25 days; the horizon's last day falls within a few days of it.
        return r.outputs[j].baseline >= Double(r.horizonYears) - 0.01
    }

    /// "Morris elementary effects, 10 trajectories on a 4-level grid (30 points and the baseline)".
    static func methodSummary(_ r: SensitivityResult) -> String {
        let points = "\(r.points.count) points"
        switch r.method {
        case "oat": return "one at a time, each input at its low and high end (\(points) and the baseline)"
        case "morris":
            return "Morris elementary effects, \(r.samples ?? 0) trajectories on a \(r.levels ?? 4)-level grid (\(points) and the baseline)"
        case "sobol": return "Sobol indices, \(r.samples ?? 0) base samples in Saltelli's design (\(points) and the baseline)"
        default: return r.method
        }
    }

    /// The measure inputs are ranked by, for a heading: "swing", "μ*", "total index".
    static func measure(_ method: String) -> String {
        switch method {
        case "oat": "swing"
        case "morris": "μ*"
        default: "total index"
        }
    }

    /// Input indices by decreasing measure for output `j` (ties and non-finite values keep input order).
    static func ranking(_ r: SensitivityResult, output j: Int) -> [Int] {
        guard r.outputs.indices.contains(j) else { return [] }
        let output = r.outputs[j]
        let measures: [Double] = switch r.method {
        case "oat": (output.oneAtATime ?? []).map(\.swing)
        case "morris": (output.morris ?? []).map(\.muStar)
        default: (output.sobol ?? []).map(\.total)
        }
        let key = { (i: Int) in i < measures.count && measures[i].isFinite ? measures[i] : -Double.infinity }
        return r.inputs.indices.sorted { key($0) != key($1) ? key($0) > key($1) : $0 < $1 }
    }

    /// "Completion, Anti-personnel (AP): median years from the start".
    static func title(_ output: SensitivityResult.Output) -> String {
        let (name, quantity) = parts(output)
        return name + ": " + quantity
    }

    /// What the output is ("Completion, Anti-personnel (AP)") and which statistic of the forecast.
    static func parts(_ output: SensitivityResult.Output) -> (name: String, quantity: String) {
        switch output.name {
        case "completion_years": return ("Completion, all hazardous land", "median years from the start")
        case "civilian_casualties": return ("Civilian casualties", "mean expected over the horizon")
        case "cost": return ("Cost", "mean total over the horizon")
        case "remaining_km2": return ("Hazardous area left at the horizon", "mean")
        default:
            let code = output.name.split(separator: ".").last.map(String.init) ?? output.name
            return ("Completion, \(ReportText.typeLabel(code))", "median years from the start")
        }
    }

    /// The output on a chart axis, with its units: "Median completion, years from the start".
    static func axisLabel(_ output: SensitivityResult.Output) -> String {
        switch output.name {
        case "civilian_casualties": "Mean expected civilian casualties"
        case "cost": "Mean total cost, \(output.units)"
        case "remaining_km2": "Mean hazardous area left at the horizon, \(output.units)"
        default: "Median completion, years from the start"
        }
    }

    /// An input's name for a chart row of about `limit` characters: its label, or when the label is the
    /// path (no label: given), the path's end, where the field's name is ("…land_release.ts_reduce_share").
    static func chartLabel(_ input: SensitivityResult.Input, limit: Int = 26) -> String {
        guard input.label == input.path, input.label.count > limit else { return input.label }
        return "…" + input.label.suffix(limit - 1)
    }

    /// "range 1 to 4 (whole)", "scale ×0.7 to ×1.3".
    static func variation(_ input: SensitivityResult.Input) -> String {
        let low = input.value(at: 0), high = input.value(at: 1)
        return input.variation == "scale" ? "scale \(low) to \(high)" + (input.whole == true ? " (rounded to whole)" : "")
            : "range \(low) to \(high)" + (input.whole == true ? " (whole)" : "")
    }

    private static func header(_ r: SensitivityResult, _ output: SensitivityResult.Output) -> [String] {
        let u = " (\(output.units))"
        switch r.method {
        case "oat": return ["input", "at low end" + u, "at high end" + u, "swing" + u]
        case "morris": return ["input", "μ*" + u, "μ" + u, "σ" + u]
        default: return ["input", "total index", "95% interval", "first-order", "95% interval"]
        }
    }

    private static func row(_ r: SensitivityResult, _ output: SensitivityResult.Output, input i: Int) -> [String] {
        let label = r.inputs[i].label
        switch r.method {
        case "oat":
            guard let e = output.oneAtATime?[safe: i] else { return [label] }
            return [label, number(e.low, output), number(e.high, output), number(e.swing, output)]
        case "morris":
            guard let e = output.morris?[safe: i] else { return [label] }
            return [label, number(e.muStar, output), number(e.mu, output), number(e.sigma, output)]
        default:
            guard let e = output.sobol?[safe: i] else { return [label] }
            return [label, TextFormat.number(e.total, 2), "[\(TextFormat.number(e.totalLower, 2)), \(TextFormat.number(e.totalUpper, 2))]",
                    TextFormat.number(e.first, 2), "[\(TextFormat.number(e.firstLower, 2)), \(TextFormat.number(e.firstUpper, 2))]"]
        }
    }

    /// A value in the output's units, with decimals for the size of the output (its baseline): years
    /// and casualties to 2, money to whole units with thousands separated.
    static func number(_ value: Double, _ output: SensitivityResult.Output) -> String {
        let decimals = switch abs(output.baseline) {
        case 1_000...: 0
        case 100...: 1
        case 0.1...: 2
        case 0: 2
        default: 4
        }
        return Fixed.grouped(value, decimals: decimals)
    }

    /// Columns padded to the widest cell, all left-aligned (names and paths, not numbers).
    static func leftAligned(_ rows: [[String]]) -> String {
        var widths: [Int] = []
        for row in rows {
            for (i, cell) in row.enumerated() {
                if i == widths.count { widths.append(0) }
                widths[i] = max(widths[i], cell.count)
            }
        }
        return rows.map { row in
            row.enumerated().map { i, cell in i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count) }
                .joined(separator: "  ")
        }.joined(separator: "\n")
    }

    private static func footnote(_ r: SensitivityResult) -> String {
        switch r.method {
        case "oat":
            return "(swing: how far the output moves between the input's ends, the others as written; "
                + "it misses interactions: try --method morris)"
        case "morris":
            return "(μ*: mean absolute change of the output when the input crosses its whole range, its influence; "
                + "μ: the same with signs, its direction; σ: how much that change varies, a sign of interactions or curvature)"
        default:
            return "(total index: share of the output's variance the input accounts for, interactions included; "
                + "first-order: alone; 95% bootstrap intervals; an index whose interval includes 0 may be noise)"
        }
    }

    /// The input's field, and how many more move with it: `simulation.teams[name=survey].count (+9 more)`.
    static func fields(_ input: SensitivityResult.Input) -> String {
        let more = (input.paths?.count ?? 1) - 1
        return more > 0 ? "\(input.path) (+\(more) more)" : input.path
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
