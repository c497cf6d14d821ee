// MARK: - ReturnPressureError

/// Errors from ``ReturnPressure``: each says what was found and what was expected.
public enum ReturnPressureError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A parameter is out of range.
    case invalidParameter(name: String, value: Double, expected: String)
    /// Settlement number `index` (0-based, in input order) cannot be used.
    case invalidSettlement(index: Int, name: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidParameter(name, value, expected):
            return "return pressure parameter \(name) is \(value), expected \(expected)"
        case let .invalidSettlement(index, name, reason):
            return "settlement \(index) (\(name)): \(reason)"
        }
    }
}
