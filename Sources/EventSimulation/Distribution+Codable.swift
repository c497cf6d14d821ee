// MARK: - Codable

/// The coded form is a flat object with a `type` tag and named parameters, e.g.
/// `{"type": "triangular", "min": 1, "mode": 2, "max": 6}`.
///
/// Decoding also accepts the planner-friendly lognormal forms
/// `{"type": "lognormal", "median": 3, "p90": 8}` and `{"type": "lognormal", "mean": 4, "cv": 0.5}`,
/// and a beta without `min`/`max` (meaning [0, 1]). Decoded values are validated, so a file
/// can never yield an impossible distribution; encoding always writes the canonical case.
extension Distribution: Codable {
    enum CodingKeys: String, CodingKey {
        case type, value, min, max, mean, sd, mu, sigma, shape, scale, alpha, beta, mode, p, median, p90, cv
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        func value(_ key: CodingKeys) throws -> Double { try container.decode(Double.self, forKey: key) }
        let decoded: Distribution
        do {
            switch type {
            case "constant": decoded = .constant(try value(.value))
            case "uniform": decoded = .uniform(min: try value(.min), max: try value(.max))
            case "exponential": decoded = .exponential(mean: try value(.mean))
            case "normal": decoded = .normal(mean: try value(.mean), sd: try value(.sd))
            case "lognormal":
                if container.contains(.median) || container.contains(.p90) {
                    decoded = try .lognormal(median: try value(.median), p90: try value(.p90))
                } else if container.contains(.cv) {
                    decoded = try .lognormal(mean: try value(.mean), cv: try value(.cv))
                } else {
                    decoded = .lognormal(mu: try value(.mu), sigma: try value(.sigma))
                }
            case "gamma": decoded = .gamma(shape: try value(.shape), scale: try value(.scale))
            case "beta":
                let lower = try container.decodeIfPresent(Double.self, forKey: .min) ?? 0
                let upper = try container.decodeIfPresent(Double.self, forKey: .max) ?? 1
                decoded = .beta(alpha: try value(.alpha), beta: try value(.beta), min: lower, max: upper)
            case "triangular":
                decoded = .triangular(min: try value(.min), mode: try value(.mode), max: try value(.max))
            case "poisson": decoded = .poisson(mean: try value(.mean))
            case "bernoulli": decoded = .bernoulli(p: try value(.p))
            default:
                throw DecodingError.dataCorruptedError(
                    forKey: .type, in: container,
                    debugDescription: "unknown distribution type \"\(type)\"; expected one of constant, uniform, "
                        + "exponential, normal, lognormal, gamma, beta, triangular, poisson, bernoulli")
            }
            try decoded.validate()
        } catch let error as DistributionError {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.description, underlyingError: error))
        }
        self = decoded
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .type)
        switch self {
        case let .constant(value):
            try container.encode(value, forKey: .value)
        case let .uniform(min, max):
            try container.encode(min, forKey: .min)
            try container.encode(max, forKey: .max)
        case let .exponential(mean):
            try container.encode(mean, forKey: .mean)
        case let .normal(mean, sd):
            try container.encode(mean, forKey: .mean)
            try container.encode(sd, forKey: .sd)
        case let .lognormal(mu, sigma):
            try container.encode(mu, forKey: .mu)
            try container.encode(sigma, forKey: .sigma)
        case let .gamma(shape, scale):
            try container.encode(shape, forKey: .shape)
            try container.encode(scale, forKey: .scale)
        case let .beta(alpha, beta, min, max):
            try container.encode(alpha, forKey: .alpha)
            try container.encode(beta, forKey: .beta)
            try container.encode(min, forKey: .min)
            try container.encode(max, forKey: .max)
        case let .triangular(min, mode, max):
            try container.encode(min, forKey: .min)
            try container.encode(mode, forKey: .mode)
            try container.encode(max, forKey: .max)
        case let .poisson(mean):
            try container.encode(mean, forKey: .mean)
        case let .bernoulli(p):
            try container.encode(p, forKey: .p)
        }
    }
}
