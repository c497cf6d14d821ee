import ClearanceModel
// MARK: - Priorities and their validation

extension BriefingReport {
    /// The ranked hazard areas (the first ``rankedRows``, sortable), the priority surface, the
    /// factor weights and, when the score was validated on held-out incidents, the validation table.
    func appendPriorities(to page: inout HTMLDocument) {
        guard let score else { return }
        page.beginSection(id: "priorities", heading: "Priorities: where release reduces risk most")
        // Factors weighted 0 (e.g. land value without a land-use layer) add nothing to the rank.
        let factors = score.weights.factors.filter { $0.weight > 0 }.map(\.factor)
        page.paragraph("\(score.hazards.count) hazard areas ranked by expected risk reduction per m² released. Factor columns give each "
            + "factor's mean normalised value over the area (0 to 1); the score-weighted area is the area times its mean score (how much of the map's risk it holds). The weights are "
            + score.weights.factors.map { "\($0.factor) \(Fixed.format($0.weight, decimals: 2))" }.joined(separator: ", ")
            + " (\(score.weights.method)).")
        page.table(id: "ranked", caption: "The \(min(Self.rankedRows, score.hazards.count)) highest-ranked hazard areas "
                    + "(select a column header to sort; the result JSON and the GIS layer hold all \(score.hazards.count))",
                   headers: ["Rank", "Id", "Type", "Status", "Region", "Area (ha)", "Mean score", "Score-weighted area (ha)"] + factors,
                   rows: score.hazards.prefix(Self.rankedRows).map { h in
                       [.number(String(h.rank), Double(h.rank)), .text(h.id), .text(h.type), .text(h.status), .text(h.region ?? "—"),
                        .number(Fixed.grouped(h.areaSquareMetres / 10_000, decimals: 1), h.areaSquareMetres),
                        .number(Fixed.format(h.meanScore, decimals: 3), h.meanScore),
                        .number(Fixed.grouped(h.meanScore * h.areaSquareMetres / 10_000, decimals: 2), h.meanScore * h.areaSquareMetres)]
                           + factors.map { name in
                               let value = h.factors.first { $0.factor == name }?.meanValue
                               return .number(value.map { Fixed.format($0, decimals: 2) } ?? "—", value)
                           }
                   }, sortable: true)
        if !score.preview.values.isEmpty {
            page.figure(svg: NotebookExporter.priorityMap(score).render(),
                        label: "Heat map of the composite priority score over the grid, with the top-ranked areas numbered",
                        caption: "The composite priority score over the whole grid (viridis, 9 classes: dark is low, yellow is high), "
                            + "the highest-ranked areas numbered by rank.")
        }
        if let validation = score.validation { appendValidation(validation, to: &page) }
        page.endSection()
    }

    private func appendValidation(_ validation: ScoreResult.ValidationSummary, to page: inout HTMLDocument) {
        page.heading("Does the ranking find incidents? Validation on held-out incidents", level: 3)
        page.paragraph("Trained on \(validation.trainingIncidents) incidents up to \(validation.holdoutAfter), tested on the "
            + "\(validation.heldOutIncidents) after it. Hit rate: share of held-out incidents in the top x% of the area; PAI: hit "
            + "rate ÷ area share (1 is no better than chance); ROC AUC over grid cells (0.5 is chance).")
        let columns = [("Model", validation.model), ("Uniform", validation.uniform), ("Contamination only", validation.contaminationOnly)]
            + (validation.densityOnly.map { [("Incident density only", $0)] } ?? [])
        func row(_ name: String, _ value: (ScoreResult.Metrics) -> Double?, percent: Bool) -> [HTMLDocument.Cell] {
            [.text(name)] + columns.map { _, metrics in
                let v = value(metrics)
                return .number(v.map { percent ? Fixed.percent($0) : Fixed.format($0, decimals: 2) } ?? "n/a", v)
            }
        }
        page.table(caption: "Validation of the ranking against held-out incidents", headers: ["Metric"] + columns.map(\.0), rows: [
            row("Hit rate, top 5% of area", { $0.hitRate5 }, percent: true), row("Hit rate, top 10%", { $0.hitRate10 }, percent: true),
            row("Hit rate, top 20%", { $0.hitRate20 }, percent: true), row("PAI, top 5%", { $0.pai5 }, percent: false),
            row("PAI, top 10%", { $0.pai10 }, percent: false), row("PAI, top 20%", { $0.pai20 }, percent: false),
            row("ROC AUC", { $0.auc }, percent: false),
        ])
    }
}
