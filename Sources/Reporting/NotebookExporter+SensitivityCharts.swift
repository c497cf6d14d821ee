import SensitivityAnalysis

// MARK: - Sensitivity charts

extension NotebookExporter {
    /// Output `j`'s chart for the result's method, the Python that redraws it, and its text alternative.
    static func sensitivityChart(_ r: SensitivityResult, output j: Int) -> (svg: String, source: String, description: String) {
        let output = r.outputs[j]
        let name = SensitivityTable.parts(output).name, axis = SensitivityTable.axisLabel(output)
        let order = SensitivityTable.ranking(r, output: j)
        func n(_ value: Double) -> String { SensitivityTable.number(value, output) }
        let quoted = { NotebookDocument.quote($0) }
        switch r.method {
        case "oat":
            let title = "\(name): one at a time"
            let rows = order.compactMap { i in
                output.oneAtATime?[safe: i].map {
                    TornadoChart.Row(label: SensitivityTable.chartLabel(r.inputs[i]), low: $0.low, high: $0.high,
                                     lowText: r.inputs[i].value(at: 0), highText: r.inputs[i].value(at: 1))
                }
            }
            let text = zip(order, rows).map { i, row in
                "\(r.inputs[i].label) \(n(row.low)) at \(row.lowText) to \(n(row.high)) at \(row.highText)"
            }
            return (TornadoChart(title: title, xLabel: axis, baseline: output.baseline,
                                 baselineText: n(output.baseline) + " " + output.units, rows: rows).render(),
                    "tornado_chart(\(quoted(output.name)), \(quoted(title)), \(quoted(axis)))",
                    "Tornado chart of \(name) (\(output.units)), baseline \(n(output.baseline)), inputs by swing: "
                        + text.joined(separator: "; "))
        case "morris":
            let title = "\(name): Morris screening"
            let xLabel = "μ*: mean |effect| across the input's range, \(output.units)"
            let yLabel = "σ of the effects, \(output.units)"
            let points = order.compactMap { i in
                output.morris?[safe: i].map {
                    MorrisChart.Point(label: SensitivityTable.chartLabel(r.inputs[i], limit: 30), muStar: $0.muStar, sigma: $0.sigma)
                }
            }
            let text = zip(order, points).map { i, point in "\(r.inputs[i].label) μ* \(n(point.muStar)), σ \(n(point.sigma))" }
            return (MorrisChart(title: title, xLabel: xLabel, yLabel: yLabel, points: points).render(),
                    "morris_chart(\(quoted(output.name)), \(quoted(title)), \(quoted(xLabel)), \(quoted(yLabel)))",
                    "Morris μ*–σ chart of \(name) (\(output.units)), inputs by μ*: " + text.joined(separator: "; "))
        default:
            let title = "\(name): Sobol indices"
            let rows = order.compactMap { i in
                output.sobol?[safe: i].map {
                    SobolChart.Row(label: SensitivityTable.chartLabel(r.inputs[i]), first: $0.first, firstLower: $0.firstLower,
                                   firstUpper: $0.firstUpper, total: $0.total, totalLower: $0.totalLower, totalUpper: $0.totalUpper)
                }
            }
            func f(_ x: Double) -> String { Fixed.format(x, decimals: 2) }
            let text = zip(order, rows).map { i, row in
                "\(r.inputs[i].label) total \(f(row.total)) [\(f(row.totalLower)), \(f(row.totalUpper))], first-order "
                    + "\(f(row.first)) [\(f(row.firstLower)), \(f(row.firstUpper))]"
            }
            return (SobolChart(title: title, rows: rows).render(),
                    "sobol_chart(\(quoted(output.name)), \(quoted(title)))",
                    "Sobol indices of \(name) with 95% bootstrap intervals, inputs by total index: " + text.joined(separator: "; "))
        }
    }

    /// The cell that defines the chart helpers the sensitivity cells call (nothing is drawn here).
    static let sensitivityHelpersSource = """
        # Helpers for the sensitivity charts below: each draws one output of `sensitivity` for its method.
        SENSITIVITY_LABELS = [item["label"] for item in sensitivity["inputs"]]


        def sensitivity_output(name):
            return next(output for output in sensitivity["outputs"] if output["name"] == name)


        def input_value(item, u):
            \"\"\"An input's value at position u of its range (0 the low end, 1 the high end), as the tables show it.\"\"\"
            x = item["low"] + u * (item["high"] - item["low"])
            if item["variation"] == "scale":
                return f"×{x:g}"
            return f"{round(x)}" if item.get("whole") else f"{x:g}"


        def tornado_chart(name, title, xlabel):
            \"\"\"One at a time: bars from the baseline to the output at each input's low and high end, widest swing first.\"\"\"
            output = sensitivity_output(name)
            base = output["baseline"]
            rows = sorted(zip(sensitivity["inputs"], output["oneAtATime"]), key=lambda row: -row[1]["swing"])
            fig, ax = plt.subplots(figsize=(8, 0.5 * len(rows) + 1.8))
            for i, (item, effect) in enumerate(rows):
                for key, u, color, label in (("low", 0, COLORS[0], "input at its low end"), ("high", 1, COLORS[1], "at its high end")):
                    ax.barh(i, effect[key] - base, left=base, height=0.6, color=color, alpha=0.85, label=label if i == 0 else None)
                    if effect[key] != base:
                        ax.annotate(input_value(item, u), (effect[key], i), xytext=(4 if effect[key] > base else -4, 0),
                                    textcoords="offset points", ha="left" if effect[key] > base else "right", va="center",
                                    fontsize=8, color="#555555")
            ax.axvline(base, color="#555555", linestyle="--", label=f"baseline {base:,.2f}")
            ax.set_yticks(range(len(rows)), [item["label"] for item, _ in rows])
            ax.invert_yaxis()
            ax.set(title=title, xlabel=xlabel)
            ax.legend()
            plt.show()


        def morris_chart(name, title, xlabel, ylabel):
            \"\"\"Morris screening: each input at its mu* (influence) and sigma (interactions, curvature).\"\"\"
            output = sensitivity_output(name)
            mu_star = [effect["muStar"] for effect in output["morris"]]
            sigma = [effect["sigma"] for effect in output["morris"]]
            fig, ax = plt.subplots(figsize=(8, 5))
            ax.scatter(mu_star, sigma, color=COLORS[0], zorder=3, label="input")
            for label, x, y in zip(SENSITIVITY_LABELS, mu_star, sigma):
                ax.annotate(label, (x, y), xytext=(6, 3), textcoords="offset points", fontsize=9)
            right, top = max(mu_star + [1e-12]) * 1.15, max(sigma + [1e-12]) * 1.15
            ax.plot([0, min(right, top)], [0, min(right, top)], color="#555555", linestyle="--", label="σ = μ*")
            ax.set(title=title, xlabel=xlabel, ylabel=ylabel, xlim=(0, right), ylim=(0, top))
            ax.legend()
            plt.show()


        def sobol_chart(name, title):
            \"\"\"Sobol first-order and total indices with their 95% bootstrap intervals, largest total first.\"\"\"
            output = sensitivity_output(name)
            rows = sorted(zip(SENSITIVITY_LABELS, output["sobol"]), key=lambda row: -row[1]["total"])
            y = np.arange(len(rows))
            fig, ax = plt.subplots(figsize=(8, 0.6 * len(rows) + 1.8))
            for offset, key, color, label in ((-0.2, "first", COLORS[0], "first-order (alone)"),
                                              (0.2, "total", COLORS[1], "total (with interactions)")):
                ax.barh(y + offset, [effect[key] for _, effect in rows], height=0.38, color=color, alpha=0.85, label=label)
                lower = [effect[key + "Lower"] for _, effect in rows]
                upper = [effect[key + "Upper"] for _, effect in rows]
                ax.hlines(y + offset, lower, upper, color="#555555")
                ax.plot(lower + upper, list(y + offset) * 2, "|", color="#555555")
            ax.axvline(0, color="#555555", linewidth=0.8)
            ax.set_yticks(y, [label for label, _ in rows])
            ax.invert_yaxis()
            ax.set(title=title, xlabel="Sobol index: share of the output's variance")
            ax.legend()
            plt.show()
        """

    /// The points as a table, and the first output's analysis redone by SALib when it is installed.
    static func sensitivityRedoSource(_ r: SensitivityResult) -> String {
        let table = """
            # The design points as a table: one row per point, one column per input, then one per output.
            columns = [output["name"] for output in sensitivity["outputs"]]
            points = pd.DataFrame([point["outputs"] for point in sensitivity["points"]], columns=columns)
            """
        let layout: String
        let analysis: String
        switch r.method {
        case "oat":
            layout = """
                points.insert(0, "input", [SENSITIVITY_LABELS[point["input"]] for point in sensitivity["points"]])
                points.insert(1, "end", [point["end"] for point in sensitivity["points"]])
                print(points)
                """
            analysis = ""
        default:
            layout = """
                coordinates = pd.DataFrame([point["coordinates"] for point in sensitivity["points"]], columns=SENSITIVITY_LABELS)
                points = pd.concat([coordinates, points], axis=1)
                print(points)
                """
            let call = r.method == "morris"
                ? "morris.analyze(problem, coordinates.to_numpy(), y, num_levels=\(r.levels ?? 4), print_to_console=True)"
                : "sobol.analyze(problem, y, calc_second_order=False, print_to_console=True)"
            analysis = """


                try:
                    from SALib.analyze import \(r.method)
                except ImportError:
                    print("SALib is not installed (pip install SALib): skipping the re-analysis.")
                else:
                    problem = {"num_vars": len(SENSITIVITY_LABELS), "names": SENSITIVITY_LABELS,
                               "bounds": [[0.0, 1.0]] * len(SENSITIVITY_LABELS)}
                    y = points[columns[0]].to_numpy()
                    \(call)
                """
        }
        return table + "\n" + layout + analysis
    }
}
