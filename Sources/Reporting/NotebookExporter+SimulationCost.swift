import ClearanceModel

// MARK: - Money section of a simulation

extension NotebookExporter {
    /// Cost per calendar year (chart and table), to completion, and per m² by method; nothing
    /// when the scenario has no `costs:`.
    static func appendCost(_ result: SimulationResult, to document: inout NotebookDocument, heading: String) {
        guard let cost = result.cost else { return }
        let currency = Markdown.escape(cost.currency)
        var text = """
        \(heading)# Money

        Teams are paid while fielded (idle days at the standby rate) and stand down when no eligible work \
        is left; amounts in millions of \(currency).\(partialYearsNote(result))

        """
        let rows = result.yearly.compactMap { year in
            year.cost.map { q in [Markdown.escape(ReportText.yearLabel(year))] + [q.p10, q.p50, q.p90].map { Fixed.format($0 / 1e6, decimals: 1) } }
        }
        if !rows.isEmpty { text += Markdown.table(["Year", "P10", "P50", "P90"], rows, alignRight: [1, 2, 3]) + "\n\n" }
        let total = cost.total
        text += "Over the horizon: \(Fixed.format(total.p50 / 1e6, decimals: 1)) million (P10 \(Fixed.format(total.p10 / 1e6, decimals: 1)), "
            + "P90 \(Fixed.format(total.p90 / 1e6, decimals: 1))). "
        if let done = cost.toCompletion, let share = cost.completedShare {
            text += "To completion: \(Fixed.format(done.p50 / 1e6, decimals: 1)) million (P10 \(Fixed.format(done.p10 / 1e6, decimals: 1)), "
                + "P90 \(Fixed.format(done.p90 / 1e6, decimals: 1))), over the \(Fixed.percent(share)) of replications that release everything."
        } else if cost.completedShare != nil {
            text += "The cost to completion is not known: no replication releases everything within the horizon."
        }
        let methods = [("cancelled", "Non-technical survey, per m² cancelled"), ("reduced", "Technical survey, per m² reduced"),
                       ("cleared", "Mine clearance, per m² cleared"), ("battleAreaCleared", "Battle-area clearance, per m² cleared")]
        let perArea = methods.compactMap { key, label in cost.perSquareMetre?[key].map { [label, Fixed.format($0, decimals: 2)] } }
        if !perArea.isEmpty {
            text += "\n\nDirect cost of each method (its working days at the team rate, weather days included) over the area "
                + "it released, in \(currency) per m²:\n\n" + Markdown.table(["Method", "\(currency) per m²"], perArea, alignRight: [1])
            if let overhead = cost.overheadShare {
                text += "\n\nTravel, mobilisation, standby, stand-downs after accidents and retraining are the other "
                    + "\(Fixed.percent(overhead)) of the total."
            }
        }
        document.markdown(text)
        guard !rows.isEmpty else { return }
        document.code(costSource, svg: costChart(result, currency: cost.currency).render(),
                      description: "Money spent per calendar year (P50), millions of \(cost.currency)")
    }

    static func costChart(_ result: SimulationResult, currency: String) -> BarChart {
        let yearly = result.yearly
        let note = yearly.contains(where: \.partial) ? "; * partial year" : ""
        return BarChart(title: "Money spent per year (P50\(note))", yLabel: "Millions of \(currency)",
                        categories: yearly.map { String($0.year) + ($0.partial ? "*" : "") },
                        stacks: [.init(name: "Cost", color: ChartPalette.cost, values: yearly.map { ($0.cost?.p50 ?? 0) / 1e6 })])
    }

    static let costSource = """
        spent = pd.Series(
            {f"{e['year']}*" if e["partial"] else str(e["year"]): e.get("cost", {}).get("p50", 0) / 1e6 for e in simulation["yearly"]},
            name="Cost",
        )
        currency = simulation["cost"]["currency"]
        note = "; * partial year" if any(e["partial"] for e in simulation["yearly"]) else ""
        ax = spent.plot(kind="bar", figsize=(8, 4.5), color="#e69f00")
        ax.set(title=f"Money spent per year (P50{note})", xlabel="Year", ylabel=f"Millions of {currency}")
        plt.show()
        """
}
