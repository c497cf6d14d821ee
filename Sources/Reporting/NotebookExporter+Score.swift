// MARK: - Score section

extension NotebookExporter {
    /// Hazards listed in the ranked table.
    static let rankedTableLength = 20

    /// Summary prose, the priority map, the ranked hazards with each factor's share, mean value and
    /// alone-rank, weights (and AHP diagnostics), layers, incidents, validation against baselines,
    /// provenance.
    static func appendScore(_ result: ScoreResult, to document: inout NotebookDocument, heading: String) {
        document.markdown(scoreSummary(result, heading: heading))
        document.markdown("""
        \(heading)# Priority map

        Composite priority score, averaged over blocks of \(result.preview.factor) × \(result.preview.factor) grid \
        cells and shown in \(ColorScale(maximum: 1).bins) classes; numbered markers are the top-ranked hazards' centroids.
        """)
        document.code(priorityMapSource, svg: priorityMap(result).render(),
                      description: "Priority surface map with the top-ranked hazards")
        document.markdown("\(heading)# Ranked hazards\n\n" + rankedTable(result))
        document.markdown("\(heading)# Weights\n\n" + weightsMarkdown(result))
        document.markdown("\(heading)# Layers and incidents\n\n" + layersMarkdown(result))
        if let validation = result.validation {
            document.markdown("\(heading)# Validation on held-out incidents\n\n" + validationMarkdown(validation))
        }
        if let outcomes = result.outcomeValidation {
            document.markdown("\(heading)# Validation on clearance outcomes\n\n" + outcomeMarkdown(outcomes))
        }
        appendLearned(result, to: &document, heading: heading)
        document.markdown(provenanceMarkdown(result.provenance, heading: heading))
    }

    // MARK: Prose

    private static func scoreSummary(_ result: ScoreResult, heading: String) -> String {
        let grid = result.grid
        var prose = ["The grid has \(Fixed.grouped(Double(grid.columns), decimals: 0)) × \(Fixed.grouped(Double(grid.rows), decimals: 0)) "
            + "cells of \(ReportText.quantity(grid.cellSize)) m (EPSG:\(grid.epsg))."]
        let incidents = result.incidents
        prose.append("\(incidents.used) incidents were used (total weight \(ReportText.quantity(incidents.totalWeight, decimals: 2))); "
            + "\(incidents.outsideGrid) fell outside the grid, \(incidents.afterReferenceDate) after the reference date, "
            + "\(incidents.heldOut) were held out for validation.")
        let ranked = result.hazards.sorted { $0.rank < $1.rank }
        if let top = ranked.first {
            let name = top.name.map { " (\(Markdown.escape($0)))" } ?? ""
            prose.append("\(ranked.count) hazard areas are ranked; first is **\(Markdown.escape(top.id))**\(name), "
                + "\(Markdown.escape(ReportText.typeLabel(top.type))), \(Markdown.escape(top.status)), "
                + "\(Fixed.grouped(top.areaSquareMetres, decimals: 0)) m², mean score \(Fixed.format(top.meanScore, decimals: 3)).")
        } else {
            prose.append("No hazard areas were ranked.")
        }
        if let validation = result.validation {
            prose.append("On incidents after \(Markdown.escape(validation.holdoutAfter)), the top 10% of the area by score holds "
                + "\(Fixed.percent(validation.model.hitRate10)) of them (uniform baseline \(Fixed.percent(validation.uniform.hitRate10)), "
                + "contamination only \(Fixed.percent(validation.contaminationOnly.hitRate10))); AUC \(validation.model.auc.map { Fixed.format($0, decimals: 3) } ?? "not defined").")
        }
        return "\(heading) Risk priorities: \(Markdown.escape(scenarioNames(result.provenance)))\n\n" + prose.joined(separator: " ")
    }

    // MARK: Map

    static func priorityMap(_ result: ScoreResult) -> HeatMap {
        let preview = result.preview, grid = result.grid
        return HeatMap(title: "Priority score", rows: preview.rows, columns: preview.columns, values: preview.values,
                       west: grid.minX, north: grid.minY + Double(grid.rows) * grid.cellSize,
                       cellSize: grid.cellSize * Double(preview.factor), epsg: grid.epsg,
                       labels: preview.labels.map { .init(text: String($0.rank), x: $0.x, y: $0.y) })
    }

    static let priorityMapSource = """
    preview, grid = score["preview"], score["grid"]
    values = np.ma.masked_less(np.array(preview["values"], dtype=float).reshape(preview["rows"], preview["columns"]), 0)  # -1: outside the study area
    size = grid["cellSize"] * preview["factor"]
    west, north = grid["minX"], grid["minY"] + grid["rows"] * grid["cellSize"]
    extent = [west / 1000, (west + preview["columns"] * size) / 1000, (north - preview["rows"] * size) / 1000, north / 1000]
    vmax = np.ceil(values.max() * 10) / 10 if values.size and values.max() > 0 else 1.0
    if values.size == 0:
        print("This result has an empty preview.")
    else:
        fig, ax = plt.subplots(figsize=(8, 7))
        image = ax.imshow(values, extent=extent, origin="upper", cmap=plt.get_cmap("viridis", 9), vmin=0, vmax=vmax,
                          interpolation="nearest")
        for label in preview["labels"]:
            x, y = label["x"] / 1000, label["y"] / 1000
            ax.plot(x, y, "o", color="white", markeredgecolor="black")
            ax.annotate(str(label["rank"]), (x, y), xytext=(4, 4), textcoords="offset points", fontweight="bold")
        fig.colorbar(image, ax=ax, label="Priority score")
        ax.set(title="Priority score", xlabel=f"Easting (km, EPSG:{grid['epsg']})", ylabel="Northing (km)")
        plt.show()
    """

    // MARK: Tables

    private static func rankedTable(_ result: ScoreResult) -> String {
        let factors = result.weights.factors.map(\.factor)
        let ranked = result.hazards.sorted { $0.rank < $1.rank }.prefix(rankedTableLength)
        let complete = result.hazards.allSatisfy { $0.factors.allSatisfy { $0.meanValue != nil && $0.aloneRank != nil } }
        let rows = ranked.map { hazard -> [String] in
            let byFactor = Dictionary(hazard.factors.map { ($0.factor, $0) }, uniquingKeysWith: { first, _ in first })
            return [String(hazard.rank), Markdown.escape(hazard.id), Markdown.escape(hazard.name ?? ""),
                    Markdown.escape(hazard.type), Markdown.escape(hazard.status), Markdown.escape(hazard.region ?? ""),
                    Fixed.grouped(hazard.areaSquareMetres / 1e4, decimals: 2), Fixed.format(hazard.meanScore, decimals: 3),
                    Fixed.grouped(hazard.meanScore * hazard.areaSquareMetres / 1e4, decimals: 2)]
                + factors.map { factor in byFactor[factor].map(factorCell) ?? "—" }
        }
        let header = ["Rank", "Id", "Name", "Type", "Status", "Region", "Area (ha)", "Mean score", "Score-weighted area (ha)"]
            + factors.map { Markdown.escape($0) + (complete ? ": share · value · alone" : ": share") }
        let shown = ranked.count < result.hazards.count ? "The top \(ranked.count) of \(result.hazards.count)" : "All \(ranked.count)"
        let perFactor = complete
            ? "Per factor: its **share** of the hazard's mean score; its **value**, the mean of the normalised layer "
                + "(0 to 1) over the area's cells, comparable between areas (the mean score is the weighted sum of the "
                + "values); and, after #, the rank the area would have if that factor **alone** were scored. Similar "
                + "shares with different values mean the areas differ in level, not in mix."
            : "Shares are each factor's part of the hazard's mean score (this result, \(Markdown.escape(result.schema)) "
                + "from an older clearcast, has no factor values or alone-ranks)."
        return "\(shown) ranked hazard areas, by expected risk reduction per area cleared (the mean score, 0 to 1, "
            + "of the area's cells). The score-weighted area is the area times its mean score: how much of the map's "
            + "risk the area holds, in hectares at full score. \(perFactor)\n\n"
            + Markdown.table(header, rows, alignRight: Set(6..<header.count).union([0]))
    }

    /// `48% · 0.75 · #2`: share, mean value, alone-rank (the share alone for older results).
    private static func factorCell(_ factor: ScoreResult.HazardFactor) -> String {
        var parts = [Fixed.percent(factor.share, decimals: 0)]
        if let value = factor.meanValue { parts.append(Fixed.format(value, decimals: 2)) }
        if let alone = factor.aloneRank { parts.append("#\(alone)") }
        return parts.joined(separator: " · ")
    }

    private static func weightsMarkdown(_ result: ScoreResult) -> String {
        let weights = result.weights
        var text = "Method: **\(Markdown.escape(weights.method))**.\n\n" + Markdown.table(
            ["Factor", "Weight"], weights.factors.map { [Markdown.escape($0.factor), Fixed.format($0.weight, decimals: 3)] },
            alignRight: [1])
        if let ahp = weights.ahp {
            let verdict = ahp.consistencyRatio <= 0.10 ? "acceptable (≤ 0.10)"
                : ahp.acceptedInconsistent ? "**above 0.10, accepted explicitly by the scenario**" : "**above 0.10**"
            text += "\n\nAHP diagnostics: consistency ratio \(Fixed.format(ahp.consistencyRatio, decimals: 3)), \(verdict).\n\n"
                + Markdown.table(["Diagnostic", "Value"], [
                    ["λmax", Fixed.format(ahp.lambdaMax, decimals: 4)],
                    ["Consistency index (CI)", Fixed.format(ahp.consistencyIndex, decimals: 4)],
                    ["Random index (RI)", Fixed.format(ahp.randomIndex, decimals: 4)],
                    ["Consistency ratio (CR = CI / RI)", Fixed.format(ahp.consistencyRatio, decimals: 4)],
                    ["Accepted although inconsistent", ahp.acceptedInconsistent ? "yes" : "no"],
                ], alignRight: [1])
        }
        return text
    }

    private static func layersMarkdown(_ result: ScoreResult) -> String {
        let rows = result.layers.map { layer in
            [Markdown.escape(layer.factor), Markdown.escape(layer.units), ReportText.quantity(layer.minimum, decimals: 4),
             ReportText.quantity(layer.maximum, decimals: 4), ReportText.quantity(layer.mean, decimals: 4),
             Fixed.grouped(Double(layer.nonZeroCells), decimals: 0)]
        }
        let incidents = result.incidents
        return "Raw layer statistics, before normalisation:\n\n"
            + Markdown.table(["Factor", "Units", "Minimum", "Maximum", "Mean", "Non-zero cells"], rows, alignRight: [2, 3, 4, 5])
            + "\n\n" + Markdown.table(["Incidents", "Count"], [
                ["Used", String(incidents.used)], ["Outside the grid", String(incidents.outsideGrid)],
                ["After the reference date", String(incidents.afterReferenceDate)], ["Held out", String(incidents.heldOut)],
                ["Total weight", ReportText.quantity(incidents.totalWeight, decimals: 2)],
                ["Kernel mass outside the grid", Fixed.percent(incidents.edgeLossShare)],
            ], alignRight: [1])
    }

    private static func validationMarkdown(_ validation: ScoreResult.ValidationSummary) -> String {
        var named = validation.all.map { $0.map { ($0.label, $0.metrics) } } ?? []
        if named.isEmpty {
            named = [("model", validation.model), ("uniform", validation.uniform), ("contamination only", validation.contaminationOnly)]
                + (validation.densityOnly.map { [("density only", $0)] } ?? [])
        }
        let headers = ["Metric"] + named.map { Markdown.escape($0.0.prefix(1).uppercased() + $0.0.dropFirst()) }
        func row(_ name: String, _ value: (ScoreResult.Metrics) -> String) -> [String] { [name] + named.map { value($0.1) } }
        var rows = [
            row("Hit rate, top 5%") { Fixed.percent($0.hitRate5) }, row("Hit rate, top 10%") { Fixed.percent($0.hitRate10) },
            row("Hit rate, top 20%") { Fixed.percent($0.hitRate20) }, row("PAI, top 5%") { Fixed.format($0.pai5, decimals: 2) },
            row("PAI, top 10%") { Fixed.format($0.pai10, decimals: 2) }, row("PAI, top 20%") { Fixed.format($0.pai20, decimals: 2) },
            row("ROC AUC") { $0.auc.map { Fixed.format($0, decimals: 3) } ?? "n/a" },
        ]
        if named.contains(where: { $0.1.countWeightedAUC != nil }) {
            rows.append(row("ROC AUC, count-weighted") { $0.countWeightedAUC.map { Fixed.format($0, decimals: 3) } ?? "n/a" })
        }
        var text = "Trained on \(validation.trainingIncidents) incidents up to \(Markdown.escape(validation.holdoutAfter)); tested on "
            + "\(validation.heldOutIncidents) later ones. Hit rate: share of held-out incidents in the top x% of the area; "
            + "PAI: hit rate ÷ area share (1 is no better than chance)."
        if let excluded = validation.excludedCells, excluded > 0 {
            text += " Only cells inside the study area count: \(Fixed.grouped(Double(excluded), decimals: 0)) cells outside it are neither "
                + "positives nor negatives (in a bounding box they would be easy negatives and inflate every metric), and "
                + "\(validation.heldOutOutsideStudyArea ?? 0) held-out incidents that fell outside it are not scored."
        }
        if let areas = validation.hazardAreas {
            text += " Hazard areas: \(areas.positives) of \(areas.areas) had a held-out incident inside; the AUC over areas is "
                + "\(areas.auc.map { Fixed.format($0, decimals: 3) } ?? "not defined"), and the top "
                + areas.top.map { "\($0.count) hold \(Fixed.format($0.positives, decimals: 0))" }.joined(separator: ", ") + " of them."
        }
        return text + "\n\n" + Markdown.table(headers, rows, alignRight: Set(1..<headers.count))
    }

    private static func outcomeMarkdown(_ o: ScoreResult.OutcomeValidationSummary) -> String {
        "Cells of released land labelled by what clearance found. The learned model is judged by its out-of-fold predictions "
            + "(each cell predicted by the fit that did not see its block fold); the baselines are not fitted. Hit rate: share "
            + "of mines-found cells in the top 5 % of the labelled area.\n\n"
            + Markdown.table(["Scores", "Labelled cells", "Mines found", "ROC AUC", "Hit rate, top 5%"], o.rows.map { r in
                [Markdown.escape(r.label), String(r.labelledCells), String(r.positiveCells), r.auc.map { Fixed.format($0, decimals: 3) } ?? "n/a",
                 Fixed.percent(r.hitRate5)]
            }, alignRight: Set(1..<5))
    }
}
