import ClearanceModel
// MARK: - The map

extension BriefingReport {
    /// The hazard areas coloured by expected release year (the forecast's median release date per
    /// area) when a forecast is given, else by priority rank; hover shows each area's facts.
    func appendMap(to page: inout HTMLDocument) {
        guard map != nil || mapNote != nil else { return }
        page.beginSection(id: "map", heading: "Where the hazard areas are")
        if let map {
            let colouring = mapColouring()
            let svg = BriefingMap(title: colouring.title, layers: map, styles: colouring.styles, legendTitle: colouring.legendTitle,
                                  legend: colouring.legend).render()
            page.figure(svg: svg, expect: ("path.hazard", map.areas.filter { !$0.polygons.isEmpty }.count), label: "Map of \(map.areas.count) hazard areas coloured by \(colouring.legendTitle.lowercased()), "
                            + "with \(map.settlements.count) settlements and \(map.incidents.count) incidents, a scale bar and a north arrow",
                        caption: colouring.caption + " Settlements are white circles, incidents black crosses. Hover over an area for its id, "
                            + "rank, scores, factor values and release dates. " + map.source, classes: "chart map-figure")
        }
        if let mapNote { page.paragraph(html: HTML.escape(mapNote), classes: "note warning") }
        page.endSection()
    }

    struct MapColouring {
        var title: String
        var legendTitle: String
        var legend: [(color: String, label: String)]
        var styles: [String: BriefingMap.AreaStyle]
        var caption: String
    }

    func mapColouring() -> MapColouring {
        let ranked = Dictionary((score?.hazards ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let releases = Dictionary((forecast?.tasks ?? []).map { ($0.id, $0.release) }, uniquingKeysWith: { a, _ in a })
        let total = score?.hazards.count ?? 0
        func tooltip(_ id: String) -> String {
            var lines = [id]
            if let h = ranked[id] {
                lines[0] += h.name.map { " — \($0)" } ?? ""
                lines.append("Rank \(h.rank) of \(total) · \(ReportText.typeName(h.type)), \(h.status)" + (h.region.map { " · \($0)" } ?? ""))
                lines.append("Mean score \(Fixed.format(h.meanScore, decimals: 3)) · max \(Fixed.format(h.maxScore, decimals: 3)) · "
                    + "area \(Fixed.grouped(h.areaSquareMetres / 10_000, decimals: 1)) ha")
                lines.append("Factors: " + h.factors.map { f in
                    "\(f.factor) \(f.meanValue.map { Fixed.format($0, decimals: 2) } ?? "–") (share \(Fixed.percent(f.share, decimals: 0)))"
                }.joined(separator: ", "))
            }
            if let q = releases[id] {
                let horizon = "after the horizon"
                lines.append("Release P50 \(q.p50Date ?? horizon) (P10 \(q.p10Date ?? horizon), P90 \(q.p90Date ?? horizon)) · "
                    + "released in \(Fixed.percent(q.finishedShare, decimals: 0)) of replications")
            }
            return lines.joined(separator: "\n")
        }
        let ids = map?.areas.map(\.id) ?? []
        if let forecast, !releases.isEmpty {
            let years = ids.compactMap { releases[$0]?.p50Date.flatMap { Int($0.prefix(4)) } }
            let first = years.min() ?? 0, last = years.max() ?? 0
            let classes = max(1, min(8, last - first + 1))
            let width = max(1, Int((Double(last - first + 1) / Double(classes)).rounded(.up)))
            let count = years.isEmpty ? 0 : (last - first) / width + 1
            let scale = ColorScale(maximum: 1, bins: max(2, count))
            var styles: [String: BriefingMap.AreaStyle] = [:]
            for id in ids {
                let year = releases[id]?.p50Date.flatMap { Int($0.prefix(4)) }
                styles[id] = .init(fill: year.map { scale.color(bin: ($0 - first) / width) } ?? BriefingMap.unstyledFill, tooltip: tooltip(id))
            }
            var legend = (0..<count).map { k -> (color: String, label: String) in
                let low = first + k * width, high = min(last, low + width - 1)
                return (scale.color(bin: k), low == high ? "\(low)" : "\(low)–\(high)")
            }
            if styles.values.contains(where: { $0.fill == BriefingMap.unstyledFill }) {
                legend.append((BriefingMap.unstyledFill, "After the horizon"))
            }
            return MapColouring(title: "Hazard areas by expected release year", legendTitle: "Median release year", legend: legend, styles: styles,
                                caption: "Each hazard area coloured by the calendar year in which half of the replications of “\(forecast.scenario)” "
                                    + "have released it (viridis palette: dark is early, light is late; it reads in greyscale and with "
                                    + "the common colour-vision deficiencies; grey: not released within the horizon in half of them).")
        }
        let cuts: [(share: Double, label: String)] = [(0.1, "top 10%"), (0.25, "10–25%"), (0.5, "25–50%"), (0.75, "50–75%"), (1, "75–100%")]
        let scale = ColorScale(maximum: 1, bins: cuts.count)
        var styles: [String: BriefingMap.AreaStyle] = [:]
        for id in ids {
            guard let h = ranked[id], total > 0 else { styles[id] = .init(fill: BriefingMap.unstyledFill, tooltip: tooltip(id)); continue }
            let bin = cuts.firstIndex { Double(h.rank) <= $0.share * Double(total) } ?? cuts.count - 1
            styles[id] = .init(fill: scale.color(bin: bin), tooltip: tooltip(id))
        }
        var previous = 0
        let legend = cuts.enumerated().map { k, cut -> (color: String, label: String) in
            let upper = max(previous + 1, Int((cut.share * Double(total)).rounded(.down)))
            defer { previous = upper }
            return (scale.color(bin: k), "Ranks \(previous + 1)–\(upper) (\(cut.label))")
        }
        return MapColouring(title: score == nil ? "Hazard areas" : "Hazard areas by priority rank",
                            legendTitle: score == nil ? "Hazard areas" : "Priority rank", legend: score == nil ? [] : legend, styles: styles,
                            caption: score == nil ? "Hazard areas of the scenario (no score or forecast given to colour them)."
                                : "Each hazard area coloured by its priority rank (viridis palette: dark is first; it reads in greyscale "
                                    + "and with the common colour-vision deficiencies).")
    }
}
