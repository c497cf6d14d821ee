import Foundation
import ClearcastDomain

extension ScenarioReader {
    /// Reads `scoring.learned:` (see ``LearnedSpec``). Feature names are checked against the built-in
    /// names and the covariates the layers declare, with a did-you-mean.
    static func readLearned(_ field: FieldReader, covariates: [String]) -> LearnedSpec? {
        guard let map = field.mapping(allowed: [
            "labels", "family", "window_years", "features", "block_size_m", "folds", "penalties", "seed", "use_as_priority",
        ]) else { return nil }
        var spec = LearnedSpec()
        var ok = true
        if let labels = map.optional("labels") {
            if let word = labels.choice(LearnedSpec.Labels.allCases.map(\.rawValue)) { spec.labels = LearnedSpec.Labels(rawValue: word)! } else { ok = false }
        }
        if let family = map.optional("family") {
            if let word = family.choice(LearnedSpec.Family.allCases.map(\.rawValue)) { spec.family = LearnedSpec.Family(rawValue: word)! } else { ok = false }
        }
        if spec.family == .poisson, spec.labels == .outcomes, let family = map.optional("family") {
            family.fail("found poisson with labels: outcomes, expected logistic (outcomes are found / nothing found, not counts)")
            ok = false
        }
        if let window = map.optional("window_years") {
            if let v = window.number(in: 0.25...50, "a label window in years") { spec.windowYears = v } else { ok = false }
        }
        if let list = map.required("features", "a list of feature names")?.list() {
            let names = LearnedSpec.Feature.builtInNames + covariates
            for item in list {
                var builtIn: LearnedSpec.Feature?
                if case .scalar(let text, _, _) = item.node { builtIn = LearnedSpec.Feature(builtIn: text) }
                guard let name = builtIn?.name ?? item.choice(names) else { ok = false; continue }
                let feature = builtIn ?? .covariate(name)
                if spec.features.contains(feature) { item.fail("feature '\(name)' is listed twice"); ok = false } else { spec.features.append(feature) }
            }
            if list.isEmpty { map.required("features", "")?.fail("found an empty list, expected at least one feature"); ok = false }
            if spec.labels == .outcomes, spec.features.contains(.distanceToFinds), let features = map.optional("features") {
                features.fail("lists distance_to_finds with labels: outcomes; expected it only with incident labels (the finds are the labels: the model would learn them from themselves)")
                ok = false
            }
        } else { ok = false }
        if let block = map.optional("block_size_m") {
            if let v = block.number(in: 1...10_000_000, "a block side in metres") { spec.blockSizeMetres = v } else { ok = false }
        }
        if let folds = map.optional("folds") {
            if let v = folds.integer(in: 2...50, "a number of cross-validation folds") { spec.folds = v } else { ok = false }
        }
        if let penalties = map.optional("penalties") {
            guard let list = penalties.list(), !list.isEmpty else {
                penalties.fail("expected a non-empty list of ridge penalties (numbers from 0 to 1e6)")
                return nil
            }
            let values = list.compactMap { $0.number(in: 0...1_000_000, "a ridge penalty") }
            if values.count == list.count { spec.penalties = values.sorted() } else { ok = false }
        }
        if let seed = map.optional("seed") {
            if let v = seed.integer(in: 0...Int.max, "a seed") { spec.seed = UInt64(v) } else { ok = false }
        }
        if let use = map.optional("use_as_priority") {
            if let v = use.bool() { spec.useAsPriority = v } else { ok = false }
        }
        return ok ? spec : nil
    }

    /// Reads `layers.covariates:`: a mapping from feature name to a raster path or
    /// `{path:, band:, resampling:}`.
    static func readCovariates(_ field: FieldReader) -> [CovariateSpec]? {
        guard case .mapping(let pairs, _) = field.node else {
            field.expected("a mapping from covariate names to raster files, e.g. {elevation: layers/dem.tif}")
            return nil
        }
        var result: [CovariateSpec] = []
        var ok = true
        let reserved = Set(LearnedSpec.Feature.builtInNames)
        for (name, node) in pairs {
            let entry = FieldReader(node: node, path: field.join(name), log: field.log)
            guard !reserved.contains(name), name.range(of: #"^[a-z][a-z0-9_]{0,39}$"#, options: .regularExpression) != nil else {
                entry.fail("'\(name)' cannot name a covariate; expected lower-case letters, digits and _ (at most 40, starting with a letter), and not a built-in feature name")
                ok = false
                continue
            }
            var band = 1, resampling = CovariateSpec.Resampling.bilinear
            var pathField = entry
            if case .mapping = node {
                guard let map = entry.mapping(allowed: ["path", "band", "resampling"]),
                      let path = map.required("path", "the raster file") else { ok = false; continue }
                pathField = path
                if let b = map.optional("band") {
                    if let v = b.integer(in: 1...10_000, "a band number (1 is the first)") { band = v } else { ok = false }
                }
                if let r = map.optional("resampling") {
                    if let word = r.choice(CovariateSpec.Resampling.allCases.map(\.rawValue)) {
                        resampling = CovariateSpec.Resampling(rawValue: word)!
                    } else { ok = false }
                }
            }
            guard let source = readSource(pathField, attributes: []) else { ok = false; continue }
            result.append(CovariateSpec(name: name, source: source, band: band, resampling: resampling))
        }
        return ok ? result : nil
    }
}
