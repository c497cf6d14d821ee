// MARK: - WeatherLoss

/// How bad weather removes working days (applied to every team working day).
///
/// - ``none``: every calendar working day is worked.
/// - ``fixedShare(_:)``: deterministic: a step needing `n` team-days of work takes
///   `ceil(n / (1 − share))` calendar working days.
/// - ``bernoulli(_:)``: each team working day is lost independently with probability `p`; a step
///   needing `n` worked days takes `n + NegativeBinomial(n, 1 − p)` calendar working days, sampled
///   in one draw (Gamma–Poisson mixture) rather than day by day, so no per-day events are needed.
public enum WeatherLoss: Sendable, Hashable, Codable {
    case none
    case fixedShare(Double)
    case bernoulli(Double)

    public func validate() throws {
        switch self {
        case .none:
            return
        case .fixedShare(let s), .bernoulli(let s):
            guard s.isFinite, s >= 0, s < 1 else {
                throw ClearanceModelError.invalidInput([
                    ValidationIssue(path: "", message: "weather loss share must be in [0, 1), found \(s)"),
                ])
            }
        }
    }
}
