import SensitivityAnalysis

// MARK: - Sensitivity section

extension NotebookExporter {
    /// Outputs drawn as charts; the others are in the JSON and the text table.
    static let sensitivityChartedOutputs = 6

    /// A `clearcast sensitivity` result: the method and the inputs, then per output (at most
    /// ``sensitivityChartedOutputs``) the inputs ranked by the method's measure, a table and the
    /// method's chart (tornado, Morris μ*–σ or Sobol bars), how to redo the analysis from the JSON,
    /// and the provenance.
    static func appendSensitivity(_ result: SensitivityResult, to document: inout NotebookDocument, heading: String) {
        document.markdown(sensitivitySummary(result, heading: heading))
        document.code(sensitivityHelpersSource, svg: nil, description: "")
        for (j, output) in result.outputs.enumerated().prefix(sensitivityChartedOutputs) {
            var text = "\(heading)# \(Markdown.escape(SensitivityTable.title(output)))\n\n" + sensitivityLead(result, output: j)
            if output.censored || SensitivityTable.staysAtHorizon(result, output: j) {
                text += "\n\n**Censored:** completion is the horizon (\(result.horizonYears) years) at most points, so the "
                    + "inputs' effect on it is understated; raise `simulation.horizon_years` and run again."
            }
            document.markdown(text + "\n\n" + sensitivityTable(result, output: j))
            let chart = sensitivityChart(result, output: j)
            document.code(chart.source, svg: chart.svg, description: chart.description)
        }
        if result.outputs.count > sensitivityChartedOutputs {
            // (Names are validated: one of SensitivityOutput.names, safe in a code span.)
            let rest = result.outputs.dropFirst(sensitivityChartedOutputs).map { "`\($0.name)`" }
            document.markdown("The other outputs (\(rest.joined(separator: ", "))) are in the result JSON and in the table "
                + "`clearcast sensitivity` printed; the helpers above draw them too.")
        }
        document.markdown(sensitivityRedoMarkdown(result, heading: heading))
        document.code(sensitivityRedoSource(result), svg: nil, description: "")
        document.markdown(provenanceMarkdown(result.provenance, heading: heading))
    }

    // MARK: Prose and tables

    private static func sensitivitySummary(_ r: SensitivityResult, heading: String) -> String {
        var text = "\(heading) Sensitivity of \(Markdown.escape(r.scenario))\n\n"
            + "**Design:** \(Markdown.escape(SensitivityTable.methodSummary(r))). Every point is a forecast of "
            + "\(r.replications) replications with the same random numbers (seed \(r.provenance.seed.map(String.init) ?? "not set")), "
            + "so differences between points come from the inputs, not from chance.\n\n"
            + sensitivityMethodText(r.method) + "\n\n"
            + Markdown.table(["Input", "Field (`--set` path)", "Varied over"], r.inputs.map {
                [Markdown.escape($0.label), Markdown.escape(($0.paths ?? [$0.path]).joined(separator: ", ")), Markdown.escape(SensitivityTable.variation($0))]
            })
        text += "\n\n**Outputs:** " + r.outputs.map {
            "\(Markdown.escape(SensitivityTable.title($0))) (\(Markdown.escape($0.units)); baseline "
                + "\(Markdown.escape(SensitivityTable.number($0.baseline, $0))))"
        }.joined(separator: "; ") + "."
        if !r.notes.isEmpty { text += "\n\n" + r.notes.map { "- " + Markdown.escape($0) }.joined(separator: "\n") }
        return text
    }

    private static func sensitivityMethodText(_ method: String) -> String {
        switch method {
        case "oat":
            return "**One at a time:** each input is set to its low and then its high end while the others stay as the "
                + "scenario writes them. The *swing* is how far the output moves between the two ends. It is quick and "
                + "easy to read, but it misses interactions (an input that matters only when another is high): Morris "
                + "screening (`--method morris`) finds those."
        case "morris":
            return "**Morris screening:** random paths move one input at a time across its range; each move gives an "
                + "*elementary effect* (the change of the output, per the input's whole range). *μ\\** is their mean "
                + "size: the input's influence. *μ* keeps the signs: its direction. *σ* is their spread: a large σ "
                + "(above the line σ = μ\\*) means the effect depends on the other inputs or is not linear. Inputs near "
                + "the origin can be fixed at any value in their range."
        default:
            return "**Sobol indices:** the share of the output's variance, over the inputs' ranges (uniform), that each "
                + "input accounts for: *first-order* alone, *total* with all its interactions. Totals near 0 mark inputs "
                + "that do not matter; a total well above the first-order index marks interactions. Intervals are 95% "
                + "bootstrap intervals over the base samples; with few samples they are wide, and an estimate may fall "
                + "below 0 or above 1."
        }
    }

    /// One sentence on the input that moves the output most.
    private static func sensitivityLead(_ r: SensitivityResult, output j: Int) -> String {
        let output = r.outputs[j]
        guard let top = SensitivityTable.ranking(r, output: j).first else { return "" }
        if SensitivityTable.staysAtHorizon(r, output: j) {
            return "Completion is the horizon at every design point: at none do half of the replications finish within "
                + "\(r.horizonYears) years, so this run cannot tell which input moves it."
        }
        if SensitivityTable.isConstant(r, output: j) {
            return "This output is the same at every design point (\(Markdown.escape(SensitivityTable.number(output.baseline, output))) "
                + "\(Markdown.escape(output.units))): no input moves it within its range."
        }
        let input = r.inputs[top], name = "**\(Markdown.escape(input.label))**"
        let units = Markdown.escape(output.units)
        func n(_ value: Double) -> String { Markdown.escape(SensitivityTable.number(value, output)) }
        switch r.method {
        case "oat":
            guard let e = output.oneAtATime?[safe: top] else { return "" }
            return "Ranked by swing. \(name) moves it most: \(n(e.low)) \(units) at \(Markdown.escape(input.value(at: 0))), "
                + "\(n(e.high)) \(units) at \(Markdown.escape(input.value(at: 1))) (baseline \(n(output.baseline)) \(units))."
        case "morris":
            guard let e = output.morris?[safe: top] else { return "" }
            return "Ranked by μ\\*. \(name) has the largest: crossing its range changes the output by \(n(e.muStar)) "
                + "\(units) on average (μ \(n(e.mu)), σ \(n(e.sigma)))."
        default:
            guard let e = output.sobol?[safe: top] else { return "" }
            return "Ranked by total index. \(name) accounts for the largest share of the variance: total "
                + "\(Fixed.format(e.total, decimals: 2)) (95% interval \(Fixed.format(e.totalLower, decimals: 2))–"
                + "\(Fixed.format(e.totalUpper, decimals: 2))), first-order \(Fixed.format(e.first, decimals: 2))."
        }
    }

    private static func sensitivityTable(_ r: SensitivityResult, output j: Int) -> String {
        let output = r.outputs[j], units = " (\(Markdown.escape(output.units)))"
        func n(_ value: Double) -> String { SensitivityTable.number(value, output) }
        func i(_ value: Double) -> String { Fixed.format(value, decimals: 2) }
        let rows = SensitivityTable.ranking(r, output: j).map { k -> [String] in
            let label = Markdown.escape(r.inputs[k].label)
            switch r.method {
            case "oat":
                guard let e = output.oneAtATime?[safe: k] else { return [label] }
                return [label, "\(n(e.low)) at \(Markdown.escape(r.inputs[k].value(at: 0)))",
                        "\(n(e.high)) at \(Markdown.escape(r.inputs[k].value(at: 1)))", n(e.swing)]
            case "morris":
                guard let e = output.morris?[safe: k] else { return [label] }
                return [label, n(e.muStar), n(e.mu), n(e.sigma)]
            default:
                guard let e = output.sobol?[safe: k] else { return [label] }
                return [label, i(e.total), "\(i(e.totalLower))–\(i(e.totalUpper))", i(e.first), "\(i(e.firstLower))–\(i(e.firstUpper))"]
            }
        }
        switch r.method {
        case "oat": return Markdown.table(["Input", "Low end" + units, "High end" + units, "Swing" + units], rows, alignRight: [1, 2, 3])
        case "morris": return Markdown.table(["Input", "μ\\*" + units, "μ" + units, "σ" + units], rows, alignRight: [1, 2, 3])
        default: return Markdown.table(["Input", "Total index", "95% interval", "First-order", "95% interval"], rows,
                                       alignRight: [1, 2, 3, 4])
        }
    }

    private static func sensitivityRedoMarkdown(_ r: SensitivityResult, heading: String) -> String {
        let how = switch r.method {
        case "oat": "One at a time, `points` lists each input at its low then its high end (`input`, `end`) with the "
            + "outputs there; the baseline is each output's `baseline`."
        case "morris": "`points` holds the \(r.samples ?? 0) trajectories of \(r.inputs.count + 1) points each, in order, "
            + "as positions in the inputs' ranges (0 the low end, 1 the high end); SALib's `morris.analyze` with bounds "
            + "[0, 1] and `num_levels=\(r.levels ?? 4)` gives the same μ\\*, μ and σ."
        default: "`points` holds Saltelli's design in order (per base sample: A, A with column i from B for each input, "
            + "then B), as positions in the inputs' ranges; SALib's `sobol.analyze` with bounds [0, 1] and "
            + "`calc_second_order=False` gives the same indices (its bootstrap intervals differ in their random draws)."
        }
        return "\(heading)# Redoing the analysis\n\n" + how + " A position u stands for the value LOW + u × (HIGH − LOW) "
            + "(rounded for whole-valued ranges; a factor for `scale` inputs). The next cell puts the points in a "
            + "table and, when SALib is installed, redoes the analysis of the first output."
    }
}
