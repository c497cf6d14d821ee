import Foundation

// MARK: - Plan section

extension NotebookExporter {
    /// A `clearcast plan` result: the answer in words, the frontier chart and table, the notes and
    /// the provenance.
    static func appendPlan(_ result: PlanResult, to document: inout NotebookDocument, heading: String) {
        if let mix = result.mix {
            appendMix(result, mix, to: &document, heading: heading)
            return
        }
        document.markdown(planSummary(result, heading: heading))
        document.code(planFrontierSource, svg: frontierChart(result).render(),
                      description: "Probability of meeting the target by team multiplier, with 95% intervals and the required probability")
        document.markdown("\(heading)# Levels simulated\n\n" + planTable(result))
        document.markdown(provenanceMarkdown(result.provenance, heading: heading))
    }

    static func frontierChart(_ result: PlanResult) -> FrontierChart {
        FrontierChart(title: "Probability of meeting the target", xLabel: "Multiplier on the scaled team groups",
                      required: result.target.probability,
                      levels: result.frontier.map {
                          .init(x: $0.multiplier, estimate: $0.probability, lower: $0.lower, upper: $0.upper,
                                meets: $0.verdict.hasPrefix("meets"))
                      })
    }

    private static func planSummary(_ r: PlanResult, heading: String) -> String {
        var text = "\(heading) Resource plan for \(Markdown.escape(r.scenario))\n\n"
            + "**Target:** \(Markdown.escape(r.target.summary)). **Scaled team groups:** "
            + "\(Markdown.escape(r.search.groups.joined(separator: ", "))), on a multiplier grid of "
            + "\(Fixed.format(r.search.step, decimals: 2)) up to \(Fixed.format(r.search.maximumMultiplier, decimals: 2))×; "
            + "every level uses the same random numbers (seed \(r.provenance.seed.map(String.init) ?? "not set")).\n\n"
        if let answer = r.answer {
            text += "**Answer:** \(level(answer)) meets the target (\(probability(answer)))."
            if let below = r.nextSmaller { text += " One grid step less, \(level(below)), does not (\(probability(below)))." }
        } else if let best = r.bestAchievable {
            text += "**Unreachable** within \(Fixed.format(r.search.maximumMultiplier, decimals: 2))× the scaled groups: "
                + "the largest level, \(level(best)), meets it with \(probability(best)), and releases "
                + "\(Fixed.percent(best.shareReleasedAtProbability, decimals: 0)) of the target area by the deadline with "
                + "probability ≥ \(Fixed.format(r.target.probability, decimals: 2))."
        }
        if let budget = r.budgetPerYear {
            let currency = r.currency.map { " " + Markdown.escape($0) } ?? ""
            text += "\n\n**Budget:** \(Fixed.grouped(budget, decimals: 0))\(currency) a year "
            text += r.affordable.map {
                "affords \(level($0)) (\(Fixed.grouped($0.costPerYear ?? 0, decimals: 0))\(currency) a year): \(probability($0)); "
                    + "it releases \(Fixed.percent($0.shareReleasedAtProbability, decimals: 0)) of the target area by the deadline."
            } ?? "does not afford the smallest level simulated."
        }
        if !r.notes.isEmpty { text += "\n\n" + r.notes.map { "- " + Markdown.escape($0) }.joined(separator: "\n") }
        text += "\n\nA level is settled when the 99% interval of its probability clears the required probability; "
            + "otherwise it runs until the 95% interval is narrower than ±\(Fixed.format(r.search.resolution, decimals: 3)) "
            + "or \(r.search.maximumReplications) replications, and its verdict says \"within error\"."
        return text
    }

    private static func level(_ level: PlanResult.Level) -> String {
        let teams = level.teams.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return "\(Fixed.format(level.multiplier, decimals: 2))× (\(Markdown.escape(teams)))"
    }

    private static func probability(_ level: PlanResult.Level) -> String {
        "P = \(Fixed.format(level.probability, decimals: 3)), 95% interval \(Fixed.format(level.lower, decimals: 3))–"
            + "\(Fixed.format(level.upper, decimals: 3)), \(level.replications) replications"
    }

    private static func planTable(_ r: PlanResult) -> String {
        let costs = r.frontier.contains { $0.costPerYear != nil }
        var header = ["Multiplier", "Teams", "P(met)", "95% interval", "Replications", "Verdict",
                      "Area share at p ≥ \(Fixed.format(r.target.probability, decimals: 2))"]
        if costs { header.append("Cost a year" + (r.currency.map { " (\(Markdown.escape($0)))" } ?? "")) }
        let rows = r.frontier.map { level -> [String] in
            var row = [Fixed.format(level.multiplier, decimals: 2) + "×", String(level.totalTeams),
                       Fixed.format(level.probability, decimals: 3),
                       "\(Fixed.format(level.lower, decimals: 3))–\(Fixed.format(level.upper, decimals: 3))",
                       String(level.replications), level.verdict.replacingOccurrences(of: "_", with: " "),
                       Fixed.percent(level.shareReleasedAtProbability, decimals: 0)]
            if costs { row.append(level.costPerYear.map { Fixed.grouped($0, decimals: 0) } ?? "—") }
            return row
        }
        return Markdown.table(header, rows, alignRight: [0, 1, 2, 4, 6, 7])
    }

    static let planFrontierSource = """
        levels = pd.DataFrame(plan["frontier"])
        fig, ax = plt.subplots(figsize=(8, 4.5))
        for meets, color, label in ((True, COLORS[0], "meets the target"), (False, COLORS[1], "does not")):
            part = levels[levels["verdict"].str.startswith("meets") == meets]
            ax.errorbar(part["multiplier"], part["probability"],
                        yerr=[part["probability"] - part["lower"], part["upper"] - part["probability"]],
                        fmt="o", color=color, mfc=color if meets else "white", label=label)
        ax.axhline(plan["target"]["probability"], color="#555555", linestyle="--",
                   label=f"required {plan['target']['probability']:.2f}")
        ax.set(title="Probability of meeting the target", xlabel="Multiplier on the scaled team groups",
               ylabel="P(target met)", ylim=(0, 1.02))
        ax.legend()
        plt.show()
        """

    /// The cheapest-mix search: the answer in words, probability against cost for every mix tried,
    /// the table of mixes, provenance.
    static func appendMix(_ r: PlanResult, _ mix: PlanResult.Mix, to document: inout NotebookDocument, heading: String) {
        document.markdown("\(heading) Cheapest team mix for \(Markdown.escape(r.scenario))\n\n"
            + "**Target:** \(Markdown.escape(r.target.summary)).\n\n" + Markdown.escape(PlanTable.renderMix(r, mix).components(separatedBy: "\n\nMixes tried")[0])
                .replacingOccurrences(of: "\n", with: "\n\n"))
        let millions = (mix.evaluated.map(\.costPerYear).max() ?? 0) >= 1e6
        let chart = FrontierChart(title: "Probability of meeting the target by cost", xLabel: "Cost a year" + (millions ? ", millions" : "")
                                    + (r.currency.map { " (\($0))" } ?? ""),
                                  required: r.target.probability,
                                  levels: mix.evaluated.map {
                                      .init(x: millions ? $0.costPerYear / 1e6 : $0.costPerYear, estimate: $0.probability,
                                            lower: $0.lower, upper: $0.upper, meets: $0.verdict.hasPrefix("meets"))
                                  }, xSuffix: "")
        document.code(planMixSource, svg: chart.render(),
                      description: "Probability of meeting the target against the cost a year of every team mix tried, with 95% intervals")
        let rows = mix.evaluated.map { level -> [String] in
            [Markdown.escape(level.teams.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")),
             Fixed.format(level.probability, decimals: 3), "\(Fixed.format(level.lower, decimals: 3))–\(Fixed.format(level.upper, decimals: 3))",
             String(level.replications), level.verdict.replacingOccurrences(of: "_", with: " "), Fixed.grouped(level.costPerYear, decimals: 0)]
        }
        document.markdown("\(heading)# Mixes tried\n\n" + Markdown.table(["Teams at start", "P(met)", "95% interval", "Replications", "Verdict", "Cost a year"],
                                                                            rows, alignRight: [1, 3, 5]))
        document.markdown(provenanceMarkdown(r.provenance, heading: heading))
    }

    static let planMixSource = """
        mixes = pd.DataFrame(plan["mix"]["evaluated"])
        fig, ax = plt.subplots(figsize=(8, 4.5))
        meets = mixes["verdict"].str.startswith("meets")
        for flag, color, label in ((True, COLORS[0], "meets the target"), (False, COLORS[1], "does not")):
            part = mixes[meets == flag]
            ax.errorbar(part["costPerYear"], part["probability"],
                        yerr=[part["probability"] - part["lower"], part["upper"] - part["probability"]],
                        fmt="o", color=color, mfc=color if flag else "white", label=label)
        ax.axhline(plan["target"]["probability"], color="#555555", linestyle="--", label="required")
        ax.set(title="Probability of meeting the target by cost", xlabel="Cost a year", ylabel="P(target met)", ylim=(0, 1.02))
        ax.legend()
        plt.show()
        """
}
