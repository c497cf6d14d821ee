import ClearcastDomain
import RiskModel
extension ScenarioReader {
    /// Reads the optional `scoring:` mapping; absent fields keep their defaults.
    static func readScoring(_ field: FieldReader?, covariates: [String] = []) -> ScoringSpec {
        var spec = ScoringSpec()
        guard let field, let map = field.mapping(allowed: [
            "incident_density", "return_pressure", "contamination", "land_value", "normalization", "weights", "learned",
        ]) else { return spec }
        if let learned = map.optional("learned") { spec.learned = readLearned(learned, covariates: covariates) }

        if let density = map.optional("incident_density")?.mapping(allowed: [
            "bandwidth_m", "half_life_years", "casualty_weight", "truncation_sigmas",
        ]) {
            if let v = density.optional("bandwidth_m")?.number(in: 1...1_000_000, "a kernel bandwidth in metres") { spec.bandwidthMetres = v }
            if let v = density.optional("half_life_years")?.positive("a half-life in years", maximum: 1_000) { spec.halfLifeYears = v }
            if let v = density.optional("casualty_weight")?.nonNegative("a weight per casualty", maximum: 1_000) { spec.casualtyWeight = v }
            if let v = density.optional("truncation_sigmas")?.number(in: 1...12, "a kernel radius in sigmas") {
                spec.truncationSigmas = v
            }
        }
        if let pressure = map.optional("return_pressure")?.mapping(allowed: ["decay_m"]),
           let v = pressure.optional("decay_m")?.number(in: 1...1_000_000, "a decay distance in metres") {
            spec.pressureDecayMetres = v
        }
        if let contamination = map.optional("contamination")?.mapping(allowed: ["type_weights", "status_weights"]) {
            if let weights = readWeightTable(contamination.optional("type_weights"), keys: ["AP", "AV", "CM", "UXO"]) {
                spec.typeWeights.merge(weights) { $1 }
            }
            if let weights = readWeightTable(contamination.optional("status_weights"), keys: ["CHA", "SHA"]) {
                spec.statusWeights.merge(weights) { $1 }
            }
        }
        if let landValue = map.optional("land_value")?.mapping(allowed: ["class_weights"]),
           let weights = readWeightTable(landValue.optional("class_weights"), keys: ["agriculture", "grazing", "road", "water", "school", "residential", "other"]) {
            spec.landValueWeights.merge(weights) { $1 }
        }
        if let normalization = map.optional("normalization")?.choice(LayerNormalization.Method.self) {
            spec.normalization = normalization
        }
        if let weights = map.optional("weights").flatMap(readWeights) { spec.weights = weights }
        return spec
    }

    /// A mapping from fixed keys to non-negative weights.
    private static func readWeightTable(_ field: FieldReader?, keys: [String]) -> [String: Double]? {
        guard let field, let map = field.mapping(allowed: keys) else { return nil }
        var table: [String: Double] = [:]
        for key in map.keys {
            if let v = map.optional(key)?.nonNegative("a weight", maximum: 1_000_000) { table[key] = v }
        }
        return table
    }

    private static func readWeights(_ field: FieldReader) -> ScoringSpec.Weights? {
        guard let map = field.mapping(allowed: ["direct", "ahp"]) else { return nil }
        let direct = map.optional("direct"), ahp = map.optional("ahp")
        switch (direct, ahp) {
        case (nil, nil), (.some, .some):
            field.fail("expected exactly one of 'direct' or 'ahp'")
            return nil
        case (let direct?, nil):
            guard let table = readWeightTable(direct, keys: PriorityFactor.scenarioNames) else { return nil }
            guard table.values.contains(where: { $0 > 0 }) else {
                direct.fail("all weights are zero; expected at least one positive weight")
                return nil
            }
            var weights: [PriorityFactor: Double] = [:]
            for (name, value) in table { if let factor = PriorityFactor(scenarioName: name) { weights[factor] = value } }
            return .direct(weights)
        case (nil, let ahp?):
            return readAHP(ahp)
        }
    }

    private static func readAHP(_ field: FieldReader) -> ScoringSpec.Weights? {
        guard let map = field.mapping(allowed: ["factors", "matrix", "accept_inconsistent"]) else { return nil }
        var factors: [PriorityFactor] = []
        if let list = map.required("factors", "a list of factor names")?.list() {
            for item in list {
                if let factor = item.choice(PriorityFactor.self) {
                    if factors.contains(factor) { item.fail("factor '\(factor.scenarioName)' is listed twice") } else { factors.append(factor) }
                }
            }
        }
        var matrix: [[Double]] = []
        if let matrixField = map.required("matrix", "a square list of lists of positive numbers"), let rows = matrixField.list() {
            for row in rows {
                guard let cells = row.list() else { return nil }
                guard cells.count == rows.count else {
                    row.fail("found a row of \(cells.count) numbers, expected \(rows.count) (the matrix must be square)")
                    return nil
                }
                matrix.append(cells.map { $0.number(in: 0.001...1_000, "a pairwise comparison (Saaty scale 1/9 to 9)") ?? .nan })
            }
            if rows.count != factors.count, !factors.isEmpty {
                matrixField.fail("found a \(rows.count)x\(rows.count) matrix, expected \(factors.count)x\(factors.count), one row per factor")
                return nil
            }
            if !matrix.joined().contains(where: \.isNaN), !checkReciprocal(&matrix, rows: rows) { return nil }
        }
        let accept = map.optional("accept_inconsistent")?.bool() ?? false
        guard !factors.isEmpty, !matrix.isEmpty, !matrix.joined().contains(where: \.isNaN) else { return nil }
        return .ahp(factors: factors, matrix: matrix, acceptInconsistent: accept)
    }

    /// Checks that the lower triangle holds the reciprocals of the upper one and the diagonal is 1.
    /// Planners write 1/3 as 0.333 or 0.3333, so agreement to 0.2% is accepted, and the exact
    /// reciprocals of the upper triangle are then used so that rounding never counts as inconsistency.
    private static func checkReciprocal(_ matrix: inout [[Double]], rows: [FieldReader]) -> Bool {
        let n = matrix.count
        var ok = true
        for i in 0..<n {
            if abs(matrix[i][i] - 1) > 1e-9 {
                rows[i].fail("diagonal entry [\(i)][\(i)] is \(matrix[i][i]), expected 1 (a factor compared with itself)")
                ok = false
            }
            for j in (i + 1)..<max(n, i + 1) where abs(matrix[i][j] * matrix[j][i] - 1) > 2e-3 {
                rows[j].fail("entry [\(j)][\(i)] is \(matrix[j][i]) but entry [\(i)][\(j)] is \(matrix[i][j]); "
                    + "expected reciprocals (a_ji = 1/a_ij = \(1 / matrix[i][j]))")
                ok = false
            }
        }
        guard ok else { return false }
        for i in 0..<n { for j in 0..<i { matrix[i][j] = 1 / matrix[j][i] } }
        return true
    }
}
