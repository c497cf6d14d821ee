import Foundation

/// The text `clearcast plan` prints: the answer first, then the frontier.
///
/// ```text
/// Plan for Karabakh baseline: all AP+AV land released by 2033-12-31 with probability ≥ 0.9
/// Scaled team groups: manual, mech (multiplier grid 0.05, up to 8×); seed 1
///
/// Answer: 2.40× the scaled groups (manual 96, mech 24): P(met) = 0.93 [0.91, 0.95], 800 replications.
/// One step less, 2.35× (manual 94, mech 23), fails: P(met) = 0.86 [0.83, 0.88], 800 replications.
/// ```
public enum PlanTable {
    public static func render(_ r: PlanResult) -> String {
        if let mix = r.mix { return renderMix(r, mix) }
        var lines = ["Plan for \(r.scenario): \(r.target.summary)",
                     "Scaled team groups: \(r.search.groups.joined(separator: ", ")) (multiplier grid \(multiplier(r.search.step, suffix: "")), "
                        + "up to \(multiplier(r.search.maximumMultiplier))); seed \(r.provenance.seed.map(String.init) ?? "-")",
                     ""]
        if let answer = r.answer {
            lines.append("Answer: \(describe(answer)) \(answer.multiplier == 1 ? "(the scenario as written)" : "the scaled groups") "
                + "meets the target: \(probability(answer)).")
            if let below = r.nextSmaller {
                lines.append("One step less, \(describe(below)), does not: \(probability(below)).")
            }
        } else if let best = r.bestAchievable {
            lines.append("Unreachable within \(multiplier(r.search.maximumMultiplier)) the scaled groups: the most simulated, "
                + "\(describe(best)), meets it with \(probability(best)); it releases "
                + "\(Fixed.percent(best.shareReleasedAtProbability, decimals: 0)) of the target area by the deadline "
                + "with probability ≥ \(r.target.probability).")
        }
        if let budget = r.budgetPerYear {
            let currency = r.currency.map { " " + $0 } ?? ""
            if let level = r.affordable {
                lines.append("A budget of \(TextFormat.number(budget, 0))\(currency) a year affords \(describe(level)) "
                    + "(\(TextFormat.number(level.costPerYear ?? 0, 0))\(currency) a year): \(probability(level)); "
                    + "it releases \(Fixed.percent(level.shareReleasedAtProbability, decimals: 0)) of the target area by the deadline "
                    + "with probability ≥ \(r.target.probability).")
            } else {
                lines.append("A budget of \(TextFormat.number(budget, 0))\(currency) a year does not afford the smallest level simulated.")
            }
        }
        lines += r.notes.map { "Note: \($0)." }
        lines += ["", "Frontier (probability of meeting the target by level; common random numbers)"]
        let costs = r.frontier.contains { $0.costPerYear != nil }
        var rows = [["multiplier", "P(met)", "95% interval", "replications", "verdict", "area share at p≥\(r.target.probability)"]
            + (costs ? ["cost a year" + (r.currency.map { " (\($0))" } ?? "")] : []) + ["teams at start (scaled groups)"]]
        for level in r.frontier {
            rows.append([multiplier(level.multiplier), TextFormat.number(level.probability, 3),
                         "[\(TextFormat.number(level.lower, 3)), \(TextFormat.number(level.upper, 3))]",
                         String(level.replications), level.verdict.replacingOccurrences(of: "_", with: " "),
                         Fixed.percent(level.shareReleasedAtProbability, decimals: 0)]
                + (costs ? [level.costPerYear.map { TextFormat.number($0, 0) } ?? "-"] : []) + [teams(level)])
        }
        lines.append(TextFormat.table(rows))
        lines.append("(\"within error\": stopped at the resolution, or screened while the search only needed a direction, before the 99% interval "
            + "cleared the required probability; the answer and the level below it are always run to the resolution)")
        return lines.joined(separator: "\n")
    }

    /// "2.40× (manual 96, mech 24)".
    static func describe(_ level: PlanResult.Level) -> String { "\(multiplier(level.multiplier)) (\(teams(level)))" }

    static func teams(_ level: PlanResult.Level) -> String {
        level.teams.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    static func multiplier(_ value: Double, suffix: String = "×") -> String { Fixed.format(value, decimals: 2) + suffix }

    static func probability(_ level: PlanResult.Level) -> String {
        "P(met) = \(TextFormat.number(level.probability, 3)) [\(TextFormat.number(level.lower, 3)), "
            + "\(TextFormat.number(level.upper, 3))] from \(level.replications) replications"
    }

    /// The cheapest-mix search: the answer, the start it improved on, and every mix tried.
    static func renderMix(_ r: PlanResult, _ mix: PlanResult.Mix) -> String {
        let currency = r.currency.map { " " + $0 } ?? ""
        let bounds = mix.bounds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.first ?? 0)-\($0.value.last ?? 0)" }
        var lines = ["Cheapest team mix for \(r.scenario): \(r.target.summary)",
                     "Bounds on teams at the start: \(bounds.joined(separator: ", ")); seed \(r.provenance.seed.map(String.init) ?? "-")", ""]
        func teams(_ level: PlanResult.MixLevel) -> String {
            level.teams.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        func describe(_ level: PlanResult.MixLevel) -> String {
            "\(teams(level)) (\(TextFormat.number(level.costPerYear, 0))\(currency) a year): P(met) = \(TextFormat.number(level.probability, 3)) "
                + "[\(TextFormat.number(level.lower, 3)), \(TextFormat.number(level.upper, 3))] from \(level.replications) replications"
        }
        if let answer = mix.answer {
            lines.append("Answer: \(describe(answer)).")
            if let start = mix.start, start != answer { lines.append("Uniform start it improved on: \(describe(start)).") }
        } else if let best = mix.bestAchievable {
            lines.append("Unreachable within the bounds: every kind at its upper bound, \(describe(best)); it releases "
                + "\(Fixed.percent(best.shareReleasedAtProbability, decimals: 0)) of the target area by the deadline with probability ≥ \(r.target.probability).")
        }
        lines += r.notes.map { "Note: \($0)." }
        lines += ["", "Mixes tried (in order; common random numbers)"]
        var rows = [["teams at start", "P(met)", "95% interval", "replications", "verdict", "cost a year\(currency)"]]
        for level in mix.evaluated {
            rows.append([teams(level), TextFormat.number(level.probability, 3),
                         "[\(TextFormat.number(level.lower, 3)), \(TextFormat.number(level.upper, 3))]", String(level.replications),
                         level.verdict.replacingOccurrences(of: "_", with: " "), TextFormat.number(level.costPerYear, 0)])
        }
        lines.append(TextFormat.table(rows))
        lines.append("(a local search from the uniform answer: removals and swaps to cheaper kinds, each verified by simulation; not a proven global optimum)")
        return lines.joined(separator: "\n")
    }
}
