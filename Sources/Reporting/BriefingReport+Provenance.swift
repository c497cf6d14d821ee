import ClearanceModel
// MARK: - Provenance and assumptions

extension BriefingReport {
    /// What anyone needs to reproduce the results (tool version, command, scenario files with their
    /// SHA-256, seed, replications, OpenBLAS kernel), then the scenario's parameters marked cited or
    /// assumed, as the scenario file tags them.
    func appendProvenance(to page: inout HTMLDocument) {
        page.beginSection(id: "provenance", heading: "Provenance and assumptions")
        for (kind, provenance) in provenances {
            page.heading("The \(kind) result", level: 3)
            var facts: [(String, String)] = [
                ("Tool", "\(provenance.tool) \(provenance.version)"), ("Command", provenance.command),
                ("Seed", provenance.seed.map(String.init) ?? "not set"),
            ]
            if let replications = provenance.replications { facts.append(("Replications", Fixed.grouped(Double(replications), decimals: 0))) }
            if let blas = provenance.blas {
                facts.append(("OpenBLAS kernel", blas.core + (blas.threads.map { ", \($0) thread(s)" } ?? "")))
                if let advisory = blas.advisory { facts.append(("BLAS advisory", advisory)) }
            }
            facts.append(("Run date", provenance.runDate ?? "omitted (reproducible run)"))
            for scenario in provenance.scenarios {
                facts.append(("Scenario", "\(scenario.name) — \(scenario.file)"))
                facts.append(("Content hash (SHA-256)", scenario.contentHash))
                if let overrides = scenario.overrides { facts.append(("Overrides (--set)", overrides.joined(separator: "; "))) }
            }
            page.raw("<dl class=\"facts\">" + facts.map { "<dt>\(HTML.escape($0.0))</dt><dd>\(HTML.escape($0.1))</dd>" }.joined() + "</dl>")
        }
        let files = uniqueFiles()
        if !files.isEmpty {
            page.table(caption: "Files the scenarios read, with their SHA-256 (paths relative to each scenario file's directory)",
                       headers: ["Path", "Role", "SHA-256"],
                       rows: files.map { [.text($0.path), .text($0.role), HTMLDocument.Cell(html: "<code>\(HTML.escape($0.sha256))</code>", sortKey: nil, numeric: false)] })
        }
        page.heading("Assumptions", level: 3)
        if assumptions.isEmpty {
            page.paragraph("The results do not record which parameters are cited and which assumed, and no tagged scenario file was read "
                + "for this report: see the scenario file's comments and its sources for each value.")
        } else {
            let counts = Dictionary(grouping: assumptions, by: \.basis).mapValues(\.count)
            page.paragraph("Each parameter of \(assumptionsSource ?? "the scenario file") as its comments mark it: "
                + ScenarioAssumption.Basis.allCases.compactMap { basis in counts[basis].map { "\($0) \(basis.description.lowercased())" } }
                    .joined(separator: ", ")
                + ". Read from the file's comments ([S] solid, [R] reported, [D] derived, [G] guess or assumption), not from "
                + "the results: a value without a tag is not listed.")
            page.table(id: "assumptions", caption: "Scenario parameters, cited or assumed", headers: ["Parameter", "Value", "Basis", "Source or reason"],
                       rows: assumptions.map { [.text($0.path), .text($0.value), .text($0.basis.description), .text($0.comment)] }, sortable: true)
        }
        page.endSection()
    }

    /// Every file of every scenario once, in first-seen order.
    private func uniqueFiles() -> [Provenance.File] {
        var seen = Set<String>()
        return provenances.flatMap { $0.provenance.scenarios.flatMap { $0.files ?? [] } }
            .filter { seen.insert($0.path + "\u{0}" + $0.sha256).inserted }
    }
}
