import EventSimulation

extension ScenarioReader {
    /// Parameters each distribution kind takes in a scenario file.
    static let distributionParameters: [String: [[String]]] = [
        "constant": [["value"]],
        "uniform": [["min", "max"]],
        "exponential": [["mean"]],
        "normal": [["mean", "sd"]],
        "lognormal": [["median", "p90"], ["mean", "cv"]],
        "gamma": [["shape", "scale"]],
        "beta": [["alpha", "beta"], ["alpha", "beta", "min", "max"]],
        "triangular": [["min", "mode", "max"]],
        "poisson": [["mean"]],
        "bernoulli": [["p"]],
    ]

    /// A plain number (a constant) or `{dist: KIND, ...parameters}`; impossible parameters are
    /// reported with the distribution's own explanation.
    static func readDistribution(_ field: FieldReader) -> Distribution? {
        if case .scalar = field.node {
            return field.number().map(Distribution.constant)
        }
        let kinds = distributionParameters.keys.sorted()
        let allParameters = Set(distributionParameters.values.joined().joined()).sorted()
        guard let map = field.mapping(allowed: ["dist"] + allParameters),
              let kind = map.required("dist", "a distribution kind (\(kinds.joined(separator: ", ")))")?.choice(kinds),
              let forms = distributionParameters[kind] else { return nil }
        let given = Set(map.keys).subtracting(["dist"])
        guard let form = forms.first(where: { Set($0) == given }) else {
            let expected = forms.map { "{" + $0.joined(separator: ", ") + "}" }.joined(separator: " or ")
            field.fail("found parameters {\(given.sorted().joined(separator: ", "))} for a \(kind) distribution, expected \(expected)")
            return nil
        }
        var values: [String: Double] = [:]
        for name in form {
            guard let value = map.optional(name)?.number() else { return nil }
            values[name] = value
        }
        let v = { (name: String) in values[name] ?? .nan }
        do {
            let distribution: Distribution
            switch (kind, form.count) {
            case ("constant", _): distribution = .constant(v("value"))
            case ("uniform", _): distribution = .uniform(min: v("min"), max: v("max"))
            case ("exponential", _): distribution = .exponential(mean: v("mean"))
            case ("normal", _): distribution = .normal(mean: v("mean"), sd: v("sd"))
            case ("lognormal", _) where values["median"] != nil:
                distribution = try Distribution.lognormal(median: v("median"), p90: v("p90"))
            case ("lognormal", _): distribution = try Distribution.lognormal(mean: v("mean"), cv: v("cv"))
            case ("gamma", _): distribution = .gamma(shape: v("shape"), scale: v("scale"))
            case ("beta", 2): distribution = Distribution.beta(alpha: v("alpha"), beta: v("beta"))
            case ("beta", _): distribution = .beta(alpha: v("alpha"), beta: v("beta"), min: v("min"), max: v("max"))
            case ("triangular", _): distribution = .triangular(min: v("min"), mode: v("mode"), max: v("max"))
            case ("poisson", _): distribution = .poisson(mean: v("mean"))
            default: distribution = .bernoulli(p: v("p"))
            }
            try distribution.validate()
            return distribution
        } catch {
            // The error names the distribution itself ("lognormal: p90 = …").
            field.fail("impossible distribution: \(error)")
            return nil
        }
    }
}

extension Distribution {
    /// The smallest interval that holds every value the distribution can take.
    var support: ClosedRange<Double>? {
        switch self {
        case .constant(let value): value...value
        case .uniform(let min, let max), .beta(_, _, let min, let max), .triangular(let min, _, let max): min...max
        case .exponential, .lognormal, .gamma, .poisson: 0...Double.infinity
        case .normal: -Double.infinity...Double.infinity
        case .bernoulli: 0...1
        }
    }
}
