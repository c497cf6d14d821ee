import ClearanceModel
import SensitivityAnalysis
// MARK: - The question and the answer

extension BriefingReport {
    /// The first screen: the question, the completion dates with their ranges per contamination
    /// type, the other scenarios in one line each, what it would take (plan) and which assumptions
    /// decide it (sensitivity). A reader who stops here has the answer.
    func appendAnswer(to page: inout HTMLDocument) {
        page.beginSection(id: "answer", heading: "The question and the answer", classes: "answer")
        let name = HTML.escape(scenarioName)
        if let forecast {
            page.paragraph(html: "<strong>Question:</strong> when will the hazardous land of <em>\(name)</em> be released, "
                + "and what would change that date?", classes: "lead")
            page.paragraph(html: "<strong>Answer:</strong> " + completionSentence(forecast), classes: "lead")
            page.table(caption: "Completion by contamination type (\(forecast.scenario), \(forecast.replications) replications)",
                       headers: ["Contamination type", "Median (P50)", "Range (P10 to P90)", "Finished within horizon", "Area at start"],
                       rows: completionRows(forecast))
            if let comparison, comparison.scenarios.count > 1 {
                page.paragraph(html: "<strong>Other scenarios</strong> (all hazardous land, median):")
                page.list(html: comparison.scenarios.filter { $0.scenario != forecast.scenario }.map { scenario in
                    "<em>\(HTML.escape(scenario.scenario))</em>: " + allClear(scenario)
                })
            }
            let casualties = forecast.casualties
            page.paragraph(html: "Civilian casualties expected over the horizon: <strong>\(ReportText.quantity(casualties.civilianExpected.p50))</strong> "
                + "(P10 \(ReportText.quantity(casualties.civilianExpected.p10)) to P90 \(ReportText.quantity(casualties.civilianExpected.p90))), "
                + "against \(ReportText.quantity(casualties.civilianWithoutClearance)) with no clearance.")
            if !forecast.warnings.isEmpty {
                page.paragraph(html: "<strong>Warnings from the run:</strong> " + forecast.warnings.map(HTML.escape).joined(separator: " "),
                               classes: "warning")
            }
        } else {
            page.paragraph(html: "<strong>Question:</strong> " + (plan != nil ? "what would it take to meet the target for <em>\(name)</em>?"
                : sensitivity != nil ? "which assumptions decide the forecast for <em>\(name)</em>?"
                : "which hazardous areas of <em>\(name)</em> should be released first?"), classes: "lead")
        }
        if let plan { appendPlanAnswer(plan, to: &page) }
        if let sensitivity { appendSensitivityAnswer(sensitivity, to: &page) }
        if forecast == nil, plan == nil, sensitivity == nil, let score {
            page.paragraph(html: "<strong>Answer:</strong> release first, by expected risk reduction per m² cleared: "
                + score.hazards.prefix(5).map { h in
                    let place = [h.name, h.region.map { "region \($0)" }].compactMap { $0 }.joined(separator: ", ")
                    return "<strong>\(HTML.escape(h.id))</strong> (\(HTML.escape(ReportText.typeName(h.type)))\(place.isEmpty ? "" : ", " + HTML.escape(place)))"
                }
                .joined(separator: "; ") + ". The table under “Priorities” lists the first \(Self.rankedRows).", classes: "lead")
        }
        page.paragraph(html: (forecast == nil ? "" : "Dates are quantiles over the simulated replications: P50 is the median, P10 to "
            + "P90 the range in which eight in ten replications fall. ") + "The evidence, the assumptions behind it and how to reproduce it follow.",
                       classes: "note")
        page.endSection()
    }

    /// "half of the replications release all hazardous land by March 2041 (one in ten by …, nine in ten by …)",
    /// or, when fewer than half finish, what is left at the horizon and which types do finish.
    func completionSentence(_ forecast: SimulationResult) -> String {
        let overall = forecast.completion.overall
        guard let p50 = overall.p50Date else {
            var text = "fewer than half of the replications release all hazardous land within the "
                + "\(Fixed.format(forecast.horizonYears, decimals: 0))-year horizon, to \(HTML.escape(horizonEnd(forecast))) "
                + "(\(Fixed.percent(overall.finishedShare, decimals: 0)) do)."
            if let last = forecast.yearly.last {
                let unit = ReportText.areaUnit(maximum: forecast.initialArea.total)
                text += " At its end <strong>\(ReportText.area(last.remaining.p50, unit: unit)) \(unit.name)</strong> of the "
                    + "\(ReportText.area(forecast.initialArea.total, unit: unit)) \(unit.name) are still hazardous (P10 "
                    + "\(ReportText.area(last.remaining.p10, unit: unit)) to P90 \(ReportText.area(last.remaining.p90, unit: unit)))."
            }
            let finishing = forecast.completion.byType.sorted { ($0.value.p50Days ?? .infinity, $0.key) < ($1.value.p50Days ?? .infinity, $1.key) }
                .compactMap { code, q in q.p50Date.map { "\(HTML.escape(ReportText.typeLabel(code))) by \(HTML.escape(Self.month($0)))" } }
            if !finishing.isEmpty { text += " Half of them release all the land of some types: " + finishing.joined(separator: "; ") + "." }
            return text
        }
        var sentence = "half of the replications release all hazardous land by <strong>\(HTML.escape(Self.month(p50)))</strong>"
        let low = overall.p10Date.map { "one in ten by \(HTML.escape(Self.month($0)))" }
        let high = overall.p90Date.map { "nine in ten by \(HTML.escape(Self.month($0)))" } ?? "fewer than nine in ten within the horizon"
        sentence += " (" + ([low, high].compactMap { $0 }).joined(separator: ", ") + ")."
        return sentence
    }

    /// "after 2050": a quantile beyond the horizon, named by the horizon's last year.
    func horizonEnd(_ forecast: SimulationResult) -> String {
        ReportText.horizonLastYear(start: forecast.startDate, horizonYears: forecast.horizonYears).map { "the end of \($0)" } ?? "its end"
    }

    /// "February 2036" from "2036-02-14"; other text unchanged.
    static func month(_ date: String) -> String {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                     "November", "December"]
        let parts = date.split(separator: "-")
        guard parts.count == 3, let month = Int(parts[1]), (1...12).contains(month) else { return date }
        return "\(names[month - 1]) \(parts[0])"
    }

    /// "by March 2041 (P10 … to P90 …)" or "not within the horizon; 1,234 km² left (P50)".
    func allClear(_ scenario: SimulationResult) -> String {
        let q = scenario.completion.overall
        guard let p50 = q.p50Date else {
            let unit = ReportText.areaUnit(maximum: scenario.initialArea.total)
            let left = scenario.yearly.last.map { "; \(ReportText.area($0.remaining.p50, unit: unit)) \(unit.name) still hazardous at its end (P50)" } ?? ""
            return "not within the horizon (\(Fixed.percent(q.finishedShare, decimals: 0)) of replications finish)" + left
        }
        let after = "after the horizon"
        let range = "P10 \(q.p10Date.map(Self.month) ?? after) to P90 \(q.p90Date.map(Self.month) ?? after)"
        return "by <strong>\(HTML.escape(Self.month(p50)))</strong> (\(HTML.escape(range)))"
    }

    func completionRows(_ forecast: SimulationResult) -> [[HTMLDocument.Cell]] {
        let unit = ReportText.areaUnit(maximum: forecast.initialArea.total)
        let classes = [("All hazardous land", forecast.completion.overall, forecast.initialArea.total)]
            + forecast.completion.byType.sorted { $0.key < $1.key }.map {
                (ReportText.typeLabel($0.key), $0.value, forecast.initialArea.byType[$0.key] ?? 0)
            }
        let after = ReportText.horizonLastYear(start: forecast.startDate, horizonYears: forecast.horizonYears).map { "after \($0)" } ?? "after the horizon"
        return classes.map { label, q, area in
            let range = q.p10Date == nil && q.p90Date == nil ? after
                : "\(q.p10Date.map(Self.month) ?? after) to \(q.p90Date.map(Self.month) ?? after)"
            return [.text(label), .text(q.p50Date.map(Self.month) ?? after), .text(range),
                    .number(Fixed.percent(q.finishedShare, decimals: 0), q.finishedShare),
                    .number("\(ReportText.area(area, unit: unit)) \(unit.name)", area)]
        }
    }

    // MARK: Plan and sensitivity

    private func appendPlanAnswer(_ plan: PlanResult, to page: inout HTMLDocument) {
        page.heading("What it would take", level: 3)
        var text = "<strong>Target:</strong> \(HTML.escape(plan.target.summary)). "
        if let mix = plan.mix {
            if let answer = mix.answer {
                text += "<strong>The cheapest mix found that meets it:</strong> \(HTML.escape(Self.teams(answer.teams))), "
                    + "P = \(Fixed.format(answer.probability, decimals: 2)) (95% interval \(Fixed.format(answer.lower, decimals: 2))–"
                    + "\(Fixed.format(answer.upper, decimals: 2))), \(Fixed.grouped(answer.costPerYear, decimals: 0))"
                    + "\(plan.currency.map { " " + HTML.escape($0) } ?? "") a year."
            } else {
                text += "No team mix within the bounds meets it."
            }
        } else if let answer = plan.answer {
            text += "<strong>\(Fixed.format(answer.multiplier, decimals: 2))× the scaled teams</strong> "
                + "(\(HTML.escape(Self.teams(answer.teams)))) meet it with probability \(Fixed.format(answer.probability, decimals: 2)) "
                + "(95% interval \(Fixed.format(answer.lower, decimals: 2))–\(Fixed.format(answer.upper, decimals: 2)))."
            if let below = plan.nextSmaller {
                text += " One step less, \(Fixed.format(below.multiplier, decimals: 2))×, does not (P = \(Fixed.format(below.probability, decimals: 2)))."
            }
        } else if let best = plan.bestAchievable {
            text += "<strong>Not reachable</strong> within \(Fixed.format(plan.search.maximumMultiplier, decimals: 2))× the scaled teams: "
                + "the largest level meets it with probability \(Fixed.format(best.probability, decimals: 2))."
        }
        page.paragraph(html: text, classes: "lead")
        if !plan.notes.isEmpty { page.list(html: plan.notes.map(HTML.escape)) }
    }

    /// "Manual 12, Mechanical 4": team counts by group in name order.
    static func teams(_ teams: [String: Int]) -> String {
        teams.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    /// Per output (up to four), the inputs that move it most by the method's measure; an output no
    /// input moves, or that stays at the horizon, is named as such.
    private func appendSensitivityAnswer(_ r: SensitivityResult, to page: inout HTMLDocument) {
        page.heading("Which assumptions decide it", level: 3)
        page.paragraph(html: "Ranked by \(HTML.escape(SensitivityTable.measure(r.method))) "
            + "(\(HTML.escape(SensitivityTable.methodSummary(r)))), the inputs that move each output most:", classes: "lead")
        page.list(html: r.outputs.indices.prefix(4).map { j in
            let output = r.outputs[j]
            let name = "<strong>\(HTML.escape(SensitivityTable.title(output)))</strong>"
            if SensitivityTable.staysAtHorizon(r, output: j) {
                return name + ": at the horizon at every design point; this run cannot tell which input moves it"
            }
            if SensitivityTable.isConstant(r, output: j) { return name + ": no input moves it within its range" }
            let ranked = SensitivityTable.ranking(r, output: j).prefix(3).map { i -> String in
                let measure: String = switch r.method {
                case "oat": output.oneAtATime?[safe: i].map { "swing \(SensitivityTable.number($0.swing, output)) \(output.units)" } ?? ""
                case "morris": output.morris?[safe: i].map { "μ* \(SensitivityTable.number($0.muStar, output)) \(output.units)" } ?? ""
                default: output.sobol?[safe: i].map { "total index \(Fixed.format($0.total, decimals: 2))" } ?? ""
                }
                return "\(HTML.escape(r.inputs[i].label)) (\(HTML.escape(measure)))"
            }
            return name + " (baseline \(HTML.escape(SensitivityTable.number(output.baseline, output))) \(HTML.escape(output.units))): "
                + ranked.joined(separator: "; ")
        })
        if r.outputs.count > 4 { page.paragraph("The other outputs are in the sensitivity section below.") }
    }
}
