// MARK: - IncidentDensityError

/// Errors from ``IncidentDensity``: each says what was found and what was expected.
public enum IncidentDensityError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A parameter is out of range.
    case invalidParameter(name: String, value: Double, expected: String)
    /// Incident number `index` (0-based, in input order; -1 for a single incident) cannot be used.
    case invalidIncident(index: Int, reason: String)

    public var description: String {
        switch self {
        case let .invalidParameter(name, value, expected):
            return "incident density parameter \(name) is \(value), expected \(expected)"
        case let .invalidIncident(index, reason):
            return index >= 0 ? "incident \(index): \(reason)" : "incident: \(reason)"
        }
    }
}
