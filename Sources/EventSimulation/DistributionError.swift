// MARK: - DistributionError

/// Why a ``Distribution``'s parameters are impossible.
///
/// The messages name the distribution, the offending parameter, the value found and what was
/// expected, so they can be shown to a planner unchanged:
///
/// ```swift
/// do { try Distribution.bernoulli(p: 1.2).validate() }
/// catch { print(error) }  // bernoulli: p = 1.2, expected a probability in [0, 1]
/// ```
public enum DistributionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A parameter is NaN or infinite.
    case nonFinite(distribution: String, parameter: String, value: Double)
    /// A parameter is finite but outside its allowed range (`expected` says which).
    case outOfRange(distribution: String, parameter: String, value: Double, expected: String)
    /// Two or more parameters are individually valid but inconsistent (e.g. `min > max`).
    case inconsistent(distribution: String, message: String)

    public var description: String {
        switch self {
        case let .nonFinite(distribution, parameter, value):
            return "\(distribution): \(parameter) = \(value), expected a finite number"
        case let .outOfRange(distribution, parameter, value, expected):
            return "\(distribution): \(parameter) = \(value), expected \(expected)"
        case let .inconsistent(distribution, message):
            return "\(distribution): \(message)"
        }
    }
}
